// Unit tests for transfer/wxr/post_html: WordPress shortcodes and automatic paragraphs.
#include "transfer/wxr/post_html.h"

#include <gtest/gtest.h>

namespace gazette::transfer::wxr {
namespace {

TEST(PostHtml, CaptionBecomesAFigure) {
  EXPECT_EQ(expand_shortcodes("[caption id=\"a\" align=\"alignleft\" width=\"300\"]<img "
                              "src=\"i.jpg\" alt=\"\"> Légende[/caption]",
                              nullptr),
            "<figure><img src=\"i.jpg\" alt=\"\"><figcaption>Légende</figcaption></figure>");
  EXPECT_EQ(
      expand_shortcodes(
          "[caption caption=\"Dit &amp; fait\"]<a href=\"/x\"><img src=\"i.jpg\"></a>[/caption]",
          nullptr),
      "<figure><a href=\"/x\"><img src=\"i.jpg\"></a><figcaption>Dit &amp; "
      "fait</figcaption></figure>");
}

TEST(PostHtml, GalleryAndEmbed) {
  GalleryImages images = [](const std::vector<std::int64_t>& ids) {
    std::vector<GalleryImage> found;
    for (auto id : ids) found.push_back({"/u/" + std::to_string(id) + ".jpg", "alt", ""});
    return found;
  };
  EXPECT_EQ(expand_shortcodes("[gallery ids=\"3,4\"]", images),
            "<div><figure><img src=\"/u/3.jpg\" alt=\"alt\"></figure>"
            "<figure><img src=\"/u/4.jpg\" alt=\"alt\"></figure></div>");
  EXPECT_EQ(expand_shortcodes("[embed]https://v.example/?a=1&b=2[/embed]", nullptr),
            "<p><a href=\"https://v.example/?a=1&amp;b=2\">https://v.example/?a=1&amp;b=2</a></p>");
}

// Found by fuzz/wxr: an id past 64 bits overflowed (undefined behaviour) into another id.
TEST(PostHtml, GalleryIdsTooLargeForAnyAttachmentAreDropped) {
  std::vector<std::int64_t> asked;
  GalleryImages images = [&](const std::vector<std::int64_t>& ids) {
    asked = ids;
    return std::vector<GalleryImage>{};
  };
  expand_shortcodes("[gallery ids=\"99999999999999999999,3,9223372036854775807\"]", images);
  EXPECT_EQ(asked, (std::vector<std::int64_t>{3, 9223372036854775807}));
}

TEST(PostHtml, UnknownAndEscapedShortcodesStayText) {
  EXPECT_EQ(expand_shortcodes("[contact-form id=1] [[caption]] [caption", nullptr),
            "[contact-form id=1] [[caption]] [caption");
}

TEST(PostHtml, BlankLinesMakeParagraphs) {
  EXPECT_EQ(auto_paragraphs("Un\ndeux\r\n\r\n  \n<h2>T</h2>\n\nTrois"),
            "<p>Un<br>\ndeux</p>\n<h2>T</h2>\n<p>Trois</p>\n");
}

}  // namespace
}  // namespace gazette::transfer::wxr

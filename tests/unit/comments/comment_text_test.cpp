// Unit tests for comments/comment_text: what is kept of a reader's text and how it is shown.
#include "comments/comment_text.h"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

TEST(NormalizeBody, KeepsParagraphsAndDropsControlCharacters) {
  EXPECT_EQ(normalize_body("  Un\r\ndeux\x07\r\n\r\n\r\n\r\ntrois  \n\n "), "Un\ndeux\n\ntrois");
}

TEST(NormalizeLine, CollapsesWhitespace) {
  EXPECT_EQ(normalize_line("  Marie \t\n Curie "), "Marie Curie");
}

TEST(BodyHtml, ParagraphsLineBreaksAndEscapedText) {
  EXPECT_EQ(body_html("Un <i>\ndeux\n\ntrois & co"),
            "<p>Un &lt;i&gt;<br>\ndeux</p>\n<p>trois &amp; co</p>\n");
}

TEST(BodyHtml, NeverCarriesMarkupFromTheReader) {
  auto html = body_html("<script>alert(1)</script>\n<img src=x onerror=alert(1)>");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
}

TEST(ValidUtf8, ReplacesBrokenSequences) {
  EXPECT_EQ(valid_utf8("caf\xC3 \xFF\x80ok"), "caf\uFFFD \uFFFDok");
  EXPECT_EQ(valid_utf8("été"), "été");
}

TEST(CountCharacters, CountsCodePointsNotBytes) {
  EXPECT_EQ(count_characters("été🇫🇷"), 5u);
}

}  // namespace
}  // namespace gazette::comments

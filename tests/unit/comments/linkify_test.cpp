// Unit tests for comments/linkify: which addresses become links, and that nothing else is markup.
#include "comments/linkify.h"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

TEST(Linkify, MakesWebAddressesLinksThatSearchEnginesDoNotFollow) {
  EXPECT_EQ(linkify_html("Voir https://example.fr/a?b=1&c=2 ici"),
            "Voir <a href=\"https://example.fr/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">"
            "https://example.fr/a?b=1&amp;c=2</a> ici");
}

TEST(Linkify, GivesWwwAddressesHttps) {
  auto links = find_links("sur www.lemonde.fr, hier");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].href, "https://www.lemonde.fr");
}

TEST(Linkify, LeavesTrailingPunctuationOut) {
  auto links = find_links("Lisez http://x.fr/a. Puis (http://y.fr/b) et http://z.fr/w_(1)!");
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].href, "http://x.fr/a");
  EXPECT_EQ(links[1].href, "http://y.fr/b");
  EXPECT_EQ(links[2].href, "http://z.fr/w_(1)");
}

TEST(Linkify, NeverLinksOtherSchemes) {
  EXPECT_TRUE(find_links("javascript:alert(1) data:text/html,x vbscript:x").empty());
  EXPECT_EQ(linkify_html("javascript:alert('x')"), "javascript:alert(&#39;x&#39;)");
}

TEST(Linkify, EscapesMarkupInsideAndAroundLinks) {
  auto html = linkify_html("<b>http://x.fr/\"onmouseover=\"alert(1)</b>");
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("\"onmouseover"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;"), std::string::npos);
}

TEST(Linkify, NeedsAHostWithADot) {
  EXPECT_TRUE(find_links("http:// et www. et http://localhost").empty());
  EXPECT_TRUE(find_links("fichier.http://x.fr").empty());  // not at a word boundary
}

}  // namespace
}  // namespace gazette::comments

// LocalPath: what a redirect may send browsers to — a path on this site, and nothing that could
// end the Location header.
#include "http/local_path.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

bool is_local(std::string_view text) {
  return LocalPath::parse(text).has_value();
}

TEST(LocalPath, AcceptsOurOwnPathsQueriesAndAnchors) {
  EXPECT_TRUE(is_local("/"));
  EXPECT_TRUE(is_local("/actualite/un-article/"));
  EXPECT_TRUE(is_local("/actualite/?page=2&utm_source=x"));
  EXPECT_TRUE(is_local("/newsroom/login?next=%2Fnewsroom%2Farticles%2F12"));
  EXPECT_TRUE(is_local("/actualite/un-article/#comment-12"));
  EXPECT_EQ(LocalPath::parse("/tag/syrie/")->text(), "/tag/syrie/");
}

TEST(LocalPath, RefusesAnythingBrowsersReadAsAnotherHost) {
  for (std::string_view text : {"//134744072/", "//evil.example/x", "/\\evil.example",
                                "https://evil.example/", "evil.example", "", "javascript:x"})
    EXPECT_FALSE(is_local(text)) << text;
}

TEST(LocalPath, RefusesWhatCouldEndTheHeader) {
  using namespace std::string_literals;
  for (const auto& text :
       {"/newsroom/x\r\nSet-Cookie: gazette_session=attacker"s, "/x\ny"s, "/x\ry"s, "/x\0y"s,
        "/x\ty"s, "/x y"s, "/x\x7fy"s, "/caf\xc3\xa9/"s, "/x\\y"s, "/x<y>"s, "/x\"y"s})
    EXPECT_FALSE(is_local(text)) << text;
}

TEST(LocalPath, RefusesBrokenEscapesAndOversizedPaths) {
  EXPECT_FALSE(is_local("/x%"));
  EXPECT_FALSE(is_local("/x%4"));
  EXPECT_FALSE(is_local("/x%zz"));
  EXPECT_TRUE(is_local("/x%4A"));
  EXPECT_TRUE(is_local("/" + std::string(kMaxLocalPathBytes - 1, 'a')));
  EXPECT_FALSE(is_local("/" + std::string(kMaxLocalPathBytes, 'a')));
}

TEST(LocalPath, CheckedThrowsForWhatOurCodeShouldNeverBuild) {
  EXPECT_EQ(LocalPath::checked("/newsroom/articles/").text(), "/newsroom/articles/");
  EXPECT_THROW(LocalPath::checked("//evil.example"), std::logic_error);
}

}  // namespace
}  // namespace gazette::http

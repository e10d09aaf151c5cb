// `gazette demo`: a site worth looking at — several sections, two dozen articles, four
// authors, images — served like any other.
#include "published_site.h"

namespace gazette::testing {
namespace {

TEST(DemoCommand, FillsASiteWithSectionsArticlesAuthorsAndImages) {
  TempDir dir;
  auto db = dir.file("demo.db");
  auto result = run_gazette({"demo", "--db", db});
  ASSERT_EQ(result.exit_code, 0) << result.err;

  ServerProcess server(db);
  auto get = [&](const std::string& target) {
    return http_request(server.host(), server.port(), "GET", target);
  };
  HtmlDocument home(get("/").body);
  auto sections = home.find("nav", "site-nav").find_all("a");
  EXPECT_GE(sections.size(), 3u);

  std::set<std::string> articles, authors;
  int images = 0;
  for (const auto& section : sections) {
    for (long page = 1;; ++page) {
      auto response =
          get(section.attribute("href") + (page > 1 ? "?page=" + std::to_string(page) : ""));
      if (response.status != 200) break;
      HtmlDocument listing(response.body);
      auto cards = listing.find_all("article", "card");
      if (cards.empty()) break;
      for (const auto& card : cards) {
        articles.insert(card.find_all("a").at(0).attribute("href"));
        for (const auto& link : card.find_all("a"))
          if (link.attribute("rel") == "author") authors.insert(link.attribute("href"));
        for (const auto& image : card.find_all("img")) {
          if (get(image.attribute("src")).status == 200) ++images;
        }
      }
    }
  }
  EXPECT_GE(articles.size(), 24u);
  EXPECT_GE(authors.size(), 4u);
  EXPECT_GE(images, 24);

  // Who publishes: every footer links the five policies, each a page.
  std::vector<std::string> policies;
  for (const auto& link : home.find("footer", "site-footer").find_all("a"))
    if (link.attribute("href").starts_with("/about/")) policies.push_back(link.attribute("href"));
  EXPECT_GE(policies.size(), 6u) << "« À propos » and five policies";
  for (const auto& policy : policies) EXPECT_EQ(get(policy).status, 200) << policy;

  // Running it again publishes the same articles again: nothing is duplicated.
  ASSERT_EQ(run_gazette({"demo", "--db", db}).exit_code, 0);
  HtmlDocument after(get("/").body);
  EXPECT_EQ(after.find("nav", "site-nav").find_all("a").size(), sections.size());
}

}  // namespace
}  // namespace gazette::testing

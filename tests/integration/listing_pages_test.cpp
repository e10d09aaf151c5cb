// Home, section, tag, author and category pages over HTTP: what they list, in which order,
// and their pagination; on SQLite and on PostgreSQL.
#include "published_site.h"

namespace gazette::testing {
namespace {

class ListingPages : public PublishedSiteOnEachBackend {};

std::vector<std::string> card_links(const HtmlDocument& page) {
  std::vector<std::string> links;
  // Cards and the home page's lead story: each an <article> with its headline as a link.
  for (const auto& card : page.find("main").find_all("article")) {
    for (const char* heading : {"h2", "h3"}) {
      auto headlines = card.find_all(heading);
      if (headlines.empty() || headlines[0].find_all("a").empty()) continue;
      links.push_back(headlines[0].find_all("a")[0].attribute("href"));
      break;
    }
  }
  return links;
}

TEST_P(ListingPages, HomeLeadsWithTheLatestStoryThenEachSection) {
  auto older = publish("older", "title: \"Un match nul\"\nsection: Sport\ndate: 2024-12-01");
  auto newest =
      publish("newest", "title: \"Le budget adopté\"\nsection: Politique\ndate: 2024-12-09");
  auto home = get("/");
  ASSERT_EQ(home.status, 200);
  HtmlDocument page(home.body);
  EXPECT_EQ(page.find_all("h1").size(), 1u);
  auto links = card_links(page);
  ASSERT_FALSE(links.empty());
  EXPECT_EQ(links.front(), newest);  // the lead story
  EXPECT_NE(std::find(links.begin(), links.end(), older), links.end());
  EXPECT_NE(std::find(links.begin(), links.end(), std::string(kReferencePath)), links.end());
  // Each section with articles links to its page from the navigation.
  auto nav = page.find("nav", "site-nav").find_all("a");
  std::vector<std::string> sections;
  for (const auto& link : nav) sections.push_back(link.attribute("href"));
  EXPECT_EQ(sections, (std::vector<std::string>{"/actualite/", "/sport/", "/politique/"}));
}

TEST_P(ListingPages, SectionPageListsOnlyItsArticlesNewestFirst) {
  auto second = publish("second", "title: \"Deuxième\"\nsection: Actualité\ndate: 2024-12-10");
  auto elsewhere = publish("elsewhere", "title: \"Ailleurs\"\nsection: Sport");
  auto section = get("/actualite/");
  ASSERT_EQ(section.status, 200);
  HtmlDocument page(section.body);
  EXPECT_EQ(page.find("h1").text(), "Actualité");
  EXPECT_EQ(card_links(page), (std::vector<std::string>{second, kReferencePath}));
  EXPECT_EQ(std::string(elsewhere).rfind("/sport/", 0), 0u);
}

TEST_P(ListingPages, TagAndCategoryPagesListTheirArticles) {
  auto tagged = publish("tagged", "title: \"Damas au matin\"\nsection: Monde\ntags: [Damas]");
  HtmlDocument tag(get("/tag/damas/").body);
  EXPECT_EQ(card_links(tag), (std::vector<std::string>{tagged, kReferencePath}));
  HtmlDocument other_tag(get("/tag/syrie/").body);
  EXPECT_EQ(card_links(other_tag), (std::vector<std::string>{kReferencePath}));
  HtmlDocument category(get("/category/france/").body);
  EXPECT_EQ(card_links(category), (std::vector<std::string>{kReferencePath}));
}

TEST_P(ListingPages, UnknownTermsAreNotFound) {
  EXPECT_EQ(get("/tag/inconnu/").status, 404);
  EXPECT_EQ(get("/author/personne/").status, 404);
  EXPECT_EQ(get("/category/rien/").status, 404);
  EXPECT_EQ(get("/rubrique-inconnue/").status, 404);
  EXPECT_EQ(get("/actualite/article-inconnu/").status, 404);
}

TEST_P(ListingPages, LongListingsArePaginated) {
  for (int i = 1; i <= 21; ++i) {
    char date[32];
    std::snprintf(date, sizeof date, "2024-11-%02d", i);
    publish("brief-" + std::to_string(i),
            "title: \"Brève numéro " + std::to_string(i) + "\"\nsection: Brèves\ndate: " + date);
  }
  auto first = get("/breves/");
  HtmlDocument page1(first.body);
  auto links1 = card_links(page1);
  ASSERT_EQ(links1.size(), 20u);
  EXPECT_EQ(links1.front(), "/breves/breve-numero-21/");
  auto next = page1.find("a", "pagination-next");
  EXPECT_EQ(next.attribute("href"), "/breves/?page=2");

  HtmlDocument page2(get("/breves/?page=2").body);
  EXPECT_EQ(card_links(page2), (std::vector<std::string>{"/breves/breve-numero-1/"}));
  EXPECT_EQ(get("/breves/?page=3").status, 404);
  EXPECT_EQ(get("/breves/?page=0").status, 404);
  EXPECT_EQ(get("/breves/?page=deux").status, 404);
}

TEST_P(ListingPages, InterfaceSpeaksEnglishWhenTheSiteDoes) {
  // The site language is a setting; the same page then reads in English.
  change_settings({{"language", "en"}});
  HtmlDocument page(get(kReferencePath).body);
  EXPECT_EQ(page.find("html").attribute("lang"), "en");
  EXPECT_EQ(page.find("p", "byline").text(), "by Sara");
  EXPECT_EQ(page.find("article").find_all("time").at(0).text(), "December 8, 2024");
  EXPECT_EQ(page.find("section", "related").find_all("h2").at(0).text(), "You may also like");
  EXPECT_EQ(page.find("section", "comments").find_all("h2").at(0).text(), "Leave a Comment");
}

GAZETTE_ON_EACH_BACKEND(ListingPages);

}  // namespace
}  // namespace gazette::testing

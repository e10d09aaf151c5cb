// What kind of piece an article is, on the real binary (issue 15, part 2): `kind:` in
// `gazette publish`'s front matter, the label above the headline and the page explaining it
// (/types/{kind}/, listing that kind's articles), the JSON-LD's NewsArticle subtype, sponsored
// content naming its sponsor (hostile text escaped), the Content API's `kind`, each kind's feed,
// and bad front matter refused with its line and nothing written. On SQLite and PostgreSQL.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "eventually.h"
#include "html_document.h"
#include "published_site.h"

namespace gazette::testing {
namespace {

class ArticleKinds : public PublishedSiteOnEachBackend {
 protected:
  nlohmann::json article_json_ld(const HtmlDocument& page) {
    for (const auto& script : page.find_all("script"))
      if (script.attribute("type") == "application/ld+json")
        return nlohmann::json::parse(script.text())["@graph"][0];
    ADD_FAILURE() << "no JSON-LD";
    return {};
  }

  // The label above the headline, or nothing.
  std::vector<HtmlElement> labels(const HtmlDocument& page) {
    return page.find_all("p", "article-kind");
  }
};

TEST_P(ArticleKinds, AnAnalysisIsLabelledLinkedToItsExplanationAndTypedInJsonLd) {
  ASSERT_EQ(publish("analyse",
                    "title: \"Pourquoi Damas est tombée\"\nsection: Actualité\nauthor: Sara\n"
                    "kind: analysis"),
            "/actualite/pourquoi-damas-est-tombee/");
  server();
  auto response = get("/actualite/pourquoi-damas-est-tombee/");
  ASSERT_EQ(response.status, 200);
  HtmlDocument page(response.body);
  auto label = labels(page);
  ASSERT_EQ(label.size(), 1u);
  auto link = label[0].find_all("a").at(0);
  EXPECT_EQ(link.text(), "Analyse");
  EXPECT_EQ(link.attribute("href"), "/types/analysis/");
  // Above the headline.
  EXPECT_LT(response.body.find("article-kind"), response.body.find("article-title"));
  auto json = article_json_ld(page);
  EXPECT_EQ(json["@type"], "AnalysisNewsArticle");
  EXPECT_FALSE(json.contains("sponsor"));

  // The label's page says what an analysis is, in the site's language, and lists analyses.
  auto explained = get("/types/analysis/");
  ASSERT_EQ(explained.status, 200);
  HtmlDocument types(explained.body);
  EXPECT_EQ(types.find("h1").text(), "Analyse");
  EXPECT_NE(types.find("p", "listing-description").text().find("explique et interprète"),
            std::string::npos);
  EXPECT_NE(explained.body.find("/actualite/pourquoi-damas-est-tombee/"), std::string::npos);
  EXPECT_EQ(explained.body.find(kReferencePath), std::string::npos);  // news, not analysis
  EXPECT_EQ(get("/types/opinion/").status, 200);
  EXPECT_EQ(get("/types/editorial/").status, 404);

  // /types/ names every kind, says what it means and links to its articles.
  auto index = get("/types/");
  ASSERT_EQ(index.status, 200);
  HtmlDocument every_kind(index.body);
  auto kinds_listed = every_kind.find("dl", "kind-list").find_all("dt");
  // News, analysis, opinion, review, background, fact-check, sponsored, live.
  ASSERT_EQ(kinds_listed.size(), 8u);
  EXPECT_EQ(kinds_listed[1].find_all("a").at(0).attribute("href"), "/types/analysis/");
  EXPECT_EQ(kinds_listed[1].text(), "Analyse");
  EXPECT_NE(index.body.find("explique et interprète"), std::string::npos);

  // Cards say it too, beside the section: the analysis's, and none on news.
  HtmlDocument section(get("/actualite/").body);
  std::map<std::string, std::string> kinds;
  for (const auto& card : section.find_all("article", "card")) {
    auto label = card.find_all("span", "card-kind");
    kinds[card.find_all("a").at(0).attribute("href")] = label.empty() ? "" : label[0].text();
  }
  EXPECT_EQ(kinds["/actualite/pourquoi-damas-est-tombee/"], "Analyse");
  EXPECT_EQ(kinds[kReferencePath], "");

  // The Content API says the kind too.
  auto api = get("/api/v1/articles/actualite/pourquoi-damas-est-tombee");
  ASSERT_EQ(api.status, 200);
  auto article = nlohmann::json::parse(api.body)["article"];
  EXPECT_EQ(article["kind"], "analysis");
  EXPECT_TRUE(article["sponsor"].is_null());
}

TEST_P(ArticleKinds, NewsIsTheDefaultAndCarriesNoLabel) {
  server();
  HtmlDocument page(get(kReferencePath).body);
  EXPECT_TRUE(labels(page).empty());
  EXPECT_EQ(article_json_ld(page)["@type"], "NewsArticle");
}

TEST_P(ArticleKinds, SponsoredContentNamesItsSponsorEscapedEverywhere) {
  const std::string hostile = "Maison <script>alert(1)</script> & Fils";
  ASSERT_EQ(publish("sponsorise",
                    "title: \"Le vin de la vallée\"\nsection: Actualité\nauthor: Sara\n"
                    "kind: sponsored\nsponsor: '" +
                        hostile + "'"),
            "/actualite/le-vin-de-la-vallee/");
  server();
  auto response = get("/actualite/le-vin-de-la-vallee/");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body.find("<script>alert(1)"), std::string::npos);
  HtmlDocument page(response.body);
  auto label = labels(page);
  ASSERT_EQ(label.size(), 1u);
  EXPECT_EQ(label[0].text(), "Contenu sponsorisé par " + hostile);
  EXPECT_EQ(label[0].find_all("a").at(0).attribute("href"), "/types/sponsored/");
  auto json = article_json_ld(page);
  EXPECT_EQ(json["@type"], "NewsArticle");
  EXPECT_EQ(json["sponsor"]["@type"], "Organization");
  EXPECT_EQ(json["sponsor"]["name"], hostile);

  auto api = nlohmann::json::parse(get("/api/v1/articles/actualite/le-vin-de-la-vallee").body);
  EXPECT_EQ(api["article"]["kind"], "sponsored");
  EXPECT_EQ(api["article"]["sponsor"], hostile);
  EXPECT_NE(get("/types/sponsored/").body.find("payé par un annonceur"), std::string::npos);
}

TEST_P(ArticleKinds, BadKindFrontMatterIsRefusedWithItsLineAndWritesNothing) {
  for (const auto& [lines, line, reason] :
       {std::tuple{std::string("kind: editorial"), 5, "kind: expected news, analysis"},
        std::tuple{std::string("kind: sponsored"), 5, "sponsor: missing"},
        std::tuple{std::string("kind: opinion\nsponsor: Acme"), 6, "sponsor: only sponsored"}}) {
    auto path = dir().file("bad.md");
    FILE* file = std::fopen(path.c_str(), "w");
    std::fprintf(file,
                 "---\ntitle: \"Un texte refusé\"\nsection: Actualité\nauthor: Sara\n%s\n"
                 "---\n\nTexte.\n",
                 lines.c_str());
    std::fclose(file);
    auto result = run_gazette({"publish", path, "--db", db()});
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.err.find("bad.md:" + std::to_string(line) + ": " + reason), std::string::npos)
        << result.err;
  }
  EXPECT_EQ(get("/actualite/un-texte-refuse/").status, 404);
}

TEST_P(ArticleKinds, RepublishingChangesTheKindOnTheCachedPage) {
  ASSERT_EQ(publish("tribune", "title: Tribune\nsection: Actualité\nauthor: Sara\nkind: opinion"),
            "/actualite/tribune/");
  server();
  get("/actualite/tribune/");
  ASSERT_EQ(get("/actualite/tribune/").header("x-cache"), "hit");
  get("/types/opinion/");
  ASSERT_EQ(get("/types/opinion/").header("x-cache"), "hit");
  // The file is the whole article: without `kind:` it is news again.
  publish("tribune", "title: Tribune\nsection: Actualité\nauthor: Sara");
  // From another process: the change log carries it to the server (PostgreSQL: its NOTIFY).
  EXPECT_TRUE(eventually([&] {
    HtmlDocument page(get("/actualite/tribune/").body);
    return labels(page).empty();
  }));
  EXPECT_TRUE(eventually([&] {
    return get("/types/opinion/").body.find("/actualite/tribune/") == std::string::npos;
  }));
}

TEST_P(ArticleKinds, EachKindHasItsFeedAnnouncedOnItsPage) {
  ASSERT_EQ(
      publish("tribune", "title: Tribune libre\nsection: Actualité\nauthor: Sara\nkind: opinion"),
      "/actualite/tribune-libre/");
  server();
  auto rss = get("/types/opinion/feed.xml");
  ASSERT_EQ(rss.status, 200);
  EXPECT_NE(rss.header("content-type").find("application/rss+xml"), std::string::npos);
  EXPECT_NE(rss.body.find("<title>Opinion – "), std::string::npos) << rss.body.substr(0, 800);
  EXPECT_NE(rss.body.find("/actualite/tribune-libre/</link>"), std::string::npos);
  EXPECT_EQ(rss.body.find(kReferencePath), std::string::npos);  // news, not opinion
  auto atom = get("/types/opinion/feed.atom");
  ASSERT_EQ(atom.status, 200);
  EXPECT_NE(atom.body.find("/actualite/tribune-libre/"), std::string::npos);
  EXPECT_EQ(get("/types/editorial/feed.xml").status, 404);

  // The kind's page announces its feed, as a section's or a tag's does.
  HtmlDocument page(get("/types/opinion/").body);
  std::vector<std::string> feeds;
  for (const auto& link : page.find_all("link"))
    if (link.attribute("rel") == "alternate") feeds.push_back(link.attribute("href"));
  EXPECT_TRUE(std::any_of(feeds.begin(), feeds.end(), [](const std::string& href) {
    return href.ends_with("/types/opinion/feed.xml");
  }));

  // Republished as news: out of the feed the cache kept.
  publish("tribune", "title: Tribune libre\nsection: Actualité\nauthor: Sara");
  EXPECT_TRUE(eventually([&] {
    return get("/types/opinion/feed.xml").body.find("/actualite/tribune-libre/") ==
           std::string::npos;
  }));
}

GAZETTE_ON_EACH_BACKEND(ArticleKinds);

}  // namespace
}  // namespace gazette::testing

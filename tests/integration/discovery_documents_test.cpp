// Feeds, sitemaps, robots.txt and the search-engine parts of article pages, over HTTP: absolute
// URLs, conditional requests, OpenGraph and JSON-LD that no headline can break out of; on
// SQLite and on PostgreSQL.
#include <nlohmann/json.hpp>

#include "published_site.h"

namespace gazette::testing {
namespace {

class Documents : public PublishedSiteOnEachBackend {
 protected:
  std::string base() { return "http://" + server().host() + ":" + std::to_string(server().port()); }
};

TEST_P(Documents, FeedsExistForTheSiteSectionsTagsAndAuthors) {
  for (const std::string path : {"/feed.xml", "/actualite/feed.xml", "/tag/syrie/feed.xml",
                                 "/author/sara/feed.xml", "/category/france/feed.xml"}) {
    auto rss = get(path);
    ASSERT_EQ(rss.status, 200) << path;
    EXPECT_EQ(rss.header("content-type"), "application/rss+xml; charset=utf-8");
    EXPECT_NE(rss.body.find("<link>" + base() + kReferencePath + "</link>"), std::string::npos);
    auto atom = get(path.substr(0, path.size() - 3) + "atom");
    ASSERT_EQ(atom.status, 200) << path;
    EXPECT_EQ(atom.header("content-type"), "application/atom+xml; charset=utf-8");
  }
  EXPECT_EQ(get("/tag/inconnu/feed.xml").status, 404);
  EXPECT_EQ(get("/nulle-part/feed.xml").status, 404);
  EXPECT_EQ(get("/feed.json").status, 404);
}

TEST_P(Documents, FeedsCarryTheLeadOrTheFullTextBySetting) {
  auto excerpt = get("/feed.xml").body;
  EXPECT_EQ(excerpt.find("content:encoded"), std::string::npos);
  change_settings({{"feed_content", "full"}});
  auto full = get("/feed.xml").body;
  EXPECT_NE(full.find("<content:encoded>"), std::string::npos);
  EXPECT_NE(full.find("Retraite des forces gouvernementales"), std::string::npos);
}

TEST_P(Documents, FeedsAnswerConditionalRequestsWith304) {
  auto first = get("/feed.atom");
  ASSERT_EQ(first.status, 200);
  auto etag = first.header("etag");
  auto modified = first.header("last-modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_FALSE(modified.empty());
  EXPECT_EQ(get("/feed.atom", {{"If-Modified-Since", modified}}).status, 304);
  auto again = get("/feed.atom", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(get("/feed.atom", {{"If-None-Match", "\"other\""}}).status, 200);

  publish("neuf", "title: \"Nouvel article\"\nsection: Actualité");
  auto changed = get("/feed.atom", {{"If-None-Match", etag}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(changed.header("etag"), etag);
  EXPECT_EQ(get("/feed.atom", {{"If-Modified-Since", "Sun, 08 Dec 2024 05:00:00 GMT"}}).status,
            200);  // the feed changed since
  EXPECT_EQ(get("/feed.atom", {{"If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"}}).status,
            304);
}

TEST_P(Documents, SitemapIndexListsPagesArticlesAndNews) {
  auto index = get("/sitemap.xml");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.header("content-type"), "application/xml; charset=utf-8");
  for (const std::string file :
       {"/sitemap-pages.xml", "/sitemap-articles-1.xml", "/sitemap-news.xml"})
    EXPECT_NE(index.body.find("<loc>" + base() + file + "</loc>"), std::string::npos) << file;

  auto articles = get("/sitemap-articles-1.xml");
  ASSERT_EQ(articles.status, 200);
  EXPECT_NE(articles.body.find("<loc>" + base() + kReferencePath + "</loc>"), std::string::npos);
  EXPECT_EQ(get("/sitemap-articles-2.xml").status, 404);
  EXPECT_EQ(get("/sitemap-articles-01.xml").status, 404);
  EXPECT_NE(get("/sitemap-pages.xml").body.find("<loc>" + base() + "/actualite/</loc>"),
            std::string::npos);

  // Only the last 48 hours are news: the 2024 reference article is not.
  auto fresh = publish("frais", "title: \"Dernière minute\"\nsection: Actualité");
  auto news = get("/sitemap-news.xml").body;
  EXPECT_NE(news.find("<loc>" + base() + fresh + "</loc>"), std::string::npos);
  EXPECT_NE(news.find("<news:title>Dernière minute</news:title>"), std::string::npos);
  EXPECT_EQ(news.find(kReferencePath), std::string::npos);
}

TEST_P(Documents, RobotsTxtPointsToTheSitemaps) {
  auto robots = get("/robots.txt");
  ASSERT_EQ(robots.status, 200);
  EXPECT_NE(robots.body.find("Sitemap: " + base() + "/sitemap.xml"), std::string::npos);
  EXPECT_NE(robots.body.find("Disallow: /search"), std::string::npos);
}

TEST_P(Documents, TheUrlSettingMakesAbsoluteUrls) {
  change_settings({{"url", "https://www.example.fr/"}});
  EXPECT_NE(get("/robots.txt").body.find("Sitemap: https://www.example.fr/sitemap.xml"),
            std::string::npos);
  HtmlDocument page(get(kReferencePath).body);
  bool canonical = false;
  for (const auto& link : page.find_all("link"))
    canonical |= link.attribute("rel") == "canonical" &&
                 link.attribute("href") == std::string("https://www.example.fr") + kReferencePath;
  EXPECT_TRUE(canonical);
}

TEST_P(Documents, ArticlePagesHaveSocialCardsAndStructuredData) {
  HtmlDocument page(get(kReferencePath).body);
  std::map<std::string, std::string> meta;
  for (const auto& tag : page.find_all("meta")) {
    auto key =
        tag.attribute("property").empty() ? tag.attribute("name") : tag.attribute("property");
    meta[key] = tag.attribute("content");
  }
  EXPECT_EQ(meta["og:type"], "article");
  EXPECT_EQ(meta["og:title"],
            "Les Islamistes envoient un message fort à Damas : Offensive en cours");
  EXPECT_EQ(meta["og:url"], base() + kReferencePath);
  EXPECT_EQ(meta["og:image"].rfind(base() + "/media/", 0), 0u);
  EXPECT_EQ(meta["twitter:card"], "summary_large_image");
  EXPECT_EQ(meta["description"].rfind("Les nouvelles en provenance de la Syrie", 0), 0u);

  std::vector<std::string> feeds;
  for (const auto& link : page.find_all("link"))
    if (link.attribute("rel") == "alternate") feeds.push_back(link.attribute("href"));
  EXPECT_EQ(feeds, (std::vector<std::string>{"/feed.xml", "/feed.atom"}));

  std::vector<HtmlElement> scripts;
  for (const auto& script : page.find_all("script"))
    if (script.attribute("type") == "application/ld+json") scripts.push_back(script);
  ASSERT_EQ(scripts.size(), 1u);
  auto json = nlohmann::json::parse(scripts[0].text());
  const auto& article = json["@graph"][0];
  EXPECT_EQ(article["@type"], "NewsArticle");
  EXPECT_EQ(article["headline"],
            "Les Islamistes envoient un message fort à Damas : Offensive en cours");
  EXPECT_EQ(article["datePublished"], "2024-12-08T06:00:00+01:00");
  EXPECT_EQ(article["author"][0]["name"], "Sara");
  EXPECT_EQ(article["publisher"]["name"], "Gazette");
  EXPECT_EQ(article["image"][0]["url"], meta["og:image"]);
  const auto& breadcrumb = json["@graph"][1];
  EXPECT_EQ(breadcrumb["@type"], "BreadcrumbList");
  EXPECT_EQ(breadcrumb["itemListElement"].size(), 3u);
  EXPECT_EQ(breadcrumb["itemListElement"][1]["item"], base() + "/actualite/");

  HtmlDocument listing(get("/tag/syrie/").body);
  feeds.clear();
  for (const auto& link : listing.find_all("link"))
    if (link.attribute("rel") == "alternate") feeds.push_back(link.attribute("href"));
  EXPECT_NE(std::find(feeds.begin(), feeds.end(), "/tag/syrie/feed.xml"), feeds.end());
}

TEST_P(Documents, NoHeadlineBreaksOutOfTheJsonLd) {
  const std::string title = "</script><script>alert(1)</script><!-- & «ok»";
  auto path = publish("piege", "title: '" + title + "'\nsection: Actualité");
  auto body = get(path).body;
  EXPECT_EQ(body.find("<script>alert(1)"), std::string::npos);
  HtmlDocument page(body);
  std::vector<HtmlElement> scripts;
  for (const auto& script : page.find_all("script"))
    if (script.attribute("type") == "application/ld+json") scripts.push_back(script);
  ASSERT_EQ(scripts.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(scripts[0].text())["@graph"][0]["headline"], title);
}

GAZETTE_ON_EACH_BACKEND(Documents);

}  // namespace
}  // namespace gazette::testing

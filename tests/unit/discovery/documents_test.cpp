// The documents discovery writes for machines: JSON-LD that cannot close its script element,
// plain text from our HTML, base URLs, dates and conditional requests of feeds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "discovery/discovery_routes.h"
#include "discovery/feeds.h"
#include "discovery/plain_text.h"
#include "discovery/site_url.h"
#include "discovery/structured_data.h"

namespace gazette::discovery {
namespace {

TEST(StructuredData, CannotCloseTheScriptElement) {
  NewsArticleFacts facts;
  facts.headline = "</script><script>alert(1)</script><!-- & \u2028 \"quoted\" back\\slash\ttab";
  auto json = article_json_ld(facts, {{"Accueil", "https://example.fr/"}});
  EXPECT_EQ(json.find('<'), std::string::npos);
  EXPECT_EQ(json.find('>'), std::string::npos);
  EXPECT_EQ(json.find('&'), std::string::npos);
  auto parsed = nlohmann::json::parse(json);
  EXPECT_EQ(parsed["@graph"][0]["headline"], facts.headline);
  EXPECT_EQ(parsed["@graph"][1]["itemListElement"][0]["position"], 1);
}

TEST(StructuredData, StaysValidJsonWhateverTheBytes) {
  NewsArticleFacts facts;
  facts.headline = "caf\xC3 \xFF fin";  // broken UTF-8
  auto parsed = nlohmann::json::parse(article_json_ld(facts, {}));
  EXPECT_EQ(parsed["@graph"][0]["headline"], "caf\uFFFD \uFFFD fin");
}

TEST(StructuredData, SaysWhatTheArticleIs) {
  NewsArticleFacts facts;
  facts.headline = "Offensive en cours";
  facts.url = "https://example.fr/monde/offensive/";
  facts.image = ImageFacts{"https://example.fr/media/photo.jpg", 1200, 800, "Alep", ""};
  facts.authors = {{"Claire Dubois", "https://example.fr/author/claire-dubois/", "", "", {}, {}},
                   {"Karim Haddad", "https://example.fr/author/karim-haddad/",
                    "Correspondant à Beyrouth", "", {}, {"https://x.com/karim"}}};
  facts.keywords = {"Syrie", "Alep"};
  facts.language = "fr";
  auto parsed = nlohmann::json::parse(article_json_ld(
      facts, {{"Accueil", "https://example.fr/"}, {"Monde", "https://example.fr/monde/"}}));
  EXPECT_EQ(parsed["@context"], "https://schema.org");
  const auto& news = parsed["@graph"][0];
  EXPECT_EQ(news["@type"], "NewsArticle");
  EXPECT_EQ(news["mainEntityOfPage"], facts.url);
  EXPECT_EQ(news["image"][0]["@type"], "ImageObject");
  EXPECT_EQ(news["image"][0]["url"], "https://example.fr/media/photo.jpg");
  EXPECT_EQ(news["image"][0]["width"], 1200);
  EXPECT_EQ(news["image"][0]["caption"], "Alep");
  EXPECT_FALSE(news["image"][0].contains("creditText"));
  ASSERT_EQ(news["author"].size(), 2u);  // both who signed, in byline order
  EXPECT_EQ(news["author"][0]["@type"], "Person");
  EXPECT_EQ(news["author"][0]["name"], "Claire Dubois");
  EXPECT_FALSE(news["author"][0].contains("jobTitle"));
  EXPECT_EQ(news["author"][1]["url"], "https://example.fr/author/karim-haddad/");
  EXPECT_EQ(news["author"][1]["jobTitle"], "Correspondant à Beyrouth");
  EXPECT_EQ(news["author"][1]["sameAs"], nlohmann::json::array({"https://x.com/karim"}));
  EXPECT_EQ(news["keywords"], nlohmann::json::array({"Syrie", "Alep"}));
  EXPECT_EQ(news["inLanguage"], "fr");
  const auto& crumbs = parsed["@graph"][1]["itemListElement"];
  ASSERT_EQ(crumbs.size(), 2u);
  EXPECT_EQ(crumbs[1]["position"], 2);
  EXPECT_EQ(crumbs[1]["name"], "Monde");
  EXPECT_EQ(crumbs[1]["item"], "https://example.fr/monde/");
}

TEST(PlainText, KeepsTheWordsOfOurHtml) {
  EXPECT_EQ(html_to_text("<h2 id=\"x\">Titre</h2><p>L’<em>É</em>tat &amp; 5 &lt; 6&#x21;</p>"
                         "<ul><li>un</li><li>deux</li></ul>"),
            "Titre L’État & 5 < 6! un deux");
  EXPECT_EQ(html_to_text("a\x02"
                         "b\x03"
                         "c"),
            "a b c");
  EXPECT_EQ(without_controls(std::string("a\0b\tc\x02", 6)), "ab c");
}

TEST(SiteUrl, PrefersTheSettingThenTheHostHeader) {
  EXPECT_EQ(base_url("https://www.example.fr/", "ignored:80"), "https://www.example.fr");
  EXPECT_EQ(base_url("", "127.0.0.1:8080"), "http://127.0.0.1:8080");
  EXPECT_EQ(base_url("ftp://nope", "[::1]:8080"), "http://[::1]:8080");
  EXPECT_EQ(base_url("", "evil.example/<script>"), "http://localhost");
  EXPECT_EQ(base_url("", ""), "http://localhost");
}

TEST(Feeds, TextWithMarkupOrControlsStaysWellFormed) {
  FeedChannel channel{"A & <B>", "", "https://x.fr/", "https://x.fr/feed.xml", "fr", {}};
  FeedEntry entry;
  entry.title = "Titre\x01 <script> & « ok »";
  entry.url = "https://x.fr/a/b/";
  auto rss = rss_feed(channel, {entry});
  EXPECT_NE(rss.find("<title>A &amp; &lt;B&gt;</title>"), std::string::npos);
  EXPECT_NE(rss.find("<title>Titre &lt;script&gt; &amp; « ok »</title>"), std::string::npos);
  EXPECT_EQ(rss.find('\x01'), std::string::npos);
}

TEST(EntityTags, FollowTheBytes) {
  EXPECT_EQ(entity_tag("a"), entity_tag("a"));
  EXPECT_NE(entity_tag("a"), entity_tag("b"));
}

}  // namespace
}  // namespace gazette::discovery

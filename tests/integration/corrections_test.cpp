// Corrections in the open, on the real binary: `gazette publish` of a public article with
// `change:` and `change_note:`, then what readers get — the « Ce qui a changé » box, the
// retraction notice, « Mis à jour le », the JSON-LD CorrectionComment (parsed), /corrections/
// and its feed — each fresh after the write although the server had cached it, hostile notes
// escaped, and bad front matter refused with its line.
#include <nlohmann/json.hpp>

#include "published_site.h"

namespace gazette::testing {
namespace {

// Dated: without a date, republishing would date the article anew.
constexpr const char* kArticle =
    "title: \"Un bilan provisoire\"\nsection: Actualité\nauthor: Sara\ndate: 2024-12-01";
constexpr const char* kPath = "/actualite/un-bilan-provisoire/";

class Corrections : public PublishedSite {
 protected:
  void SetUp() override {
    PublishedSite::SetUp();
    ASSERT_EQ(publish("bilan", kArticle), kPath);
    server();  // running before each change, so its cache holds the old pages
  }

  // Republishes the article with `change_lines` added to its front matter.
  void republish(const std::string& change_lines, const std::string& body = "Un paragraphe.\n") {
    publish("bilan", std::string(kArticle) + "\n" + change_lines, body);
  }

  nlohmann::json article_json_ld(const HtmlDocument& page) {
    for (const auto& script : page.find_all("script"))
      if (script.attribute("type") == "application/ld+json")
        return nlohmann::json::parse(script.text())["@graph"][0];
    ADD_FAILURE() << "no JSON-LD";
    return {};
  }
};

TEST_F(Corrections, ACorrectionIsShownDatedOnTheArticleInJsonLdOnTheListAndInItsFeed) {
  // Cached before the correction: each of them must be fresh after it.
  for (const char* path : {kPath, "/corrections/", "/corrections/feed.xml"}) {
    get(path);
    ASSERT_EQ(get(path).header("x-cache"), "hit") << path;
  }
  EXPECT_NE(get("/corrections/").body.find("Aucune correction"), std::string::npos);

  const std::string hostile = "Le bilan était de 12 morts, non 21 <script>alert(1)</script> & co";
  republish("change: correction\nchange_note: '" + hostile + "'", "Douze morts.\n");

  auto response = get(kPath);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body.find("<script>alert(1)"), std::string::npos);
  HtmlDocument page(response.body);
  auto box = page.find("aside", "what-changed");
  EXPECT_NE(box.find_all("h2").at(0).text().find("Ce qui a changé"), std::string::npos);
  auto entries = box.find_all("li");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_NE(entries[0].text().find("Correction"), std::string::npos);
  EXPECT_NE(entries[0].text().find(hostile), std::string::npos);  // the text, shown as text
  EXPECT_FALSE(entries[0].find_all("time").at(0).attribute("datetime").empty());
  EXPECT_NE(page.find("p", "dateline").text().find("Mis à jour le"), std::string::npos);
  EXPECT_TRUE(page.find_all("aside", "retraction-notice").empty());

  auto json = article_json_ld(page);
  ASSERT_EQ(json["correction"].size(), 1u);
  EXPECT_EQ(json["correction"][0]["@type"], "CorrectionComment");
  EXPECT_EQ(json["correction"][0]["text"], hostile);
  EXPECT_FALSE(json["correction"][0]["datePublished"].get<std::string>().empty());

  HtmlDocument list(get("/corrections/").body);
  auto items = list.find_all("li", "correction");
  ASSERT_EQ(items.size(), 1u);
  auto link = items[0].find_all("a").at(0);
  EXPECT_EQ(link.text(), "Un bilan provisoire");
  EXPECT_EQ(link.attribute("href").rfind(std::string(kPath) + "#change-", 0), 0u);
  EXPECT_NE(items[0].text().find(hostile), std::string::npos);

  auto feed = get("/corrections/feed.xml");
  ASSERT_EQ(feed.status, 200);
  EXPECT_EQ(feed.header("content-type"), "application/rss+xml; charset=utf-8");
  EXPECT_NE(feed.body.find(std::string(kPath) + "#change-"), std::string::npos);
  EXPECT_NE(feed.body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(feed.body.find("<script>"), std::string::npos);
  EXPECT_EQ(get("/corrections/feed.atom").status, 200);
}

TEST_F(Corrections, ATypoIsSilentAndAnUpdateIsShownButNotListed) {
  republish("change: typo", "Un paragraphe corrigé.\n");
  HtmlDocument typo(get(kPath).body);
  EXPECT_TRUE(typo.find_all("aside", "what-changed").empty());
  auto after_typo = article_json_ld(typo);
  EXPECT_FALSE(after_typo.contains("correction"));

  republish("change: update\nchange_note: Nouveau bilan de la préfecture");
  HtmlDocument updated(get(kPath).body);
  EXPECT_EQ(updated.find("aside", "what-changed").find_all("li").size(), 1u);
  EXPECT_NE(updated.find("p", "dateline").text().find("Mis à jour le"), std::string::npos);
  EXPECT_FALSE(article_json_ld(updated).contains("correction"));  // news, not a correction
  EXPECT_TRUE(HtmlDocument(get("/corrections/").body).find_all("li", "correction").empty());
}

TEST_F(Corrections, ARetractionKeepsThePageWithTheNoticeOnTop) {
  republish("change: retraction\nchange_note: Les faits rapportés n’ont pas pu être établis.");
  auto response = get(kPath);
  ASSERT_EQ(response.status, 200);
  HtmlDocument page(response.body);
  auto notice = page.find("aside", "retraction-notice");
  EXPECT_NE(notice.text().find("n’ont pas pu être établis"), std::string::npos);
  // On top: before the headline.
  EXPECT_LT(response.body.find("retraction-notice"), response.body.find("article-title"));
  EXPECT_EQ(page.find("h1", "article-title").text(), "Un bilan provisoire");
  HtmlDocument list(get("/corrections/").body);
  ASSERT_EQ(list.find_all("li", "correction").size(), 1u);
  EXPECT_NE(list.find_all("li", "correction")[0].text().find("Rétractation"), std::string::npos);
}

TEST_F(Corrections, BadChangeFrontMatterIsRefusedWithItsLineAndChangesNothing) {
  auto before = get(kPath).body;
  for (const auto& [lines, line, reason] :
       {std::tuple{std::string("change: erratum\nchange_note: Note"), 6, "change: expected"},
        std::tuple{std::string("change: correction"), 6, "change_note: missing"}}) {
    auto path = dir().file("bad.md");
    FILE* file = std::fopen(path.c_str(), "w");
    std::fprintf(file, "---\n%s\n%s\n---\n\nTexte.\n", kArticle, lines.c_str());
    std::fclose(file);
    auto result = run_gazette({"publish", path, "--db", db()});
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.err.find("bad.md:" + std::to_string(line) + ": " + reason), std::string::npos)
        << result.err;
  }
  EXPECT_EQ(get(kPath).body, before);
  EXPECT_TRUE(HtmlDocument(get("/corrections/").body).find_all("li", "correction").empty());
}

}  // namespace
}  // namespace gazette::testing

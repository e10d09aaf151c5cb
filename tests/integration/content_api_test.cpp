// The Content API (/api/v1/) over HTTP on the real binary: what the public pages show and
// nothing more, filters, 400s in JSON for bad parameters, ETag/304, and answers kept by the
// page cache and dropped by a publication.
#include <nlohmann/json.hpp>

#include "published_site.h"

namespace gazette::testing {
namespace {

using Json = nlohmann::json;

class ContentApi : public PublishedSite {
 protected:
  Json get_json(const std::string& target, int expected_status = 200) {
    auto response = get(target);
    EXPECT_EQ(response.status, expected_status) << target << ": " << response.body;
    EXPECT_EQ(response.header("content-type"), "application/json; charset=utf-8") << target;
    return Json::parse(response.body, nullptr, false);
  }
  static std::vector<std::string> titles(const Json& page) {
    std::vector<std::string> out;
    for (const auto& article : page["articles"]) out.push_back(article["title"]);
    return out;
  }
};

TEST_F(ContentApi, ListsPublishedArticlesNeverDraftsOrScheduledOnes) {
  publish("brouillon",
          "title: \"Brouillon secret\"\nslug: brouillon\nsection: Actualité\nstatus: draft");
  publish("plus-tard",
          "title: \"Pour demain\"\nslug: plus-tard\nsection: Actualité\nstatus: scheduled\ndate: "
          "2100-01-01");
  auto page = get_json("/api/v1/articles");
  ASSERT_EQ(page["articles"].size(), 1u) << page.dump();
  const auto& article = page["articles"][0];
  EXPECT_EQ(article["path"], kReferencePath);
  EXPECT_EQ(article["section"]["slug"], "actualite");
  EXPECT_EQ(article["author"]["name"], "Sara");
  EXPECT_EQ(article["published_at"], "2024-12-08T05:00:00Z");
  EXPECT_EQ(page["has_more"], false);
  // The one article, as its page shows it; a draft is not there.
  auto one =
      get_json("/api/v1/articles" +
               std::string(kReferencePath).substr(0, std::string(kReferencePath).size() - 1));
  EXPECT_NE(one["article"]["body_html"].get<std::string>().find("<p>"), std::string::npos);
  EXPECT_EQ(one["article"]["tags"].size(), 6u);
  auto draft = get_json("/api/v1/articles/actualite/brouillon", 404);
  EXPECT_EQ(draft["error"]["code"], "not_found");
  EXPECT_EQ(get("/api/v1/articles/actualite/plus-tard").status, 404);
  EXPECT_EQ(get("/api/v1/articles").body.find("Brouillon"), std::string::npos);
}

TEST_F(ContentApi, FiltersBySectionTagAuthorAndDates) {
  publish("sport",
          "title: \"Match\"\nsection: Sport\nauthor: Paul\ntags: [Football]\n"
          "date: 2025-03-01T10:00:00Z");
  EXPECT_EQ(titles(get_json("/api/v1/articles?section=sport")), std::vector<std::string>{"Match"});
  EXPECT_EQ(titles(get_json("/api/v1/articles?tag=football")), std::vector<std::string>{"Match"});
  EXPECT_EQ(titles(get_json("/api/v1/articles?author=paul")), std::vector<std::string>{"Match"});
  EXPECT_EQ(titles(get_json("/api/v1/articles?author=sara")).size(), 1u);
  EXPECT_EQ(titles(get_json("/api/v1/articles?published_after=2025-01-01")),
            std::vector<std::string>{"Match"});
  EXPECT_EQ(titles(get_json("/api/v1/articles?published_before=2025-01-01")).size(), 1u);
  EXPECT_NE(titles(get_json("/api/v1/articles?published_before=2025-01-01"))[0], "Match");
  EXPECT_EQ(titles(get_json("/api/v1/articles?updated_since=2100-01-01")).size(), 0u);
  EXPECT_EQ(titles(get_json("/api/v1/articles?updated_since=2000-01-01")).size(), 2u);
  // Paged, newest first.
  auto first = get_json("/api/v1/articles?limit=1");
  EXPECT_EQ(titles(first), std::vector<std::string>{"Match"});
  EXPECT_EQ(first["has_more"], true);
  auto second = get_json("/api/v1/articles?limit=1&page=2");
  EXPECT_EQ(second["articles"].size(), 1u);
  EXPECT_EQ(second["has_more"], false);
}

TEST_F(ContentApi, SectionsTagsAuthorsAndSearch) {
  publish("brouillon",
          "title: \"Brouillon\"\nsection: Actualité\nauthor: Cachée\n"
          "tags: [Secret]\nstatus: draft");
  auto sections = get_json("/api/v1/sections");
  ASSERT_FALSE(sections["sections"].empty());
  auto tags = get_json("/api/v1/tags").dump();
  EXPECT_NE(tags.find("\"syrie\""), std::string::npos);
  EXPECT_EQ(tags.find("secret"), std::string::npos);  // only on a draft
  auto authors = get_json("/api/v1/authors");
  ASSERT_EQ(authors["authors"].size(), 1u) << authors.dump();
  EXPECT_EQ(authors["authors"][0]["slug"], "sara");
  auto found = get_json("/api/v1/search?q=Damas");
  EXPECT_EQ(found["total"], 1);
  EXPECT_EQ(get_json("/api/v1/search?q=Brouillon")["total"], 0);
}

TEST_F(ContentApi, BadParametersAre400sInJsonNamingTheParameter) {
  for (const std::string target :
       {"/api/v1/articles?sectoin=sport", "/api/v1/articles?limit=0", "/api/v1/articles?limit=101",
        "/api/v1/articles?page=abc", "/api/v1/articles?page=-1", "/api/v1/articles?section=Sport!",
        "/api/v1/articles?section=sport&tag=foot", "/api/v1/articles?published_after=hier",
        "/api/v1/articles?updated_since=2024-02-30", "/api/v1/search", "/api/v1/search?q=a&page=0",
        "/api/v1/tags?x=1", "/api/v1/articles?page=99999999999999999999"}) {
    auto error = get_json(target, 400);
    EXPECT_EQ(error["error"]["code"], "bad_parameter") << target;
    EXPECT_EQ(error["error"]["status"], 400) << target;
    EXPECT_FALSE(error["error"]["parameter"].get<std::string>().empty()) << target;
  }
  EXPECT_EQ(get_json("/api/v1/articles?sectoin=sport", 400)["error"]["parameter"], "sectoin");
  EXPECT_EQ(get_json("/api/v1/nothing", 404)["error"]["code"], "not_found");
  EXPECT_EQ(get_json("/api/v1/", 404)["error"]["code"], "not_found");
  // POST /api/v1/articles is the write side's (ContentApiWrite); the read-only endpoints 405.
  auto post = http_request(server().host(), server().port(), "POST", "/api/v1/sections",
                           {{"Content-Type", "application/json"}}, "{}");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.header("allow"), "GET, HEAD");
}

TEST_F(ContentApi, AnswersCarryAnETagAndAre304WhenUnchanged) {
  for (const std::string target :
       {"/api/v1/articles", "/api/v1/articles?section=actualite", "/api/v1/search?q=Damas"}) {
    auto first = get(target);
    ASSERT_EQ(first.status, 200);
    auto etag = first.header("etag");
    ASSERT_FALSE(etag.empty()) << target;
    auto again = get(target, {{"If-None-Match", etag}});
    EXPECT_EQ(again.status, 304) << target;
    EXPECT_TRUE(again.body.empty());
  }
}

TEST_F(ContentApi, IsKeptByThePageCacheAndDroppedByAPublication) {
  auto first = get("/api/v1/articles");
  auto hit = get("/api/v1/articles");
  EXPECT_EQ(hit.header("x-cache"), "hit");
  auto etag = hit.header("etag");
  // A publication by another process reaches the cache through the change log.
  publish("neuf", "title: \"Nouvel article\"\nsection: Actualité");
  auto fresh = get("/api/v1/articles", {{"If-None-Match", etag}});
  ASSERT_EQ(fresh.status, 200);
  EXPECT_NE(fresh.body.find("Nouvel article"), std::string::npos);
  EXPECT_NE(fresh.header("etag"), etag);
}

}  // namespace
}  // namespace gazette::testing

// The Content API's write side over HTTP on the real binary: tokens made in the newsroom, each
// role allowed exactly what the newsroom allows it, JSON errors that change nothing, and an
// article written through the API on the public page, after a restart too.
#include <regex>

#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class ContentApiWrite : public NewsroomSite {
 protected:
  // A write token of the account signed in as `session`, made on « Jetons d'API ».
  std::string make_token(const NewsroomSession& session, const std::string& name) {
    auto made = post("/newsroom/api-tokens",
                     {{"csrf", session.csrf}, {"name", name}, {"scope", "write"}}, &session);
    EXPECT_EQ(made.status, 200) << made.body;
    std::smatch match;
    EXPECT_TRUE(std::regex_search(
        made.body, match, std::regex("nr-api-token\" readonly value=\"([A-Za-z0-9_-]{43})\"")));
    return match.size() > 1 ? std::string(match[1]) : std::string();
  }
  HttpResponse api(const std::string& method, const std::string& target, const std::string& token,
                   const std::string& body = "", std::map<std::string, std::string> headers = {}) {
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    if (!body.empty() && !headers.contains("Content-Type"))
      headers["Content-Type"] = "application/json";
    return http_request(server().host(), server().port(), method, target, headers, body);
  }
  static std::string field(const std::string& json, const std::string& name) {
    std::smatch match;
    if (std::regex_search(json, match, std::regex("\"" + name + "\":(\\d+)"))) return match[1];
    return "";
  }
};

TEST_F(ContentApiWrite, EachRoleWritesWhatTheNewsroomLetsItAndErrorsChangeNothing) {
  add_user("author@test.example", "Aline Autrice", "author");
  add_user("contrib@test.example", "Colin Pigiste", "contributor");
  auto author_session = sign_in("author@test.example");
  auto contributor_session = sign_in("contrib@test.example");
  auto author = make_token(author_session, "Script « import »");
  auto contributor = make_token(contributor_session, "pigiste");
  ASSERT_FALSE(author.empty());

  auto anonymous = api("POST", "/api/v1/articles", "", R"({"title":"x","section":"actualite"})");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_NE(anonymous.header("www-authenticate").find("Bearer"), std::string::npos);
  EXPECT_EQ(api("POST", "/api/v1/articles", std::string(43, 'a'),
                R"({"title":"x","section":"actualite"})")
                .status,
            401);

  auto created = api(
      "POST", "/api/v1/articles", author,
      R"({"title":"Un article par l’API","section":"actualite","body_markdown":"Du **texte** écrit par un script."})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = field(created.body, "id");
  auto version = field(created.body, "version");
  ASSERT_FALSE(id.empty());
  EXPECT_NE(created.body.find("\"status\":\"draft\""), std::string::npos);

  // Bad input: nothing changes.
  auto target = "/api/v1/articles/" + id;
  EXPECT_EQ(api("PATCH", target, author, "{\"title\": ", {{"If-Match", version}}).status, 400);
  EXPECT_EQ(api("PATCH", target, author, R"({"title":"Autre"})",
                {{"If-Match", version}, {"Content-Type", "text/plain"}})
                .status,
            415);
  EXPECT_EQ(
      api("PATCH", target, author, "{\"body_markdown\":\"" + std::string(1'500'000, 'a') + "\"}",
          {{"If-Match", version}})
          .status,
      413);
  EXPECT_EQ(api("PATCH", target, author, R"({"title":""})", {{"If-Match", version}}).status, 422);
  EXPECT_EQ(api("PATCH", target, author, R"({"title":"Sans version"})").status, 428);
  auto row = article_row(std::stoll(id));
  ASSERT_TRUE(row);
  EXPECT_EQ(row->title, "Un article par l’API");

  // A contributor may not open someone else's article, nor publish at all.
  EXPECT_EQ(api("POST", target + "/publish", contributor).status, 403);
  auto draft = api("POST", "/api/v1/articles", contributor,
                   R"({"title":"Brouillon du pigiste","section":"actualite"})");
  ASSERT_EQ(draft.status, 201) << draft.body;
  auto draft_id = field(draft.body, "id");
  EXPECT_EQ(api("POST", "/api/v1/articles/" + draft_id + "/publish", contributor).status, 403);
  EXPECT_EQ(api("POST", "/api/v1/articles/" + draft_id + "/submit", contributor).status, 200);
  EXPECT_EQ(article_row(std::stoll(draft_id))->status, "review");

  // The author publishes their own; a stale version is a 409 with both versions.
  auto published = api("POST", target + "/publish", author);
  ASSERT_EQ(published.status, 200) << published.body;
  auto page = get("/actualite/un-article-par-l-api/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("écrit par un script"), std::string::npos);
  auto stale = api("PATCH", target, author, R"({"lead":"Chapeau"})", {{"If-Match", version}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_NE(stale.body.find("\"current\""), std::string::npos);
  EXPECT_NE(stale.body.find("\"yours\""), std::string::npos);

  // Revoked in the newsroom: refused at once.
  auto tokens = get("/newsroom/api-tokens", &author_session);
  std::smatch match;
  ASSERT_TRUE(
      std::regex_search(tokens.body, match, std::regex("/newsroom/api-tokens/(\\d+)/revoke")));
  EXPECT_EQ(post(std::string(match[0]), {{"csrf", author_session.csrf}}, &author_session).status,
            303);
  EXPECT_EQ(api("GET", target, author).status, 401);

  restart_server();
  EXPECT_EQ(get("/actualite/un-article-par-l-api/").status, 200);
}

}  // namespace
}  // namespace gazette::testing

// The Content API's write side over HTTP on the real binary: tokens made in the newsroom, each
// role (contributor, author, editor, admin) allowed exactly what the newsroom allows it, JSON
// errors that change nothing, photos uploaded and checked by content, and an article written
// through the API on the public page, after a restart too.
#include <sqlite3.h>

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
  // Control characters: none in a title or caption, only line breaks and tabs in a body.
  EXPECT_EQ(api("PATCH", target, author, R"({"title":"Autre\u0007"})", {{"If-Match", version}})
                .status,
            422);
  EXPECT_EQ(api("PATCH", target, author, R"({"image_caption":"Une\nlégende"})",
                {{"If-Match", version}})
                .status,
            422);
  EXPECT_EQ(api("PATCH", target, author, R"({"body_markdown":"Texte\u0000caché"})",
                {{"If-Match", version}})
                .status,
            422);
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

TEST_F(ContentApiWrite, EditorsAndAdminsWriteAnyonesArticlesAuthorsOnlyTheirOwnAndMediaIsChecked) {
  add_user("aline@test.example", "Aline Autrice", "author");
  add_user("bruno@test.example", "Bruno Auteur", "author");
  add_user("edith@test.example", "Édith Éditrice", "editor");
  auto aline = make_token(sign_in("aline@test.example"), "aline");
  auto bruno = make_token(sign_in("bruno@test.example"), "bruno");
  auto editor = make_token(sign_in("edith@test.example"), "édition");
  auto admin = make_token(sign_in("admin@test.example"), "administration");
  ASSERT_FALSE(admin.empty());

  auto created = api("POST", "/api/v1/articles", aline,
                     R"({"title":"Le marché couvert rouvre","section":"actualite"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = field(created.body, "id");
  auto target = "/api/v1/articles/" + id;

  // Another author neither opens nor changes it.
  EXPECT_EQ(api("GET", target, bruno).status, 403);
  EXPECT_EQ(api("PATCH", target, bruno, R"({"title":"Pris par Bruno","version":1})").status, 403);
  EXPECT_EQ(api("POST", target + "/publish", bruno).status, 403);
  EXPECT_EQ(article_row(std::stoll(id))->title, "Le marché couvert rouvre");

  // An editor opens, changes and publishes anyone's, then takes it back.
  auto read = api("GET", target, editor);
  ASSERT_EQ(read.status, 200) << read.body;
  auto edited = api("PATCH", target, editor, R"({"lead":"Après deux ans de travaux."})",
                    {{"If-Match", read.header("etag")}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  ASSERT_EQ(api("POST", target + "/publish", editor).status, 200);
  auto page = get("/actualite/le-marche-couvert-rouvre/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Après deux ans de travaux."), std::string::npos);
  EXPECT_EQ(api("POST", target + "/unpublish", editor).status, 200);
  EXPECT_EQ(get("/actualite/le-marche-couvert-rouvre/").status, 404);

  // An admin too; and uploads a photo, checked by its content, then shows it.
  auto photo = reference_photo();
  auto refused = api("POST", "/api/v1/media", admin, "GIF89a? pas une image",
                     {{"Content-Type", "image/jpeg"}});
  EXPECT_EQ(refused.status, 415);
  auto uploaded = api("POST", "/api/v1/media", admin, photo, {{"Content-Type", "image/jpeg"}});
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  std::smatch name;
  ASSERT_TRUE(std::regex_search(uploaded.body, name, std::regex("\"name\":\"([^\"]+)\"")));
  EXPECT_EQ(get("/media/" + name[1].str()).status, 200);
  read = api("GET", target, admin);
  ASSERT_EQ(read.status, 200);
  auto with_photo = api("PATCH", target, admin,
                        "{\"image\":\"" + name[1].str() +
                            "\",\"image_alt\":\"Les étals du marché\",\"image_caption\":\"Le marché\"}",
                        {{"If-Match", read.header("etag")}});
  ASSERT_EQ(with_photo.status, 200) << with_photo.body;
  ASSERT_EQ(api("POST", target + "/publish", admin).status, 200);
  page = get("/actualite/le-marche-couvert-rouvre/");
  EXPECT_NE(page.body.find("Les étals du marché"), std::string::npos);
  // Authors may upload too; contributors' and authors' roles are the newsroom's (see above).
  EXPECT_EQ(api("POST", "/api/v1/media", bruno, photo, {{"Content-Type", "image/jpeg"}}).status,
            201);
}

TEST_F(ContentApiWrite, CoAuthorsAreNamedInOrderAndKeptByAWriteThatNamesNone) {
  add_user("aline@test.example", "Aline Autrice", "author");
  add_user("karim@test.example", "Karim Haddad", "author");
  auto aline = make_token(sign_in("aline@test.example"), "aline");
  ASSERT_FALSE(aline.empty());

  // An author's name is that author; another name is a guest, who gets an author page.
  auto created = api(
      "POST", "/api/v1/articles", aline,
      R"({"title":"Le port sous la grêle","section":"actualite","coauthors":["Karim Haddad","Léa Martin"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_NE(created.body.find(R"("coauthors":["Karim Haddad","Léa Martin"])"), std::string::npos)
      << created.body;
  auto target = "/api/v1/articles/" + field(created.body, "id");
  ASSERT_EQ(api("POST", target + "/publish", aline).status, 200);
  auto page = get("/actualite/le-port-sous-la-grele/");
  ASSERT_EQ(page.status, 200);
  std::regex byline(">Aline Autrice</a>, <a [^>]*>Karim Haddad</a> et <a [^>]*>Léa Martin</a>");
  EXPECT_TRUE(std::regex_search(page.body, byline)) << page.body;
  auto guest = get("/author/lea-martin/");
  EXPECT_EQ(guest.status, 200);
  EXPECT_NE(guest.body.find("Le port sous la grêle"), std::string::npos);

  // A write that names no co-author keeps them; bad lists change nothing.
  auto read = api("GET", target, aline);
  auto kept = api("PATCH", target, aline, R"({"lead":"Des toits percés."})",
                  {{"If-Match", read.header("etag")}});
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_NE(kept.body.find(R"("coauthors":["Karim Haddad","Léa Martin"])"), std::string::npos);
  auto version = kept.header("etag");
  std::string too_many = R"({"coauthors":["Invité 0")";
  for (int i = 1; i <= 30; ++i) too_many += ",\"Invité " + std::to_string(i) + "\"";
  too_many += "]}";
  EXPECT_EQ(api("PATCH", target, aline, R"({"coauthors":"Karim Haddad"})", {{"If-Match", version}})
                .status,
            400);
  EXPECT_EQ(api("PATCH", target, aline, too_many, {{"If-Match", version}}).status, 422);
  EXPECT_EQ(
      api("PATCH", target, aline, R"({"coauthors":["Nom\u0007sonore"]})", {{"If-Match", version}})
          .status,
      422);
  EXPECT_TRUE(std::regex_search(get("/actualite/le-port-sous-la-grele/").body, byline));

  // An empty list takes them off the byline, and off their pages, after a restart too.
  auto removed = api("PATCH", target, aline, R"({"coauthors":[]})", {{"If-Match", version}});
  ASSERT_EQ(removed.status, 200) << removed.body;
  restart_server();
  page = get("/actualite/le-port-sous-la-grele/");
  EXPECT_EQ(page.body.find("Karim Haddad"), std::string::npos);
  EXPECT_EQ(get("/author/lea-martin/").body.find("Le port sous la grêle"), std::string::npos);
}

// Another program holding the database's write lock past the 5 s a write waits: the API's own
// JSON error, with Retry-After, and no article; the same request goes through once it is free.
TEST_F(ContentApiWrite, AWriteTheDatabaseKeepsOutIsA503InTheApisJson) {
  add_user("author@test.example", "Aline Autrice", "author");
  auto author = make_token(sign_in("author@test.example"), "script");
  ASSERT_FALSE(author.empty());
  sqlite3* other_program = nullptr;
  ASSERT_EQ(sqlite3_open(db().c_str(), &other_program), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other_program, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  const std::string article = R"({"title":"Écrit pendant un import","section":"actualite"})";
  auto refused = api("POST", "/api/v1/articles", author, article);
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.header("retry-after"), "5");
  EXPECT_NE(refused.body.find(R"("code":"database_busy")"), std::string::npos) << refused.body;
  EXPECT_EQ(sqlite3_exec(other_program, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  auto articles_titled = [&] {
    sqlite3_stmt* count = nullptr;
    sqlite3_prepare_v2(other_program,
                       "SELECT count(*) FROM articles WHERE title = 'Écrit pendant un import'", -1,
                       &count, nullptr);
    sqlite3_step(count);
    auto found = sqlite3_column_int64(count, 0);
    sqlite3_finalize(count);
    return found;
  };
  EXPECT_EQ(articles_titled(), 0);
  EXPECT_EQ(api("POST", "/api/v1/articles", author, article).status, 201);
  EXPECT_EQ(articles_titled(), 1);
  sqlite3_close(other_program);
}

}  // namespace
}  // namespace gazette::testing

// The media library's page over HTTP: every photo with how many things show it; an editor sets
// a photo's caption, credit and alt text once (offered again by the picker's JSON, escaped on
// the page), deletes one that nothing shows (gone from /media/ at once) and cannot delete one
// an article shows; bad text is a 422 that changes nothing; authors browse but change nothing.
#include <regex>

#include <nlohmann/json.hpp>

#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class NewsroomLibrary : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }
  /// Uploads a photo through the library; its media name.
  std::string upload(const std::string& bytes) {
    auto response =
        post_multipart("/newsroom/library/upload", {{"csrf", admin_.csrf}}, {{"file", "photo.jpg", bytes}}, &admin_);
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body).value("name", "");
  }
  nlohmann::json library_json(const NewsroomSession& session) {
    return nlohmann::json::parse(get("/newsroom/library/images.json", &session).body);
  }
  /// A form posted by `session`, with its CSRF token.
  HttpResponse send(const std::string& target, std::map<std::string, std::string> fields,
                    const NewsroomSession& session) {
    fields["csrf"] = session.csrf;
    return post(target, fields, &session);
  }
  NewsroomSession admin_;
};

TEST_F(NewsroomLibrary, AnEditorSetsAPhotosDetailsOnceAndDeletesOneNothingShows) {
  auto name = upload(reference_photo());
  ASSERT_FALSE(name.empty());
  auto page = get("/newsroom/library", &admin_);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"photo-" + name + "\""), std::string::npos);
  EXPECT_NE(page.body.find("inutilisée"), std::string::npos);

  auto saved = send("/newsroom/library/photo/" + name,
                    {{"caption", " Le port au matin <b> "}, {"credit", "AFP"},
                     {"alt", "Des bateaux à quai"}},
                    admin_);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  auto listed = library_json(admin_).at(0);
  EXPECT_EQ(listed["name"], name);
  EXPECT_EQ(listed["caption"], "Le port au matin <b>");
  EXPECT_EQ(listed["credit"], "AFP");
  EXPECT_EQ(listed["alt"], "Des bateaux à quai");
  page = get("/newsroom/library?q=bateaux", &admin_);
  EXPECT_NE(page.body.find("Le port au matin &lt;b&gt;"), std::string::npos);
  EXPECT_EQ(page.body.find("Le port au matin <b>"), std::string::npos);
  EXPECT_EQ(get("/newsroom/library?q=introuvable", &admin_).body.find(name), std::string::npos);

  // Bad text changes nothing.
  for (const auto& [field, value] : std::vector<std::pair<std::string, std::string>>{
           {"caption", std::string(1001, 'a')}, {"credit", "AFP\r\nBcc: x"}, {"alt", "\xff\xfe"}}) {
    std::map<std::string, std::string> fields{{"caption", "x"}, {"credit", "y"}, {"alt", "z"}};
    fields[field] = value;
    EXPECT_EQ(send("/newsroom/library/photo/" + name, fields, admin_).status, 422) << field;
  }
  EXPECT_EQ(library_json(admin_).at(0)["credit"], "AFP");
  EXPECT_EQ(send("/newsroom/library/photo/nope.jpg", {{"caption", "x"}}, admin_).status, 404);

  // Unused: deleted, and gone from /media/ and from the library at once.
  ASSERT_EQ(get("/media/" + name).status, 200);
  auto deleted = send("/newsroom/library/photo/" + name + "/delete", {}, admin_);
  EXPECT_EQ(deleted.status, 303);
  EXPECT_EQ(get("/media/" + name).status, 404);
  EXPECT_TRUE(library_json(admin_).empty());
  EXPECT_EQ(send("/newsroom/library/photo/" + name + "/delete", {}, admin_).status, 404);
}

TEST_F(NewsroomLibrary, APhotoAnArticleShowsCannotBeDeleted) {
  auto name = upload(reference_photo());
  // An article whose body shows it.
  auto fields = article_fields(admin_, "Le port rouvre", "publish");
  fields["body"] = "Texte.\n\n![Des bateaux](/media/" + name + " \"Le port © AFP\")\n";
  ASSERT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 303);
  auto page = get("/newsroom/library", &admin_);
  EXPECT_EQ(page.body.find("inutilisée"), std::string::npos);
  auto refused = send("/newsroom/library/photo/" + name + "/delete", {}, admin_);
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("Cette photo est utilisée"), std::string::npos);
  EXPECT_EQ(get("/media/" + name).status, 200);
}

TEST_F(NewsroomLibrary, AuthorsBrowseTheLibraryButChangeNothing) {
  auto name = upload(reference_photo());
  add_user("auteur@test.example", "Aude Auteur", "author");
  auto author = sign_in("auteur@test.example");
  auto page = get("/newsroom/library", &author);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(name), std::string::npos);
  EXPECT_EQ(page.body.find("/delete\""), std::string::npos);
  EXPECT_EQ(send("/newsroom/library/photo/" + name, {{"caption", "x"}}, author).status, 403);
  EXPECT_EQ(send("/newsroom/library/photo/" + name + "/delete", {}, author).status, 403);
  EXPECT_EQ(get("/media/" + name).status, 200);
}

}  // namespace
}  // namespace gazette::testing

// Categories and tags managed in the newsroom, over HTTP: renamed, merged and deleted by
// editors and admins, shown at once on the (cached) reader pages; refused to contributors and
// authors, and without a CSRF token, with nothing changed.
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class NewsroomLabels : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }
  // A published article filed under `categories` and `tags` (comma-separated names).
  std::int64_t publish(const std::string& title, const std::string& categories,
                       const std::string& tags) {
    auto fields = article_fields(admin_, title, "publish");
    fields["categories"] = categories;
    fields["tags"] = tags;
    auto response = post("/newsroom/articles/new", fields, &admin_);
    EXPECT_EQ(response.status, 303) << response.body.substr(0, 2000);
    return article_id_of(response.header("location"));
  }
  HttpResponse act(const std::string& kind, std::map<std::string, std::string> fields,
                   const NewsroomSession& session) {
    fields["csrf"] = session.csrf;
    return post("/newsroom/terms/" + kind + "/", fields, &session);
  }
  std::string labels_state() {
    return text_value(
        "SELECT group_concat(x, ';') FROM (SELECT t.slug || '=' || t.name || ':' ||"
        " (SELECT count(*) FROM article_tags a WHERE a.tag_id = t.id) AS x FROM tags t"
        " UNION ALL SELECT c.slug || '=' || c.name || ':' || (SELECT count(*) FROM"
        " article_categories a WHERE a.category_id = c.id) FROM categories c ORDER BY 1)");
  }
  // The article count shown in the row of `slug`.
  static std::string count_cell(const std::string& html, const std::string& slug) {
    auto row = html.find("id=\"label-" + slug + "\"");
    if (row == std::string::npos) return "no row";
    const std::string cell = "class=\"nr-count\">";
    auto start = html.find(cell, row) + cell.size();
    return html.substr(start, html.find('<', start) - start);
  }
  NewsroomSession admin_;
};

TEST_F(NewsroomLabels, TheListCountsArticlesOfEachTag) {
  publish("Premier", "", "Climat, Océans");
  publish("Second", "", "Climat");
  auto page = get("/newsroom/terms/tags/", &admin_);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(count_cell(page.body, "climat"), "2");
  EXPECT_EQ(count_cell(page.body, "oceans"), "1");
}

TEST_F(NewsroomLabels, ARenameShowsAtOnceOnTheArticlePageAndTheTagPage) {
  publish("La marée monte", "Planète", "Climat");
  // Cached before the rename.
  ASSERT_NE(get("/actualite/la-maree-monte/").body.find("Climat"), std::string::npos);
  ASSERT_EQ(get("/tag/climat/").status, 200);
  ASSERT_EQ(get("/tag/climat/").header("x-cache"), "hit");

  auto renamed = act("tags",
                     {{"action", "rename"},
                      {"slug", "climat"},
                      {"name", "Climatologie"},
                      {"new_slug", "climatologie"}},
                     admin_);
  ASSERT_EQ(renamed.status, 303) << renamed.body.substr(0, 2000);

  auto article = get("/actualite/la-maree-monte/");
  EXPECT_NE(article.body.find("Climatologie"), std::string::npos);
  EXPECT_NE(article.body.find("/tag/climatologie/"), std::string::npos);
  EXPECT_EQ(article.body.find("/tag/climat/"), std::string::npos);
  auto tag = get("/tag/climatologie/");
  ASSERT_EQ(tag.status, 200);
  EXPECT_NE(tag.body.find("La marée monte"), std::string::npos);
  EXPECT_EQ(get("/tag/climat/").status, 404);
  // The search index follows: the article is found by its tag's new name.
  EXPECT_NE(get("/search?q=climatologie").body.find("La marée monte"), std::string::npos);

  auto category =
      act("categories",
          {{"action", "rename"}, {"slug", "planete"}, {"name", "Terre"}, {"new_slug", ""}}, admin_);
  ASSERT_EQ(category.status, 303);
  EXPECT_NE(get("/actualite/la-maree-monte/").body.find("Terre"), std::string::npos);
  EXPECT_EQ(get("/category/terre/").status, 200);
  EXPECT_EQ(get("/category/planete/").status, 404);
}

TEST_F(NewsroomLabels, ARenameToAnotherTagsSlugIsAFormErrorThatChangesNothing) {
  publish("Un", "", "Climat, Océans");
  auto before = labels_state();
  auto response =
      act("tags",
          {{"action", "rename"}, {"slug", "climat"}, {"name", "Océans"}, {"new_slug", "oceans"}},
          admin_);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(labels_state(), before);
}

TEST_F(NewsroomLabels, AMergeIntoAnUnknownOrTheSameTagIsAFormErrorThatChangesNothing) {
  publish("Un", "", "Climat, Océans");
  auto before = labels_state();
  for (const char* into : {"inconnu", "climat", "Pas un slug"}) {
    auto response = act("tags", {{"action", "merge"}, {"slug", "climat"}, {"into", into}}, admin_);
    EXPECT_EQ(response.status, 422) << into;
  }
  EXPECT_EQ(labels_state(), before);
}

TEST_F(NewsroomLabels, AMergeMovesTheArticlesAndRemovesTheMergedTag) {
  publish("Pluie", "", "Météo");
  publish("Orage", "", "Meteo France, Météo");
  publish("Neige", "", "Meteo France");
  ASSERT_EQ(get("/tag/meteo/").status, 200);  // cached
  auto response =
      act("tags", {{"action", "merge"}, {"slug", "meteo-france"}, {"into", "meteo"}}, admin_);
  ASSERT_EQ(response.status, 303) << response.body.substr(0, 2000);
  auto tag = get("/tag/meteo/");
  for (const char* title : {"Pluie", "Orage", "Neige"})
    EXPECT_NE(tag.body.find(title), std::string::npos) << title;
  EXPECT_EQ(get("/tag/meteo-france/").status, 404);
  EXPECT_EQ(count("SELECT count(*) FROM tags WHERE slug = 'meteo-france'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM article_tags a JOIN tags t ON t.id = a.tag_id"
                  " WHERE t.slug = 'meteo'"),
            3);
}

TEST_F(NewsroomLabels, ADeleteDetachesTheTagFromItsArticles) {
  publish("Vent fort", "", "Tempête, Climat");
  ASSERT_NE(get("/search?q=tempete").body.find("Vent fort"), std::string::npos);
  ASSERT_NE(get("/actualite/vent-fort/").body.find("/tag/tempete/"), std::string::npos);
  auto response = act("tags", {{"action", "delete"}, {"slug", "tempete"}}, admin_);
  ASSERT_EQ(response.status, 303);
  auto article = get("/actualite/vent-fort/");
  ASSERT_EQ(article.status, 200);
  EXPECT_EQ(article.body.find("/tag/tempete/"), std::string::npos);
  EXPECT_NE(article.body.find("/tag/climat/"), std::string::npos);
  EXPECT_EQ(get("/tag/tempete/").status, 404);
  EXPECT_EQ(count("SELECT count(*) FROM tags WHERE slug = 'tempete'"), 0);
  // Nor is it found by the deleted tag's name any more.
  EXPECT_EQ(get("/search?q=tempete").body.find("Vent fort"), std::string::npos);
}

TEST_F(NewsroomLabels, ContributorsAndAuthorsAreRefusedAndNothingChanges) {
  add_user("contributor@test.example", "Carl Contributor", "contributor");
  add_user("author@test.example", "Anna Author", "author");
  add_user("editor@test.example", "Eddie Editor", "editor");
  publish("Un", "Planète", "Climat, Océans");
  auto before = labels_state();
  for (const char* email : {"contributor@test.example", "author@test.example"}) {
    auto session = sign_in(email);
    EXPECT_EQ(get("/newsroom/terms/tags/", &session).status, 403) << email;
    EXPECT_EQ(
        act("tags", {{"action", "rename"}, {"slug", "climat"}, {"name", "X"}}, session).status,
        403);
    EXPECT_EQ(
        act("tags", {{"action", "merge"}, {"slug", "climat"}, {"into", "oceans"}}, session).status,
        403);
    EXPECT_EQ(act("categories", {{"action", "delete"}, {"slug", "planete"}}, session).status, 403);
    EXPECT_EQ(labels_state(), before) << email;
  }
  auto editor = sign_in("editor@test.example");
  EXPECT_EQ(get("/newsroom/terms/categories/", &editor).status, 200);
  EXPECT_EQ(act("categories", {{"action", "delete"}, {"slug", "planete"}}, editor).status, 303);
}

TEST_F(NewsroomLabels, AWriteWithoutTheCsrfTokenIsRefusedAndChangesNothing) {
  publish("Un", "", "Climat");
  auto before = labels_state();
  auto forged = post("/newsroom/terms/tags/",
                     {{"csrf", "forged"}, {"action", "delete"}, {"slug", "climat"}}, &admin_);
  EXPECT_EQ(forged.status, 403);
  auto missing = post("/newsroom/terms/tags/", {{"action", "delete"}, {"slug", "climat"}}, &admin_);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(labels_state(), before);
}

}  // namespace
}  // namespace gazette::testing

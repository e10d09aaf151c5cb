// Pinned ("sticky") articles, over HTTP: editors and admins pin from the editor and see the pins
// in the list; the home page shows the published ones first, once; a refused pin changes
// nothing; every change reaches a cached home page on the next request; `gazette publish`'s
// `pinned:` key and a WordPress export and import keep the pin.
#include <fstream>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class PinnedArticles : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    add_user("editor@test.example", "Eve Editor", "editor");
    add_user("author@test.example", "Abel Author", "author");
    add_user("contributor@test.example", "Cleo Contributor", "contributor");
    admin_ = sign_in("admin@test.example");
    editor_ = sign_in("editor@test.example");
  }

  std::string path_of(std::int64_t id) { return "/newsroom/articles/" + std::to_string(id); }

  /// Saves article `id` from `session`'s editor with the pin checkbox ticked or not.
  HttpResponse save_pin(const NewsroomSession& session, std::int64_t id, bool pinned) {
    auto fields = editor_fields(session, id);
    fields["pin_field"] = "1";
    if (pinned) fields["pinned"] = "1";
    return post(path_of(id), fields, &session);
  }
  void pin(std::int64_t id, bool pinned = true) {
    auto response = save_pin(editor_, id, pinned);
    ASSERT_EQ(response.status, 303) << response.body.substr(0, 2000);
  }

  /// The titles of the pinned articles on the home page, in their order.
  std::vector<std::string> pinned_on_home() {
    auto page = get("/");
    EXPECT_EQ(page.status, 200);
    HtmlDocument document(page.body);
    std::vector<std::string> titles;
    for (const auto& story : document.find_all("article", "pinned-story")) {
      EXPECT_EQ(story.find_all("p", "pinned-label").at(0).text(), "À la une");
      titles.push_back(story.find_all("h2").at(0).text());
    }
    return titles;
  }

  std::int64_t pins() { return count("SELECT count(*) FROM sticky_articles"); }

  NewsroomSession admin_;
  NewsroomSession editor_;
};

TEST_F(PinnedArticles, APinnedArticleComesFirstOnTheHomePageAndOnlyOnce) {
  auto older = create_article(admin_, "Un dossier de fond", "publish");
  create_article(admin_, "La dernière nouvelle", "publish");
  EXPECT_TRUE(pinned_on_home().empty());

  pin(older);
  EXPECT_EQ(pins(), 1);
  EXPECT_EQ(pinned_on_home(), std::vector<std::string>{"Un dossier de fond"});
  HtmlDocument home(get("/").body);
  EXPECT_EQ(home.find("h2", "lead-story-title").text(), "La dernière nouvelle");
  EXPECT_EQ(home.find_all("h1").size(), 1u);
  std::size_t titles = 0;
  for (const auto& heading : home.find_all("h2")) titles += heading.text() == "Un dossier de fond";
  for (const auto& heading : home.find_all("h3")) titles += heading.text() == "Un dossier de fond";
  EXPECT_EQ(titles, 1u) << "a pinned article is not repeated in the section blocks";
  // Page 2 lists every article, the pinned one in its place by date.
  EXPECT_NE(get("/?page=2").body.find("Un dossier de fond"), std::string::npos);

  // The newsroom's list marks it, and its editor shows the box ticked.
  HtmlDocument list(get("/newsroom/articles/", &editor_).body);
  std::size_t marks = 0;
  for (const auto& row : list.find_all("tr")) {
    bool pinned = !row.find_all("span", "nr-pinned").empty();
    marks += pinned;
    if (pinned) {
      EXPECT_NE(row.text().find("Un dossier de fond"), std::string::npos);
    }
  }
  EXPECT_EQ(marks, 1u);
  auto editor = get(path_of(older), &editor_).body;
  EXPECT_NE(editor.find("name=\"pinned\" value=\"1\" checked"), std::string::npos);

  pin(older, false);
  EXPECT_EQ(pins(), 0);
  EXPECT_TRUE(pinned_on_home().empty());
  EXPECT_EQ(HtmlDocument(get("/").body).find("h2", "lead-story-title").text(),
            "La dernière nouvelle");
}

TEST_F(PinnedArticles, OnlyPublishedPinsShowNewestFirst) {
  auto first = create_article(admin_, "Épinglé il y a longtemps", "publish");
  auto second = create_article(admin_, "Épinglé récemment", "publish");
  auto draft = create_article(admin_, "Brouillon épinglé");
  auto fields = article_fields(admin_, "Épinglé pour demain", "schedule");
  fields["published_at"] = "2999-01-01T10:00";
  auto scheduled = post("/newsroom/articles/new", fields, &admin_);
  ASSERT_EQ(scheduled.status, 303) << scheduled.body.substr(0, 2000);
  for (auto id : {second, draft, article_id_of(scheduled.header("location")), first}) pin(id);
  EXPECT_EQ(pins(), 4);
  EXPECT_EQ(pinned_on_home(),
            (std::vector<std::string>{"Épinglé récemment", "Épinglé il y a longtemps"}));
  auto home = get("/").body;
  EXPECT_EQ(home.find("Brouillon épinglé"), std::string::npos);
  EXPECT_EQ(home.find("Épinglé pour demain"), std::string::npos);
}

TEST_F(PinnedArticles, EveryArticlePinnedStillMakesAFrontPage) {
  // The two articles the fixture published, both pinned: no lead story, no "nothing yet".
  auto sport = count("SELECT id FROM articles WHERE slug = 'match-nul'");
  auto news = count("SELECT id FROM articles WHERE slug = 'article-de-depart'");
  pin(sport);
  pin(news);
  EXPECT_EQ(pinned_on_home().size(), 2u);
  HtmlDocument home(get("/").body);
  EXPECT_TRUE(home.find_all("article", "lead-story").empty());
  EXPECT_TRUE(home.find_all("p", "empty").empty());
}

TEST_F(PinnedArticles, AuthorsAndContributorsCannotPinAndTheirRefusalChangesNothing) {
  auto author = sign_in("author@test.example");
  auto contributor = sign_in("contributor@test.example");
  auto own = create_article(author, "Mon article publié", "publish");
  auto draft = create_article(contributor, "Mon brouillon");
  // Their editor has no pin checkbox.
  EXPECT_EQ(get(path_of(own), &author).body.find("name=\"pinned\""), std::string::npos);
  EXPECT_NE(get(path_of(own), &editor_).body.find("name=\"pinned\""), std::string::npos);

  for (auto [session, id] : {std::pair{&author, own}, std::pair{&contributor, draft}}) {
    auto before = article_row(id);
    EXPECT_EQ(save_pin(*session, id, true).status, 403);
    EXPECT_EQ(article_row(id), before);
  }
  EXPECT_EQ(pins(), 0);

  // An editor's pin on an author's article survives the author's next save.
  pin(own);
  auto fields = editor_fields(author, own);
  fields["title"] = "Mon article publié, corrigé";
  ASSERT_EQ(post(path_of(own), fields, &author).status, 303);
  EXPECT_EQ(pins(), 1);
  EXPECT_EQ(pinned_on_home(), std::vector<std::string>{"Mon article publié, corrigé"});
  // …and the author cannot unpin it either.
  auto before = article_row(own);
  EXPECT_EQ(save_pin(author, own, false).status, 403);
  EXPECT_EQ(article_row(own), before);
  EXPECT_EQ(pins(), 1);
}

TEST_F(PinnedArticles, APinWithoutTheSessionsCsrfTokenChangesNothing) {
  auto id = create_article(admin_, "Sans jeton", "publish");
  auto before = article_row(id);
  auto fields = editor_fields(editor_, id);
  fields["pin_field"] = "1";
  fields["pinned"] = "1";
  fields["csrf"] = "made-up";
  EXPECT_EQ(post(path_of(id), fields, &editor_).status, 403);
  fields.erase("csrf");
  EXPECT_EQ(post(path_of(id), fields, &editor_).status, 403);
  EXPECT_EQ(article_row(id), before);
  EXPECT_EQ(pins(), 0);
  EXPECT_TRUE(pinned_on_home().empty());
}

TEST_F(PinnedArticles, EachChangeToAPinnedArticleRefreshesACachedHomePage) {
  auto id = create_article(admin_, "À suivre", "publish");
  auto warm = [&](const std::string& path) {
    get(path);
    ASSERT_EQ(get(path).header("x-cache"), "hit") << path;
  };
  warm("/");
  warm("/sport/");

  pin(id);  // pinning
  EXPECT_EQ(pinned_on_home(), std::vector<std::string>{"À suivre"});
  EXPECT_EQ(get("/sport/").header("x-cache"), "hit") << "a page that does not show it stays";

  warm("/");  // editing
  auto fields = editor_fields(editor_, id);
  fields["title"] = "À suivre de près";
  ASSERT_EQ(post(path_of(id), fields, &editor_).status, 303);
  EXPECT_EQ(pinned_on_home(), std::vector<std::string>{"À suivre de près"});

  warm("/");  // unpinning
  pin(id, false);
  EXPECT_TRUE(pinned_on_home().empty());

  pin(id);
  warm("/");  // unpublishing
  fields = editor_fields(editor_, id);
  fields["action"] = "unpublish";
  ASSERT_EQ(post(path_of(id), fields, &editor_).status, 303);
  EXPECT_TRUE(pinned_on_home().empty());
  EXPECT_EQ(get("/").body.find("À suivre de près"), std::string::npos);
  EXPECT_EQ(pins(), 1) << "unpublished, it stays pinned for when it comes back";
}

TEST_F(PinnedArticles, GazettePublishPinsAndUnpinsWithTheFrontMatter) {
  auto write = [&](const std::string& front_matter) {
    auto file = dir().file("pinned.md");
    std::ofstream(file) << "---\ntitle: Le fil du jour\nsection: Actualité\n"
                        << front_matter << "---\n\nTexte.\n";
    return run_gazette({"publish", file, "--db", db()});
  };
  get("/");
  ASSERT_EQ(get("/").header("x-cache"), "hit");
  // Beside the running server: its cache learns of the write through the change log.
  ASSERT_EQ(write("pinned: true\n").exit_code, 0);
  EXPECT_EQ(pinned_on_home(), std::vector<std::string>{"Le fil du jour"});
  ASSERT_EQ(write("").exit_code, 0);
  EXPECT_EQ(pins(), 1) << "without the key the pin stays";
  ASSERT_EQ(write("pinned: false\n").exit_code, 0);
  EXPECT_EQ(pins(), 0);
  EXPECT_TRUE(pinned_on_home().empty());

  auto articles = count("SELECT count(*) FROM articles");
  auto refused = write("lead: Un chapô.\npinned: oui\n");
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("pinned.md:5: pinned: expected true or false"), std::string::npos)
      << refused.err;
  EXPECT_EQ(count("SELECT count(*) FROM articles"), articles);
  EXPECT_EQ(pins(), 0);
}

TEST_F(PinnedArticles, ExportThenImportKeepsTheNewsroomsPin) {
  auto pinned = create_article(admin_, "Épinglé à exporter", "publish");
  create_article(admin_, "Pas épinglé", "publish");
  pin(pinned);

  auto exported = run_gazette({"export-wxr", "--db", db()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto file = dir().file("site.xml");
  std::ofstream(file, std::ios::binary) << exported.out;
  TempDir empty;
  auto imported = run_gazette({"import-wxr", file, "--db", empty.file("gazette.db")});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  ServerProcess copy(empty.file("gazette.db"));
  auto home = http_request(copy.host(), copy.port(), "GET", "/", {});
  ASSERT_EQ(home.status, 200);
  HtmlDocument document(home.body);
  auto stories = document.find_all("article", "pinned-story");
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].find_all("h2").at(0).text(), "Épinglé à exporter");
}

}  // namespace
}  // namespace gazette::testing

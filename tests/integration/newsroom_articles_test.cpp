// Writing in the newsroom, over HTTP: the editor and its checks, escaping all the way to the
// reader pages, the workflow (review, scheduling at a time with nobody asking, unpublishing),
// the list's filters, preview, revisions and their restore, and edits that never overwrite
// each other silently.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class NewsroomArticles : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }
  std::string path_of(std::int64_t id) { return "/newsroom/articles/" + std::to_string(id); }
  NewsroomSession admin_;
};

TEST_F(NewsroomArticles, ANewArticleGetsItsSlugFromTheTitleAndAppearsWhenPublished) {
  auto id = create_article(admin_, "Été à Noël : l’œuvre", "publish");
  auto page = get("/actualite/ete-a-noel-l-oeuvre/");
  ASSERT_EQ(page.status, 200);
  HtmlDocument document(page.body);
  EXPECT_EQ(document.find("h1").text(), "Été à Noël\u202F: l’œuvre");  // French typography
  EXPECT_EQ(article_row(id)->status, "published");
}

TEST_F(NewsroomArticles, ADraftIsNotOnTheSiteAndItsPreviewIsTheReaderPage) {
  auto id = create_article(admin_, "Brouillon secret");
  EXPECT_EQ(get("/actualite/brouillon-secret/").status, 404);
  EXPECT_EQ(get("/").body.find("Brouillon secret"), std::string::npos);
  auto preview = get(path_of(id) + "/preview", &admin_);
  ASSERT_EQ(preview.status, 200);
  EXPECT_EQ(preview.header("cache-control"), "no-store");
  HtmlDocument document(preview.body);
  EXPECT_EQ(document.find("h1", "article-title").text(), "Brouillon secret");
  EXPECT_EQ(document.find("p", "lead").text(), "Un chapô.");
  EXPECT_EQ(get(path_of(id) + "/preview").status, 303) << "no preview without a session";
}

TEST_F(NewsroomArticles, ScriptInATitleOrCaptionNeverReachesAPageUnescaped) {
  auto fields = article_fields(admin_, "<script>alert('titre')</script> Alerte", "publish");
  fields["lead"] = "<img src=x onerror=alert(1)>";
  fields["body"] = "Texte <script>alert('corps')</script> et [lien](javascript:alert(1)).";
  fields["tags"] = "<b>gras</b>";
  auto response = post("/newsroom/articles/new", fields, &admin_);
  ASSERT_EQ(response.status, 303) << response.body;
  auto id = article_id_of(response.header("location"));
  for (const auto& path : {std::string("/"), std::string("/actualite/"),
                           std::string("/actualite/script-alert-titre-script-alerte/"), path_of(id),
                           path_of(id) + "/preview", std::string("/newsroom/articles/")}) {
    auto page = get(path, &admin_);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_EQ(page.body.find("<script>alert"), std::string::npos) << path;
    EXPECT_EQ(page.body.find("<img src=x"), std::string::npos) << path;
    EXPECT_EQ(page.body.find("<b>gras"), std::string::npos) << path;
    EXPECT_EQ(page.body.find("href=\"javascript:"), std::string::npos) << path;
  }
  HtmlDocument document(get("/actualite/script-alert-titre-script-alerte/").body);
  EXPECT_EQ(document.find("h1").text(), "<script>alert('titre')</script> Alerte");
}

TEST_F(NewsroomArticles, InvalidFieldsAreRefusedWithTheFormAndNothingIsSaved) {
  auto articles_before = count("SELECT count(*) FROM articles");
  auto fields = article_fields(admin_, "");
  auto response = post("/newsroom/articles/new", fields, &admin_);
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("href=\"#title\""), std::string::npos);

  fields = article_fields(admin_, "Bonne adresse");
  fields["slug"] = "Pas Une Adresse!";
  EXPECT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 422);
  fields = article_fields(admin_, "Mauvaise rubrique");
  fields["section"] = "nulle-part";
  EXPECT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 422);
  fields = article_fields(admin_, "Mauvaise date", "schedule");
  fields["published_at"] = "2025-02-30T10:00";
  EXPECT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 422);
  fields = article_fields(admin_, "Programmé dans le passé", "schedule");
  fields["published_at"] = "2001-01-01T10:00";
  EXPECT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 422);
  fields = article_fields(admin_, "Action inconnue", "explode");
  EXPECT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 400);
  fields = article_fields(admin_, std::string("Octets \xff\xfe invalides"));
  EXPECT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 422);
  // A control character, which no one types: none in a title or a caption, and only line
  // breaks and tabs in a lead.
  fields = article_fields(admin_, "Titre\x01 invisible");
  auto control = post("/newsroom/articles/new", fields, &admin_);
  EXPECT_EQ(control.status, 422);
  EXPECT_NE(control.body.find("href=\"#title\""), std::string::npos);
  fields = article_fields(admin_, "Légende à tabulation");
  fields["caption"] = "Une\tlégende";
  EXPECT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 422);
  fields = article_fields(admin_, "Chapô à échappement");
  fields["lead"] = "Un chapô\x1b[31m";
  EXPECT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 422);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), articles_before);
  // A lead of two lines, as a browser sends a text area (CRLF), with a tab, is saved.
  fields = article_fields(admin_, "Chapô de deux lignes");
  fields["lead"] = "Première ligne,\r\n\tseconde ligne.";
  EXPECT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 303);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), articles_before + 1);
  articles_before += 1;

  // A slug another article has.
  fields = article_fields(admin_, "Doublon");
  fields["slug"] = "article-de-depart";
  auto taken = post("/newsroom/articles/new", fields, &admin_);
  EXPECT_EQ(taken.status, 422);
  EXPECT_NE(taken.body.find("href=\"#slug\""), std::string::npos);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), articles_before);
}

TEST_F(NewsroomArticles, AnotherUsersArticleIdInTheUrlIsRefused) {
  add_user("writer@test.example", "Walter Writer", "author");
  auto writer = sign_in("writer@test.example");
  auto admins = create_article(admin_, "À l’administratrice");
  EXPECT_EQ(get(path_of(admins), &writer).status, 403);
  EXPECT_EQ(get(path_of(999999), &writer).status, 404);
  EXPECT_EQ(get("/newsroom/articles/abc", &writer).status, 404);
  EXPECT_EQ(get("/newsroom/articles/-1", &writer).status, 404);
}

TEST_F(NewsroomArticles, TheListFiltersByStatusSectionAndAuthorAndSearchesTitles) {
  create_article(admin_, "Brouillon numéro un");
  create_article(admin_, "Publié numéro deux", "publish");
  auto titles = [&](const std::string& query) {
    HtmlDocument document(get("/newsroom/articles/?" + query, &admin_).body);
    std::vector<std::string> found;
    for (const auto& row : document.find_all("tr")) {
      auto cells = row.find_all("td");
      if (!cells.empty()) found.push_back(cells[0].text());
    }
    return found;
  };
  EXPECT_EQ(titles("status=draft"), std::vector<std::string>{"Brouillon numéro un"});
  auto published = titles("status=published");
  EXPECT_EQ(published.size(), 3u);
  EXPECT_EQ(titles("section=sport"), std::vector<std::string>{"Match nul"});
  EXPECT_EQ(titles("author=agence").size(), 2u);
  // An article the agency co-signed is listed under it too.
  auto cosigned = article_fields(admin_, "Cosigné avec l’agence");
  cosigned["coauthors"] = "Agence";
  ASSERT_EQ(post("/newsroom/articles/new", cosigned, &admin_).status, 303);
  EXPECT_EQ(titles("author=agence").size(), 3u);
  EXPECT_EQ(titles("q=NUMÉRO").size(), 0u) << "case folding is ASCII only";
  EXPECT_EQ(titles("q=num%C3%A9ro").size(), 2u);
  EXPECT_EQ(titles("q=DEUX"), std::vector<std::string>{"Publié numéro deux"});
}

TEST_F(NewsroomArticles, WorkflowFromDraftToReviewToPublishedAndBack) {
  add_user("contributor@test.example", "Carl Contributor", "contributor");
  auto contributor = sign_in("contributor@test.example");
  auto id = create_article(contributor, "Du brouillon à la une");
  EXPECT_EQ(article_row(id)->status, "draft");
  auto fields = editor_fields(contributor, id);
  fields["action"] = "submit";
  EXPECT_EQ(post(path_of(id), fields, &contributor).status, 303);
  EXPECT_EQ(article_row(id)->status, "review");

  fields = editor_fields(admin_, id);
  fields["action"] = "publish";
  EXPECT_EQ(post(path_of(id), fields, &admin_).status, 303);
  EXPECT_EQ(article_row(id)->status, "published");
  EXPECT_EQ(get("/actualite/du-brouillon-a-la-une/").status, 200);
  EXPECT_EQ(article_row(id)->author_slug, "carl-contributor");

  fields = editor_fields(admin_, id);
  fields["action"] = "unpublish";
  EXPECT_EQ(post(path_of(id), fields, &admin_).status, 303);
  EXPECT_EQ(article_row(id)->status, "draft");
  EXPECT_EQ(get("/actualite/du-brouillon-a-la-une/").status, 404);
  EXPECT_EQ(get("/").body.find("Du brouillon à la une"), std::string::npos);
}

TEST_F(NewsroomArticles, AScheduledArticleGoesLiveAtItsTimeWithoutAnyoneAsking) {
  auto fields = article_fields(admin_, "Programmé pour tout à l’heure", "schedule");
  fields["published_at"] = paris_time_in(3);
  auto response = post("/newsroom/articles/new", fields, &admin_);
  ASSERT_EQ(response.status, 303) << response.body;
  auto id = article_id_of(response.header("location"));
  // Before its time it is scheduled and not on the site (checked only while its time is still
  // to come, so that a slow machine cannot make this fail).
  auto still_to_come = "SELECT published_at > strftime('%s', 'now') + 1 FROM articles WHERE id = " +
                       std::to_string(id);
  auto status_before = article_row(id)->status;
  auto page_before = get("/actualite/programme-pour-tout-a-l-heure/").status;
  if (text_value(still_to_come) == "1") {
    EXPECT_EQ(status_before, "scheduled");
    EXPECT_EQ(page_before, 404);
  }
  // No request until its time: the database changes by itself.
  std::string status;
  for (int attempt = 0; attempt < 80 && status != "published"; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));  // the clock must move on
    status = article_row(id)->status;
  }
  EXPECT_EQ(status, "published");
  EXPECT_EQ(get("/actualite/programme-pour-tout-a-l-heure/").status, 200);
  EXPECT_NE(get("/").body.find("Programmé pour tout à l’heure"), std::string::npos);
}

TEST_F(NewsroomArticles, PublishingWithADateToComeSchedules) {
  auto fields = article_fields(admin_, "Publié demain", "publish");
  fields["published_at"] = paris_time_in(36 * 3600);
  auto response = post("/newsroom/articles/new", fields, &admin_);
  ASSERT_EQ(response.status, 303);
  auto id = article_id_of(response.header("location"));
  EXPECT_EQ(article_row(id)->status, "scheduled");
  EXPECT_EQ(get("/actualite/publie-demain/").status, 404);
}

TEST_F(NewsroomArticles, ScheduledArticlesAreStillPublishedAfterARestart) {
  auto fields = article_fields(admin_, "Pendant la panne", "schedule");
  fields["published_at"] = paris_time_in(3600);
  auto response = post("/newsroom/articles/new", fields, &admin_);
  ASSERT_EQ(response.status, 303);
  auto id = article_id_of(response.header("location"));
  EXPECT_EQ(server().stop(), 0);
  // Its time passes while no server runs (moved into the past rather than waited for, so that
  // a slow machine cannot see it published before the server stopped).
  execute("UPDATE articles SET published_at = strftime('%s', 'now') - 60 WHERE id = " +
          std::to_string(id));
  EXPECT_EQ(article_row(id)->status, "scheduled");
  restart_server();
  std::string status;
  for (int attempt = 0; attempt < 40 && status != "published"; ++attempt) {
    status = article_row(id)->status;
    if (status != "published") std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  EXPECT_EQ(status, "published");
}

TEST_F(NewsroomArticles, EverySaveIsARevisionAndOneCanBeRestored) {
  auto id = create_article(admin_, "Première version");
  auto fields = editor_fields(admin_, id);
  fields["title"] = "Deuxième version";
  fields["body"] = "Un texte.\n\nUn paragraphe ajouté.";
  ASSERT_EQ(post(path_of(id), fields, &admin_).status, 303);
  fields = editor_fields(admin_, id);
  fields["title"] = "Troisième version";
  ASSERT_EQ(post(path_of(id), fields, &admin_).status, 303);

  auto history = get(path_of(id) + "/revisions", &admin_);
  ASSERT_EQ(history.status, 200);
  for (const char* title : {"Première version", "Deuxième version", "Troisième version"})
    EXPECT_NE(history.body.find(title), std::string::npos) << title;
  auto first =
      text_value("SELECT min(id) FROM article_revisions WHERE article_id = " + std::to_string(id));
  auto second = std::to_string(std::stoll(first) + 1);

  // Viewing one shows what restoring it would change; comparing two shows their differences.
  auto view = get(path_of(id) + "/revisions/" + first, &admin_);
  ASSERT_EQ(view.status, 200);
  EXPECT_NE(view.body.find("Première version"), std::string::npos);
  auto compare = get(path_of(id) + "/revisions/compare?from=" + first + "&to=" + second, &admin_);
  ASSERT_EQ(compare.status, 200);
  HtmlDocument diff(compare.body);
  std::vector<std::string> added;
  for (const auto& line : diff.find_all("p", "nr-added")) added.push_back(line.text());
  EXPECT_NE(std::find_if(added.begin(), added.end(),
                         [](const std::string& text) {
                           return text.find("Un paragraphe ajouté.") != std::string::npos;
                         }),
            added.end());

  auto restored = post(
      path_of(id) + "/revisions/" + first + "/restore",
      {{"csrf", admin_.csrf}, {"version", form_value(get(path_of(id), &admin_).body, "version")}},
      &admin_);
  EXPECT_EQ(restored.status, 303);
  EXPECT_EQ(article_row(id)->title, "Première version");
  // The restore is a revision of its own: the history grew, nothing was lost.
  EXPECT_EQ(
      count("SELECT count(*) FROM article_revisions WHERE article_id = " + std::to_string(id)), 4);
}

TEST_F(NewsroomArticles, SavingOverSomeoneElsesChangeIsAConflictThatKeepsBothVersions) {
  add_user("editor@test.example", "Eddie Editor", "editor");
  auto editor = sign_in("editor@test.example");
  auto id = create_article(admin_, "Texte commun");
  // Both open the article.
  auto mine = editor_fields(admin_, id);
  auto theirs = editor_fields(editor, id);
  theirs["title"] = "Leur version";
  ASSERT_EQ(post(path_of(id), theirs, &editor).status, 303);
  mine["title"] = "Ma version";
  auto conflict = post(path_of(id), mine, &admin_);
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(article_row(id)->title, "Leur version") << "nothing was overwritten";
  auto kept =
      text_value("SELECT id FROM article_revisions WHERE article_id = " + std::to_string(id) +
                 " AND applied = 0 AND title = 'Ma version'");
  ASSERT_FALSE(kept.empty()) << "my version is kept";
  EXPECT_NE(conflict.body.find("revisions/" + kept + "/restore"), std::string::npos);
  auto compare = get(path_of(id) + "/revisions/compare?from=" + kept + "&to=current", &admin_);
  EXPECT_EQ(compare.status, 200);
  EXPECT_NE(compare.body.find("Ma version"), std::string::npos);
  EXPECT_NE(compare.body.find("Leur version"), std::string::npos);
  // Choosing mine, knowingly.
  auto version = form_value(get(path_of(id), &admin_).body, "version");
  EXPECT_EQ(post(path_of(id) + "/revisions/" + kept + "/restore",
                 {{"csrf", admin_.csrf}, {"version", version}}, &admin_)
                .status,
            303);
  EXPECT_EQ(article_row(id)->title, "Ma version");
}

TEST_F(NewsroomArticles, AnEditFromOutsideTheNewsroomIsNotOverwrittenEither) {
  auto mine = editor_fields(admin_, 1);
  // `gazette publish` rewrites the same article while the editor has it open.
  auto file = dir().file("again.md");
  FILE* out = std::fopen(file.c_str(), "w");
  std::fputs(
      "---\ntitle: Article de départ\nsection: Actualité\nauthor: Agence\nlead: Corrigé en ligne "
      "de commande\n---\n\nTexte.\n",
      out);
  std::fclose(out);
  ASSERT_EQ(run_gazette({"publish", file, "--db", db()}).exit_code, 0);
  mine["lead"] = "Corrigé dans la rédaction";
  EXPECT_EQ(post("/newsroom/articles/1", mine, &admin_).status, 409);
  EXPECT_EQ(text_value("SELECT lead FROM articles WHERE id = 1"), "Corrigé en ligne de commande");
}

TEST_F(NewsroomArticles, ALeadTakenFromTheFirstParagraphIsStillShownOnceAfterAnEdit) {
  // "Article de départ" came from `gazette publish` without `lead:`: its first paragraph is
  // the lead, and the body shows the rest.
  auto fields = editor_fields(admin_, 1);
  EXPECT_EQ(fields["lead"], "Texte.");
  fields["title"] = "Article de départ, revu";
  ASSERT_EQ(post("/newsroom/articles/1", fields, &admin_).status, 303);
  HtmlDocument page(get("/actualite/article-de-depart/").body);
  EXPECT_EQ(page.find("h1").text(), "Article de départ, revu");
  EXPECT_EQ(page.find("p", "lead").text(), "Texte.");
  EXPECT_EQ(page.find("div", "article-body").text(), "");
}

TEST_F(NewsroomArticles, TagSuggestionsAndMarkdownPreview) {
  auto fields = article_fields(admin_, "Avec mots-clés", "publish");
  fields["tags"] = "Syrie, Syndicats, Sport";
  ASSERT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 303);
  auto suggestions = get("/newsroom/tags?q=sy", &admin_);
  EXPECT_EQ(suggestions.status, 200);
  EXPECT_EQ(suggestions.header("content-type"), "application/json; charset=utf-8");
  EXPECT_NE(suggestions.body.find("\"Syrie\""), std::string::npos);
  EXPECT_NE(suggestions.body.find("\"Syndicats\""), std::string::npos);
  EXPECT_EQ(suggestions.body.find("Sport"), std::string::npos);

  auto preview = http_request(
      server().host(), server().port(), "POST", "/newsroom/markdown-preview",
      {{"Cookie", admin_.cookie}, {"X-CSRF-Token", admin_.csrf}, {"Content-Type", "text/plain"}},
      "## Sous-titre\n\n**gras** <script>x</script>");
  EXPECT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("<h2 id=\"sous-titre\">Sous-titre</h2>"), std::string::npos)
      << preview.body;
  EXPECT_EQ(preview.body.find("<script>"), std::string::npos);
  auto forged = http_request(server().host(), server().port(), "POST", "/newsroom/markdown-preview",
                             {{"Cookie", admin_.cookie}, {"Content-Type", "text/plain"}}, "# x");
  EXPECT_EQ(forged.status, 403);
}

TEST_F(NewsroomArticles, AdminsManageSectionsAndSettingsAndTheSiteFollows) {
  EXPECT_EQ(post("/newsroom/sections/",
                 {{"csrf", admin_.csrf},
                  {"create", "1"},
                  {"name", "Économie"},
                  {"description", "L’économie"}},
                 &admin_)
                .status,
            303);
  EXPECT_NE(get("/").body.find("href=\"/economie/\""), std::string::npos);
  EXPECT_EQ(post("/newsroom/sections/", {{"csrf", admin_.csrf}, {"create", "1"}, {"name", "Tag"}},
                 &admin_)
                .status,
            422)
      << "a reserved name";
  EXPECT_EQ(post("/newsroom/settings",
                 {{"csrf", admin_.csrf},
                  {"title", "La Gazette du Val"},
                  {"description", "Nouvelles"},
                  {"language", "en"},
                  {"time_zone", "America/New_York"}},
                 &admin_)
                .status,
            303);
  HtmlDocument home(get("/").body);
  EXPECT_EQ(home.find("html").attribute("lang"), "en");
  EXPECT_NE(get("/").body.find("La Gazette du Val"), std::string::npos);
  EXPECT_EQ(post("/newsroom/settings",
                 {{"csrf", admin_.csrf},
                  {"title", "X"},
                  {"description", ""},
                  {"language", "fr"},
                  {"time_zone", "Mars/Olympus"}},
                 &admin_)
                .status,
            422);
  EXPECT_EQ(text_value("SELECT value FROM settings WHERE key = 'time_zone'"), "America/New_York");
}

}  // namespace
}  // namespace gazette::testing

// The live composer over HTTP, as a newsroom browser uses it: an editor turns a published
// article into live coverage from its editor page, posts entries (text, key event, photo with
// caption, credit and alt), edits, pins, deletes and ends it, and the reader page follows —
// after a restart too. An author posts to their own coverage only, a contributor to none;
// every refusal is a 4xx with its message and nothing written.

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

constexpr const char* kStoryPath = "/actualite/offensive-en-cours/";

class LiveComposer : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    add_user("editor@test.example", "Eddie Editor", "editor");
    editor_ = sign_in("editor@test.example");
  }

  static std::string composer(std::int64_t id) { return "/newsroom/live/" + std::to_string(id); }

  // Posts an entry from the composer as `session`; the response.
  HttpResponse post_entry(const NewsroomSession& session, std::int64_t id, const std::string& text,
                          std::map<std::string, std::string> extra = {},
                          std::vector<FormFile> files = {}) {
    extra["csrf"] = session.csrf;
    extra["text"] = text;
    return post_multipart(composer(id), extra, files, &session);
  }

  std::int64_t entries() { return count("SELECT count(*) FROM live_entries"); }
  std::int64_t entry_id(const std::string& text) {
    return count("SELECT id FROM live_entries WHERE body_markdown = '" + text + "'");
  }

  NewsroomSession editor_;
};

TEST_F(LiveComposer, AnEditorGoesLiveFromTheEditorAndPostsWithAPhoto) {
  auto id = create_article(editor_, "Offensive en cours", "publish");
  auto editor_page = get("/newsroom/articles/" + std::to_string(id), &editor_);
  ASSERT_EQ(editor_page.status, 200);
  EXPECT_NE(editor_page.body.find("href=\"" + composer(id) + "\""), std::string::npos);
  EXPECT_NE(editor_page.body.find("Passer en direct"), std::string::npos);

  auto page = get(composer(id), &editor_);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"text\""), std::string::npos);
  EXPECT_NE(page.body.find("Événement clé"), std::string::npos);
  EXPECT_EQ(page.body.find("Fin du direct"), std::string::npos);  // nothing to end yet

  // A photo without its alternative text: refused whole, nothing stored.
  auto media_before = count("SELECT count(*) FROM media");
  auto no_alt = post_entry(editor_, id, "Sans texte alternatif", {{"caption", "Damas"}},
                           {{"photo", "damas.jpg", reference_photo()}});
  EXPECT_EQ(no_alt.status, 422);
  EXPECT_NE(no_alt.body.find("Sans texte alternatif"), std::string::npos);  // the draft kept
  EXPECT_EQ(entries(), 0);
  EXPECT_EQ(count("SELECT count(*) FROM media"), media_before);
  // A forged form (no CSRF token): refused, nothing written.
  auto forged = post_multipart(composer(id), {{"csrf", "faux"}, {"text", "Faux"}}, {}, &editor_);
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(entries(), 0);
  EXPECT_EQ(count("SELECT count(*) FROM live_coverage"), 0);

  auto posted = post_entry(editor_, id, "Les combattants **entrent dans Damas**",
                           {{"key_event", "1"},
                            {"caption", "Place des Omeyyades"},
                            {"credit", "AFP"},
                            {"alt", "Une foule sur une place de Damas"}},
                           {{"photo", "damas.jpg", reference_photo()}});
  ASSERT_EQ(posted.status, 303) << posted.body.substr(0, 2000);
  EXPECT_EQ(posted.header("location"), composer(id) + "?notice=live_posted");
  EXPECT_EQ(entries(), 1);
  EXPECT_EQ(count("SELECT key_event FROM live_entries"), 1);

  auto reader = get(kStoryPath);
  ASSERT_EQ(reader.status, 200);
  EXPECT_NE(reader.body.find("<strong>entrent dans Damas</strong>"), std::string::npos);
  EXPECT_NE(reader.body.find("alt=\"Une foule sur une place de Damas\""), std::string::npos);
  EXPECT_NE(reader.body.find("AFP"), std::string::npos);
  EXPECT_NE(reader.body.find("live-key-events"), std::string::npos);

  // The composer lists it; the article list marks the story live, linking to its composer.
  auto after = get(composer(id) + "?notice=live_posted", &editor_);
  EXPECT_NE(after.body.find("Entrée publiée."), std::string::npos);
  EXPECT_NE(after.body.find("<strong>entrent dans Damas</strong>"), std::string::npos);
  auto list = get("/newsroom/articles/", &editor_);
  EXPECT_NE(list.body.find("class=\"nr-badge nr-live-badge\" href=\"" + composer(id) + "\""),
            std::string::npos);
}

TEST_F(LiveComposer, AuthorsPostToTheirOwnCoverageAndContributorsToNone) {
  add_user("anna@test.example", "Anna Author", "author");
  add_user("walter@test.example", "Walter Writer", "author");
  add_user("carl@test.example", "Carl Contributor", "contributor");
  auto anna = sign_in("anna@test.example");
  auto walter = sign_in("walter@test.example");
  auto carl = sign_in("carl@test.example");
  auto annas = create_article(editor_, "Offensive en cours", "publish", "anna-author");
  auto carls = create_article(editor_, "Homs en fête", "publish", "carl-contributor");

  auto own = post_entry(anna, annas, "Anna sur place");
  ASSERT_EQ(own.status, 303) << own.body.substr(0, 2000);
  EXPECT_EQ(entries(), 1);

  // Someone else's coverage: the composer says why, with no form; a post is refused.
  auto others_page = get(composer(annas), &walter);
  EXPECT_EQ(others_page.status, 200);
  EXPECT_EQ(others_page.body.find("name=\"text\""), std::string::npos);
  EXPECT_NE(others_page.body.find("n’est pas le vôtre"), std::string::npos);
  auto not_his = post_entry(walter, annas, "Walter s’invite");
  EXPECT_EQ(not_his.status, 403);
  EXPECT_NE(not_his.body.find("n’est pas le vôtre"), std::string::npos);
  auto first = entry_id("Anna sur place");
  auto not_his_edit = post_multipart(composer(annas) + "/entries/" + std::to_string(first),
                                     {{"csrf", walter.csrf}, {"text", "Réécrit"}}, {}, &walter);
  EXPECT_EQ(not_his_edit.status, 403);
  auto not_his_end = post(composer(annas) + "/end", {{"csrf", walter.csrf}}, &walter);
  EXPECT_EQ(not_his_end.status, 403);
  EXPECT_EQ(entries(), 1);
  EXPECT_EQ(count("SELECT count(*) FROM live_entries WHERE edited_at IS NOT NULL"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM live_coverage WHERE ended_at IS NOT NULL"), 0);

  // A contributor, even on an article they sign.
  auto contributor_page = get(composer(carls), &carl);
  EXPECT_EQ(contributor_page.status, 200);
  EXPECT_EQ(contributor_page.body.find("name=\"text\""), std::string::npos);
  EXPECT_NE(contributor_page.body.find("Les contributeurs ne peuvent pas"), std::string::npos);
  auto refused = post_entry(carl, carls, "Carl essaie");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(entries(), 1);
  EXPECT_EQ(count("SELECT count(*) FROM live_coverage"), 1);

  // Editors post to any coverage.
  auto by_editor = post_entry(editor_, annas, "Eddie complète");
  EXPECT_EQ(by_editor.status, 303);
  EXPECT_EQ(entries(), 2);

  // A draft cannot go live; an empty entry is refused.
  auto draft = create_article(editor_, "Brouillon", "save");
  EXPECT_EQ(post_entry(editor_, draft, "Trop tôt").status, 409);
  EXPECT_EQ(post_entry(editor_, annas, "   ").status, 422);
  // Text that is not UTF-8, or longer than an entry may be: 422, not echoed back.
  auto garbled = post_entry(editor_, annas, "Caf\xC3");
  EXPECT_EQ(garbled.status, 422);
  auto too_long = post_entry(editor_, annas, std::string(20'001, 'a'));
  EXPECT_EQ(too_long.status, 422);
  EXPECT_EQ(too_long.body.find(std::string(1000, 'a')), std::string::npos);
  // A control character, which no one types: only line breaks and tabs in the text.
  EXPECT_EQ(post_entry(editor_, annas, "Alerte\x07 en cours").status, 422);
  EXPECT_EQ(entries(), 2);
  EXPECT_EQ(post_entry(editor_, annas, "Deux lignes\r\n\tet un retrait").status, 303);
  EXPECT_EQ(entries(), 3);
  EXPECT_EQ(get(composer(999), &editor_).status, 404);
  EXPECT_EQ(get("/newsroom/live/abc", &editor_).status, 404);
  EXPECT_EQ(get(composer(annas) + "/entries/999", &editor_).status, 404);
  EXPECT_EQ(get(composer(carls) + "/entries/" + std::to_string(first), &editor_).status, 404);
  EXPECT_EQ(get("/newsroom/lively", &editor_).status, 404);
}

TEST_F(LiveComposer, EditPinDeleteAndEndShowOnTheReaderPageAfterARestart) {
  auto id = create_article(editor_, "Offensive en cours", "publish");
  ASSERT_EQ(post_entry(editor_, id, "Premiere entree").status, 303);
  ASSERT_EQ(post_entry(editor_, id, "Deuxieme entree").status, 303);
  ASSERT_EQ(post_entry(editor_, id, "Troisieme entree").status, 303);
  auto first = entry_id("Premiere entree");
  auto second = entry_id("Deuxieme entree");
  auto third = entry_id("Troisieme entree");
  auto entry = [&](std::int64_t entry) {
    return composer(id) + "/entries/" + std::to_string(entry);
  };

  // Newest first in the composer.
  auto page = get(composer(id), &editor_);
  EXPECT_LT(page.body.find("Troisieme entree"), page.body.find("Premiere entree"));

  // Edit: the form holds the entry; the saved entry says « modifiée ».
  auto edit_page = get(entry(first), &editor_);
  ASSERT_EQ(edit_page.status, 200);
  EXPECT_EQ(form_value(edit_page.body, "text"), "Premiere entree");
  auto edited = post_multipart(
      entry(first), {{"csrf", editor_.csrf}, {"text", "Premiere entree, corrigee"}}, {}, &editor_);
  ASSERT_EQ(edited.status, 303) << edited.body.substr(0, 2000);
  // Pin, then delete after its confirmation page.
  ASSERT_EQ(
      post(entry(second) + "/pin", {{"csrf", editor_.csrf}, {"pinned", "1"}}, &editor_).status,
      303);
  EXPECT_EQ(
      post(entry(second) + "/pin", {{"csrf", editor_.csrf}, {"pinned", "x"}}, &editor_).status,
      400);
  auto confirm = get(entry(third) + "/delete", &editor_);
  ASSERT_EQ(confirm.status, 200);
  EXPECT_NE(confirm.body.find("Troisieme entree"), std::string::npos);
  EXPECT_NE(confirm.body.find("action=\"" + entry(third) + "/delete\""), std::string::npos);
  EXPECT_EQ(count("SELECT count(*) FROM live_entries WHERE deleted_at IS NOT NULL"), 0);
  ASSERT_EQ(post(entry(third) + "/delete", {{"csrf", editor_.csrf}}, &editor_).status, 303);
  EXPECT_EQ(get(entry(third), &editor_).status, 404);

  auto reader = get(kStoryPath);
  ASSERT_EQ(reader.status, 200);
  EXPECT_NE(reader.body.find("Premiere entree, corrigee"), std::string::npos);
  EXPECT_NE(reader.body.find("class=\"live-edited\""), std::string::npos);
  EXPECT_EQ(reader.body.find("Troisieme entree"), std::string::npos);
  auto pinned = reader.body.find("class=\"live-pinned\"");
  ASSERT_NE(pinned, std::string::npos);
  EXPECT_EQ(reader.body.find("Deuxieme entree", pinned),
            reader.body.find("Deuxieme entree", reader.body.find("<main")));

  // « Fin du direct », after its confirmation page.
  auto end_page = get(composer(id) + "/end", &editor_);
  ASSERT_EQ(end_page.status, 200);
  EXPECT_NE(end_page.body.find("Terminer le direct"), std::string::npos);
  ASSERT_EQ(post(composer(id) + "/end", {{"csrf", editor_.csrf}}, &editor_).status, 303);

  restart_server();
  reader = get(kStoryPath);
  ASSERT_EQ(reader.status, 200);
  EXPECT_NE(reader.body.find("Fin du direct"), std::string::npos);
  EXPECT_EQ(reader.body.find("data-on-air"), std::string::npos);
  EXPECT_NE(reader.body.find("Premiere entree, corrigee"), std::string::npos);
  EXPECT_NE(reader.body.find("class=\"live-pinned\""), std::string::npos);
  EXPECT_EQ(reader.body.find("Troisieme entree"), std::string::npos);

  // An ended coverage takes nothing more, and says so.
  editor_ = sign_in("editor@test.example");
  auto composer_page = get(composer(id), &editor_);
  EXPECT_EQ(composer_page.body.find("name=\"text\""), std::string::npos);
  EXPECT_NE(composer_page.body.find("Ce direct est terminé"), std::string::npos);
  auto late = post_entry(editor_, id, "Trop tard");
  EXPECT_EQ(late.status, 409);
  EXPECT_NE(late.body.find("Ce direct est terminé"), std::string::npos);
  EXPECT_EQ(post(entry(first) + "/delete", {{"csrf", editor_.csrf}}, &editor_).status, 409);
  EXPECT_EQ(post(composer(id) + "/end", {{"csrf", editor_.csrf}}, &editor_).status, 409);
  EXPECT_EQ(entries(), 3);
  EXPECT_EQ(count("SELECT count(*) FROM live_entries WHERE deleted_at IS NOT NULL"), 1);
}

TEST_F(LiveComposer, ALibraryPhotoIsChosenKeptOnEditAndRemoved) {
  auto id = create_article(editor_, "Offensive en cours", "publish");
  auto uploaded = post_multipart("/newsroom/library/upload", {{"csrf", editor_.csrf}},
                                 {{"file", "damas.jpg", reference_photo()}}, &editor_);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  auto name_at = uploaded.body.find("\"name\":\"") + 8;
  auto name = uploaded.body.substr(name_at, uploaded.body.find('"', name_at) - name_at);
  ASSERT_FALSE(name.empty());

  // The composer offers the library's photos beside the upload.
  auto page = get(composer(id), &editor_);
  EXPECT_NE(page.body.find("name=\"media_name\" value=\"" + name + "\""), std::string::npos);
  // A name the library does not hold is refused, nothing written.
  auto unknown =
      post_entry(editor_, id, "Photo inconnue", {{"media_name", "absente.jpg"}, {"alt", "Rien"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("pas dans la photothèque"), std::string::npos);
  EXPECT_EQ(entries(), 0);
  EXPECT_EQ(count("SELECT count(*) FROM live_coverage"), 0);

  ASSERT_EQ(post_entry(editor_, id, "Vue de Damas",
                       {{"media_name", name}, {"alt", "La place des Omeyyades"}, {"credit", "AFP"}})
                .status,
            303);
  EXPECT_NE(get(kStoryPath).body.find("alt=\"La place des Omeyyades\""), std::string::npos);

  // The edit form holds the photo; saved as it is, the photo stays.
  auto entry = composer(id) + "/entries/" + std::to_string(entry_id("Vue de Damas"));
  auto edit = get(entry, &editor_);
  ASSERT_EQ(edit.status, 200);
  EXPECT_NE(edit.body.find("value=\"" + name + "\" checked"), std::string::npos);
  EXPECT_EQ(form_value(edit.body, "credit"), "AFP");
  ASSERT_EQ(post_multipart(entry,
                           {{"csrf", editor_.csrf},
                            {"text", "Vue de Damas, au matin"},
                            {"media_name", name},
                            {"alt", form_value(edit.body, "alt")},
                            {"credit", "AFP"}},
                           {}, &editor_)
                .status,
            303);
  EXPECT_EQ(count("SELECT count(*) FROM live_entries WHERE image_id IS NOT NULL"), 1);
  auto composer_page = get(composer(id), &editor_);
  EXPECT_NE(composer_page.body.find("Vue de Damas, au matin"), std::string::npos);
  EXPECT_NE(composer_page.body.find("modifiée"), std::string::npos);
  // « Pas de photo »: removed.
  ASSERT_EQ(
      post_multipart(entry, {{"csrf", editor_.csrf}, {"text", "Sans photo"}, {"media_name", ""}},
                     {}, &editor_)
          .status,
      303);
  EXPECT_EQ(count("SELECT count(*) FROM live_entries WHERE image_id IS NOT NULL"), 0);
}

}  // namespace
}  // namespace gazette::testing

// Comment moderation in the newsroom, over HTTP on the real binary: an editor approves, holds,
// marks as spam, trashes, deletes (one or many), edits, replies as the newsroom and erases what
// one address wrote; an admin changes the comment settings; the article page follows at once;
// authors, contributors and forms without the session's CSRF token change nothing.
#include <regex>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

// Where NewsroomSite's first seeded article lives.
const std::string kArticle = "/actualite/article-de-depart/";

class NewsroomComments : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    // A test posts as soon as it has a form.
    auto result = run_gazette({"comments", "settings", "--min-fill-seconds", "0", "--db", db()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    add_user("editor@test.example", "Eddie Editor", "editor");
    add_user("author@test.example", "Anna Author", "author");
    add_user("contributor@test.example", "Carl Contributor", "contributor");
  }

  /// Posts a reader's comment on the article and returns its id.
  std::int64_t post_comment(const std::string& text, const std::string& email = "marie@example.fr",
                            const std::string& honeypot = "") {
    auto token = get("/comments/form-token").body;
    auto response = post(kArticle + "comments",
                         {{"name", "Marie"},
                          {"email", email},
                          {"website", ""},
                          {"comment", text},
                          {"parent_id", ""},
                          {"homepage", honeypot},
                          {"form_token", token}},
                         nullptr);
    EXPECT_EQ(response.status, 303) << response.body;
    std::smatch match;
    auto location = response.header("location");
    if (std::regex_search(location, match, std::regex(R"(/comments/(\d+)/received\?key=)")) ||
        std::regex_search(location, match, std::regex(R"(#comment-(\d+)$)")))
      return std::stoll(match[1]);
    ADD_FAILURE() << "no comment id in Location: " << location;
    return 0;
  }

  std::string status_of(std::int64_t id) {
    return text_value("SELECT coalesce((SELECT status FROM comments WHERE id = " +
                      std::to_string(id) + "), 'gone')");
  }

  /// Everything moderation could change: every comment and every comment setting.
  std::string comment_state() {
    return text_value(
               "SELECT coalesce(group_concat(id || ':' || status || ':' || author_name || ':' || "
               "body, '|'), '') FROM (SELECT * FROM comments ORDER BY id)") +
           "#" +
           text_value(
               "SELECT coalesce(group_concat(key || '=' || value, '|'), '') FROM "
               "(SELECT * FROM comment_settings ORDER BY key)");
  }

  /// The text of the comment thread on the article page ("" when it shows none).
  std::string thread_text() {
    HtmlDocument page(get(kArticle).body);
    auto sections = page.find_all("section", "comment-thread");
    return sections.empty() ? "" : sections[0].text();
  }

  HttpResponse act(const NewsroomSession& session, const std::string& action, std::int64_t id) {
    return post("/newsroom/comments/",
                {{"csrf", session.csrf}, {"one", action + ":" + std::to_string(id)}}, &session);
  }

  std::map<std::string, std::string> settings_fields(const NewsroomSession& session) {
    return {{"csrf", session.csrf},
            {"enabled", "1"},
            {"moderation", "hold-all"},
            {"close_after_days", "30"},
            {"min_fill_seconds", "5"},
            {"max_form_age_seconds", "7200"},
            {"max_links", "1"},
            {"max_per_hour", "4"},
            {"blocked_words", "casino\nviagra\n"},
            {"blocked_addresses", "203.0.113.\n@spam.example"}};
  }
};

TEST_F(NewsroomComments, AnEditorClosesAndReopensAnArticlesComments) {
  post_comment("Sur l’article à fermer");
  auto article_id = text_value("SELECT id FROM articles WHERE slug = 'article-de-depart'");
  auto editor = sign_in("editor@test.example");
  HtmlDocument list(get("/newsroom/comments/", &editor).body);
  auto items = list.find_all("li", "nr-comment");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(items[0].text().find("Fermer les commentaires de l’article"), std::string::npos);

  auto closed = post("/newsroom/comments/",
                     {{"csrf", editor.csrf}, {"one", "close_article:" + article_id}}, &editor);
  EXPECT_EQ(closed.status, 303);
  // The reader's form is refused at once, and the cached article page says comments are closed.
  auto token = get("/comments/form-token").body;
  auto refused = post(
      kArticle + "comments",
      {{"name", "Marie"}, {"email", "m@example.fr"}, {"comment", "Encore"}, {"form_token", token}},
      nullptr);
  EXPECT_EQ(refused.status, 403);

  auto author = sign_in("author@test.example");
  EXPECT_EQ(post("/newsroom/comments/",
                 {{"csrf", author.csrf}, {"one", "open_article:" + article_id}}, &author)
                .status,
            403);
  auto reopened = post("/newsroom/comments/",
                       {{"csrf", editor.csrf}, {"one", "open_article:" + article_id}}, &editor);
  EXPECT_EQ(reopened.status, 303);
  EXPECT_EQ(text_value("SELECT count(*) FROM comment_closed_articles"), "0");
}

TEST_F(NewsroomComments, AnEditorApprovesAPendingCommentAndTheArticleShowsItAtOnce) {
  auto id = post_comment("Un commentaire à approuver");
  EXPECT_EQ(thread_text().find("Un commentaire à approuver"), std::string::npos);
  auto editor = sign_in("editor@test.example");

  auto list = get("/newsroom/comments/", &editor);
  ASSERT_EQ(list.status, 200);
  HtmlDocument page(list.body);
  auto items = page.find_all("li", "nr-comment");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(items[0].text().find("Un commentaire à approuver"), std::string::npos);
  EXPECT_NE(items[0].text().find("marie@example.fr"), std::string::npos);
  EXPECT_NE(items[0].text().find("127.0.0.1"), std::string::npos);
  EXPECT_NE(items[0].text().find("Article de départ"), std::string::npos);
  // The navigation shows how many wait.
  auto counts = page.find_all("span", "nr-count");
  ASSERT_FALSE(counts.empty());
  EXPECT_EQ(counts[0].text(), "1");

  auto response = act(editor, "approve", id);
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(status_of(id), "approved");
  EXPECT_NE(thread_text().find("Un commentaire à approuver"), std::string::npos);
  EXPECT_EQ(
      HtmlDocument(get("/newsroom/comments/", &editor).body).find_all("li", "nr-comment").size(),
      0u);
}

TEST_F(NewsroomComments, CommentsAreMarkedAsSpamInBulkAndTheListSaysWhy) {
  auto first = post_comment("Premier");
  auto second = post_comment("Second");
  auto kept = post_comment("Troisième");
  auto trapped = post_comment("Un robot", "robot@example.fr", "http://spam.example/");
  auto editor = sign_in("editor@test.example");
  auto response = post("/newsroom/comments/",
                       {{"csrf", editor.csrf},
                        {"action", "spam"},
                        {"c" + std::to_string(first), "1"},
                        {"c" + std::to_string(second), "1"}},
                       &editor);
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(status_of(first), "spam");
  EXPECT_EQ(status_of(second), "spam");
  EXPECT_EQ(status_of(kept), "pending");

  HtmlDocument page(get("/newsroom/comments/?status=spam", &editor).body);
  auto items = page.find_all("li", "nr-comment");
  ASSERT_EQ(items.size(), 3u);
  bool explained = false;
  for (const auto& item : items) {
    if (item.attribute("id") != "comment-" + std::to_string(trapped)) continue;
    auto reasons = item.find_all("p", "nr-spam-reason");
    ASSERT_EQ(reasons.size(), 1u);
    explained = reasons[0].text().find("hidden field") != std::string::npos;
  }
  EXPECT_TRUE(explained) << page.find_all("main")[0].text();
}

TEST_F(NewsroomComments, TrashAndDeleteForGood) {
  auto id = post_comment("À jeter");
  auto editor = sign_in("editor@test.example");
  act(editor, "approve", id);
  EXPECT_NE(thread_text().find("À jeter"), std::string::npos);
  EXPECT_EQ(act(editor, "trash", id).status, 303);
  EXPECT_EQ(status_of(id), "trash");
  EXPECT_EQ(thread_text().find("À jeter"), std::string::npos);
  EXPECT_EQ(act(editor, "delete", id).status, 303);
  EXPECT_EQ(status_of(id), "gone");
}

TEST_F(NewsroomComments, AnEditorEditsACommentsText) {
  auto id = post_comment("Texte avec une faute");
  auto editor = sign_in("editor@test.example");
  act(editor, "approve", id);
  auto path = "/newsroom/comments/" + std::to_string(id) + "/edit";
  auto form = get(path, &editor);
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(form_value(form.body, "comment"), "Texte avec une faute");

  auto refused = post(path, {{"csrf", editor.csrf}, {"name", "Marie"}, {"comment", ""}}, &editor);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(thread_text().find("Texte avec une faute"), std::string::npos);

  auto saved =
      post(path, {{"csrf", editor.csrf}, {"name", "Marie"}, {"comment", "Texte corrigé"}}, &editor);
  EXPECT_EQ(saved.status, 303) << saved.body;
  auto thread = thread_text();
  EXPECT_NE(thread.find("Texte corrigé"), std::string::npos);
  EXPECT_EQ(thread.find("Texte avec une faute"), std::string::npos);
}

TEST_F(NewsroomComments, AStaffReplyIsPublishedWithItsBadgeAndApprovesItsParent) {
  auto id = post_comment("Une question pour la rédaction");
  auto editor = sign_in("editor@test.example");
  // A reply too long for the form is refused beside its field, kept, and nothing is published.
  std::string too_long(5001, 'a');
  auto refused = post("/newsroom/comments/" + std::to_string(id) + "/reply",
                      {{"csrf", editor.csrf}, {"comment", too_long}}, &editor);
  EXPECT_EQ(refused.status, 422);
  HtmlDocument refused_page(refused.body);
  bool kept = false;
  for (const auto& area : refused_page.find_all("textarea"))
    if (area.attribute("id") == "reply-text") kept = area.text() == too_long;
  EXPECT_TRUE(kept);
  EXPECT_EQ(count("SELECT count(*) FROM comments"), 1);
  EXPECT_EQ(status_of(id), "pending");

  auto response = post("/newsroom/comments/" + std::to_string(id) + "/reply",
                       {{"csrf", editor.csrf}, {"comment", "Merci, nous corrigeons."}}, &editor);
  EXPECT_EQ(response.status, 303) << response.body;
  EXPECT_EQ(status_of(id), "approved");
  HtmlDocument page(get(kArticle).body);
  auto staff = page.find_all("article", "comment-staff");
  ASSERT_EQ(staff.size(), 1u);
  EXPECT_NE(staff[0].text().find("Merci, nous corrigeons."), std::string::npos);
  EXPECT_NE(staff[0].text().find("Eddie Editor"), std::string::npos);
  EXPECT_EQ(staff[0].find_all("span", "comment-badge").size(), 1u);
}

TEST_F(NewsroomComments, ErasingAnAddressAsksFirstThenRemovesEverythingItWrote) {
  auto a = post_comment("Premier de Paul", "paul@example.fr");
  auto b = post_comment("Second de Paul", "paul@example.fr");
  auto other = post_comment("De Marie");
  auto editor = sign_in("editor@test.example");
  act(editor, "approve", a);

  auto confirm = get("/newsroom/comments/erase?email=Paul%40example.fr", &editor);
  ASSERT_EQ(confirm.status, 200);
  HtmlDocument page(confirm.body);
  auto count = page.find_all("span", "nr-erase-count");
  ASSERT_EQ(count.size(), 1u);
  EXPECT_EQ(count[0].text(), "2");
  EXPECT_EQ(status_of(a), "approved");

  // Without the confirmation, the answer is the confirmation step again.
  auto unconfirmed = post("/newsroom/comments/erase",
                          {{"csrf", editor.csrf}, {"email", "paul@example.fr"}}, &editor);
  EXPECT_EQ(unconfirmed.status, 200);
  EXPECT_EQ(status_of(b), "pending");

  auto erased =
      post("/newsroom/comments/erase",
           {{"csrf", editor.csrf}, {"email", "paul@example.fr"}, {"confirm", "1"}}, &editor);
  EXPECT_EQ(erased.status, 303);
  EXPECT_EQ(status_of(a), "gone");
  EXPECT_EQ(status_of(b), "gone");
  EXPECT_EQ(status_of(other), "pending");
  EXPECT_EQ(thread_text().find("Premier de Paul"), std::string::npos);
}

TEST_F(NewsroomComments, AnAdminChangesTheCommentSettings) {
  auto admin = sign_in("admin@test.example");
  auto response = post("/newsroom/comments/settings", settings_fields(admin), &admin);
  EXPECT_EQ(response.status, 303) << response.body;
  auto shown = run_gazette({"comments", "settings", "--db", db()});
  EXPECT_NE(shown.out.find("moderation: hold-all"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("close-after-days: 30"), std::string::npos);
  EXPECT_NE(shown.out.find("max-links: 1"), std::string::npos);
  EXPECT_NE(shown.out.find("casino"), std::string::npos);
  EXPECT_NE(shown.out.find("@spam.example"), std::string::npos);

  auto page = get("/newsroom/comments/settings", &admin);
  EXPECT_EQ(form_value(page.body, "max_per_hour"), "4");

  // A number out of range is refused beside its field, and nothing is saved.
  auto before = comment_state();
  auto fields = settings_fields(admin);
  fields["max_links"] = "-3";
  fields["moderation"] = "publish";
  EXPECT_EQ(post("/newsroom/comments/settings", fields, &admin).status, 422);
  EXPECT_EQ(comment_state(), before);
}

TEST_F(NewsroomComments, AuthorsContributorsAndFormsWithoutTheTokenChangeNothing) {
  auto id = post_comment("Un commentaire");
  auto other = post_comment("Un autre", "paul@example.fr");
  auto editor = sign_in("editor@test.example");
  auto before = comment_state();
  auto attempts = [&](const NewsroomSession& session, const std::string& csrf) {
    auto c = std::to_string(id);
    std::vector<int> statuses;
    for (const auto& action : {"approve", "hold", "spam", "trash", "delete"})
      statuses.push_back(post("/newsroom/comments/",
                              {{"csrf", csrf}, {"one", std::string(action) + ":" + c}}, &session)
                             .status);
    statuses.push_back(post("/newsroom/comments/",
                            {{"csrf", csrf},
                             {"action", "delete"},
                             {"c" + c, "1"},
                             {"c" + std::to_string(other), "1"}},
                            &session)
                           .status);
    statuses.push_back(post("/newsroom/comments/" + c + "/edit",
                            {{"csrf", csrf}, {"name", "X"}, {"comment", "Changé"}}, &session)
                           .status);
    statuses.push_back(post("/newsroom/comments/" + c + "/reply",
                            {{"csrf", csrf}, {"comment", "Réponse"}}, &session)
                           .status);
    statuses.push_back(post("/newsroom/comments/erase",
                            {{"csrf", csrf}, {"email", "marie@example.fr"}, {"confirm", "1"}},
                            &session)
                           .status);
    auto fields = settings_fields(session);
    fields["csrf"] = csrf;
    statuses.push_back(post("/newsroom/comments/settings", fields, &session).status);
    return statuses;
  };

  for (const auto* email : {"author@test.example", "contributor@test.example"}) {
    auto session = sign_in(email);
    EXPECT_EQ(get("/newsroom/comments/", &session).status, 403) << email;
    EXPECT_EQ(get("/newsroom/comments/" + std::to_string(id) + "/edit", &session).status, 403);
    EXPECT_EQ(get("/newsroom/comments/settings", &session).status, 403);
    HtmlDocument nav(get("/newsroom/articles/", &session).body);
    for (const auto& link : nav.find_all("a"))
      EXPECT_NE(link.attribute("href"), "/newsroom/comments/") << email;
    for (int status : attempts(session, session.csrf)) EXPECT_EQ(status, 403) << email;
    EXPECT_EQ(comment_state(), before) << email;
  }
  // An editor's forms without the session's token, or with a forged one.
  for (const auto* token : {"", "forged-token-0123456789abcdef"}) {
    for (int status : attempts(editor, token)) EXPECT_EQ(status, 403) << "token: " << token;
    EXPECT_EQ(comment_state(), before) << "token: " << token;
  }
  // Editors moderate; the settings are the admin's (like the site's settings).
  EXPECT_EQ(get("/newsroom/comments/settings", &editor).status, 403);
  EXPECT_EQ(post("/newsroom/comments/settings", settings_fields(editor), &editor).status, 403);
  EXPECT_EQ(comment_state(), before);
  EXPECT_EQ(status_of(id), "pending");
}

TEST_F(NewsroomComments, WhatReadersWroteIsShownAsText) {
  post_comment("<script>alert(1)</script> <b onclick=\"x()\">gras</b>");
  auto editor = sign_in("editor@test.example");
  auto list = get("/newsroom/comments/", &editor);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(list.body.find("<b onclick"), std::string::npos);
  HtmlDocument page(list.body);
  auto bodies = page.find_all("div", "nr-comment-body");
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_NE(bodies[0].text().find("<script>alert(1)</script>"), std::string::npos);
}

}  // namespace
}  // namespace gazette::testing

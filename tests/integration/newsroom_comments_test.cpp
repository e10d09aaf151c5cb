// Comment moderation in the newsroom, over HTTP on the real binary: an editor approves, holds,
// marks as spam, trashes, deletes (one or many), edits, replies as the newsroom and erases what
// one address wrote; an admin changes the comment settings; the article page follows at once;
// authors, contributors and forms without the session's CSRF token change nothing.
#include <regex>

#include "html_document.h"
#include "newsroom_client.h"
#include "posted_comment.h"

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

  /// Posts a reader's comment on `article` (the first seeded one by default); returns its id.
  std::int64_t post_comment(const std::string& text, const std::string& email = "marie@example.fr",
                            const std::string& honeypot = "",
                            const std::string& article = kArticle) {
    auto token = get("/comments/form-token").body;
    auto response = post(article + "comments",
                         {{"name", "Marie"},
                          {"email", email},
                          {"website", ""},
                          {"comment", text},
                          {"parent_id", ""},
                          {"homepage", honeypot},
                          {"form_token", token}},
                         nullptr);
    EXPECT_EQ(response.status, 303) << response.body;
    return posted_comment_id(response);
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

// --- The list narrowed to one article, and searched.

// Where NewsroomSite's second seeded article lives.
const std::string kOtherArticle = "/sport/match-nul/";

class NewsroomCommentFilter : public NewsroomComments {
 protected:
  void SetUp() override {
    NewsroomComments::SetUp();
    editor_ = sign_in("editor@test.example");
    article_id_ = text_value("SELECT id FROM articles WHERE slug = 'article-de-depart'");
  }

  HtmlDocument list(const std::string& query) {
    auto response = get("/newsroom/comments/" + query, &editor_);
    EXPECT_EQ(response.status, 200) << query;
    return HtmlDocument(response.body);
  }

  /// The ids of the comments a list shows, in order.
  static std::vector<std::string> rows(const HtmlDocument& page) {
    std::vector<std::string> ids;
    for (const auto& item : page.find_all("li", "nr-comment"))
      ids.push_back(item.attribute("id").substr(std::string("comment-").size()));
    return ids;
  }

  /// Each status tab's count ("pending" → "2"), and its link.
  static std::map<std::string, std::pair<std::string, std::string>> tabs(const HtmlDocument& page) {
    std::map<std::string, std::pair<std::string, std::string>> tabs;
    for (const auto& link : page.find("nav", "nr-tabs").find_all("a")) {
      auto href = link.attribute("href");
      std::smatch status;
      std::regex_search(href, status, std::regex(R"(status=(\w+))"));
      auto count = link.find_all("span", "nr-count");
      tabs[status[1]] = {count.empty() ? "" : count[0].text(), href};
    }
    return tabs;
  }

  NewsroomSession editor_;
  std::string article_id_;
};

TEST_F(NewsroomCommentFilter, OneArticlesCommentsWithTheirCountsKeptAcrossTabsAndActions) {
  auto first = std::to_string(post_comment("Sur le départ"));
  auto second = std::to_string(post_comment("Encore sur le départ", "paul@example.fr"));
  auto other = std::to_string(post_comment("Sur le match", "lea@example.fr", "", kOtherArticle));

  // Each row links to its article's comments alone.
  auto all = list("");
  EXPECT_EQ(rows(all), (std::vector<std::string>{other, second, first}));
  std::string other_filter;
  for (const auto& item : all.find_all("li", "nr-comment"))
    if (item.attribute("id") == "comment-" + other)
      for (const auto& link : item.find_all("a", "nr-article-filter"))
        other_filter = link.attribute("href");
  ASSERT_NE(other_filter.find("article="), std::string::npos);
  EXPECT_EQ(rows(list(other_filter.substr(std::string("/newsroom/comments/").size()))),
            std::vector<std::string>{other});

  auto page = list("?article=" + article_id_);
  EXPECT_EQ(rows(page), (std::vector<std::string>{second, first}));
  auto header = page.find("p", "nr-comment-filter");
  EXPECT_NE(header.text().find("Commentaires sur"), std::string::npos);
  EXPECT_NE(header.text().find("Article de départ"), std::string::npos);
  EXPECT_EQ(header.find_all("a").back().attribute("href"), "/newsroom/comments/?status=pending");
  auto counts = tabs(page);
  EXPECT_EQ(counts["pending"].first, "2");
  EXPECT_EQ(counts["approved"].first, "0");
  for (const auto& [status, tab] : counts)
    EXPECT_NE(tab.second.find("&article=" + article_id_), std::string::npos) << status;
  EXPECT_EQ(tabs(all)["pending"].first, "3");

  // An action sends back to the same filtered list: one row's button, then the bulk form.
  auto one = post("/newsroom/comments/",
                  {{"csrf", editor_.csrf},
                   {"status", "pending"},
                   {"article", article_id_},
                   {"one", "approve:" + first}},
                  &editor_);
  EXPECT_EQ(one.status, 303);
  EXPECT_EQ(one.header("location"), "/newsroom/comments/?status=pending&article=" + article_id_ +
                                        "&notice=comments_approved_done");
  auto bulk = post("/newsroom/comments/",
                   {{"csrf", editor_.csrf},
                    {"status", "pending"},
                    {"article", article_id_},
                    {"q", "départ"},
                    {"action", "spam"},
                    {"c" + second, "1"}},
                   &editor_);
  EXPECT_EQ(bulk.status, 303);
  EXPECT_EQ(bulk.header("location"), "/newsroom/comments/?status=pending&article=" + article_id_ +
                                         "&q=d%C3%A9part&notice=comments_spammed");
  EXPECT_EQ(status_of(std::stoll(first)), "approved");
  EXPECT_EQ(status_of(std::stoll(second)), "spam");
  EXPECT_EQ(status_of(std::stoll(other)), "pending");
  counts = tabs(list("?status=approved&article=" + article_id_));
  EXPECT_EQ(counts["pending"].first, "0");
  EXPECT_EQ(counts["approved"].first, "1");
  EXPECT_EQ(counts["spam"].first, "1");
}

TEST_F(NewsroomCommentFilter, PagesOfOneArticleKeepTheFilter) {
  ASSERT_EQ(run_gazette({"comments", "settings", "--max-per-hour", "1000", "--db", db()}).exit_code,
            0);
  for (int i = 0; i < 51; ++i) post_comment("Commentaire numéro " + std::to_string(i));
  auto other = std::to_string(post_comment("Sur le match", "lea@example.fr", "", kOtherArticle));
  auto page = list("?article=" + article_id_);
  EXPECT_EQ(rows(page).size(), 50u);
  EXPECT_NE(page.find("nav", "nr-pager").text().find("1 / 2"), std::string::npos);
  std::string next;
  for (const auto& link : page.find("nav", "nr-pager").find_all("a"))
    if (link.attribute("rel") == "next") next = link.attribute("href");
  EXPECT_EQ(next, "/newsroom/comments/?status=pending&article=" + article_id_ + "&page=2");
  auto second_page = rows(list(next.substr(std::string("/newsroom/comments/").size())));
  ASSERT_EQ(second_page.size(), 1u);
  EXPECT_NE(second_page[0], other);
}

TEST_F(NewsroomCommentFilter, SearchFindsNamesAddressesAndTextAsPlainText) {
  auto percent = std::to_string(post_comment("Je suis d’accord à 100% avec vous"));
  auto underscore = std::to_string(post_comment("Rien à signaler", "jeanne_d@example.fr"));
  auto plain = std::to_string(post_comment("Bravo pour cette enquête", "paul@example.fr"));
  // A staff reply: the only comment whose writer is named Eddie.
  ASSERT_EQ(post("/newsroom/comments/" + plain + "/reply",
                 {{"csrf", editor_.csrf}, {"comment", "Merci Paul"}}, &editor_)
                .status,
            303);
  auto reply = text_value("SELECT id FROM comments WHERE by_staff = 1");

  using Ids = std::vector<std::string>;
  EXPECT_EQ(rows(list("?q=%25")), Ids{percent});  // "%": a character, not LIKE's wildcard
  EXPECT_EQ(rows(list("?q=_")), Ids{underscore});
  EXPECT_EQ(rows(list("?q=JEANNE_D%40EXAMPLE")), Ids{underscore});  // e-mail, any case
  EXPECT_EQ(rows(list("?status=approved&q=enqu%C3%AAte")), Ids{plain});
  EXPECT_EQ(rows(list("?status=approved&q=eddie")), Ids{reply});  // the writer's name
  for (const std::string hostile :
       {"%22%20OR%201%3D1%20--", "*", "NEAR(a%20b)", "title%3Avous", "%27"})
    EXPECT_EQ(rows(list("?q=" + hostile)), Ids{}) << hostile;

  // The counts are those of the search; the tabs and pager keep it.
  auto page = list("?q=paul");
  auto counts = tabs(page);
  EXPECT_EQ(counts["pending"].first, "0");   // Paul's comment was approved with its reply
  EXPECT_EQ(counts["approved"].first, "2");  // his comment, and the reply that names him
  EXPECT_NE(counts["approved"].second.find("&q=paul"), std::string::npos);
  EXPECT_EQ(form_value(get("/newsroom/comments/?q=paul", &editor_).body, "q"), "paul");
}

TEST_F(NewsroomCommentFilter, AHostileSearchIsShownBackAsText) {
  post_comment("Un commentaire");
  const std::string hostile = "<script>alert(1)</script>\"'&amp;";
  auto response =
      get("/newsroom/comments/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27%26amp%3B", &editor_);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_EQ(form_value(response.body, "q"), hostile);
  HtmlDocument page(response.body);
  EXPECT_TRUE(rows(page).empty());
  for (const auto& link : page.find("nav", "nr-tabs").find_all("a"))
    EXPECT_NE(link.attribute("href").find("&q=%3Cscript%3Ealert"), std::string::npos)
        << link.attribute("href");
}

TEST_F(NewsroomCommentFilter, BadFilterValuesGetAClearRefusalNeverAnError) {
  auto id = post_comment("Un commentaire");
  for (const std::string query : {"?article=abc", "?article=-1", "?article=1e3", "?article=%00"}) {
    auto response = get("/newsroom/comments/" + query, &editor_);
    EXPECT_EQ(response.status, 400) << query;
    EXPECT_NE(response.body.find("n’en est pas un"), std::string::npos) << query;
  }
  auto unknown = get("/newsroom/comments/?article=999999", &editor_);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("Aucun article ne porte ce numéro"), std::string::npos);
  EXPECT_EQ(get("/newsroom/comments/?article=99999999999999999999999", &editor_).status, 400);
  for (const std::string query : {"?q=" + std::string(10000, 'a'), std::string("?q=%FF%FE")}) {
    auto response = get("/newsroom/comments/" + query, &editor_);
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(response.body.find("200 caractères au plus"), std::string::npos);
  }
  EXPECT_EQ(rows(list("?q=" + std::string(200, 'a'))).size(), 0u);

  // An action whose filter went bad still acts, and goes back to the whole list.
  auto acted = post("/newsroom/comments/",
                    {{"csrf", editor_.csrf},
                     {"status", "pending"},
                     {"article", "abc"},
                     {"q", std::string(10000, 'a')},
                     {"one", "approve:" + std::to_string(id)}},
                    &editor_);
  EXPECT_EQ(acted.status, 303);
  EXPECT_EQ(acted.header("location"),
            "/newsroom/comments/?status=pending&notice=comments_approved_done");
  EXPECT_EQ(status_of(id), "approved");
}

TEST_F(NewsroomCommentFilter, AuthorsCannotListOneArticlesComments) {
  post_comment("Un commentaire");
  auto author = sign_in("author@test.example");
  EXPECT_EQ(get("/newsroom/comments/?article=" + article_id_ + "&q=Un", &author).status, 403);
}

}  // namespace
}  // namespace gazette::testing

// The kind of piece from the newsroom's editor, over HTTP: a select of the eight kinds (FR
// labels), sponsored content refused without its sponsor and an unknown kind refused (422,
// nothing saved), and the kind chosen kept after a restart, on the public page and in the
// revision history.
#include <algorithm>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class NewsroomArticleKinds : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }
  std::string path_of(std::int64_t id) { return "/newsroom/articles/" + std::to_string(id); }
  std::string stored(const std::string& column, std::int64_t id) {
    return text_value("SELECT " + column + " FROM articles WHERE id = " + std::to_string(id));
  }
  NewsroomSession admin_;
};

TEST_F(NewsroomArticleKinds, TheKindChosenInTheEditorIsKeptAfterARestart) {
  auto id = create_article(admin_, "Le budget expliqué", "publish");
  EXPECT_EQ(stored("kind", id), "news");  // the default

  auto editor = get(path_of(id), &admin_);
  HtmlDocument form(editor.body);
  auto selects = form.find_all("select");
  auto kind = std::find_if(selects.begin(), selects.end(),
                           [](const HtmlElement& s) { return s.attribute("name") == "kind"; });
  ASSERT_NE(kind, selects.end());
  auto options = kind->find_all("option");
  ASSERT_EQ(options.size(), 8u);
  std::vector<std::string> labels;
  for (const auto& option : options) labels.push_back(option.text());
  EXPECT_EQ(labels,
            (std::vector<std::string>{"Actualité", "Analyse", "Opinion", "Critique", "Contexte",
                                      "Vérification", "Contenu sponsorisé", "En direct"}));
  EXPECT_EQ(form_value(editor.body, "kind"), "news");

  // Sponsored without its sponsor, or a kind that is none of ours: the form again, nothing saved.
  auto fields = editor_fields(admin_, id);
  auto before = article_row(id);
  fields["kind"] = "sponsored";
  fields["sponsor"] = "  ";
  auto refused = post(path_of(id), fields, &admin_);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("un contenu sponsorisé nomme son annonceur"), std::string::npos);
  fields["kind"] = "editorial";
  EXPECT_EQ(post(path_of(id), fields, &admin_).status, 422);
  EXPECT_EQ(article_row(id), before);
  EXPECT_EQ(stored("kind", id), "news");

  fields["kind"] = "analysis";
  fields["sponsor"] = "typed, then the kind changed";  // counts for sponsored content only
  ASSERT_EQ(post(path_of(id), fields, &admin_).status, 303);
  restart_server();
  EXPECT_EQ(form_value(get(path_of(id), &admin_).body, "kind"), "analysis");
  EXPECT_EQ(stored("sponsor", id), "");
  HtmlDocument page(get("/actualite/le-budget-explique/").body);
  auto label = page.find_all("p", "article-kind");
  ASSERT_EQ(label.size(), 1u);
  EXPECT_EQ(label[0].text(), "Analyse");

  // Sponsored with a hostile sponsor: shown as text, and kept in the revision history.
  fields = editor_fields(admin_, id);
  fields["kind"] = "sponsored";
  fields["sponsor"] = "<b>Acme</b> & Cie";
  ASSERT_EQ(post(path_of(id), fields, &admin_).status, 303);
  restart_server();
  EXPECT_EQ(form_value(get(path_of(id), &admin_).body, "sponsor"), "<b>Acme</b> & Cie");
  auto response = get("/actualite/le-budget-explique/");
  EXPECT_EQ(response.body.find("<b>Acme"), std::string::npos);
  HtmlDocument sponsored(response.body);
  EXPECT_EQ(sponsored.find("p", "article-kind").text(), "Contenu sponsorisé par <b>Acme</b> & Cie");
  EXPECT_EQ(text_value("SELECT kind || ':' || sponsor FROM article_revisions WHERE article_id = " +
                       std::to_string(id) + " ORDER BY id DESC LIMIT 1"),
            "sponsored:<b>Acme</b> & Cie");

  // A form without the kind (an older page, a script) leaves it as it is.
  fields = editor_fields(admin_, id);
  fields.erase("kind");
  fields.erase("sponsor");
  fields["title"] = "Le budget expliqué, ligne à ligne";
  ASSERT_EQ(post(path_of(id), fields, &admin_).status, 303);
  EXPECT_EQ(stored("kind", id), "sponsored");
  EXPECT_EQ(stored("sponsor", id), "<b>Acme</b> & Cie");
}

}  // namespace
}  // namespace gazette::testing

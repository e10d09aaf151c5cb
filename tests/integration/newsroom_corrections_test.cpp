// Corrections from the newsroom's editor, over HTTP: saving a published article asks what kind
// of change it is (FR/EN), refuses a correction without its note (422, nothing saved), and a
// correction with its note reaches the article's box, /corrections/ and the revision history.
#include <algorithm>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class NewsroomCorrections : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }
  std::string path_of(std::int64_t id) { return "/newsroom/articles/" + std::to_string(id); }
  NewsroomSession admin_;
};

TEST_F(NewsroomCorrections, APublishedArticleIsCorrectedWithANoteReadersSee) {
  auto draft = create_article(admin_, "Un brouillon");
  // A draft's editor asks nothing: readers have seen nothing to correct.
  EXPECT_EQ(get(path_of(draft), &admin_).body.find("name=\"change\""), std::string::npos);

  auto id = create_article(admin_, "Le conseil a voté", "publish");
  auto editor = get(path_of(id), &admin_);
  HtmlDocument form(editor.body);
  auto selects = form.find_all("select");
  auto change = std::find_if(selects.begin(), selects.end(),
                             [](const HtmlElement& s) { return s.attribute("name") == "change"; });
  ASSERT_NE(change, selects.end());
  EXPECT_EQ(change->find_all("option").size(), 5u);
  EXPECT_NE(editor.body.find("Nature de la modification"), std::string::npos);

  // A correction without its note is refused with the form, and nothing is saved.
  auto fields = editor_fields(admin_, id);
  fields["title"] = "Le conseil a voté à l’unanimité";
  fields["change"] = "correction";
  fields["change_note"] = "";
  auto before = article_row(id);
  auto refused = post(path_of(id), fields, &admin_);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(article_row(id), before);
  fields["change"] = "erratum";
  fields["change_note"] = "Note";
  EXPECT_EQ(post(path_of(id), fields, &admin_).status, 422);
  EXPECT_EQ(article_row(id), before);

  fields["change"] = "correction";
  fields["change_note"] = "Le vote était unanime <em>et non</em> majoritaire.";
  ASSERT_EQ(post(path_of(id), fields, &admin_).status, 303);

  auto page = get("/actualite/le-conseil-a-vote/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("<em>et non</em>"), std::string::npos);
  HtmlDocument article(page.body);
  EXPECT_NE(article.find("aside", "what-changed")
                .text()
                .find("Le vote était unanime <em>et non</em> majoritaire."),
            std::string::npos);
  HtmlDocument list(get("/corrections/").body);
  ASSERT_EQ(list.find_all("li", "correction").size(), 1u);

  auto history = get(path_of(id) + "/revisions", &admin_);
  HtmlDocument revisions(history.body);
  auto kinds = revisions.find_all("td", "nr-change-kind");
  ASSERT_FALSE(kinds.empty());
  EXPECT_NE(kinds[0].text().find("Correction"), std::string::npos);  // newest first
  EXPECT_NE(kinds[0].text().find("unanime"), std::string::npos);
  EXPECT_EQ(history.body.find("<em>et non</em>"), std::string::npos);
}

}  // namespace
}  // namespace gazette::testing

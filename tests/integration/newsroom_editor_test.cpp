// What the rich-text editor sends, over HTTP: a hostile body (scripts, on* attributes,
// javascript: links, CSS expressions), posted as Markdown or HTML straight to the editor's
// form, is stored harmless; the editor's blocks (photo with caption and credit, pull quote,
// embed) become the reader page's markup; the media library lists, searches and takes uploads,
// a bad file refused alone.

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class NewsroomEditor : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }
  NewsroomSession admin_;
};

TEST_F(NewsroomEditor, AHostileBodyIsStoredHarmless) {
  auto fields = article_fields(admin_, "Collage piégé", "publish");
  fields["body"] =
      "<script>alert('s1')</script>\n\n"
      "<p onclick=\"alert('s2')\" style=\"width:expression(alert('s3'))\">texte</p>\n\n"
      "Un [lien](javascript:alert('s4')) et <a href=\"javascript:alert('s5')\">un autre</a>"
      " <img src=x onerror=\"alert('s6')\">\n\n"
      "![photo](javascript:alert('s7') \"Légende © Crédit\")\n\n"
      "[vidéo](javascript:alert('s8') \"embed\")\n\n"
      "> [!PULLQUOTE]\n> <b onmouseover=\"alert('s9')\">citation</b>\n\n"
      "<style>body{background:url(javascript:alert('s10'))}</style>\n";
  auto saved = post("/newsroom/articles/new", fields, &admin_);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);

  auto stored = text_value("SELECT body_html FROM articles WHERE slug = 'collage-piege'");
  for (const char* hostile : {"alert", "<script", "onclick", "onerror", "onmouseover",
                              "javascript:", "expression(", "<style", "style="})
    EXPECT_EQ(stored.find(hostile), std::string::npos) << hostile << " in " << stored;
  EXPECT_NE(stored.find("un autre"), std::string::npos);  // the text of a dropped tag stays
  EXPECT_NE(stored.find("<blockquote class=\"pullquote\">"), std::string::npos) << stored;

  auto page = get("/actualite/collage-piege/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("alert("), std::string::npos);
}

TEST_F(NewsroomEditor, TheEditorsBlocksBecomeTheReaderPagesMarkup) {
  auto fields = article_fields(admin_, "Blocs de l’éditeur", "publish");
  fields["body"] =
      "Premier paragraphe.\n\n"
      "![Une digue](/media/digue.jpg \"La digue au matin © Jean Photo\")\n\n"
      "> [!PULLQUOTE]\n> Nous tiendrons\n\n"
      "[Vidéo de la tempête](https://video.example/v/42 \"embed\")\n\n"
      "> Une citation ordinaire\n";
  ASSERT_EQ(post("/newsroom/articles/new", fields, &admin_).status, 303);
  auto page = get("/actualite/blocs-de-l-editeur/");
  ASSERT_EQ(page.status, 200);
  HtmlDocument document(page.body);
  auto figure_image = document.find_all("figure", "article-figure").at(0);
  EXPECT_NE(figure_image.text().find("La digue au matin"), std::string::npos);
  EXPECT_NE(page.body.find("<img src=\"/media/digue.jpg\" alt=\"Une digue\""), std::string::npos);
  EXPECT_EQ(document.find("span", "credit").text(), "© Jean Photo");
  auto pull_quote = document.find("blockquote", "pullquote").text();
  EXPECT_NE(pull_quote.find("Nous tiendrons"), std::string::npos);
  EXPECT_EQ(pull_quote.find("PULLQUOTE"), std::string::npos);
  auto embed = document.find("a", "article-embed-link");
  EXPECT_EQ(embed.attribute("href"), "https://video.example/v/42");
  EXPECT_EQ(embed.text(), "Vidéo de la tempête");
  EXPECT_EQ(document.find_all("blockquote").size(), 2u);
  EXPECT_EQ(page.body.find("<iframe"), std::string::npos);
  // The Markdown is kept as written, so WXR export and `gazette publish` see what they did.
  EXPECT_NE(text_value("SELECT body_markdown FROM articles WHERE slug = 'blocs-de-l-editeur'")
                .find("> [!PULLQUOTE]"),
            std::string::npos);
}

TEST_F(NewsroomEditor, TheLibraryTakesEachUploadAloneListsAndSearchesThem) {
  auto good = post_multipart("/newsroom/library/upload", {{"csrf", admin_.csrf}},
                             {{"file", "Digue au matin.jpg", reference_photo()}}, &admin_);
  ASSERT_EQ(good.status, 201) << good.body;
  EXPECT_NE(good.body.find("\"src\":\"/media/"), std::string::npos) << good.body;
  auto bad = post_multipart("/newsroom/library/upload", {{"csrf", admin_.csrf}},
                            {{"file", "notes.jpg", "ceci n’est pas une image"}}, &admin_);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("\"error\""), std::string::npos) << bad.body;
  auto truncated =
      post_multipart("/newsroom/library/upload", {{"csrf", admin_.csrf}},
                     {{"file", "coupee.jpg", reference_photo().substr(0, 4000)}}, &admin_);
  EXPECT_EQ(truncated.status, 422);
  auto forged = post_multipart("/newsroom/library/upload", {{"csrf", "faux"}},
                               {{"file", "digue.jpg", reference_photo()}}, &admin_);
  EXPECT_EQ(forged.status, 403);

  auto all = get("/newsroom/library/images.json", &admin_);
  ASSERT_EQ(all.status, 200);
  EXPECT_NE(all.body.find("digue-au-matin"), std::string::npos) << all.body;
  EXPECT_EQ(all.body.find("notes"), std::string::npos);
  EXPECT_EQ(get("/newsroom/library/images.json?q=digue", &admin_).body.find("digue-au-matin") ==
                std::string::npos,
            false);
  EXPECT_EQ(get("/newsroom/library/images.json?q=zzz", &admin_).body, "[]");
  EXPECT_EQ(get("/newsroom/library/images.json").status, 303);  // signed out: to the login
}

}  // namespace
}  // namespace gazette::testing

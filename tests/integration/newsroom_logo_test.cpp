// The site logo, over HTTP: an admin uploads it in the site settings (checked by content like
// every photo), and the reader header shows it at once — alt text the site title — or the text
// title when there is none.
#include <fstream>
#include <sstream>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class NewsroomLogo : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }
  std::map<std::string, std::string> settings_fields() {
    auto page = get("/newsroom/settings", &admin_);
    EXPECT_EQ(page.status, 200);
    std::map<std::string, std::string> fields;
    for (const char* name : {"csrf", "title", "description", "language", "time_zone"})
      fields[name] = form_value(page.body, name);
    return fields;
  }
  static std::string photo() {
    std::ifstream in(shared_fixtures() / "seed" / "banniere-assad-damas.jpg", std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }
  // The src and alt of each <img> in the reader header's title (read while the document lives).
  struct Image {
    std::string src, alt;
  };
  static std::vector<Image> header_images(const std::string& html) {
    HtmlDocument document(html);
    std::vector<Image> images;
    for (const auto& img : document.find("p", "site-title").find_all("img"))
      images.push_back({img.attribute("src"), img.attribute("alt")});
    return images;
  }
  NewsroomSession admin_;
};

TEST_F(NewsroomLogo, AnUploadedLogoShowsInTheHeaderWithTheSiteTitleAsItsAlt) {
  auto before = get("/");  // cached with the text title
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(header_images(before.body).empty());
  ASSERT_EQ(get("/").header("x-cache"), "hit");

  auto fields = settings_fields();
  fields["title"] = "La Gazette <du> Soir";
  auto saved =
      post_multipart("/newsroom/settings", fields, {{"logo", "logo.jpg", photo()}}, &admin_);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);

  auto home = get("/");
  auto images = header_images(home.body);
  ASSERT_EQ(images.size(), 1u) << home.body.substr(0, 2000);
  EXPECT_EQ(images[0].alt, "La Gazette <du> Soir");
  auto logo = get(images[0].src);
  EXPECT_EQ(logo.status, 200);
  EXPECT_EQ(logo.header("content-type"), "image/jpeg");
  // Other settings saved later keep the logo.
  auto again = settings_fields();
  EXPECT_EQ(post("/newsroom/settings", again, &admin_).status, 303);
  EXPECT_EQ(header_images(get("/").body).size(), 1u);
}

TEST_F(NewsroomLogo, ANonImageIsRefusedAndTheLogoCanBeRemoved) {
  auto fields = settings_fields();
  auto refused = post_multipart("/newsroom/settings", fields,
                                {{"logo", "logo.jpg", "<svg onload=alert(1)>"}}, &admin_);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(count("SELECT count(*) FROM settings WHERE key = 'logo' AND value <> ''"), 0);
  EXPECT_TRUE(header_images(get("/").body).empty());

  ASSERT_EQ(
      post_multipart("/newsroom/settings", fields, {{"logo", "logo.jpg", photo()}}, &admin_).status,
      303);
  ASSERT_EQ(header_images(get("/").body).size(), 1u);
  fields["remove_logo"] = "1";
  ASSERT_EQ(post("/newsroom/settings", fields, &admin_).status, 303);
  auto home = get("/");
  EXPECT_TRUE(header_images(home.body).empty());
  HtmlDocument document(home.body);
  EXPECT_EQ(document.find("p", "site-title").text(), "Gazette");
}

TEST_F(NewsroomLogo, OnlyAnAdminSetsTheLogo) {
  add_user("editor@test.example", "Eddie Editor", "editor");
  auto editor = sign_in("editor@test.example");
  auto fields = settings_fields();
  fields["csrf"] = editor.csrf;
  EXPECT_EQ(
      post_multipart("/newsroom/settings", fields, {{"logo", "logo.jpg", photo()}}, &editor).status,
      403);
  EXPECT_EQ(count("SELECT count(*) FROM settings WHERE key = 'logo'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM media"), 0);
}

}  // namespace
}  // namespace gazette::testing

// Photos in the newsroom, over HTTP: checked by content whatever their name, decoded in full,
// resized into the variants the reader pages offer in srcset, with alt text asked for, and
// refused (413) beyond the upload limit while other newsroom forms keep the small one.
#include <regex>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class NewsroomMedia : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }
  HttpResponse create_with_photo(const std::string& title, const std::string& file_name,
                                 const std::string& bytes, const std::string& alt) {
    auto fields = article_fields(admin_, title, "publish");
    fields["alt"] = alt;
    fields["caption"] = "<em>Légende</em> & crédit";
    return post_multipart("/newsroom/articles/new", fields, {{"photo", file_name, bytes}}, &admin_);
  }
  NewsroomSession admin_;
};

TEST_F(NewsroomMedia, APhotoIsResizedAndTheArticlePageOffersEveryWidth) {
  auto response = create_with_photo("Avec une photo", "Bannière Damas.JPG", reference_photo(),
                                    "Une bannière à Damas");
  ASSERT_EQ(response.status, 303) << response.body.substr(0, 3000);
  auto page = get("/actualite/avec-une-photo/");
  ASSERT_EQ(page.status, 200);
  HtmlDocument document(page.body);
  auto image = document.find("figure", "article-image").find_all("img").at(0);
  EXPECT_EQ(image.attribute("alt"), "Une bannière à Damas");
  EXPECT_EQ(document.find("figcaption").text(), "<em>Légende</em> & crédit");
  // The reference photo is 1600 px wide: 480, 800 and 1200 px copies, then the original.
  auto srcset = image.attribute("srcset");
  for (const char* width : {" 480w", " 800w", " 1200w", " 1600w"})
    EXPECT_NE(srcset.find(width), std::string::npos) << srcset;
  auto sources = document.find_all("source");
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources[0].attribute("type"), "image/webp");
  // Every candidate is served, as the image type it claims.
  std::regex url("(/media/[^ ,]+)");
  for (const auto& set : {srcset, sources[0].attribute("srcset")}) {
    for (auto it = std::sregex_iterator(set.begin(), set.end(), url); it != std::sregex_iterator();
         ++it) {
      auto media = get((*it)[1]);
      EXPECT_EQ(media.status, 200) << (*it)[1];
      EXPECT_TRUE(media.header("content-type").starts_with("image/")) << (*it)[1];
      EXPECT_NE(media.header("cache-control").find("immutable"), std::string::npos);
    }
  }
  // The home page's cards use the JPEG copies too.
  EXPECT_NE(get("/").body.find("-480w.jpg 480w"), std::string::npos);
}

TEST_F(NewsroomMedia, AFileThatIsNotAnImageIsRefusedWhateverItsName) {
  auto media_before = count("SELECT count(*) FROM media");
  auto articles_before = count("SELECT count(*) FROM articles");
  auto response = create_with_photo("Faux JPEG", "photo.jpg",
                                    "#!/bin/sh\necho this is not a picture\n", "Texte");
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("href=\"#photo\""), std::string::npos);
  EXPECT_EQ(count("SELECT count(*) FROM media"), media_before);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), articles_before);
}

TEST_F(NewsroomMedia, ATruncatedImageIsRefused) {
  auto photo = reference_photo();
  auto media_before = count("SELECT count(*) FROM media");
  auto response =
      create_with_photo("Photo tronquée", "coupee.jpg", photo.substr(0, photo.size() / 2), "Texte");
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("href=\"#photo\""), std::string::npos);
  EXPECT_EQ(count("SELECT count(*) FROM media"), media_before);
}

TEST_F(NewsroomMedia, AltTextIsAskedForWithAPhoto) {
  auto media_before = count("SELECT count(*) FROM media");
  auto response = create_with_photo("Sans texte alternatif", "photo.jpg", reference_photo(), "");
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("href=\"#alt\""), std::string::npos);
  EXPECT_EQ(count("SELECT count(*) FROM media"), media_before);
}

TEST_F(NewsroomMedia, AFiftyMegabyteUploadIsRefusedWith413) {
  auto articles_before = count("SELECT count(*) FROM articles");
  auto response =
      create_with_photo("Énorme", "huge.jpg", std::string(50 * 1024 * 1024, 'x'), "Texte");
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), articles_before);
  // The server is still there.
  EXPECT_EQ(get("/newsroom/articles/", &admin_).status, 200);
}

TEST_F(NewsroomMedia, OnlyUploadPagesTakeLargeBodies) {
  // Two megabytes: fine for the editor (an ordinary photo), too much for the sections form.
  auto big = std::string(2 * 1024 * 1024, 'x');
  auto sections = post("/newsroom/sections/", {{"csrf", admin_.csrf}, {"name", big}}, &admin_);
  EXPECT_EQ(sections.status, 413);
  auto fields = article_fields(admin_, "Long texte");
  fields["body"] = big;
  auto editor = post("/newsroom/articles/new", fields, &admin_);
  EXPECT_EQ(editor.status, 422) << "read, then refused as a too long body";
}

TEST_F(NewsroomMedia, AnAuthorProfileTakesAPhoto) {
  auto location = get("/newsroom/profile", &admin_).header("location");
  EXPECT_EQ(location, "/newsroom/authors/ada-admin");
  auto response = post_multipart(
      location, {{"csrf", admin_.csrf}, {"name", "Ada Admin"}, {"bio", "Rédactrice en chef."}},
      {{"photo", "ada.jpg", reference_photo()}}, &admin_);
  EXPECT_EQ(response.status, 303) << response.body.substr(0, 2000);
  EXPECT_EQ(text_value("SELECT bio FROM authors WHERE slug = 'ada-admin'"), "Rédactrice en chef.");
  EXPECT_EQ(count("SELECT image_id IS NOT NULL FROM authors WHERE slug = 'ada-admin'"), 1);
}

}  // namespace
}  // namespace gazette::testing

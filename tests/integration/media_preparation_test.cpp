// Photos as readers receive them, whoever added them: the original is served without the
// camera's metadata (EXIF, GPS, XMP), and photos from `gazette publish` get the same resized
// copies as the newsroom's uploads.

#include <fstream>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

// Where the test photo says it was taken: must never reach a reader.
constexpr const char* kGpsMarker = "GPSLatitude=48.8566";

// A JPEG APP1 segment holding `payload`.
std::string app1(const std::string& payload) {
  auto length = payload.size() + 2;
  return std::string("\xFF\xE1", 2) + static_cast<char>(length >> 8) +
         static_cast<char>(length & 0xFF) + payload;
}

// The reference photo with an EXIF block (an empty TIFF directory) and an XMP packet naming a
// place, as a phone would leave them, right after the JPEG's start marker.
std::string photo_with_metadata() {
  auto photo = reference_photo();
  std::string exif = std::string("Exif\0\0", 6) + std::string("MM\0\x2A\0\0\0\x08", 8) +
                     std::string("\0\0\0\0\0\0", 6);
  std::string xmp = std::string("http://ns.adobe.com/xap/1.0/\0", 29) +
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" + kGpsMarker + "</x:xmpmeta>";
  return photo.substr(0, 2) + app1(exif) + app1(xmp) + photo.substr(2);
}

class MediaPreparation : public NewsroomSite {
 protected:
  // The /media/ URL of the article photo's <img src> on the page at `path`.
  std::string photo_url(const std::string& path) {
    auto page = get(path);
    EXPECT_EQ(page.status, 200) << path;
    HtmlDocument document(page.body);
    auto images = document.find("figure", "article-image").find_all("img");
    if (images.empty()) return "";
    return images[0].attribute("src");
  }
};

TEST_F(MediaPreparation, TheFixtureCarriesTheMetadataItIsAbout) {
  auto photo = photo_with_metadata();
  EXPECT_NE(photo.find(kGpsMarker), std::string::npos);
  EXPECT_NE(photo.find(std::string("Exif\0\0", 6)), std::string::npos);
}

TEST_F(MediaPreparation, AnUploadedPhotoIsServedWithoutItsMetadata) {
  auto admin = sign_in("admin@test.example");
  auto fields = article_fields(admin, "Photo localisée", "publish");
  fields["alt"] = "Une rue";
  auto response = post_multipart("/newsroom/articles/new", fields,
                                 {{"photo", "telephone.jpg", photo_with_metadata()}}, &admin);
  ASSERT_EQ(response.status, 303) << response.body.substr(0, 2000);
  auto url = photo_url("/actualite/photo-localisee/");
  ASSERT_FALSE(url.empty());
  auto original = get(url);
  ASSERT_EQ(original.status, 200);
  EXPECT_EQ(original.header("content-type"), "image/jpeg");
  EXPECT_EQ(original.body.substr(0, 2), "\xFF\xD8");
  EXPECT_EQ(original.body.find(kGpsMarker), std::string::npos);
  EXPECT_EQ(original.body.find(std::string("Exif\0\0", 6)), std::string::npos);
  EXPECT_EQ(count("SELECT count(*) FROM media WHERE instr(bytes, 'GPSLatitude') > 0"), 0);
}

TEST_F(MediaPreparation, PublishedPhotosGetResizedCopiesAndLoseTheirMetadata) {
  auto folder = std::filesystem::path(dir().file("article"));
  std::filesystem::create_directories(folder);
  {
    std::ofstream(folder / "photo.jpg", std::ios::binary) << photo_with_metadata();
    std::ofstream(folder / "article.md")
        << "---\ntitle: \"Publié avec une photo\"\nsection: Actualité\nimage: photo.jpg\n"
           "image_alt: \"Une rue\"\n---\n\nUn texte.\n";
  }
  auto result = run_gazette({"publish", (folder / "article.md").string(), "--db", db()});
  ASSERT_EQ(result.exit_code, 0) << result.err;

  auto page = get("/actualite/publie-avec-une-photo/");
  ASSERT_EQ(page.status, 200);
  HtmlDocument document(page.body);
  auto images = document.find("figure", "article-image").find_all("img");
  ASSERT_EQ(images.size(), 1u);
  auto srcset = images[0].attribute("srcset");
  for (const char* width : {" 480w", " 800w", " 1200w"})
    EXPECT_NE(srcset.find(width), std::string::npos) << srcset;
  EXPECT_EQ(document.find_all("source").size(), 1u);  // the WebP copies
  auto original = get(images[0].attribute("src"));
  ASSERT_EQ(original.status, 200);
  EXPECT_EQ(original.body.find(kGpsMarker), std::string::npos);
  // Nor any of its copies.
  EXPECT_EQ(count("SELECT count(*) FROM media WHERE instr(bytes, 'GPSLatitude') > 0"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM media_variants"), 7);
}

}  // namespace
}  // namespace gazette::testing

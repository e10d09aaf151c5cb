// A photo's credit and focal point over HTTP: set once in the media library, shown by every
// article that has the photo as its main one — the credit in the figure (« Photo : AFP »,
// escaped) and in the JSON-LD ImageObject (creditText, copyrightHolder), the focal point as the
// classes the theme turns into object-position on cropped cards. A focal point that is not a
// number from 0 to 100 is a 422 that changes nothing, even after a restart.
#include <nlohmann/json.hpp>

#include <fstream>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class PhotoCredit : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }
  /// Uploads the reference photo through the library; its media name.
  std::string upload() {
    auto response = post_multipart("/newsroom/library/upload", {{"csrf", admin_.csrf}},
                                   {{"file", "photo.jpg", reference_photo()}}, &admin_);
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body).value("name", "");
  }
  HttpResponse save_details(const std::string& name, std::map<std::string, std::string> fields) {
    fields["csrf"] = admin_.csrf;
    return post("/newsroom/library/photo/" + name, fields, &admin_);
  }
  /// Publishes an article whose main photo is the reference photo (the same bytes: the same
  /// media row as the library's upload).
  void publish_with_photo(const std::string& title) {
    auto fields = article_fields(admin_, title, "publish");
    fields["alt"] = "Des bateaux à quai";
    fields["caption"] = "Le port au matin";
    auto response = post_multipart("/newsroom/articles/new", fields,
                                   {{"photo", "port.jpg", reference_photo()}}, &admin_);
    ASSERT_EQ(response.status, 303) << response.body.substr(0, 2000);
  }
  static nlohmann::json news_article(const HtmlDocument& document) {
    for (const auto& script : document.find_all("script"))
      if (script.attribute("type") == "application/ld+json")
        return nlohmann::json::parse(script.text())["@graph"][0];
    ADD_FAILURE() << "no JSON-LD";
    return {};
  }
  NewsroomSession admin_;
};

TEST_F(PhotoCredit, TheLibrarysCreditAndFocalPointReachTheFigureTheJsonLdAndTheCards) {
  auto name = upload();
  ASSERT_FALSE(name.empty());
  auto saved = save_details(
      name,
      {{"caption", ""}, {"credit", "AFP"}, {"alt", ""}, {"focal_x", "28"}, {"focal_y", "71.6"}});
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  publish_with_photo("Le port rouvre");

  auto page = get("/actualite/le-port-rouvre/");
  ASSERT_EQ(page.status, 200);
  HtmlDocument document(page.body);
  auto figure = document.find("figure", "article-image");
  auto credit = figure.find_all("span", "credit");
  ASSERT_EQ(credit.size(), 1u);
  EXPECT_EQ(credit[0].text(), "Photo\u202F: AFP");
  EXPECT_EQ(figure.find_all("figcaption").at(0).text(), "Le port au matin Photo\u202F: AFP");
  auto image = figure.find_all("img").at(0);
  EXPECT_TRUE(image.has_class("focal-x-30")) << image.attribute("class");
  EXPECT_TRUE(image.has_class("focal-y-70")) << image.attribute("class");

  auto json = news_article(document);
  const auto& photo = json["image"][0];
  EXPECT_EQ(photo["@type"], "ImageObject");
  EXPECT_EQ(photo["creditText"], "AFP");
  EXPECT_EQ(photo["copyrightHolder"]["name"], "AFP");
  EXPECT_EQ(photo["caption"], "Le port au matin");
  EXPECT_EQ(photo["width"], 1600);
  EXPECT_TRUE(photo["url"].get<std::string>().ends_with("/media/" + name));

  // The home page's card crops on the same point.
  HtmlDocument home(get("/").body);
  auto cards = home.find_all("img", "card-image");
  auto leads = home.find_all("img", "lead-story-image");
  cards.insert(cards.end(), leads.begin(), leads.end());
  ASSERT_FALSE(cards.empty());
  for (const auto& card : cards) {
    EXPECT_TRUE(card.has_class("focal-x-30")) << card.attribute("class");
    EXPECT_TRUE(card.has_class("focal-y-70")) << card.attribute("class");
  }
  // The library shows the point it keeps.
  auto library = get("/newsroom/library", &admin_).body;
  EXPECT_NE(library.find(
                "name=\"focal_x\" type=\"number\" min=\"0\" max=\"100\" step=\"1\" value=\"28\""),
            std::string::npos);
}

TEST_F(PhotoCredit, ACreditChangedLaterReachesThePagesAlreadyCached) {
  auto name = upload();
  publish_with_photo("Le port rouvre");
  const std::string path = "/actualite/le-port-rouvre/";
  EXPECT_EQ(HtmlDocument(get(path).body)
                .find("figure", "article-image")
                .find_all("span", "credit")
                .size(),
            0u);
  get("/");
  ASSERT_EQ(get(path).header("x-cache"), "hit");
  ASSERT_EQ(get("/").header("x-cache"), "hit");

  ASSERT_EQ(
      save_details(name, {{"credit", "Reuters"}, {"focal_x", "10"}, {"focal_y", "90"}}).status,
      303);
  HtmlDocument page(get(path).body);
  auto credit = page.find("figure", "article-image").find_all("span", "credit");
  ASSERT_EQ(credit.size(), 1u);
  EXPECT_EQ(credit[0].text(), "Photo\u202F: Reuters");
  EXPECT_EQ(news_article(page)["image"][0]["creditText"], "Reuters");
  HtmlDocument home(get("/").body);
  bool cropped = false;
  for (const auto& image : home.find_all("img"))
    cropped |= image.has_class("focal-x-10") && image.has_class("focal-y-90");
  EXPECT_TRUE(cropped) << "the home page's card of the article crops on the new point";
}

TEST_F(PhotoCredit, AHostileCreditIsEscapedOnThePageAndInTheJsonLd) {
  auto name = upload();
  std::string hostile = "<script>alert(1)</script>";
  ASSERT_EQ(save_details(name, {{"credit", hostile}}).status, 303);
  publish_with_photo("Credit hostile");
  auto page = get("/actualite/credit-hostile/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  HtmlDocument document(page.body);
  EXPECT_EQ(document.find("figure", "article-image").find_all("span", "credit").at(0).text(),
            "Photo\u202F: " + hostile);
  EXPECT_EQ(news_article(document)["image"][0]["creditText"], hostile);
}

TEST_F(PhotoCredit, ABadFocalPointOrCreditIsRefusedAndChangesNothing) {
  auto name = upload();
  ASSERT_EQ(save_details(name, {{"credit", "AFP"}, {"focal_x", "20"}, {"focal_y", "80"}}).status,
            303);
  for (const auto& [x, y] : std::vector<std::pair<std::string, std::string>>{{"101", "50"},
                                                                             {"-1", "50"},
                                                                             {"50", "abc"},
                                                                             {"nan", "50"},
                                                                             {"1e2", "50"},
                                                                             {"50", "100.6"}}) {
    auto refused = save_details(name, {{"credit", "Reuters"}, {"focal_x", x}, {"focal_y", y}});
    EXPECT_EQ(refused.status, 422) << x << " " << y;
  }
  EXPECT_EQ(save_details(name, {{"credit", std::string(1000, 'a')}}).status, 422);
  EXPECT_EQ(save_details(name, {{"credit", "AFP\x07"}}).status, 422);
  restart_server();
  admin_ = sign_in("admin@test.example");
  EXPECT_EQ(count("SELECT count(*) FROM media WHERE name = '" + name +
                  "' AND credit = 'AFP' AND focal_x = 20 AND focal_y = 80"),
            1);
}

TEST_F(PhotoCredit, TheEditorSetsTheMainPhotosCreditAndFocalPoint) {
  publish_with_photo("Le port rouvre");
  auto id = count("SELECT id FROM articles WHERE slug = 'le-port-rouvre'");
  auto name = text_value("SELECT m.name FROM media m JOIN articles a ON a.image_id = m.id"
                         " WHERE a.id = " + std::to_string(id));
  const std::string path = "/actualite/le-port-rouvre/";
  get(path);  // cached before the change: the photo's save must drop it

  auto fields = editor_fields(admin_, id);
  fields["credit"] = "AFP";
  fields["focal_x"] = "20";
  fields["focal_y"] = "80";
  auto saved = post_multipart("/newsroom/articles/" + std::to_string(id), fields, {}, &admin_);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  HtmlDocument page(get(path).body);
  auto figure = page.find("figure", "article-image");
  EXPECT_EQ(figure.find_all("span", "credit").at(0).text(), "Photo\u202F: AFP");
  EXPECT_TRUE(figure.find_all("img").at(0).has_class("focal-x-20"));
  EXPECT_TRUE(figure.find_all("img").at(0).has_class("focal-y-80"));
  EXPECT_EQ(count("SELECT count(*) FROM media WHERE name = '" + name +
                  "' AND credit = 'AFP' AND focal_x = 20 AND focal_y = 80"),
            1);
  auto editor = get("/newsroom/articles/" + std::to_string(id), &admin_).body;
  EXPECT_EQ(form_value(editor, "credit"), "AFP");
  EXPECT_EQ(form_value(editor, "focal_x"), "20");

  // Refused whole: the article and the photo stay as they were.
  auto version = article_row(id)->version;
  for (const auto& [field, value] : std::vector<std::pair<std::string, std::string>>{
           {"focal_x", "150"}, {"focal_y", "abc"}, {"credit", "AFP\x07"},
           {"credit", std::string(300, 'a')}}) {
    auto bad = editor_fields(admin_, id);
    bad["credit"] = "Reuters";
    bad["focal_x"] = "10";
    bad["focal_y"] = "10";
    bad["title"] = "Titre changé";
    bad[field] = value;
    EXPECT_EQ(post_multipart("/newsroom/articles/" + std::to_string(id), bad, {}, &admin_).status,
              422)
        << field << "=" << value;
  }
  EXPECT_EQ(article_row(id)->version, version);
  EXPECT_EQ(count("SELECT count(*) FROM media WHERE name = '" + name +
                  "' AND credit = 'AFP' AND focal_x = 20 AND focal_y = 80"),
            1);
}

TEST_F(PhotoCredit, FrontMatterGivesThePhotoItsCreditAndFocalPoint) {
  std::ofstream(dir().file("port.jpg"), std::ios::binary) << reference_photo();
  auto path = dir().file("port.md");
  std::ofstream(path) << "---\ntitle: Le port\nsection: Monde\nimage: port.jpg\n"
                         "image_alt: Des bateaux\nimage_credit: Reuters\nimage_focal: 30 70\n"
                         "---\n\nTexte.\n";
  auto published = run_gazette({"publish", path, "--db", db()});
  ASSERT_EQ(published.exit_code, 0) << published.err;
  HtmlDocument page(get("/monde/le-port/").body);
  auto figure = page.find("figure", "article-image");
  EXPECT_EQ(figure.find_all("span", "credit").at(0).text(), "Photo\u202F: Reuters");
  auto image = figure.find_all("img").at(0);
  EXPECT_TRUE(image.has_class("focal-x-30")) << image.attribute("class");
  EXPECT_TRUE(image.has_class("focal-y-70")) << image.attribute("class");
  EXPECT_EQ(count("SELECT count(*) FROM media WHERE credit = 'Reuters' AND focal_x = 30 AND"
                  " focal_y = 70"),
            1);

  // A point outside the photo, or not two numbers: refused, naming the field; nothing changes.
  for (const std::string focal : {"30 170", "30", "trente 70", "30 70 10", "-5 50"}) {
    std::ofstream(path) << "---\ntitle: Le port\nsection: Monde\nimage: port.jpg\n"
                           "image_focal: "
                        << focal << "\n---\n\nTexte.\n";
    auto refused = run_gazette({"publish", path, "--db", db()});
    EXPECT_NE(refused.exit_code, 0) << focal;
    EXPECT_NE(refused.err.find("image_focal"), std::string::npos) << refused.err;
  }
  EXPECT_EQ(count("SELECT count(*) FROM media WHERE focal_x = 30 AND focal_y = 70"), 1);

  std::ofstream(path) << "---\ntitle: Le port\nsection: Monde\nimage: port.jpg\n"
                         "image_credit: \"AFP\\u0007\"\n---\n\nTexte.\n";
  auto refused = run_gazette({"publish", path, "--db", db()});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("image_credit"), std::string::npos) << refused.err;
  EXPECT_EQ(count("SELECT count(*) FROM media WHERE credit = 'Reuters'"), 1);
}

}  // namespace
}  // namespace gazette::testing

// The reference article as a reader sees it: every one of the nine parts of its page
// (../shared/fixtures/seed/README.md), checked over HTTP on a real server.
#include <fstream>
#include <sstream>

#include "published_site.h"

namespace gazette::testing {
namespace {

class ReferenceArticle : public PublishedSite {
 protected:
  void SetUp() override {
    PublishedSite::SetUp();
    response_ = get(kReferencePath);
    ASSERT_EQ(response_.status, 200);
    page_ = std::make_unique<HtmlDocument>(response_.body);
  }
  const HtmlDocument& page() const { return *page_; }

  HttpResponse response_;
  std::unique_ptr<HtmlDocument> page_;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST_F(ReferenceArticle, IsHtmlInFrenchWithTheHeadlineAsTitle) {
  EXPECT_EQ(response_.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(page().find("html").attribute("lang"), "fr");
  EXPECT_NE(page().find("title").text().find("Offensive en cours"), std::string::npos);
  bool canonical = false;
  for (const auto& link : page().find_all("link"))
    canonical |= link.attribute("rel") == "canonical" &&
                 link.attribute("href") == "http://" + server().host() + ":" +
                                               std::to_string(server().port()) + kReferencePath;
  EXPECT_TRUE(canonical);
}

TEST_F(ReferenceArticle, BreadcrumbGoesHomeThenToTheSection) {
  auto breadcrumb = page().find("nav", "breadcrumb");
  auto links = breadcrumb.find_all("a");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].attribute("href"), "/");
  EXPECT_EQ(links[0].text(), "Accueil");
  EXPECT_EQ(links[1].attribute("href"), "/actualite/");
  EXPECT_EQ(links[1].text(), "Actualité");
}

TEST_F(ReferenceArticle, HeadlineIsTheOnlyH1) {
  auto headings = page().find_all("h1");
  ASSERT_EQ(headings.size(), 1u);
  // French typography: a narrow no-break space holds the colon to "Damas" (the title is typed
  // with an ordinary space).
  EXPECT_EQ(headings[0].text(),
            "Les Islamistes envoient un message fort à Damas\u202F: Offensive en cours");
}

TEST_F(ReferenceArticle, BylineLinksToTheAuthorPage) {
  auto byline = page().find("p", "byline");
  auto link = byline.find_all("a");
  ASSERT_EQ(link.size(), 1u);
  EXPECT_EQ(link[0].text(), "Sara");
  EXPECT_EQ(link[0].attribute("href"), "/author/sara/");
  EXPECT_EQ(byline.text(), "par Sara");

  auto author_page = get("/author/sara/");
  ASSERT_EQ(author_page.status, 200);
  HtmlDocument author(author_page.body);
  EXPECT_EQ(author.find("h1").text(), "Sara");
  EXPECT_NE(author_page.body.find(kReferencePath), std::string::npos);
}

TEST_F(ReferenceArticle, ShowsItsDateInFrench) {
  auto time = page().find("article").find_all("time");
  ASSERT_FALSE(time.empty());
  EXPECT_EQ(time[0].text(), "8 décembre 2024");
  EXPECT_EQ(time[0].attribute("datetime"), "2024-12-08T06:00:00+01:00");
}

TEST_F(ReferenceArticle, ShowsTheCategoryAsALabel) {
  auto labels = page().find("ul", "labels").find_all("a");
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_EQ(labels[0].text(), "France");
  EXPECT_EQ(get(labels[0].attribute("href")).status, 200);
}

TEST_F(ReferenceArticle, LeadThenBodyWithItsFourSubheadings) {
  auto lead = page().find("p", "lead");
  EXPECT_EQ(lead.text().rfind("Les nouvelles en provenance de la Syrie", 0), 0u);
  auto body = page().find("div", "article-body");
  std::vector<std::string> subheadings;
  for (const auto& heading : body.find_all("h2")) subheadings.push_back(heading.text());
  EXPECT_EQ(subheadings, (std::vector<std::string>{
                             "Offensive islamiste à Damas", "Retraite des forces gouvernementales",
                             "Homs célébrée comme libérée", "État des lieux à Homs"}));
  // The lead is shown once, not again as the body's first paragraph.
  EXPECT_EQ(body.text().find("Les nouvelles en provenance"), std::string::npos);
}

// `line` of the reference page as French typography sets it here: its no-break spaces (U+00A0,
// inside « ») and the spaces before : ; ! ? become narrow no-break spaces (U+202F).
std::string with_narrow_no_break_spaces(const std::string& line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line.compare(i, 2, "\u00A0") == 0) {
      out += "\u202F";
      ++i;
    } else if (line[i] == ' ' && i + 1 < line.size() &&
               std::string_view(":;!?").find(line[i + 1]) != std::string_view::npos) {
      out += "\u202F";
    } else {
      out += line[i];
    }
  }
  return out;
}

TEST_F(ReferenceArticle, CarriesEveryParagraphOfTheReferencePage) {
  // Every paragraph of the page as the reader saw it (page.txt) is on our page, word for word.
  std::istringstream lines(read_file(shared_fixtures() / "seed" / "page.txt"));
  auto text = page().find("main").text();
  std::string line;
  int checked = 0;
  while (std::getline(lines, line)) {
    // Headings, tags, labels and the breadcrumb ("Home Actualité…") have tests of their own.
    if (line.size() < 80 || line.rfind("Home", 0) == 0) continue;
    line = with_narrow_no_break_spaces(line);
    EXPECT_NE(text.find(line), std::string::npos) << line;
    ++checked;
  }
  EXPECT_GE(checked, 9);
}

TEST_F(ReferenceArticle, PhotoIsAFigureWithItsCaption) {
  auto figure = page().find("article").find_all("figure");
  ASSERT_EQ(figure.size(), 1u);
  auto images = figure[0].find_all("img");
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(figure[0].find_all("figcaption").at(0).text(),
            "Bannière de Bashar al-Assad à Damas, Syrie");
  EXPECT_FALSE(images[0].attribute("alt").empty());
  EXPECT_FALSE(images[0].attribute("width").empty());
  EXPECT_FALSE(images[0].attribute("height").empty());

  auto photo = get(images[0].attribute("src"));
  ASSERT_EQ(photo.status, 200);
  EXPECT_EQ(photo.header("content-type"), "image/jpeg");
  // The fixture carries EXIF: readers get the photo without it (media/image_preparation.h).
  ASSERT_NE(read_file(shared_fixtures() / "seed" / "banniere-assad-damas.jpg")
                .find(std::string("Exif\0\0", 6)),
            std::string::npos);
  EXPECT_EQ(photo.body.substr(0, 2), "\xFF\xD8");
  EXPECT_EQ(photo.body.find(std::string("Exif\0\0", 6)), std::string::npos);
  EXPECT_NE(photo.header("cache-control").find("immutable"), std::string::npos);
}

TEST_F(ReferenceArticle, TagsEachLinkToTheirTagPage) {
  auto tags = page().find("ul", "tags").find_all("a");
  std::vector<std::string> names;
  for (const auto& tag : tags) names.push_back(tag.text());
  EXPECT_EQ(names, (std::vector<std::string>{"Syrie", "Damas", "Islamistes", "Offensive", "Guerre",
                                             "France"}));
  for (const auto& tag : tags) {
    auto tag_page = get(tag.attribute("href"));
    ASSERT_EQ(tag_page.status, 200) << tag.attribute("href");
    HtmlDocument listing(tag_page.body);
    EXPECT_EQ(listing.find("h1").text(), tag.text());
    EXPECT_NE(tag_page.body.find(kReferencePath), std::string::npos);
  }
}

TEST_F(ReferenceArticle, RelatedRegionListsOtherArticlesOfTheSection) {
  auto other = publish("autre", "title: \"Alep sous tension\"\nsection: Actualité\nauthor: Sara");
  auto culture = publish("culture", "title: \"Un festival à Lyon\"\nsection: Culture");
  HtmlDocument refreshed(get(kReferencePath).body);
  auto related = refreshed.find("section", "related");
  EXPECT_EQ(related.find_all("h2").at(0).text(), "Vous aimerez aussi");
  std::vector<std::string> links;
  for (const auto& link : related.find_all("a")) links.push_back(link.attribute("href"));
  EXPECT_NE(std::find(links.begin(), links.end(), other), links.end());
  EXPECT_EQ(std::find(links.begin(), links.end(), culture), links.end());
  EXPECT_EQ(std::find(links.begin(), links.end(), std::string(kReferencePath)), links.end());
}

TEST_F(ReferenceArticle, EndsWithTheCommentForm) {
  auto comments = page().find("section", "comments");
  EXPECT_EQ(comments.find_all("h2").at(0).text(), "Laisser un commentaire");
  auto forms = comments.find_all("form");
  ASSERT_EQ(forms.size(), 1u);
  EXPECT_EQ(forms[0].attribute("method"), "post");
  std::vector<std::string> fields;
  for (const auto& input : forms[0].find_all("input")) fields.push_back(input.attribute("name"));
  for (const auto& input : forms[0].find_all("textarea")) fields.push_back(input.attribute("name"));
  for (const char* name : {"name", "email", "website", "comment"})
    EXPECT_NE(std::find(fields.begin(), fields.end(), name), fields.end()) << name;
}

}  // namespace
}  // namespace gazette::testing

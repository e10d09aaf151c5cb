// French typesetting on the reader pages (issue 15, part 7), over HTTP on the real binary: on a
// French site the headline, lead, body, caption, comments and live entries get a narrow
// no-break space before « : ; ! ? » and inside « » — never in a link's address, in code or in
// an attribute — and an English site keeps the spaces as typed.
#include <algorithm>
#include <fstream>

#include "html_document.h"
#include "posted_comment.h"
#include "published_site.h"

namespace gazette::testing {
namespace {

const std::string kNnbsp = "\u202F";

class FrenchPages : public PublishedSite {
 protected:
  /// Publishes the article the tests read, with its photo; returns its path.
  std::string publish_article() {
    std::ofstream(dir().file("photo.jpg"), std::ios::binary) << reference_photo();
    return publish("typographie",
                   "title: \"Damas : offensive en cours ?\"\n"
                   "section: Actualité\n"
                   "lead: \"« Nous tiendrons » : que sait-on ?\"\n"
                   "image: photo.jpg\n"
                   "image_caption: \"Alep ; la citadelle !\"",
                   "## Et maintenant ?\n\n"
                   "Voir `a ? b : c` et [le lien](https://exemple.fr/?q=x \"Titre ?\") : fin !\n");
  }

  /// A comment on the article at `path`, published at once.
  void comment(const std::string& path, const std::string& text) {
    auto settings = run_gazette({"comments", "settings", "--min-fill-seconds", "0", "--moderation",
                                 "publish", "--db", db()});
    ASSERT_EQ(settings.exit_code, 0) << settings.err;
    std::map<std::string, std::string> fields{{"name", "Marie"},
                                              {"email", "marie@example.fr"},
                                              {"website", ""},
                                              {"comment", text},
                                              {"parent_id", ""},
                                              {"homepage", ""},
                                              {"form_token", get("/comments/form-token").body}};
    auto posted =
        http_request(server().host(), server().port(), "POST", path + "comments",
                     {{"Content-Type", "application/x-www-form-urlencoded"}}, form_encode(fields));
    ASSERT_EQ(posted.status, 303) << posted.body;
  }
};

TEST_F(FrenchPages, AFrenchPageSetsItsTextAndLeavesCodeLinksAndAttributesAlone) {
  auto path = publish_article();
  comment(path, "Enfin une bonne nouvelle ! « Bravo » à tous.");
  auto response = get(path);
  ASSERT_EQ(response.status, 200);
  HtmlDocument page(response.body);

  EXPECT_EQ(page.find("h1").text(), "Damas" + kNnbsp + ": offensive en cours" + kNnbsp + "?");
  EXPECT_EQ(page.find("p", "lead").text(), "«" + kNnbsp + "Nous tiendrons" + kNnbsp + "»" + kNnbsp +
                                               ": que sait-on" + kNnbsp + "?");
  auto body = page.find("div", "article-body");
  EXPECT_EQ(body.find_all("h2").at(0).text(), "Et maintenant" + kNnbsp + "?");
  EXPECT_EQ(body.find_all("code").at(0).text(), "a ? b : c");
  auto link = body.find_all("a").at(0);
  EXPECT_EQ(link.attribute("href"), "https://exemple.fr/?q=x");
  EXPECT_EQ(link.attribute("title"), "Titre ?");
  EXPECT_NE(response.body.find("le lien</a>" + kNnbsp + ": fin" + kNnbsp + "!</p>"),
            std::string::npos);
  EXPECT_EQ(page.find("figure", "article-image").find_all("figcaption").at(0).text(),
            "Alep" + kNnbsp + "; la citadelle" + kNnbsp + "!");
  auto thread = page.find("section", "comment-thread").text();
  EXPECT_NE(thread.find("nouvelle" + kNnbsp + "! «" + kNnbsp + "Bravo" + kNnbsp + "»"),
            std::string::npos)
      << thread;
  // The <title> and the structured data keep the headline as typed.
  EXPECT_EQ(page.find("title").text().find("Damas : offensive en cours ?"), 0u);

  // Cards in listings too.
  HtmlDocument section(get("/actualite/").body);
  std::vector<std::string> titles;
  for (const auto& title : section.find_all("h3", "card-title")) titles.push_back(title.text());
  EXPECT_NE(std::find(titles.begin(), titles.end(),
                      "Damas" + kNnbsp + ": offensive en cours" + kNnbsp + "?"),
            titles.end());
}

TEST_F(FrenchPages, AnEnglishSiteKeepsTheSpacesAsTyped) {
  auto path = publish_article();
  change_settings({{"language", "en"}});
  auto response = get(path);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body.find(kNnbsp), std::string::npos);
  HtmlDocument page(response.body);
  EXPECT_EQ(page.find("h1").text(), "Damas : offensive en cours ?");
  EXPECT_EQ(page.find("figure", "article-image").find_all("figcaption").at(0).text(),
            "Alep ; la citadelle !");
}

}  // namespace
}  // namespace gazette::testing

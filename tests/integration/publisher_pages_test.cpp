// Who publishes (issue 15, part 4), over HTTP on the real binary: an admin names the publisher
// and writes its policies in the newsroom; /about/ and each policy's page show them, every
// page's footer links them, and the NewsMediaOrganization JSON-LD of the article and home pages
// names them — after a restart too. Hostile text stays text; bad values change nothing.
#include <nlohmann/json.hpp>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

const std::string kArticle = "/actualite/article-de-depart/";
const std::string kPublisherPage = "/newsroom/settings/publisher";

class PublisherPages : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }

  /// Posts the publisher form with `values` over what it shows now.
  HttpResponse save(const std::map<std::string, std::string>& values,
                    const NewsroomSession& session) {
    auto form = get(kPublisherPage, &admin_).body;
    std::map<std::string, std::string> fields;
    for (const char* name : {"publisher_name", "publisher_address", "publisher_email",
                             "publisher_phone", "policy_ethics", "policy_corrections_policy",
                             "policy_ownership", "policy_contact", "policy_masthead"})
      fields[name] = form_value(form, name);
    for (const auto& [name, value] : values) fields[name] = value;
    fields["csrf"] = session.csrf;
    return post(kPublisherPage, fields, &session);
  }

  std::string settings_state() {
    return text_value(
        "SELECT coalesce(group_concat(key || '=' || value, '|'), '') FROM "
        "(SELECT * FROM settings ORDER BY key)");
  }

  /// The hrefs of the footer's « À propos » links on the page at `path`.
  std::vector<std::string> footer_links(const std::string& path) {
    auto response = get(path);
    EXPECT_EQ(response.status, 200) << path;
    HtmlDocument page(response.body);
    std::vector<std::string> links;
    for (const auto& nav : page.find_all("nav", "footer-about"))
      for (const auto& link : nav.find_all("a")) links.push_back(link.attribute("href"));
    return links;
  }

  /// The page's JSON-LD, parsed (null when it has none).
  nlohmann::json json_ld(const std::string& path) {
    HtmlDocument page(get(path).body);
    for (const auto& script : page.find_all("script"))
      if (script.attribute("type") == "application/ld+json")
        return nlohmann::json::parse(script.text());
    return nullptr;
  }

  std::string base() { return "http://" + server().host() + ":" + std::to_string(server().port()); }

  NewsroomSession admin_;
};

TEST_F(PublisherPages, AnAdminNamesThePublisherAndItsPoliciesAndEveryPageLinksThem) {
  // Before: /about/ names the site; no policy has a page; the footer links /about/ only.
  auto about = get("/about/");
  ASSERT_EQ(about.status, 200);
  EXPECT_EQ(HtmlDocument(about.body).find("p", "publisher-name").text(), "Gazette");
  EXPECT_EQ(get("/about/ethics/").status, 404);
  EXPECT_EQ(footer_links(kArticle), std::vector<std::string>{"/about/"});
  ASSERT_EQ(get(kArticle).header("x-cache"), "hit");  // cached: the save must drop it

  auto saved = save({{"publisher_name", "Société éditrice du Levant"},
                     {"publisher_address", "12 rue Hamra\r\nBeyrouth"},
                     {"publisher_email", "redaction@levant.example"},
                     {"publisher_phone", "+33 1 23 45 67 89"},
                     {"policy_ethics", "## Nos principes\n\nNous vérifions avant de publier."},
                     {"policy_corrections_policy", "Toute erreur est corrigée *en clair*."},
                     {"policy_ownership", "Le journal appartient à ses salariés."},
                     {"policy_contact", "Écrivez-nous, nous répondons sous 48 heures."}},
                    admin_);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);

  const std::vector<std::string> expected = {"/about/", "/about/ethics/",
                                             "/about/corrections-policy/", "/about/ownership/",
                                             "/about/contact/"};
  EXPECT_EQ(footer_links(kArticle), expected);
  EXPECT_EQ(footer_links("/"), expected);
  EXPECT_EQ(footer_links("/sport/"), expected);

  auto ethics = get("/about/ethics/");
  ASSERT_EQ(ethics.status, 200);
  HtmlDocument ethics_page(ethics.body);
  EXPECT_EQ(ethics_page.find("h1").text(), "Charte déontologique");
  EXPECT_EQ(ethics_page.find("div", "article-body").find_all("h2").at(0).text(), "Nos principes");
  EXPECT_EQ(get("/about/masthead/").status, 404);  // never written: no page
  EXPECT_EQ(get("/about/unknown/").status, 404);

  HtmlDocument contact(get("/about/contact/").body);
  std::vector<std::string> hrefs;
  for (const auto& link : contact.find("section", "publisher").find_all("a"))
    hrefs.push_back(link.attribute("href"));
  EXPECT_EQ(hrefs,
            (std::vector<std::string>{"mailto:redaction@levant.example", "tel:+33123456789"}));
  EXPECT_EQ(contact.find("p", "publisher-address").text(), "12 rue Hamra Beyrouth");

  auto article = json_ld(kArticle);
  auto publisher = article["@graph"][0]["publisher"];
  EXPECT_EQ(publisher["@type"], "NewsMediaOrganization");
  EXPECT_EQ(publisher["name"], "Société éditrice du Levant");
  EXPECT_EQ(publisher["email"], "redaction@levant.example");
  EXPECT_EQ(publisher["address"], "12 rue Hamra\nBeyrouth");
  EXPECT_EQ(publisher["ethicsPolicy"], base() + "/about/ethics/");
  EXPECT_EQ(publisher["publishingPrinciples"], base() + "/about/ethics/");
  EXPECT_EQ(publisher["correctionsPolicy"], base() + "/about/corrections-policy/");
  EXPECT_EQ(publisher["ownershipFundingInfo"], base() + "/about/ownership/");
  EXPECT_EQ(publisher["actionableFeedbackPolicy"], base() + "/about/contact/");
  EXPECT_FALSE(publisher.contains("masthead"));
  auto home = json_ld("/");
  EXPECT_EQ(home["@type"], "NewsMediaOrganization");
  EXPECT_EQ(home["correctionsPolicy"], base() + "/about/corrections-policy/");
  EXPECT_EQ(json_ld("/about/")["name"], "Société éditrice du Levant");

  // Kept in the database: the same after a restart, and emptied policies lose their page.
  restart_server();
  EXPECT_EQ(get("/about/ownership/").status, 200);
  EXPECT_EQ(HtmlDocument(get("/about/").body).find("p", "publisher-name").text(),
            "Société éditrice du Levant");
  ASSERT_EQ(save({{"policy_ownership", ""}}, admin_).status, 303);
  EXPECT_EQ(get("/about/ownership/").status, 404);
  EXPECT_FALSE(json_ld(kArticle)["@graph"][0]["publisher"].contains("ownershipFundingInfo"));
}

TEST_F(PublisherPages, HostileTextStaysTextAndBadValuesChangeNothing) {
  const std::string hostile = "</script><script>alert(1)</script>";
  ASSERT_EQ(save({{"publisher_name", hostile},
                  {"policy_ethics",
                   "<script>alert(2)</script>\n\n[lien](javascript:alert(3)) <img src=x "
                   "onerror=alert(4)>"}},
                 admin_)
                .status,
            303);
  auto ethics = get("/about/ethics/");
  ASSERT_EQ(ethics.status, 200);
  HtmlDocument page(ethics.body);
  auto body = page.find("div", "article-body");
  EXPECT_TRUE(body.find_all("script").empty());
  EXPECT_TRUE(body.find_all("img").empty());
  for (const auto& link : body.find_all("a"))
    EXPECT_EQ(link.attribute("href").find("javascript:"), std::string::npos);
  EXPECT_EQ(ethics.body.find("<script>alert"), std::string::npos);
  // The name is shown as typed, and the JSON-LD holding it still parses.
  EXPECT_EQ(HtmlDocument(get("/about/").body).find("p", "publisher-name").text(), hostile);
  EXPECT_EQ(json_ld(kArticle)["@graph"][0]["publisher"]["name"], hostile);

  auto state = settings_state();
  for (const auto& [field, bad] : std::vector<std::pair<std::string, std::string>>{
           {"publisher_email", "pas une adresse"},
           {"publisher_phone", "appelez-nous"},
           {"publisher_name", "Nom\x01"},
           {"publisher_name", std::string(300, 'a')},
           {"publisher_address", "rue\x1b[31m"},
           {"policy_masthead", std::string(60'000, 'a')},
           {"policy_contact", "\xff\xfe"}}) {
    auto refused =
        save({{field, bad}, {"policy_ownership", "Un texte qui ne doit pas rester."}}, admin_);
    EXPECT_EQ(refused.status, 422) << field;
    EXPECT_EQ(settings_state(), state) << field;
    EXPECT_NE(HtmlDocument(refused.body).find("div", "nr-error").text(), "") << field;
  }
  EXPECT_EQ(get("/about/ownership/").status, 404);

  // Only admins change who publishes; a form without its token changes nothing.
  add_user("autrice@test.example", "Awa Autrice", "author");
  auto author = sign_in("autrice@test.example");
  EXPECT_EQ(get(kPublisherPage, &author).status, 403);
  EXPECT_EQ(save({{"policy_ownership", "Texte"}}, author).status, 403);
  auto forged = admin_;
  forged.csrf = "forged";
  EXPECT_EQ(save({{"policy_ownership", "Texte"}}, forged).status, 403);
  EXPECT_EQ(settings_state(), state);
}

}  // namespace
}  // namespace gazette::testing

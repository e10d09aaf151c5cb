// The site's public address and what its feeds carry, set by an admin in the newsroom's site
// settings, over HTTP on the real binary: the next article page and feed follow at once (the
// page cache drops every page); bad addresses, other roles and forms without the CSRF token
// change nothing.
#include <nlohmann/json.hpp>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

// Where NewsroomSite's first seeded article lives.
const std::string kArticle = "/actualite/article-de-depart/";

class NewsroomSiteSettings : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }

  /// The settings form's fields as the page shows them, for `session`.
  std::map<std::string, std::string> settings_fields(const NewsroomSession& session) {
    auto page = get("/newsroom/settings", &session);
    EXPECT_EQ(page.status, 200);
    std::map<std::string, std::string> fields;
    for (const char* name :
         {"csrf", "title", "description", "language", "time_zone", "url", "feed_content"})
      fields[name] = form_value(page.body, name);
    return fields;
  }

  HttpResponse save(const std::map<std::string, std::string>& changes,
                    const NewsroomSession& session) {
    auto fields = settings_fields(admin_);
    fields["csrf"] = session.csrf;
    for (const auto& [name, value] : changes) fields[name] = value;
    return post("/newsroom/settings", fields, &session);
  }

  /// Every site setting, to compare before and after a refused change.
  std::string settings_state() {
    return text_value(
        "SELECT coalesce(group_concat(key || '=' || value, '|'), '') FROM "
        "(SELECT * FROM settings ORDER BY key)");
  }

  std::string host_base() {
    return "http://" + server().host() + ":" + std::to_string(server().port());
  }

  /// The absolute addresses of the article page: canonical link, og:url and JSON-LD url.
  struct ArticleAddresses {
    std::string canonical, og_url, json_ld_url;
  };
  ArticleAddresses article_addresses() {
    auto response = get(kArticle);
    EXPECT_EQ(response.status, 200);
    HtmlDocument page(response.body);
    ArticleAddresses addresses;
    for (const auto& link : page.find_all("link"))
      if (link.attribute("rel") == "canonical") addresses.canonical = link.attribute("href");
    for (const auto& meta : page.find_all("meta"))
      if (meta.attribute("property") == "og:url") addresses.og_url = meta.attribute("content");
    for (const auto& script : page.find_all("script"))
      if (script.attribute("type") == "application/ld+json")
        addresses.json_ld_url =
            nlohmann::json::parse(script.text())["@graph"][0]["url"].get<std::string>();
    return addresses;
  }

  NewsroomSession admin_;
};

TEST_F(NewsroomSiteSettings, ThePublicAddressMakesEveryAbsoluteLinkAtOnce) {
  // Cached first with the Host's address, so the change must drop them.
  auto before = article_addresses();
  EXPECT_EQ(before.canonical, host_base() + kArticle);
  ASSERT_EQ(get(kArticle).header("x-cache"), "hit");
  ASSERT_NE(get("/feed.xml").body.find("<link>" + host_base() + kArticle + "</link>"),
            std::string::npos);

  auto saved = save({{"url", " https://www.Example.fr/ "}}, admin_);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  EXPECT_EQ(text_value("SELECT value FROM settings WHERE key = 'url'"), "https://www.example.fr");
  EXPECT_EQ(form_value(get("/newsroom/settings", &admin_).body, "url"), "https://www.example.fr");

  auto after = article_addresses();
  const std::string expected = "https://www.example.fr" + kArticle;
  EXPECT_EQ(after.canonical, expected);
  EXPECT_EQ(after.og_url, expected);
  EXPECT_EQ(after.json_ld_url, expected);
  auto feed = get("/feed.xml").body;
  EXPECT_NE(feed.find("<link>" + expected + "</link>"), std::string::npos) << feed;
  EXPECT_EQ(feed.find(host_base()), std::string::npos);
  EXPECT_NE(get("/feed.atom").body.find("href=\"" + expected + "\""), std::string::npos);
  EXPECT_NE(get("/sitemap-articles-1.xml").body.find("<loc>" + expected + "</loc>"),
            std::string::npos);

  // Emptied, the address each request was made to comes back.
  ASSERT_EQ(save({{"url", ""}}, admin_).status, 303);
  EXPECT_EQ(text_value("SELECT value FROM settings WHERE key = 'url'"), "");
  auto cleared = article_addresses();
  EXPECT_EQ(cleared.canonical, host_base() + kArticle);
  EXPECT_EQ(cleared.og_url, host_base() + kArticle);
  EXPECT_EQ(cleared.json_ld_url, host_base() + kArticle);
  EXPECT_NE(get("/feed.xml").body.find("<link>" + host_base() + kArticle + "</link>"),
            std::string::npos);
}

TEST_F(NewsroomSiteSettings, BadAddressesAreRefusedOnTheFieldAndChangeNothing) {
  ASSERT_EQ(save({{"url", "https://www.example.fr"}}, admin_).status, 303);
  auto state = settings_state();
  const std::string hostile = "javascript:alert(\"<b>x</b>\")";
  for (const std::string& bad :
       {hostile, std::string("ftp://example.fr"), std::string("exemple.fr"),
        std::string("https://www.exemple .fr/la une"), std::string("https://exemple.fr/?utm=1"),
        std::string("https://exemple.fr/#haut"), "https://exemple.fr/" + std::string(5000, 'a')}) {
    // The rest of the form changes nothing either: the page is refused whole.
    auto refused = save({{"url", bad}, {"title", "Un autre titre"}}, admin_);
    EXPECT_EQ(refused.status, 422) << bad.substr(0, 80);
    EXPECT_EQ(settings_state(), state) << bad.substr(0, 80);
    HtmlDocument page(refused.body);
    auto alert = page.find("div", "nr-error");
    EXPECT_NE(alert.text().find("Adresse publique du site"), std::string::npos)
        << bad.substr(0, 80);
    // What was typed comes back in the field, as text.
    EXPECT_EQ(form_value(refused.body, "url"), bad);
  }
  auto refused = save({{"url", hostile}}, admin_);
  EXPECT_EQ(refused.body.find("<b>x</b>"), std::string::npos);
  EXPECT_NE(refused.body.find("http:// ou https://"), std::string::npos);
  EXPECT_NE(save({{"url", "https://exemple.fr/?utm=1"}}, admin_).body.find("« ? » ni « # »"),
            std::string::npos);
  EXPECT_EQ(article_addresses().canonical, "https://www.example.fr" + kArticle);

  EXPECT_EQ(save({{"feed_content", "everything"}}, admin_).status, 422);
  EXPECT_EQ(settings_state(), state);
}

TEST_F(NewsroomSiteSettings, OnlyAdminsChangeThemAndNeverWithoutTheToken) {
  ASSERT_EQ(save({{"url", "https://www.example.fr"}, {"feed_content", "excerpt"}}, admin_).status,
            303);
  auto state = settings_state();
  add_user("editor@test.example", "Eddie Editor", "editor");
  add_user("author@test.example", "Anna Author", "author");
  for (const auto* email : {"editor@test.example", "author@test.example"}) {
    auto session = sign_in(email);
    EXPECT_EQ(get("/newsroom/settings", &session).status, 403) << email;
    EXPECT_EQ(save({{"url", "https://pirate.example"}, {"feed_content", "full"}}, session).status,
              403)
        << email;
    EXPECT_EQ(settings_state(), state) << email;
  }
  for (const auto* token : {"", "forged-token-0123456789abcdef"}) {
    auto fields = settings_fields(admin_);
    fields["url"] = "https://pirate.example";
    fields["feed_content"] = "full";
    fields["csrf"] = token;
    EXPECT_EQ(post("/newsroom/settings", fields, &admin_).status, 403) << token;
    fields.erase("csrf");
    EXPECT_EQ(post("/newsroom/settings", fields, &admin_).status, 403);
    EXPECT_EQ(settings_state(), state) << token;
  }
  EXPECT_EQ(article_addresses().canonical, "https://www.example.fr" + kArticle);
}

TEST_F(NewsroomSiteSettings, FeedsCarryTheFullTextOrTheLeadFromTheNextRequest) {
  auto excerpt = get("/feed.xml");
  ASSERT_EQ(excerpt.status, 200);
  EXPECT_EQ(excerpt.body.find("<content:encoded>"), std::string::npos);
  ASSERT_EQ(get("/feed.xml").header("x-cache"), "hit");
  EXPECT_EQ(form_value(get("/newsroom/settings", &admin_).body, "feed_content"), "excerpt");

  ASSERT_EQ(save({{"feed_content", "full"}}, admin_).status, 303);
  EXPECT_EQ(text_value("SELECT value FROM settings WHERE key = 'feed_content'"), "full");
  EXPECT_EQ(form_value(get("/newsroom/settings", &admin_).body, "feed_content"), "full");
  auto full = get("/feed.xml").body;
  EXPECT_NE(full.find("<content:encoded>"), std::string::npos) << full;
  EXPECT_NE(full.find("Texte."), std::string::npos);

  ASSERT_EQ(save({{"feed_content", "excerpt"}}, admin_).status, 303);
  EXPECT_EQ(get("/feed.xml").body.find("<content:encoded>"), std::string::npos);
}

TEST_F(NewsroomSiteSettings, AFormWithoutTheNewFieldsKeepsThem) {
  ASSERT_EQ(save({{"url", "https://www.example.fr"}, {"feed_content", "full"}}, admin_).status,
            303);
  auto fields = settings_fields(admin_);
  fields.erase("url");
  fields.erase("feed_content");
  fields["title"] = "Le Courrier";
  ASSERT_EQ(post("/newsroom/settings", fields, &admin_).status, 303);
  EXPECT_EQ(text_value("SELECT value FROM settings WHERE key = 'title'"), "Le Courrier");
  EXPECT_EQ(text_value("SELECT value FROM settings WHERE key = 'url'"), "https://www.example.fr");
  EXPECT_EQ(text_value("SELECT value FROM settings WHERE key = 'feed_content'"), "full");
}

}  // namespace
}  // namespace gazette::testing

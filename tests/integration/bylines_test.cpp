// Co-bylines and author pages over HTTP, on the real binary and database: an editor adds a guest
// author (no account) and fills their profile, an article signed by three people shows « par A,
// B et C » with a link to each, every one of them is a Person in the parsed JSON-LD, a
// dc:creator in RSS and an author in Atom, and each author page lists the article with the
// photo, role, bio and links of its author (a ProfilePage in JSON-LD). Every card of a listing
// names them all. `authors:` in front matter signs the same way. Hostile or malformed profile
// fields are a 422 that changes nothing.
#include <nlohmann/json.hpp>

#include <fstream>

#include "html_document.h"
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class Bylines : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    admin_ = sign_in("admin@test.example");
  }
  HttpResponse add_guest(const std::string& name) {
    return post("/newsroom/authors/", {{"csrf", admin_.csrf}, {"name", name}}, &admin_);
  }
  HttpResponse save_profile(const std::string& slug, std::map<std::string, std::string> fields) {
    fields["csrf"] = admin_.csrf;
    return post_multipart("/newsroom/authors/" + slug, fields, {}, &admin_);
  }
  static nlohmann::json json_ld(const HtmlDocument& document) {
    for (const auto& script : document.find_all("script"))
      if (script.attribute("type") == "application/ld+json") return nlohmann::json::parse(script.text());
    ADD_FAILURE() << "no JSON-LD";
    return {};
  }
  static std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
  }
  static std::vector<std::string> byline_names(const HtmlDocument& document) {
    std::vector<std::string> names;
    for (const auto& link : document.find("p", "byline").find_all("a")) names.push_back(link.text());
    return names;
  }
  NewsroomSession admin_;
};

TEST_F(Bylines, ThreeAuthorsSignInOrderOnThePageTheJsonLdTheFeedsAndTheirPages) {
  ASSERT_EQ(add_guest("Karim Haddad").status, 303);
  auto profile = save_profile("karim-haddad",
                              {{"name", "Karim Haddad"},
                               {"role", "Correspondant à Beyrouth"},
                               {"bio", "<script>alert(1)</script> Basé au Liban."},
                               {"links", "https://x.com/karim\r\nhttps://karim.example/"}});
  ASSERT_EQ(profile.status, 303) << profile.body.substr(0, 2000);
  // Karim's page is cached empty before the article exists: publishing it must drop that page.
  ASSERT_EQ(get("/author/karim-haddad/").status, 200);

  auto fields = article_fields(admin_, "Offensive en cours", "publish");
  fields["coauthors"] = "Karim Haddad, Léa Martin";  // Léa has no profile yet: a guest
  auto saved = post_multipart("/newsroom/articles/new", fields, {}, &admin_);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  EXPECT_EQ(count("SELECT count(*) FROM authors WHERE slug = 'lea-martin' AND id NOT IN"
                  " (SELECT author_id FROM users)"),
            1);
  EXPECT_NE(get("/author/karim-haddad/").body.find("Offensive en cours"), std::string::npos);

  restart_server();  // what readers see is what was stored
  auto page = get("/actualite/offensive-en-cours/");
  ASSERT_EQ(page.status, 200);
  HtmlDocument document(page.body);
  EXPECT_NE(page.body.find(">Ada Admin</a>, <a href=\"/author/karim-haddad/\" rel=\"author\">Karim "
                           "Haddad</a> et <a href=\"/author/lea-martin/\" rel=\"author\">Léa Martin</a>"),
            std::string::npos);
  EXPECT_EQ(byline_names(document),
            (std::vector<std::string>{"Ada Admin", "Karim Haddad", "Léa Martin"}));
  auto links = document.find("p", "byline").find_all("a");
  EXPECT_EQ(links.at(1).attribute("href"), "/author/karim-haddad/");
  EXPECT_EQ(links.at(2).attribute("rel"), "author");

  auto article_ld = json_ld(document);
  const auto& authors = article_ld["@graph"][0]["author"];
  ASSERT_EQ(authors.size(), 3u);
  EXPECT_EQ(authors[0]["name"], "Ada Admin");
  EXPECT_EQ(authors[1]["@type"], "Person");
  EXPECT_EQ(authors[1]["jobTitle"], "Correspondant à Beyrouth");
  EXPECT_EQ(authors[1]["sameAs"], nlohmann::json::array({"https://x.com/karim", "https://karim.example/"}));
  EXPECT_TRUE(authors[2]["url"].get<std::string>().ends_with("/author/lea-martin/"));

  auto rss = get("/feed.xml").body;
  ASSERT_NE(rss.find("Offensive en cours"), std::string::npos);
  for (const auto* name : {"Ada Admin", "Karim Haddad", "Léa Martin"})
    EXPECT_EQ(occurrences(rss, std::string("<dc:creator>") + name + "</dc:creator>"), 1u) << name;
  auto atom = get("/feed.atom").body;
  auto entry_start = atom.rfind("<entry>", atom.find("Offensive en cours"));
  ASSERT_NE(entry_start, std::string::npos);
  auto entry = atom.substr(entry_start, atom.find("</entry>", entry_start) - entry_start);
  EXPECT_EQ(occurrences(entry, "<author>"), 3u);
  EXPECT_NE(entry.find("<name>Léa Martin</name>"), std::string::npos);
  EXPECT_EQ(occurrences(get("/author/karim-haddad/feed.xml").body, "<item>"), 1u);

  auto karim = get("/author/karim-haddad/");
  ASSERT_EQ(karim.status, 200);
  HtmlDocument karim_page(karim.body);
  EXPECT_EQ(karim_page.find("p", "author-role").text(), "Correspondant à Beyrouth");
  std::vector<std::string> shown_links;
  for (const auto& link : karim_page.find("ul", "author-links").find_all("a"))
    shown_links.push_back(link.attribute("href"));
  EXPECT_EQ(shown_links, (std::vector<std::string>{"https://x.com/karim", "https://karim.example/"}));
  EXPECT_EQ(karim.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_EQ(karim_page.find("p", "listing-description").text(),
            "<script>alert(1)</script> Basé au Liban.");
  bool lists_the_article = false;
  for (const auto& link : karim_page.find_all("a"))
    lists_the_article |= link.attribute("href") == "/actualite/offensive-en-cours/";
  EXPECT_TRUE(lists_the_article);
  auto profile_ld = json_ld(karim_page);
  EXPECT_EQ(profile_ld["@type"], "ProfilePage");
  EXPECT_EQ(profile_ld["mainEntity"]["name"], "Karim Haddad");
  EXPECT_EQ(profile_ld["mainEntity"]["jobTitle"], "Correspondant à Beyrouth");
  EXPECT_EQ(profile_ld["mainEntity"]["description"], "<script>alert(1)</script> Basé au Liban.");
  EXPECT_NE(get("/author/lea-martin/").body.find("Offensive en cours"), std::string::npos);
  auto sitemap = get("/sitemap-pages.xml").body;
  for (const auto* slug : {"ada-admin", "karim-haddad", "lea-martin"})
    EXPECT_NE(sitemap.find(std::string("/author/") + slug + "/</loc>"), std::string::npos) << slug;

  // The editor shows who co-signs; saving without them leaves only the author.
  auto id = count("SELECT id FROM articles WHERE slug = 'offensive-en-cours'");
  auto again = editor_fields(admin_, id);
  EXPECT_EQ(again["coauthors"], "Karim Haddad, Léa Martin");
  again["coauthors"] = "";
  again["action"] = "save";
  ASSERT_EQ(post_multipart("/newsroom/articles/" + std::to_string(id), again, {}, &admin_).status, 303);
  HtmlDocument alone(get("/actualite/offensive-en-cours/").body);
  EXPECT_EQ(byline_names(alone), std::vector<std::string>{"Ada Admin"});
  EXPECT_EQ(get("/author/karim-haddad/").body.find("Offensive en cours"), std::string::npos);
}

TEST_F(Bylines, CardsNameEveryoneWhoSignsAndFollowARenamedCoAuthor) {
  ASSERT_EQ(add_guest("Karim Haddad").status, 303);
  auto fields = article_fields(admin_, "Offensive en cours", "publish");
  fields["coauthors"] = "Karim Haddad, Léa Martin";
  ASSERT_EQ(post_multipart("/newsroom/articles/new", fields, {}, &admin_).status, 303);
  const std::vector<std::string> listings = {"/", "/actualite/", "/author/lea-martin/"};
  for (const auto& path : listings) {
    auto page = get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_NE(page.body.find("Ada Admin</a>, <a href=\"/author/karim-haddad/\" rel=\"author\">"
                             "Karim Haddad</a> et <a href=\"/author/lea-martin/\" rel=\"author\">"
                             "Léa Martin</a> · <time"),
              std::string::npos)
        << path;
  }

  // A co-author renamed: every listing that names him, cached above, shows the new name.
  ASSERT_EQ(save_profile("karim-haddad", {{"name", "Karim El Haddad"}}).status, 303);
  for (const auto& path : listings) {
    auto page = get(path);
    EXPECT_NE(page.body.find(">Karim El Haddad</a> et "), std::string::npos) << path;
    EXPECT_EQ(page.body.find(">Karim Haddad<"), std::string::npos) << path;
  }
}

TEST_F(Bylines, BadProfilesAndGuestNamesAreRefusedAndChangeNothing) {
  ASSERT_EQ(add_guest("Karim Haddad").status, 303);
  const auto authors = count("SELECT count(*) FROM authors");
  const auto articles = count("SELECT count(*) FROM articles");
  auto before = text_value(
      "SELECT name || '|' || role || '|' || bio || '|' || links FROM authors"
      " WHERE slug = 'karim-haddad'");
  const std::vector<std::map<std::string, std::string>> bad = {
      {{"name", "Karim"}, {"links", "javascript:alert(1)"}},
      {{"name", "Karim"}, {"links", "x.com/karim"}},
      {{"name", "Karim"}, {"links", "https://a.example/ b"}},
      {{"name", "Karim"}, {"role", std::string(121, 'r')}},
      {{"name", "Karim"}, {"role", "Chef\x01"}},
      {{"name", ""}},
  };
  for (const auto& fields : bad) {
    auto response = save_profile("karim-haddad", fields);
    EXPECT_EQ(response.status, 422) << fields.begin()->second;
  }
  std::string eleven_links;
  for (int i = 0; i < 11; ++i) eleven_links += "https://a.example/" + std::to_string(i) + "\n";
  EXPECT_EQ(save_profile("karim-haddad", {{"name", "Karim"}, {"links", eleven_links}}).status, 422);
  EXPECT_EQ(text_value("SELECT name || '|' || role || '|' || bio || '|' || links FROM authors"
                       " WHERE slug = 'karim-haddad'"),
            before);

  EXPECT_EQ(add_guest("").status, 422);
  EXPECT_EQ(add_guest("!!!").status, 422);
  EXPECT_EQ(add_guest("karim HADDAD").status, 422);  // the same slug: already an author
  EXPECT_EQ(count("SELECT count(*) FROM authors"), authors);

  auto fields = article_fields(admin_, "Sans signature", "publish");
  fields["coauthors"] = "Karim Haddad, ???";
  EXPECT_EQ(post_multipart("/newsroom/articles/new", fields, {}, &admin_).status, 422);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), articles);
  EXPECT_EQ(count("SELECT count(*) FROM authors"), authors);  // no guest from a refused save

  // Adding guests is an editor's: an author gets a 403.
  add_user("auteur@test.example", "Alex Auteur", "author");
  auto author = sign_in("auteur@test.example");
  EXPECT_EQ(get("/newsroom/authors/", &author).status, 403);
  EXPECT_EQ(post("/newsroom/authors/", {{"csrf", author.csrf}, {"name", "Intrus"}}, &author).status,
            403);
  EXPECT_EQ(count("SELECT count(*) FROM authors WHERE slug = 'intrus'"), 0);
}

TEST_F(Bylines, FrontMatterAuthorsSignInOrderAndARepublishWithoutThemRemovesThem) {
  auto path = dir().file("offensive.md");
  auto publish = [&](const std::string& front) {
    std::ofstream(path) << "---\ntitle: Offensive\nsection: Monde\n" << front << "---\n\nTexte.\n";
    return run_gazette({"publish", path, "--db", db()});
  };
  auto first = publish("authors: [Sara Dupont, Karim Haddad]\n");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  HtmlDocument signed_by_two(get("/monde/offensive/").body);
  EXPECT_EQ(byline_names(signed_by_two), (std::vector<std::string>{"Sara Dupont", "Karim Haddad"}));
  EXPECT_EQ(signed_by_two.find("p", "byline").text(), "par Sara Dupont et Karim Haddad");

  auto refused = publish("authors:\n  name: Sara\n");
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("offensive.md:"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("authors: expected a list of text"), std::string::npos)
      << refused.err;

  ASSERT_EQ(publish("author: Sara Dupont\n").exit_code, 0);
  HtmlDocument signed_by_one(get("/monde/offensive/").body);
  EXPECT_EQ(byline_names(signed_by_one), std::vector<std::string>{"Sara Dupont"});
}

}  // namespace
}  // namespace gazette::testing

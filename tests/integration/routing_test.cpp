// URLs readers and robots send: the themed 404, trailing-slash redirects, assets, and hostile
// or oversized requests, none of which may get a 500 or reach outside the stores.
#include <sqlite3.h>

#include "published_site.h"

namespace gazette::testing {
namespace {

using Routing = PublishedSite;

TEST_F(Routing, UnknownPathsGetTheThemed404) {
  for (const char* path : {"/nope/", "/actualite/nope/", "/a/b/c/", "/%C3%A9t%C3%A9/",
                           "/wp-login.php", "/.env", "/actualite/x/?page=1"}) {
    auto response = get(path);
    EXPECT_EQ(response.status, 404) << path;
    HtmlDocument page(response.body);
    EXPECT_EQ(page.find("html").attribute("lang"), "fr") << path;
    EXPECT_EQ(page.find("h1").text(), "Page introuvable") << path;
    // The 404 keeps the site's navigation so the reader can go on.
    EXPECT_FALSE(page.find_all("nav").empty()) << path;
  }
}

TEST_F(Routing, PagesWithoutTheirTrailingSlashRedirectPermanently) {
  auto response =
      get("/actualite/les-islamistes-envoient-un-message-fort-a-damas-offensive-en-cours");
  EXPECT_EQ(response.status, 301);
  EXPECT_EQ(response.header("location"), kReferencePath);
  auto with_query = get("/actualite?page=1");
  EXPECT_EQ(with_query.status, 301);
  EXPECT_EQ(with_query.header("location"), "/actualite/?page=1");
  EXPECT_EQ(get("/tag/syrie").header("location"), "/tag/syrie/");
}

// Issue 11, defect 2: empty segments were dropped and the redirect echoed the raw path, so
// "GET //134744072" answered "Location: //134744072/", which browsers follow to another host.
TEST_F(Routing, ADoubleSlashNeverRedirectsToAnotherHost) {
  auto response = get("//134744072");
  EXPECT_EQ(response.status, 301);
  EXPECT_EQ(response.header("location"), "/134744072/");
  EXPECT_EQ(get("/134744072/").status, 404);
  // Every other spelling of a page's path goes to its one URL, built from its segments.
  for (const auto& [path, location] : std::vector<std::pair<std::string, std::string>>{
           {"//actualite", "/actualite/"},
           {"//actualite/", "/actualite/"},
           {"/tag//syrie//", "/tag/syrie/"},
           {"///", "/"},
           {"//actualite?page=1", "/actualite/?page=1"}}) {
    auto redirect = get(path);
    EXPECT_EQ(redirect.status, 301) << path;
    EXPECT_EQ(redirect.header("location"), location) << path;
  }
  // A query a Location cannot carry is dropped, not echoed.
  auto odd_query = get("/actualite?x=\"a\"<b>");
  EXPECT_EQ(odd_query.status, 301);
  EXPECT_EQ(odd_query.header("location"), "/actualite/");
}

// A redirect read from the database (an imported site's old URLs) is followed only to a path
// on this site.
TEST_F(Routing, AnOldUrlRedirectsOnlyToAPathOnThisSite) {
  server();  // migrates the database
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(this->db().c_str(), &db), SQLITE_OK);
  // The server may be writing meanwhile (its start-up catch-up of the search index).
  sqlite3_busy_timeout(db, 10000);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO redirects (from_path, to_path) VALUES "
                         "('/ancien/', '//evil.example/'), ('/autre/', '/actualite/')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(get("/ancien/").status, 404);
  auto kept = get("/autre/");
  EXPECT_EQ(kept.status, 301);
  EXPECT_EQ(kept.header("location"), "/actualite/");
}

TEST_F(Routing, AssetsHaveHashedNamesCachedForAYear) {
  HtmlDocument page(get("/").body);
  std::string stylesheet;
  for (const auto& link : page.find_all("link"))
    if (link.attribute("rel") == "stylesheet") stylesheet = link.attribute("href");
  ASSERT_EQ(stylesheet.rfind("/assets/style.", 0), 0u);
  ASSERT_NE(stylesheet, "/assets/style.css");  // the name carries the content hash
  auto css = get(stylesheet);
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(css.header("cache-control").find("max-age=31536000"), std::string::npos);
  EXPECT_EQ(get("/assets/style.0000000000.css").status, 404);
}

TEST_F(Routing, TraversalNeverLeavesTheAssetAndMediaStores) {
  for (const char* path : {"/assets/../../etc/passwd", "/assets/..%2f..%2fetc%2fpasswd",
                           "/assets/%2e%2e/%2e%2e/etc/passwd", "/assets/....//....//etc/passwd",
                           "/media/../gazette.db", "/media/..%2fgazette.db", "/assets/%00",
                           "/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/assets/", "/media/"}) {
    auto response = get(path);
    EXPECT_TRUE(response.status == 404 || response.status == 301) << path << " " << response.status;
    EXPECT_EQ(response.body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(response.body.find("SQLite format"), std::string::npos) << path;
  }
}

TEST_F(Routing, OversizedHeadersAndBodiesGetA4xx) {
  auto& s = server();
  std::string huge_header(32 * 1024, 'a');
  EXPECT_EQ(http_request(s.host(), s.port(), "GET", "/", {{"X-Huge", huge_header}}).status, 431);
  std::string huge_body(4 * 1024 * 1024, 'x');
  EXPECT_EQ(http_request(s.host(), s.port(), "POST", std::string(kReferencePath) + "comments", {},
                         huge_body)
                .status,
            413);
  std::string long_target = "/" + std::string(100 * 1024, 'a') + "/";
  EXPECT_EQ(get(long_target).status, 431);
}

TEST_F(Routing, MalformedRequestsGetA400) {
  auto& s = server();
  EXPECT_EQ(raw_request_status(s.host(), s.port(), "GARBAGE\r\n\r\n"), 400);
  EXPECT_EQ(raw_request_status(s.host(), s.port(), "GET / HTTP/9.9\r\n\r\n"), 400);
  EXPECT_EQ(raw_request_status(s.host(), s.port(),
                               "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n"),
            400);
  // The server is still serving after all of that.
  EXPECT_EQ(get("/").status, 200);
}

TEST_F(Routing, OnlyReadingMethodsReachReaderPages) {
  auto& s = server();
  auto put = http_request(s.host(), s.port(), "PUT", "/", {}, "x");
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(put.header("allow"), "GET, HEAD");
  auto head = http_request(s.host(), s.port(), "HEAD", kReferencePath);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.header("content-length"), std::to_string(get(kReferencePath).body.size()));
}

TEST_F(Routing, ACommentWithoutAFormTimestampIsShownBackToConfirm) {
  auto& s = server();
  auto response = http_request(s.host(), s.port(), "POST", std::string(kReferencePath) + "comments",
                               {{"Content-Type", "application/x-www-form-urlencoded"}},
                               "name=A&email=a%40b.fr&comment=Bonjour");
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("<html"), std::string::npos);
}

TEST_F(Routing, PagesCarryProtectiveHeaders) {
  auto response = get(kReferencePath);
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_NE(response.header("content-security-policy").find("default-src 'self'"),
            std::string::npos);
}

}  // namespace
}  // namespace gazette::testing

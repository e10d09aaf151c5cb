// Search over HTTP on a real server: French folding and stemming, phrases, title weight,
// recency, highlighted and escaped snippets, pagination, the JSON form, hostile queries, and an
// index that follows `gazette publish` from another process; on SQLite and on PostgreSQL.
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "published_site.h"
#include "store/postgres/connection.h"

namespace gazette::testing {
namespace {

std::string url_encode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

class Search : public PublishedSiteOnEachBackend {
 protected:
  nlohmann::json search_json(const std::string& query, int page = 1) {
    auto response = get("/search.json?q=" + url_encode(query) + "&page=" + std::to_string(page));
    EXPECT_EQ(response.status, 200) << query;
    EXPECT_EQ(response.header("content-type"), "application/json; charset=utf-8");
    return nlohmann::json::parse(response.body);
  }
  std::vector<std::string> result_urls(const std::string& query) {
    std::vector<std::string> urls;
    auto found = search_json(query);  // kept: a range-for over a temporary's member dangles
    for (const auto& result : found["results"]) {
      auto url = result["url"].get<std::string>();
      urls.push_back(url.substr(url.find('/', std::string("http://").size())));
    }
    return urls;
  }
  bool finds_reference(const std::string& query) {
    auto urls = result_urls(query);
    bool found = std::find(urls.begin(), urls.end(), kReferencePath) != urls.end();
    return found;
  }
};

TEST_P(Search, FoldsAccentsAndCase) {
  EXPECT_TRUE(finds_reference("etat"));
  EXPECT_TRUE(finds_reference("ÉTAT"));
  EXPECT_TRUE(finds_reference("celebree"));
  EXPECT_FALSE(finds_reference("girafe"));
}

TEST_P(Search, StemsFrenchWords) {
  EXPECT_TRUE(finds_reference("offensives"));
  EXPECT_TRUE(finds_reference("gouvernemental"));
  EXPECT_TRUE(finds_reference("combattant"));
}

TEST_P(Search, MatchesTagsAndAuthors) {
  auto tagged = publish("girafe", "title: \"Au zoo\"\nsection: Culture\ntags: [Girafes]");
  auto urls = result_urls("girafe");
  EXPECT_EQ(urls, std::vector<std::string>{tagged});
  EXPECT_TRUE(finds_reference("sara"));
}

TEST_P(Search, QuotesMakeAPhrase) {
  EXPECT_TRUE(finds_reference("\"forces gouvernementales\""));
  EXPECT_TRUE(finds_reference("« forces gouvernementales »"));
  EXPECT_FALSE(finds_reference("\"gouvernementales forces\""));
  EXPECT_TRUE(finds_reference("gouvernementales forces"));
}

TEST_P(Search, TitleMatchesComeFirstThenNewerArticles) {
  // BM25 needs a word to be in fewer than half the articles to count it at all.
  for (int n = 1; n <= 6; ++n)
    publish("autre-" + std::to_string(n),
            "title: \"Autre nouvelle " + std::to_string(n) + "\"\nsection: Culture");
  auto in_body = publish("corps", "title: \"Marché de Noël\"\nsection: Culture\ndate: 2025-01-02",
                         "Le tramway dessert le marché.\n");
  auto in_title =
      publish("titre", "title: \"Le tramway prolongé\"\nsection: Culture\ndate: 2024-01-02",
              "Les travaux commencent lundi.\n");
  EXPECT_EQ(result_urls("tramway"), (std::vector<std::string>{in_title, in_body}));

  auto older =
      publish("ancien", "title: \"Zèbres en liberté\"\nsection: Culture\ndate: 2024-03-01");
  auto newer =
      publish("recent", "title: \"Des zèbres en liberté\"\nsection: Culture\ndate: 2025-03-01");
  EXPECT_EQ(result_urls("zebres"), (std::vector<std::string>{newer, older}));
}

TEST_P(Search, HighlightsMatchesAndEscapesTheText) {
  publish("maths", "title: \"Calcul\"\nsection: Culture", "Quand 5 < 6 & 7 > 3, le hibou dort.\n");
  auto results = search_json("hibou")["results"];
  ASSERT_EQ(results.size(), 1u);
  auto snippet = results[0]["snippet_html"].get<std::string>();
  EXPECT_NE(snippet.find("<mark>hibou</mark>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("5 &lt; 6 &amp; 7 &gt; 3"), std::string::npos) << snippet;

  auto page = get("/search?q=offensive");
  ASSERT_EQ(page.status, 200);
  HtmlDocument html(page.body);
  auto marks = html.find_all("mark");
  ASSERT_FALSE(marks.empty());
  EXPECT_EQ(marks[0].text(), "offensive");
  EXPECT_EQ(html.find("h1").text(), "Résultats pour « offensive »");
}

TEST_P(Search, PaginatesResults) {
  for (int n = 1; n <= 12; ++n)
    publish("okapi-" + std::to_string(n),
            "title: \"Okapi numéro " + std::to_string(n) + "\"\nsection: Culture");
  auto first = search_json("okapi", 1);
  EXPECT_EQ(first["total"], 12);
  EXPECT_EQ(first["pages"], 2);
  EXPECT_EQ(first["results"].size(), 10u);
  auto second = search_json("okapi", 2);
  EXPECT_EQ(second["results"].size(), 2u);
  HtmlDocument page(get("/search?q=okapi").body);
  bool next = false;
  for (const auto& link : page.find_all("a"))
    next |= link.attribute("href") == "/search?q=okapi&page=2";
  EXPECT_TRUE(next);
}

TEST_P(Search, AnyQueryGetsAPageNeverAnError) {
  std::string long_query;
  while (long_query.size() < 10'000) long_query += "damas offensive \"homs ";
  const std::vector<std::string> queries = {"\"unbalanced",
                                            "damas\"",
                                            "\"\"",
                                            "NEAR(damas homs)",
                                            "damas AND homs",
                                            "damas OR",
                                            "NOT",
                                            "*",
                                            "dam*",
                                            "title:damas",
                                            "{title body}: damas",
                                            "^damas",
                                            "-damas",
                                            "+damas",
                                            "(",
                                            ")",
                                            "'",
                                            "l'État",
                                            "aujourd’hui",
                                            "🙂 damas",
                                            "ذهب",
                                            "damas\x01homs",
                                            std::string("da\0mas", 6),
                                            "\xFF\xFE damas",
                                            "\xE2\x80",
                                            long_query,
                                            "   ",
                                            ""};
  for (const auto& query : queries) {
    for (const std::string path : {"/search?q=", "/search.json?q="}) {
      auto response = get(path + url_encode(query));
      EXPECT_EQ(response.status, 200) << path << " " << query.substr(0, 40);
    }
  }
  auto nothing = get("/search?q=" + url_encode("girafe zèbre"));
  EXPECT_NE(nothing.body.find("Aucun article ne correspond"), std::string::npos);
  EXPECT_TRUE(finds_reference("NEAR(damas homs)"));
  EXPECT_TRUE(finds_reference("damas AND homs"));
  EXPECT_EQ(get("/search?q=damas&page=abc").status, 200);
  EXPECT_EQ(get("/search?q=%ZZ").status, 200);
}

TEST_P(Search, LeavesOutDraftsAndFollowsPublishFromAnotherProcess) {
  get("/");  // the server runs while `gazette publish` writes
  publish("brouillon", "title: \"Lémurien secret\"\nsection: Culture\nstatus: draft");
  EXPECT_TRUE(result_urls("lemurien").empty());
  auto published = publish("publie", "title: \"Lémurien public\"\nsection: Culture");
  EXPECT_EQ(result_urls("lemurien"), std::vector<std::string>{published});
}

TEST_P(Search, ServeCatchesUpWithChangesItDidNotIndex) {
  // An edit made behind the index's back (as by a tool, or before the index existed).
  const std::string edit = "UPDATE articles SET title = 'Le capybara', updated_at = updated_at + 1";
  if (backend() == Backend::postgres) {
    store::postgres::Connection(db()).execute(edit);
  } else {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(this->db().c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 10000);  // the server may be writing meanwhile
    ASSERT_EQ(sqlite3_exec(db, edit.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  EXPECT_TRUE(finds_reference("capybara"));
}

GAZETTE_ON_EACH_BACKEND(Search);

// A word in most articles ranks them by date alone (BM25 weighs it nothing); past 1,000 — the
// 100 pages a reader can open — its matches are not all counted, and the page says so.
class SearchOfCommonWords : public ::testing::TestWithParam<Backend> {};

TEST_P(SearchOfCommonWords, SaysMoreThanTheCountPastWhatPagesShow) {
  TempDir dir;
  std::unique_ptr<PostgresTestDatabase> postgres;
  if (GetParam() == Backend::postgres) postgres = std::make_unique<PostgresTestDatabase>();
  auto db = postgres ? postgres->uri() : dir.file("site.db");
  auto generated = run_gazette({"demo", "--db", db, "--articles", "1200"});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  ServerProcess server(db);
  auto get = [&](const std::string& target) {
    return http_request(server.host(), server.port(), "GET", target);
  };
  auto common = nlohmann::json::parse(get("/search.json?q=gouvernement").body);
  EXPECT_EQ(common["total"], 1000);
  EXPECT_EQ(common["total_exact"], false);
  EXPECT_EQ(common["pages"], 100);
  EXPECT_EQ(
      nlohmann::json::parse(get("/search.json?q=gouvernement&page=100").body)["results"].size(),
      10u);
  HtmlDocument page(get("/search?q=gouvernement").body);
  EXPECT_EQ(page.find("p", "search-count").text(), "plus de 1000 résultats");

  // A word of fewer articles is scored, and all its matches are counted.
  auto topic = nlohmann::json::parse(get("/search.json?q=damas").body);
  EXPECT_EQ(topic["total_exact"], true);
  EXPECT_GT(topic["total"], 0);
  EXPECT_LT(topic["total"], 1000);
}

GAZETTE_ON_EACH_BACKEND(SearchOfCommonWords);

}  // namespace
}  // namespace gazette::testing

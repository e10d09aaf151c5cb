// `gazette copy` and `gazette backup`/`restore` on PostgreSQL, on the real binary and a real
// PostgreSQL (the throw-away cluster of the postgres_cluster fixture): a site with every kind of
// row — demo articles with images, a WordPress import (comments, threads, redirects, nested
// categories), newsroom accounts and revisions — copied from SQLite to PostgreSQL and back to a
// new SQLite file serves the same pages and holds the same rows, and `gazette serve` on the
// PostgreSQL copy serves the same pages as the SQLite original; a target holding a site is
// refused unless --replace; a copy that fails leaves the target as it was; a backup of
// PostgreSQL taken while a writer writes holds every write acknowledged before it, restored into
// PostgreSQL or SQLite.
#include <sqlite3.h>

#include <atomic>
#include <deque>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include "html_document.h"
#include "newsroom_client.h"
#include "store/postgres/connection.h"
#include "test_database.h"

namespace gazette::testing {
namespace {

namespace fs = std::filesystem;

// Every table of the site (store/copy/site_tables.cpp's copied tables).
const std::vector<std::string> kSiteTables = {"settings",
                                              "media",
                                              "media_variants",
                                              "authors",
                                              "sections",
                                              "categories",
                                              "tags",
                                              "articles",
                                              "article_categories",
                                              "article_tags",
                                              "article_coauthors",
                                              "sticky_articles",
                                              "users",
                                              "sessions",
                                              "sign_in_failures",
                                              "article_revisions",
                                              "comments",
                                              "comment_closed_articles",
                                              "comment_settings",
                                              "used_form_tokens",
                                              "wxr_items",
                                              "wxr_comments",
                                              "redirects"};
// The tables that must hold rows in the test's site, so that each kind is seen to travel.
const std::vector<std::string> kFilledTables = {
    "media",    "media_variants",   "authors",   "sections",     "categories",
    "tags",     "articles",         "users",     "sessions",     "article_revisions",
    "comments", "comment_settings", "wxr_items", "wxr_comments", "redirects",
    "article_coauthors"};  // the demo's co-signed articles
// Both servers are asked as the same host, so absolute links cannot differ by port.
const std::map<std::string, std::string> kSameHost = {{"Host", "copie.example"}};
constexpr std::size_t kMaxCrawledPages = 150;

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t lines_in(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// The single integer `sql` returns from the SQLite database at `db`.
std::int64_t sqlite_number(const std::string& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  std::int64_t value = -1;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(handle, 5000);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
      value = sqlite3_column_int64(statement, 0);
    else
      ADD_FAILURE() << db << ": " << sql << ": " << sqlite3_errmsg(handle);
    sqlite3_finalize(statement);
  }
  sqlite3_close(handle);
  return value;
}

void sqlite_execute(const std::string& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(handle);
}

std::int64_t postgres_number(const std::string& uri, const std::string& sql) {
  store::postgres::Connection connection(uri);
  return connection.query(sql).integer(0, 0);
}

// Rows per site table, in a database of either backend.
std::map<std::string, std::int64_t> sqlite_counts(const std::string& db) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& table : kSiteTables)
    counts[table] = sqlite_number(db, "SELECT count(*) FROM " + table);
  return counts;
}
std::map<std::string, std::int64_t> postgres_counts(const std::string& uri) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& table : kSiteTables)
    counts[table] = postgres_number(uri, "SELECT count(*) FROM " + table);
  return counts;
}

// Waits until every related list is computed (a condition, not a delay).
void wait_for_related_lists(const std::string& db) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (sqlite_number(db, "SELECT count(*) FROM search_documents WHERE related_computed = 0") >
         0) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "related lists never caught up";
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

CommandResult copy(const std::string& from, const std::string& to, bool replace = false) {
  std::vector<std::string> args = {"copy", "--from", from, "--to", to};
  if (replace) args.push_back("--replace");
  return run_gazette(args);
}

class SiteCopy : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"demo", "--db", db()},
          {"import-wxr", (shared_fixtures() / "wxr" / "themeunittestdata.wordpress.xml").string(),
           "--db", db()},
          {"publish", reference_article().string(), "--db", db()}}) {
      auto result = run_gazette(command);
      ASSERT_EQ(result.exit_code, 0) << command.front() << ": " << result.err;
      if (command.front() == "publish") reference_path_ = result.last_line();
    }
    // The newsroom: a signed-in session, an article saved twice (revisions).
    auto admin = sign_in("admin@test.example");
    auto draft = create_article(admin, "Brouillon copié");
    auto fields = editor_fields(admin, draft);
    fields["body"] = "Une deuxième version.";
    fields["kind"] = "sponsored";  // a kind of piece and its sponsor (SQLite 0019, PostgreSQL 0018)
    fields["sponsor"] = "Maison Dupont";
    fields["action"] = "save";
    ASSERT_EQ(post("/newsroom/articles/" + std::to_string(draft), fields, &admin).status, 303);
    wait_for_related_lists(db());
    for (const auto& table : kFilledTables)
      ASSERT_GT(sqlite_number(db(), "SELECT count(*) FROM " + table), 0) << table;
  }

  // A second, smaller site: the reference article alone.
  std::string other_site() {
    auto other = dir().file("other.db");
    auto published = run_gazette({"publish", reference_article().string(), "--db", other});
    EXPECT_EQ(published.exit_code, 0) << published.err;
    return other;
  }

  std::string reference_path_;
};

// `page` without its "You may also like" block.
std::string without_related(const std::string& page) {
  auto start = page.find("<section class=\"related\"");
  if (start == std::string::npos) return page;
  auto end = page.find("</section>", start);
  return page.substr(0, start) + page.substr(end == std::string::npos ? page.size() : end);
}

enum class RelatedLists { compared, left_out };

// The pages a reader reaches from the home page (and a few more), and an image's bytes, asked of
// both servers: status, Location and body must be the same (the related lists left out when
// asked: a site's lists, kept up to date write by write, keep a slightly stale order where a
// copy's are computed afresh — discovery_updater.h).
void expect_same_pages(const ServerProcess& original, const ServerProcess& copy,
                       const std::string& article, RelatedLists related) {
  std::deque<std::string> to_visit = {"/",        article,       "/feed.xml", "/search?q=Damas",
                                      "/?p=1011", "/sitemap.xml"};
  std::set<std::string> seen(to_visit.begin(), to_visit.end());
  std::size_t compared = 0;
  std::size_t images = 0;
  bool tag_page = false;
  while (!to_visit.empty() && compared < kMaxCrawledPages) {
    auto path = to_visit.front();
    to_visit.pop_front();
    auto expected = http_request(original.host(), original.port(), "GET", path, kSameHost);
    auto actual = http_request(copy.host(), copy.port(), "GET", path, kSameHost);
    ++compared;
    EXPECT_EQ(actual.status, expected.status) << path;
    EXPECT_EQ(actual.header("location"), expected.header("location")) << path;
    if (related == RelatedLists::compared)
      EXPECT_TRUE(actual.body == expected.body) << path << " differs";
    else
      EXPECT_TRUE(without_related(actual.body) == without_related(expected.body))
          << path << " differs";
    if (path.starts_with("/media/")) {
      images += expected.status == 200 && !expected.body.empty();
      continue;
    }
    tag_page = tag_page || (path.find("/tag/") != std::string::npos && expected.status == 200);
    if (expected.status != 200 || expected.header("content-type").find("text/html") != 0) continue;
    HtmlDocument page(expected.body);
    std::vector<std::string> links;
    for (const auto& link : page.find_all("a")) links.push_back(link.attribute("href"));
    for (const auto& image : page.find_all("img")) links.push_back(image.attribute("src"));
    for (auto href : links) {
      href = href.substr(0, href.find('#'));
      if (href.empty() || href[0] != '/' || href.starts_with("//") ||
          href.starts_with("/newsroom") || href.starts_with("/comments/") ||
          href.starts_with("/assets/"))
        continue;
      if (!seen.insert(href).second) continue;
      // Images first: the crawl's limit must not leave them out.
      if (href.starts_with("/media/"))
        to_visit.push_front(href);
      else
        to_visit.push_back(href);
    }
  }
  EXPECT_GT(compared, 60u);
  EXPECT_GT(images, 0u) << "no image compared";
  EXPECT_TRUE(tag_page) << "no tag page compared";
}

TEST_F(SiteCopy, SqliteToPostgresAndBackHoldsTheSameRowsAndServesTheSamePages) {
  // An old address as WordPress may have had it: PostgreSQL keeps it as bytes, SQLite as text.
  sqlite_execute(db(), "INSERT INTO redirects VALUES ('/ancien\\chemin?é=1', '/')");
  PostgresTestDatabase postgres;
  auto to_postgres = copy(db(), postgres.uri());
  ASSERT_EQ(to_postgres.exit_code, 0) << to_postgres.err;
  EXPECT_NE(to_postgres.out.find("verified: counted again in the target"), std::string::npos)
      << to_postgres.out;
  auto counts = sqlite_counts(db());
  EXPECT_EQ(postgres_counts(postgres.uri()), counts);
  // Ids went on from the copied ones: the next article takes the id after the largest.
  EXPECT_EQ(postgres_number(postgres.uri(), "SELECT nextval('articles_id_seq')"),
            sqlite_number(db(), "SELECT max(id) FROM articles") + 1);

  auto back = dir().file("back/gazette.db");
  auto to_sqlite = copy(postgres.uri(), back);
  ASSERT_EQ(to_sqlite.exit_code, 0) << to_sqlite.err;
  EXPECT_NE(to_sqlite.out.find("rebuilt on the target"), std::string::npos) << to_sqlite.out;
  EXPECT_EQ(sqlite_counts(back), counts);
  EXPECT_EQ(sqlite_number(back,
                          "SELECT count(*) FROM redirects WHERE typeof(from_path) = 'text'"
                          " AND from_path = '/ancien\\chemin?é=1'"),
            1);
  // The rows themselves, not only their number: images' bytes, texts, threads.
  for (const char* sum :
       {"SELECT sum(length(bytes)) FROM media", "SELECT sum(length(body_html)) FROM articles",
        "SELECT count(*) FROM comments WHERE parent_id IS NOT NULL",
        "SELECT count(*) FROM categories WHERE parent_id IS NOT NULL",
        "SELECT sum(unicode(body)) FROM comments", "SELECT max(version) FROM articles",
        "SELECT count(*) FROM articles WHERE kind = 'sponsored' AND sponsor = 'Maison Dupont'",
        "SELECT count(*) FROM article_revisions WHERE kind = 'sponsored'"})
    EXPECT_EQ(sqlite_number(back, sum), sqlite_number(db(), sum)) << sum;
  EXPECT_EQ(sqlite_number(back, "SELECT count(*) FROM articles WHERE kind = 'sponsored'"), 1);

  // The original site and the one that went through PostgreSQL serve the same pages; and the
  // same, related lists included, as a copy that never left SQLite (both lists computed afresh
  // from the same rows).
  auto direct = dir().file("direct.db");
  ASSERT_EQ(copy(db(), direct).exit_code, 0);
  ServerProcess original(db());
  ServerProcess copied(back);
  expect_same_pages(original, copied, reference_path_, RelatedLists::left_out);
  ServerProcess copied_directly(direct);
  expect_same_pages(copied_directly, copied, reference_path_, RelatedLists::compared);
}

// Waits until a server on the PostgreSQL database at `uri` has indexed every published article
// and computed its related list: a copy's search tables are built again by the target's
// catch-up (a condition, not a delay).
void wait_for_postgres_catch_up(const std::string& uri) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (postgres_number(uri,
                         "SELECT (SELECT count(*) FROM articles WHERE status = 'published')"
                         " - (SELECT count(*) FROM search_documents WHERE related_computed)") > 0) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the catch-up never finished";
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

TEST_F(SiteCopy, ASiteCopiedToPostgresIsServedFromItWithTheSamePages) {
  PostgresTestDatabase postgres;
  auto copied = copy(db(), postgres.uri());
  ASSERT_EQ(copied.exit_code, 0) << copied.err;
  ServerProcess on_postgres(postgres.uri());
  wait_for_postgres_catch_up(postgres.uri());
  ServerProcess original(db());

  // What a reader opens first, by name: the home page, the reference article, a tag page and
  // searches (their order is the ranking's), the same status and bytes from both servers.
  for (const auto& path : {std::string("/"), reference_path_, std::string("/tag/syrie/"),
                           std::string("/search?q=Damas"), std::string("/search?q=offensive+damas"),
                           std::string("/search.json?q=syrie"),
                           std::string("/search?q=%22forces+gouvernementales%22")}) {
    auto expected = http_request(original.host(), original.port(), "GET", path, kSameHost);
    auto actual = http_request(on_postgres.host(), on_postgres.port(), "GET", path, kSameHost);
    EXPECT_EQ(expected.status, 200) << path;
    EXPECT_EQ(actual.status, expected.status) << path;
    EXPECT_TRUE(without_related(actual.body) == without_related(expected.body))
        << path << " differs";
  }
  // Every page a reader reaches from there; the related lists too, against a copy that stayed
  // on SQLite (both computed afresh from the same rows).
  expect_same_pages(original, on_postgres, reference_path_, RelatedLists::left_out);
  auto direct = dir().file("direct.db");
  ASSERT_EQ(copy(db(), direct).exit_code, 0);
  ServerProcess copied_directly(direct);
  expect_same_pages(copied_directly, on_postgres, reference_path_, RelatedLists::compared);
}

TEST_F(SiteCopy, RefusesATargetThatHoldsASiteAndChangesNothing) {
  PostgresTestDatabase postgres;
  ASSERT_EQ(copy(other_site(), postgres.uri()).exit_code, 0);
  auto refused = copy(db(), postgres.uri());
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(lines_in(refused.err), 1u) << refused.err;
  EXPECT_NE(refused.err.find("already holds a site"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--replace"), std::string::npos) << refused.err;
  EXPECT_EQ(postgres_number(postgres.uri(), "SELECT count(*) FROM articles"), 1);

  // A SQLite target too, byte for byte.
  auto sqlite_target = other_site();
  auto before = file_bytes(sqlite_target);
  refused = copy(db(), sqlite_target);
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("already holds a site"), std::string::npos) << refused.err;
  EXPECT_TRUE(file_bytes(sqlite_target) == before) << "the database changed";
}

TEST_F(SiteCopy, ReplaceEmptiesTheTargetFirst) {
  PostgresTestDatabase postgres;
  auto other = other_site();
  ASSERT_EQ(copy(other, postgres.uri()).exit_code, 0);
  auto replaced = copy(db(), postgres.uri(), /*replace=*/true);
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_NE(replaced.out.find("replacing what it held"), std::string::npos) << replaced.out;
  EXPECT_EQ(postgres_counts(postgres.uri()), sqlite_counts(db()));

  // And back the other way: the smaller site replaces the larger one entirely.
  replaced = copy(other, postgres.uri(), /*replace=*/true);
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_EQ(postgres_counts(postgres.uri()), sqlite_counts(other));
}

TEST_F(SiteCopy, AFailedCopyLeavesTheTargetAsItWas) {
  PostgresTestDatabase postgres;
  ASSERT_EQ(copy(other_site(), postgres.uri()).exit_code, 0);
  auto before = postgres_counts(postgres.uri());

  // A source whose next-to-last tables hold a value PostgreSQL refuses (text that is not UTF-8):
  // the copy fails after writing nearly every table, and --replace had emptied the target first.
  auto broken = dir().file("broken.db");
  ASSERT_EQ(copy(db(), broken).exit_code, 0);
  sqlite_execute(broken, "INSERT INTO wxr_items VALUES (CAST(x'68c328' AS TEXT), 'id:1', NULL)");
  auto failed = copy(broken, postgres.uri(), /*replace=*/true);
  EXPECT_NE(failed.exit_code, 0);
  EXPECT_EQ(failed.out, "");
  EXPECT_EQ(lines_in(failed.err), 1u) << failed.err;
  EXPECT_NE(failed.err.find("wxr_items"), std::string::npos) << failed.err;
  EXPECT_EQ(postgres_counts(postgres.uri()), before);

  // A table the copy does not know: refused before anything is written, naming it.
  auto unknown = dir().file("unknown.db");
  ASSERT_EQ(copy(db(), unknown).exit_code, 0);
  sqlite_execute(unknown, "CREATE TABLE plugin_data (id INTEGER PRIMARY KEY)");
  failed = copy(unknown, postgres.uri(), /*replace=*/true);
  EXPECT_NE(failed.exit_code, 0);
  EXPECT_NE(failed.err.find("`plugin_data`"), std::string::npos) << failed.err;
  EXPECT_EQ(postgres_counts(postgres.uri()), before);

  // An unreachable server, a database that does not exist, a missing source, a file that is
  // not a database: one line each, and no new SQLite target left behind.
  auto cluster = PostgresTestDatabase::cluster_uri();
  auto nowhere = "postgresql://postgres@/gazette?host=" + dir().file("no-server") + "&port=5432";
  auto missing = cluster.replace(cluster.find("/postgres?"), 9, "/no_such_db");
  auto text_file = dir().file("notes.txt");
  std::ofstream(text_file) << std::string(5000, 'x');
  auto new_target = dir().file("new.db");
  struct Case {
    std::string from, to, expected;
  };
  for (const auto& each :
       std::vector<Case>{{db(), nowhere, "unreachable"},
                         {missing, new_target, "does not exist"},
                         {dir().file("nothing.db"), new_target, "no such database"},
                         {text_file, new_target, "not a Gazette database"},
                         {unknown, new_target, "`plugin_data`"}}) {
    auto result = copy(each.from, each.to);
    EXPECT_NE(result.exit_code, 0) << each.from << " → " << each.to;
    EXPECT_EQ(lines_in(result.err), 1u) << result.err;
    EXPECT_NE(result.err.find(each.expected), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(new_target)) << each.from;
  }
  EXPECT_EQ(postgres_counts(postgres.uri()), before);
}

// The load's write number `n`: a tag added in its own transaction, acknowledged by its commit.
void write_tag(store::postgres::Connection& connection, int n) {
  auto name = std::to_string(n);
  connection.query("INSERT INTO tags (slug, name) VALUES ($1, $2)",
                   store::postgres::Params().add("charge-" + name).add("Charge " + name));
}

TEST_F(SiteCopy, PostgresBackupUnderWritesRestoresEveryAcknowledgedWrite) {
  PostgresTestDatabase postgres;
  ASSERT_EQ(copy(db(), postgres.uri()).exit_code, 0);
  std::atomic<int> acknowledged = 0;
  std::atomic<bool> stop = false;
  std::thread load([&] {
    store::postgres::Connection writer(postgres.uri());
    for (int n = 1; !stop; ++n) {
      write_tag(writer, n);
      acknowledged = n;
    }
  });
  while (acknowledged < 20) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  auto backup_file = dir().file("postgres.backup");
  int acknowledged_before = acknowledged;
  auto backed_up = run_gazette({"backup", backup_file, "--db", postgres.uri()});
  int acknowledged_after = acknowledged;
  while (acknowledged < acknowledged_after + 20)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  stop = true;
  load.join();
  int last = acknowledged;
  ASSERT_EQ(backed_up.exit_code, 0) << backed_up.err;
  EXPECT_TRUE(backed_up.out.starts_with("backed up ")) << backed_up.out;
  EXPECT_GT(acknowledged_after, acknowledged_before) << "no write was answered during the backup";

  // Into a new PostgreSQL database and a new SQLite file: the writes they hold are the first
  // ones in order, every one acknowledged before the backup among them.
  PostgresTestDatabase restored;
  auto into_postgres = run_gazette({"restore", backup_file, "--db", restored.uri()});
  ASSERT_EQ(into_postgres.exit_code, 0) << into_postgres.err;
  auto restored_db = dir().file("restored.db");
  auto into_sqlite = run_gazette({"restore", backup_file, "--db", restored_db});
  ASSERT_EQ(into_sqlite.exit_code, 0) << into_sqlite.err;
  auto held =
      postgres_number(restored.uri(), "SELECT count(*) FROM tags WHERE slug LIKE 'charge-%'");
  EXPECT_GE(held, acknowledged_before);
  EXPECT_LE(held, last);
  EXPECT_EQ(postgres_number(restored.uri(),
                            "SELECT coalesce(max(substr(slug, 8)::int), 0) FROM tags"
                            " WHERE slug LIKE 'charge-%'"),
            held)
      << "the writes held are not the first ones";
  EXPECT_EQ(sqlite_number(restored_db, "SELECT count(*) FROM tags WHERE slug LIKE 'charge-%'"),
            held);

  // The rest of the site came along, in both.
  auto counts = postgres_counts(restored.uri());
  counts["tags"] -= held;
  auto original = sqlite_counts(db());
  EXPECT_EQ(counts, original);
  EXPECT_EQ(sqlite_counts(restored_db), postgres_counts(restored.uri()));

  // A database holding a site is refused, unchanged.
  auto restored_counts = postgres_counts(restored.uri());
  auto refused = run_gazette({"restore", backup_file, "--db", restored.uri()});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_EQ(lines_in(refused.err), 1u) << refused.err;
  EXPECT_NE(refused.err.find("already holds a site"), std::string::npos) << refused.err;
  EXPECT_EQ(postgres_counts(restored.uri()), restored_counts);
}

}  // namespace
}  // namespace gazette::testing

// `gazette backup` and `gazette restore` on the real binary: a whole site (imported articles,
// comments and redirects, a photo with its copies, newsroom accounts, revisions and settings) is
// backed up while a server serves it and a loop keeps writing; the restored site holds every
// write acknowledged before the backup began, holds the writes as a prefix of their order (one
// moment, nothing by halves), and serves every page byte for byte as the original does. A
// database holding a site, a database in use, and a truncated or damaged file are refused with
// one line, changing nothing.
#include <sqlite3.h>

#include <atomic>
#include <deque>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <thread>

#include "html_document.h"
#include "newsroom_client.h"
#include "posted_comment.h"

namespace gazette::testing {
namespace {

namespace fs = std::filesystem;

const std::string kReferenceComments =
    "/actualite/les-islamistes-envoient-un-message-fort-a-damas-offensive-en-cours/comments";
// Both servers are asked as the same host, so absolute links cannot differ by port.
const std::map<std::string, std::string> kSameHost = {{"Host", "sauvegarde.example"}};
// Enough pages to cover every kind (home and its pages, sections, articles, tags, authors,
// categories) on the imported site, few enough to keep the test short.
constexpr std::size_t kMaxCrawledPages = 400;
// Comments posted before the load, approved one by one by it.
constexpr int kPendingPool = 40;

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// The single integer `sql` returns from the database at `db` (read-only; servers may run).
std::int64_t query_number(const std::string& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  std::int64_t value = -1;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(handle, 5000);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
      value = sqlite3_column_int64(statement, 0);
    else
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(handle);
    sqlite3_finalize(statement);
  }
  sqlite3_close(handle);
  return value;
}

// Waits until the server's background catch-up has computed every related list, so that no
// page shows the stand-in it shows before (a condition, not a delay: a slow machine waits longer).
void wait_for_related_lists(const std::string& db) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (query_number(db, "SELECT count(*) FROM search_documents WHERE related_computed = 0") > 0) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "related lists never caught up";
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

class BackupRestore : public NewsroomSite {
 protected:
  void SetUp() override {
    NewsroomSite::SetUp();
    auto imported = run_gazette(
        {"import-wxr", (shared_fixtures() / "wxr" / "themeunittestdata.wordpress.xml").string(),
         "--db", db()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto published = run_gazette({"publish", reference_article().string(), "--db", db()});
    ASSERT_EQ(published.exit_code, 0) << published.err;
    // Every comment waits for moderation (the load's included); the loop posts fast.
    comments({"settings", "--moderation", "hold-all", "--min-fill-seconds", "0", "--max-per-hour",
              "100000"});
    // The server computes the imported articles' related lists first: one computed during the
    // load would count the load's articles among the site's, one computed later not.
    server();
    wait_for_related_lists(db());

    // The newsroom: an article saved twice (revisions), one published, the site's settings.
    auto admin = sign_in("admin@test.example");
    auto draft = create_article(admin, "Brouillon de la rédaction");
    auto fields = editor_fields(admin, draft);
    fields["body"] = "Une deuxième version du brouillon.";
    fields["action"] = "save";
    ASSERT_EQ(post("/newsroom/articles/" + std::to_string(draft), fields, &admin).status, 303);
    create_article(admin, "Publié depuis la rédaction", "publish");
    auto settings_page = get("/newsroom/settings", &admin);
    std::map<std::string, std::string> settings;
    for (const char* name :
         {"csrf", "title", "description", "language", "time_zone", "url", "feed_content"})
      settings[name] = form_value(settings_page.body, name);
    settings["title"] = "Le Quotidien sauvegardé";
    settings["url"] = "https://sauvegarde.example";
    ASSERT_EQ(post("/newsroom/settings", settings, &admin).status, 303);

    for (int i = 0; i < kPendingPool; ++i)
      pending_pool_.push_back(post_comment("Commentaire en attente " + std::to_string(i),
                                           "pool-" + std::to_string(i) + "@example.fr"));
    for (int i = 0; i < 3; ++i) approve(db(), pending_pool_[i]);
  }

  CommandResult comments(std::vector<std::string> args, const std::string& database = "") {
    args.insert(args.begin(), "comments");
    args.push_back("--db");
    args.push_back(database.empty() ? db() : database);
    auto result = run_gazette(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result;
  }

  void approve(const std::string& database, std::int64_t id) {
    comments({"approve", std::to_string(id)}, database);
  }

  // A reader's comment through the article's form (held for moderation); its id.
  std::int64_t post_comment(const std::string& text, const std::string& email) {
    auto token = http_request(server().host(), server().port(), "GET", "/comments/form-token").body;
    auto response = http_request(server().host(), server().port(), "POST", kReferenceComments,
                                 {{"Content-Type", "application/x-www-form-urlencoded"}},
                                 form_encode({{"name", "Lecteur"},
                                              {"email", email},
                                              {"website", ""},
                                              {"comment", text},
                                              {"parent_id", ""},
                                              {"homepage", ""},
                                              {"form_token", token}}));
    EXPECT_EQ(response.status, 303) << response.body.substr(0, 2000);
    return posted_comment_id(response);
  }

  // The load's write number `n`, in a cycle of three kinds: a reader's comment through HTTP,
  // an approval with `gazette comments` (shown on the article page at once), an article
  // published with `gazette publish` for a date to come (saved, shown at its time).
  void write(int n) {
    auto name = std::to_string(n);
    if (n % 3 == 1) {
      post_comment("Commentaire de charge " + name, "charge-" + name + "@example.fr");
    } else if (n % 3 == 2) {
      approve(db(), approved_by(n));
    } else {
      auto path = article_file(n);
      write_file(path, "---\ntitle: Dépêche de charge " + name + "\nslug: charge-" + name +
                           "\nsection: Actualité\nauthor: Agence\ndate: 2099-01-01T00:00:00Z\n"
                           "---\n\nXylocarpes brumeux et zinnias quadrilobés.\n");
      auto result = run_gazette({"publish", path, "--db", db()});
      ASSERT_EQ(result.exit_code, 0) << result.err;
    }
  }
  std::string article_file(int n) const {
    return dir().file("charge-" + std::to_string(n) + ".md");
  }
  std::int64_t approved_by(int n) const { return pending_pool_.at(3 + n / 3); }

  // Whether write `n` is in the database at `database`.
  bool holds_write(const std::string& database, int n) {
    auto name = std::to_string(n);
    if (n % 3 == 1)
      return query_number(database,
                          "SELECT count(*) FROM comments WHERE body = "
                          "'Commentaire de charge " +
                              name + "'") == 1;
    if (n % 3 == 2)
      return query_number(database, "SELECT count(*) FROM comments WHERE id = " +
                                        std::to_string(approved_by(n)) +
                                        " AND status = 'approved'") == 1;
    return query_number(database,
                        "SELECT count(*) FROM articles WHERE slug = 'charge-" + name + "'") == 1;
  }

  std::vector<std::int64_t> pending_pool_;
};

// Every page reachable from the home page by links, with the feeds, a few searches and old
// WordPress addresses, asked of both servers: status, Location and body must be the same.
void expect_same_pages(const ServerProcess& original, const ServerProcess& restored) {
  std::deque<std::string> to_visit = {"/",
                                      "/feed.xml",
                                      "/feed.atom",
                                      "/sitemap.xml",
                                      "/sitemap-pages.xml",
                                      "/sitemap-articles-1.xml",
                                      "/robots.txt",
                                      "/search?q=lorem",
                                      "/search?q=Damas",
                                      "/search?q=xylocarpes",
                                      "/?p=1011",
                                      "/?page_id=2",
                                      "/2009/05/15/edge-case-nested-and-mixed-lists/"};
  std::set<std::string> seen(to_visit.begin(), to_visit.end());
  std::size_t compared = 0;
  while (!to_visit.empty() && compared < kMaxCrawledPages) {
    auto path = to_visit.front();
    to_visit.pop_front();
    auto expected = http_request(original.host(), original.port(), "GET", path, kSameHost);
    auto actual = http_request(restored.host(), restored.port(), "GET", path, kSameHost);
    ++compared;
    EXPECT_EQ(actual.status, expected.status) << path;
    EXPECT_EQ(actual.header("location"), expected.header("location")) << path;
    EXPECT_TRUE(actual.body == expected.body) << path << " differs";
    if (expected.status != 200 || expected.header("content-type").find("text/html") != 0) continue;
    HtmlDocument page(expected.body);
    for (const auto& link : page.find_all("a")) {
      auto href = link.attribute("href");
      href = href.substr(0, href.find('#'));
      if (href.size() < 1 || href[0] != '/' || href.starts_with("//") ||
          href.starts_with("/newsroom") || href.starts_with("/comments/") ||
          href.starts_with("/media/") || href.starts_with("/assets/"))
        continue;
      if (seen.insert(href).second) to_visit.push_back(href);
    }
  }
  // The crawl reached the site, not only its home page.
  EXPECT_GT(compared, 60u);
}

TEST_F(BackupRestore, UnderWriteLoadRestoresEveryAcknowledgedWriteAndServesTheSamePages) {
  std::atomic<int> acknowledged = 0;  // the writes 1..acknowledged have been answered
  std::atomic<bool> stop = false;
  std::thread load([&] {
    for (int n = 1; !stop && 3 + n / 3 < kPendingPool; ++n) {
      write(n);
      acknowledged = n;
    }
  });
  while (acknowledged < 6) std::this_thread::sleep_for(std::chrono::milliseconds(5));

  auto backup_file = dir().file("site.backup");
  int acknowledged_before = acknowledged;
  auto backed_up = run_gazette({"backup", backup_file, "--db", db()});
  int acknowledged_after = acknowledged;
  // The load went on after the backup, as it went on during it.
  while (acknowledged < acknowledged_after + 3)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  stop = true;
  load.join();
  int last = acknowledged;
  ASSERT_EQ(backed_up.exit_code, 0) << backed_up.err;
  EXPECT_TRUE(backed_up.out.starts_with("backed up ")) << backed_up.out;
  EXPECT_GT(acknowledged_after, acknowledged_before) << "no write was answered during the backup";

  auto restored_db = dir().file("restored/gazette.db");
  auto restored = run_gazette({"restore", backup_file, "--db", restored_db});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_TRUE(restored.out.starts_with("restored ")) << restored.out;

  // Every write answered before the backup began is there, and the writes it holds are the
  // first ones in order: a snapshot of one moment.
  int held = 0;
  while (held < last && holds_write(restored_db, held + 1)) ++held;
  EXPECT_GE(held, acknowledged_before);
  for (int n = held + 1; n <= last; ++n) EXPECT_FALSE(holds_write(restored_db, n)) << n;
  // Every kind of thing the site holds came along.
  for (const char* table : {"articles", "article_revisions", "media", "media_variants", "comments",
                            "users", "sessions", "settings", "comment_settings", "redirects",
                            "authors", "sections", "categories", "tags", "related_articles"})
    EXPECT_GT(query_number(restored_db, std::string("SELECT count(*) FROM ") + table), 0) << table;

  // The writes after the moment of the backup, played again on the restored site in their
  // order: its pages must now be the original's, byte for byte. The approvals show on the
  // article page; an article dated 2099 shows nowhere yet, but its words count in the search
  // index's statistics, and it recomputes its neighbours' related lists. The held comments
  // change no page (the comparison checks it), so they are not played again.
  for (int n = held + 1; n <= last; ++n) {
    if (n % 3 == 2) approve(restored_db, approved_by(n));
    if (n % 3 == 0) {
      auto replayed = run_gazette({"publish", article_file(n), "--db", restored_db});
      ASSERT_EQ(replayed.exit_code, 0) << replayed.err;
    }
  }
  wait_for_related_lists(restored_db);
  ServerProcess original(db());
  ServerProcess copy(restored_db);
  expect_same_pages(original, copy);
}

TEST_F(BackupRestore, RefusesADatabaseThatHoldsASiteAndChangesNothing) {
  auto backup_file = dir().file("site.backup");
  ASSERT_EQ(run_gazette({"backup", backup_file, "--db", db()}).exit_code, 0);
  // Another site: the reference article alone.
  auto other_db = dir().file("other.db");
  ASSERT_EQ(run_gazette({"publish", reference_article().string(), "--db", other_db}).exit_code, 0);
  auto before = file_bytes(other_db);

  auto refused = run_gazette({"restore", backup_file, "--db", other_db});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
  EXPECT_NE(refused.err.find("already holds a site"), std::string::npos) << refused.err;
  EXPECT_TRUE(file_bytes(other_db) == before) << "the database changed";
  EXPECT_EQ(query_number(other_db, "SELECT count(*) FROM articles"), 1);
}

TEST_F(BackupRestore, RefusesADatabaseInUseByAServer) {
  auto backup_file = dir().file("site.backup");
  ASSERT_EQ(run_gazette({"backup", backup_file, "--db", db()}).exit_code, 0);
  // An empty database a server has open: restoring under it would pull its site away.
  auto empty_db = dir().file("empty.db");
  ServerProcess serving(empty_db);
  auto refused = run_gazette({"restore", backup_file, "--db", empty_db});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("in use by another process"), std::string::npos) << refused.err;
  EXPECT_EQ(query_number(empty_db, "SELECT count(*) FROM articles"), 0);
  serving.stop();
  // Once it stopped, the empty database takes the site.
  auto restored = run_gazette({"restore", backup_file, "--db", empty_db});
  EXPECT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(query_number(empty_db, "SELECT count(*) FROM articles"),
            query_number(db(), "SELECT count(*) FROM articles"));
}

TEST_F(BackupRestore, RefusesATruncatedOrDamagedFileWithAClearMessage) {
  auto backup_file = dir().file("site.backup");
  ASSERT_EQ(run_gazette({"backup", backup_file, "--db", db()}).exit_code, 0);
  auto good = file_bytes(backup_file);
  ASSERT_GT(good.size(), 100'000u);

  // One character of the reference article's body, which no index holds: only the digest can
  // tell.
  auto damaged = good;
  auto sentence = damaged.find("Lattaquié en Syrie");
  ASSERT_NE(sentence, std::string::npos);
  damaged[sentence] = 'M';

  struct Case {
    std::string name;
    std::string bytes;
    std::string expected;
  };
  std::vector<Case> cases = {
      {"half", good.substr(0, good.size() / 2), "truncated"},
      {"one-page", good.substr(0, 4096), "truncated"},
      {"last-byte", good.substr(0, good.size() - 1), "truncated"},
      {"empty", "", "not a Gazette backup"},
      {"text", std::string(5000, 'x'), "not a Gazette backup"},
      {"damaged", damaged, "does not match its digest"},
  };
  for (const auto& each : cases) {
    auto path = dir().file(each.name + ".backup");
    write_file(path, each.bytes);
    auto target = dir().file("restored-" + each.name + ".db");
    auto refused = run_gazette({"restore", path, "--db", target});
    EXPECT_NE(refused.exit_code, 0) << each.name;
    EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1)
        << each.name << ": " << refused.err;
    EXPECT_NE(refused.err.find(each.expected), std::string::npos)
        << each.name << ": " << refused.err;
    EXPECT_FALSE(fs::exists(target)) << each.name << ": the database was created";
  }
  // A live database is not a backup; neither is a file that does not exist.
  auto live = run_gazette({"restore", db(), "--db", dir().file("from-live.db")});
  EXPECT_NE(live.err.find("not a Gazette backup"), std::string::npos) << live.err;
  auto missing = run_gazette({"restore", dir().file("nowhere.backup"), "--db", dir().file("x.db")});
  EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(dir().file("x.db")));
}

TEST_F(BackupRestore, BackupOfAMissingDatabaseCreatesNothing) {
  auto missing = dir().file("nothing-here.db");
  auto refused = run_gazette({"backup", dir().file("out.backup"), "--db", missing});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("no such database"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_FALSE(fs::exists(dir().file("out.backup")));
}

}  // namespace
}  // namespace gazette::testing

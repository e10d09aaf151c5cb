// Live coverage on the real binary: `gazette live post` beside a running server puts the entry
// on the article page (cached before) and the « En direct » label on its card; key events are
// summarised on top; `gazette live end` turns the page into « Fin du direct »; refusals are one
// line, a non-zero exit and nothing written.
#include <sqlite3.h>

#include "published_site.h"

namespace gazette::testing {
namespace {

using LiveCoverage = PublishedSite;

std::int64_t count_rows(const std::string& path, const std::string& table) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, ("SELECT count(*) FROM " + table).c_str(), -1, &statement, nullptr);
  sqlite3_step(statement);
  auto count = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return count;
}

// The number of times `needle` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

TEST_F(LiveCoverage, AnEntryPostedFromTheShellShowsOnTheServedPageAndCard) {
  auto before = get(kReferencePath);
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.find("live-entry"), std::string::npos);
  ASSERT_EQ(get("/").status, 200);  // cached too

  auto posted = run_gazette_with_input({"live", "post", kReferencePath, "--key", "--db", db()},
                                       "Les combattants **entrent dans Damas**\n");
  ASSERT_EQ(posted.exit_code, 0) << posted.err;
  EXPECT_EQ(posted.last_line(), "1");
  auto second = run_gazette_with_input({"live", "post", kReferencePath, "--db", db()},
                                       "Homs en fête <script>alert(1)</script>\n");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.last_line(), "2");

  auto page = get(kReferencePath);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("En direct"), std::string::npos);
  EXPECT_NE(page.body.find("<strong>entrent dans Damas</strong>"), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
  // Newest first; the key event summarised on top, linking to the entry. (Positions in the
  // page's <main>: the head's JSON-LD carries the entries' text too.)
  const auto main = page.body.find("<main");
  ASSERT_NE(main, std::string::npos);
  EXPECT_LT(page.body.find("Homs en fête", main),
            page.body.find("<strong>entrent dans Damas", main));
  EXPECT_NE(page.body.find("L’essentiel"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"#entry-1\""), std::string::npos);
  EXPECT_LT(page.body.find("href=\"#entry-1\"", main), page.body.find("Homs en fête", main));
  // Each entry's exact time for machines and screen readers, a relative one for people.
  EXPECT_EQ(occurrences(page.body, "class=\"live-entry"), 2u);
  EXPECT_NE(page.body.find("à l’instant"), std::string::npos);

  // For machines: a LiveBlogPosting with its start and each entry as a liveBlogUpdate.
  EXPECT_NE(page.body.find("\"@type\":\"LiveBlogPosting\""), std::string::npos);
  EXPECT_NE(page.body.find("\"coverageStartTime\":"), std::string::npos);
  EXPECT_EQ(page.body.find("\"coverageEndTime\":"), std::string::npos);
  EXPECT_EQ(occurrences(page.body, "\"@type\":\"BlogPosting\""), 2u);

  auto home = get("/");
  EXPECT_NE(home.body.find("live-label"), std::string::npos);
  EXPECT_NE(home.body.find("Dernière entrée"), std::string::npos);
}

TEST_F(LiveCoverage, EndingTheCoverageShowsFinDuDirectAndRefusesNewEntries) {
  ASSERT_EQ(
      run_gazette_with_input({"live", "post", kReferencePath, "--db", db()}, "Un\n").exit_code, 0);
  ASSERT_EQ(get(kReferencePath).status, 200);
  auto ended = run_gazette({"live", "end", kReferencePath, "--db", db()});
  ASSERT_EQ(ended.exit_code, 0) << ended.err;
  auto page = get(kReferencePath);
  EXPECT_NE(page.body.find("Fin du direct"), std::string::npos);
  EXPECT_NE(page.body.find("class=\"live-entry"), std::string::npos);  // the entries stay
  EXPECT_EQ(page.body.find("data-on-air"), std::string::npos);
  EXPECT_NE(page.body.find("\"coverageEndTime\":"), std::string::npos);
  EXPECT_EQ(get("/").body.find("live-label"), std::string::npos);

  auto refused = run_gazette_with_input({"live", "post", kReferencePath, "--db", db()}, "Deux\n");
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_EQ(refused.err, "gazette live post: the live coverage of this article has ended\n");
  EXPECT_EQ(count_rows(db(), "live_entries"), 1);
  auto again = run_gazette({"live", "end", kReferencePath, "--db", db()});
  EXPECT_NE(again.exit_code, 0);
}

TEST_F(LiveCoverage, RefusalsAreOneLineAndWriteNothing) {
  auto nowhere = run_gazette_with_input({"live", "post", "/actualite/absent/", "--db", db()}, "x");
  EXPECT_NE(nowhere.exit_code, 0);
  EXPECT_EQ(nowhere.err, "gazette live post: no published article at that path\n");
  auto empty = run_gazette_with_input({"live", "post", kReferencePath, "--db", db()}, "  \n");
  EXPECT_NE(empty.exit_code, 0);
  EXPECT_EQ(empty.err, "gazette live post: the entry is empty\n");

  // An author posts to their own coverage only; an editor to any.
  ASSERT_EQ(run_gazette_with_input({"user", "add", "autrice@example.fr", "--name", "Autrice",
                                    "--role", "author", "--db", db()},
                                   "un mot de passe assez long\n")
                .exit_code,
            0);
  ASSERT_EQ(run_gazette_with_input({"user", "add", "chef@example.fr", "--name", "Chef", "--role",
                                    "editor", "--db", db()},
                                   "un mot de passe assez long\n")
                .exit_code,
            0);
  auto not_hers = run_gazette_with_input(
      {"live", "post", kReferencePath, "--author", "autrice@example.fr", "--db", db()}, "x");
  EXPECT_NE(not_hers.exit_code, 0);
  EXPECT_EQ(not_hers.err,
            "gazette live post: an author posts to their own articles' coverage only\n");
  EXPECT_EQ(count_rows(db(), "live_entries"), 0);
  EXPECT_EQ(count_rows(db(), "live_coverage"), 0);

  auto by_editor = run_gazette_with_input(
      {"live", "post", kReferencePath, "--author", "chef@example.fr", "--db", db()}, "Chef ici\n");
  ASSERT_EQ(by_editor.exit_code, 0) << by_editor.err;
  EXPECT_NE(get(kReferencePath).body.find("Chef</"), std::string::npos);
}

}  // namespace
}  // namespace gazette::testing

// `gazette publish`: what it prints, that publishing again updates, and that a bad file is
// refused with its name, line and reason while the database stays exactly as it was.
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "published_site.h"

namespace gazette::testing {
namespace {

using PublishCommand = PublishedSite;

/// Every row of the content tables, as text: equal before and after means nothing changed.
std::string database_contents(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::string dump;
  for (const char* table : {"articles", "authors", "sections", "categories", "tags", "media",
                            "article_tags", "article_categories", "settings"}) {
    std::string sql = std::string("SELECT * FROM ") + table;
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
    dump += std::string("[") + table + "]\n";
    while (sqlite3_step(statement) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(statement); ++i) {
        auto* text = sqlite3_column_blob(statement, i);
        dump +=
            text ? std::string(static_cast<const char*>(text), sqlite3_column_bytes(statement, i))
                 : "NULL";
        dump += '|';
      }
      dump += '\n';
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return dump;
}

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

std::string write_file(const TempDir& dir, const std::string& name, const std::string& bytes) {
  auto path = dir.file(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST_F(PublishCommand, CreatesTheAuthorSectionCategoryAndTagsItNames) {
  EXPECT_EQ(count_rows(db(), "articles"), 1);
  EXPECT_EQ(count_rows(db(), "authors"), 1);
  EXPECT_EQ(count_rows(db(), "sections"), 1);
  EXPECT_EQ(count_rows(db(), "categories"), 1);
  EXPECT_EQ(count_rows(db(), "tags"), 6);
  // The photo (1600 px wide) and its copies: 480, 800, 1200 px in JPEG and WebP, WebP 1600.
  EXPECT_EQ(count_rows(db(), "media"), 8);
  EXPECT_EQ(count_rows(db(), "media_variants"), 7);
}

TEST_F(PublishCommand, PublishingAgainUpdatesAndNeverDuplicates) {
  auto before = database_contents(db());
  auto again = run_gazette({"publish", reference_article().string(), "--db", db()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.last_line(), kReferencePath);
  EXPECT_EQ(count_rows(db(), "articles"), 1);
  EXPECT_EQ(count_rows(db(), "tags"), 6);
  EXPECT_EQ(count_rows(db(), "media"), 8);

  // An edited copy (same title, so same article) replaces the text.
  std::ifstream in(reference_article());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto edited = text;
  const std::string heading = "## Offensive islamiste à Damas";
  edited.replace(edited.find(heading), heading.size(), "## Offensive rebelle à Damas");
  auto copy = std::filesystem::path(dir().file("copy"));
  std::filesystem::create_directories(copy);
  std::filesystem::copy(shared_fixtures() / "seed" / "banniere-assad-damas.jpg", copy);
  std::ofstream(copy / "article.md") << edited;
  ASSERT_EQ(run_gazette({"publish", (copy / "article.md").string(), "--db", db()}).exit_code, 0);
  EXPECT_EQ(count_rows(db(), "articles"), 1);
  HtmlDocument page(get(kReferencePath).body);
  EXPECT_EQ(page.find("div", "article-body").find_all("h2").at(0).text(),
            "Offensive rebelle à Damas");
}

struct BadFile {
  const char* name;
  std::string contents;
  int line;
  const char* reason;
};

TEST_F(PublishCommand, RefusesBadFilesNamingFileLineAndReasonAndChangesNothing) {
  const std::vector<BadFile> bad_files = {
      {"no-title.md", "---\nsection: Actualité\nauthor: Sara\n---\n\nTexte.\n", 1, "title"},
      {"bad-date.md",
       "---\ntitle: \"Un titre\"\nsection: Actualité\ndate: 2024-02-30\n---\n\nTexte.\n", 4,
       "date"},
      {"wrong-type.md",
       "---\ntitle: \"Un titre\"\nsection: Actualité\ntags:\n  nom: Syrie\n---\n\nT.\n", 5, "tags"},
      {"bad-utf8.md", "---\ntitle: \"Un titre\"\nsection: Actualit\xc3\x28\n---\n\nTexte.\n", 3,
       "UTF-8"},
      {"unclosed.md", "---\ntitle: \"Un titre\"\nsection: Actualité\n\nTexte.\n", 1,
       "front matter"},
      {"missing-image.md",
       "---\ntitle: \"Un titre\"\nsection: Actualité\nimage: absente.jpg\n---\n\nT.\n", 0,
       "absente.jpg"},
      {"not-an-image.md",
       "---\ntitle: \"Un titre\"\nsection: Actualité\nimage: faux.jpg\n---\n\nT.\n", 0,
       "not an image"},
  };
  write_file(dir(), "faux.jpg", "<html>this is not a JPEG</html>");
  auto before = database_contents(db());
  for (const auto& bad : bad_files) {
    auto path = write_file(dir(), bad.name, bad.contents);
    auto result = run_gazette({"publish", path, "--db", db()});
    EXPECT_NE(result.exit_code, 0) << bad.name;
    EXPECT_NE(result.err.find(bad.name), std::string::npos) << result.err;
    if (bad.line > 0)
      EXPECT_NE(result.err.find(bad.name + std::string(":") + std::to_string(bad.line) + ":"),
                std::string::npos)
          << result.err;
    EXPECT_NE(result.err.find(bad.reason), std::string::npos) << result.err;
    EXPECT_EQ(database_contents(db()), before) << bad.name;
  }
}

TEST_F(PublishCommand, RefusesASectionNamedLikeTheSitesOwnPages) {
  auto path =
      write_file(dir(), "tag.md", "---\ntitle: \"Un titre\"\nsection: Tag\n---\n\nTexte.\n");
  auto result = run_gazette({"publish", path, "--db", db()});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("section"), std::string::npos) << result.err;
}

// What `sh -c SCRIPT` run in `folder` printed (both streams) and its exit status.
CommandResult run_shell_in(const std::filesystem::path& folder, const std::string& script) {
  auto command = "cd '" + folder.string() + "' && { " + script + "; } 2>&1; echo \"exit=$?\"";
  FILE* pipe = popen(command.c_str(), "r");
  CommandResult result;
  char buffer[4096];
  std::size_t count;
  while ((count = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, count);
  pclose(pipe);
  auto status = result.out.rfind("exit=");
  result.exit_code = std::stoi(result.out.substr(status + 5));
  result.out.erase(status);
  return result;
}

// Issue 11, defect 8: `gazette publish --db postgresql://u@h:5432/db` made a folder named
// "postgresql:" and a SQLite file in it. An address no backend understands is refused, by every
// command, with one line naming those understood, and nothing is created.
TEST_F(PublishCommand, ADatabaseAddressNoBackendUnderstandsIsRefusedAndCreatesNothing) {
  TempDir folder;
  auto binary = "'" + gazette_binary().string() + "'";
  auto article = "'" + reference_article().string() + "'";
  for (const auto& command : std::vector<std::string>{
           binary + " publish --db mysql://u@h:5432/db " + article,
           // Bounded in time: a server that took the address for a file would serve on.
           "timeout 20 " + binary + " serve --listen 127.0.0.1:0 --db mysql://u@h:5432/db",
           binary + " demo --db oracle://h/db", binary + " export-wxr --db mysql://h/db",
           binary + " comments list --db sqlite://gazette.db",
           "echo password-long-enough | " + binary +
               " user add a@b.fr --name A --role admin --db mysql://h/db",
           "GAZETTE_DB=mysql://u@h:5432/db " + binary + " publish " + article}) {
    auto result = run_shell_in(folder.path(), command);
    EXPECT_NE(result.exit_code, 0) << command;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1) << result.out;
    EXPECT_NE(result.out.find("://"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("understood: postgresql://, postgres://"), std::string::npos)
        << result.out;
    EXPECT_TRUE(std::filesystem::is_empty(folder.path())) << command;
  }
  // A path is still a path, even an odd one.
  auto odd = run_shell_in(folder.path(), binary + " publish --db ./x://y.db " + article);
  EXPECT_EQ(odd.exit_code, 0) << odd.out;
  EXPECT_TRUE(std::filesystem::exists(folder.path() / "x:" / "y.db"));
}

// Issue 13: a PostgreSQL address that is wrong, or names no running server, is reported in one
// line naming what failed, with a non-zero exit, at once (connect_timeout bounds the wait), and
// nothing is created on disk.
TEST_F(PublishCommand, APostgresAddressThatCannotBeOpenedIsReportedInOneLine) {
  TempDir folder;
  auto binary = "'" + gazette_binary().string() + "'";
  auto article = "'" + reference_article().string() + "'";
  struct Case {
    std::string command;
    std::string named;
  };
  for (const auto& [command, named] : std::vector<Case>{
           {binary + " publish --db 'postgresql://u@h:notaport/db' " + article,
            "not a PostgreSQL address"},
           {binary + " publish --db 'postgresql://u@[::1/db' " + article,
            "not a PostgreSQL address"},
           {"timeout 20 " + binary +
                " serve --listen 127.0.0.1:0 --db 'postgres://u@/db?host=/nonexistent-gazette'",
            "PostgreSQL server unreachable"},
           {"GAZETTE_DB='postgresql://u@127.0.0.1:1/db' timeout 20 " + binary + " publish " +
                article,
            "PostgreSQL server unreachable"}}) {
    auto result = run_shell_in(folder.path(), command);
    EXPECT_NE(result.exit_code, 0) << command;
    EXPECT_NE(result.exit_code, 124) << "timed out: " << command;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1) << result.out;
    EXPECT_NE(result.out.find(named), std::string::npos) << result.out;
    EXPECT_TRUE(std::filesystem::is_empty(folder.path())) << command;
  }
}

TEST_F(PublishCommand, ScriptInATitleReachesThePageEscaped) {
  auto path = publish("script", "title: \"<script>alert(1)</script> Titre\"\nsection: Actualité");
  auto page = get(path);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt; Titre"), std::string::npos);
}

}  // namespace
}  // namespace gazette::testing

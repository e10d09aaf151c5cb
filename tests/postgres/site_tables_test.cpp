// The copy's list of the site's tables (store/copy/site_tables.h) against both backends'
// schemas as this version's migrations make them: every table of either is in the list, and a
// table copied between them has the same columns on both — so a migration on one backend that
// the other lacks is found here, not by a copy that refuses to run.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>

#include "store/copy/site_tables.h"
#include "store/postgres/postgres_copy_side.h"
#include "store/sqlite/sqlite_copy_side.h"
#include "test_database.h"

namespace gazette::store::copy {
namespace {

namespace fs = std::filesystem;

TEST(SiteTables, NameEveryTableOfBothSchemasAndTheCopiedOnesMatch) {
  testing::PostgresTestDatabase database;
  postgres::PostgresCopyTarget postgres(database.uri());
  auto file =
      fs::temp_directory_path() / ("gazette-site-tables-" + std::to_string(getpid()) + ".db");
  fs::remove(file);
  {
    sqlite::SqliteCopyTarget sqlite(file);
    auto sqlite_tables = sqlite.tables();
    auto postgres_tables = postgres.tables();
    for (const auto& table : sqlite_tables) EXPECT_NE(find_site_table(table), nullptr) << table;
    for (const auto& table : postgres_tables) EXPECT_NE(find_site_table(table), nullptr) << table;
    for (const auto& entry : site_tables()) {
      if (entry.role != TableRole::copied) continue;
      std::string table(entry.name);
      EXPECT_TRUE(sqlite_tables.contains(table)) << table << " is not in SQLite's schema";
      EXPECT_TRUE(postgres_tables.contains(table)) << table << " is not in PostgreSQL's schema";
      if (!sqlite_tables.contains(table) || !postgres_tables.contains(table)) continue;
      auto sqlite_columns = sqlite.columns(table);
      auto postgres_columns = postgres.columns(table);
      EXPECT_EQ(std::set(sqlite_columns.begin(), sqlite_columns.end()),
                std::set(postgres_columns.begin(), postgres_columns.end()))
          << table;
      EXPECT_EQ(sqlite.primary_key(table), postgres.primary_key(table)) << table;
    }
  }
  fs::remove(file);
}

}  // namespace
}  // namespace gazette::store::copy

// Applies the embedded migrations/NNNN_*.sql files that schema_migrations does not list yet.
#include "store/sqlite/migrations.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

#include "embedded/embedded_files.h"

namespace gazette::store::sqlite {

int migrate(Connection& connection, std::int64_t now_unix) {
  connection.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) WITHOUT ROWID");

  Transaction transaction(connection);
  std::set<std::string, std::less<>> applied;
  {
    auto statement = connection.prepare("SELECT version FROM schema_migrations");
    while (statement.step()) applied.insert(statement.column_text(0));
  }

  auto files = embedded::sqlite_migrations();
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });

  int count = 0;
  for (const auto& file : files) {
    if (applied.contains(file.path)) continue;
    connection.execute(file.bytes);
    connection.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)")
        .bind(1, file.path)
        .bind(2, now_unix)
        .run();
    ++count;
  }
  transaction.commit();
  return count;
}

int pending_migrations(Connection& connection) {
  std::set<std::string, std::less<>> applied;
  auto statement = connection.prepare("SELECT version FROM schema_migrations");
  while (statement.step()) applied.insert(statement.column_text(0));
  int pending = 0;
  for (const auto& file : embedded::sqlite_migrations())
    if (!applied.contains(file.path)) ++pending;
  return pending;
}

}  // namespace gazette::store::sqlite

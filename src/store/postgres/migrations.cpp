// Applies the embedded PostgreSQL migrations (see migrations.h).
#include "store/postgres/migrations.h"

#include <algorithm>
#include <set>
#include <string>

#include "embedded/embedded_files.h"
#include "store/postgres/database.h"

namespace gazette::store::postgres {

int migrate(Connection& connection, std::int64_t now_unix) {
  connection.execute("BEGIN");
  try {
    connection.query("SELECT pg_advisory_xact_lock($1)", Params().add(kMigrationLockKey));
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version text PRIMARY KEY, applied_at bigint NOT NULL)");
    std::set<std::string, std::less<>> applied;
    auto rows = connection.query("SELECT version FROM schema_migrations");
    for (int row = 0; row < rows.rows(); ++row) applied.insert(rows.text(row, 0));

    auto files = embedded::postgres_migrations();
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    int count = 0;
    for (const auto& file : files) {
      if (applied.contains(file.path)) continue;
      connection.execute(file.bytes);
      connection.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                       Params().add(file.path).add(now_unix));
      ++count;
    }
    connection.execute("COMMIT");
    return count;
  } catch (...) {
    connection.execute("ROLLBACK");
    throw;
  }
}

}  // namespace gazette::store::postgres

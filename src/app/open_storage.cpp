// Choosing the backend from `--db` (see storage.h).
#include <variant>

#include "app/database_location.h"
#include "app/storage.h"

namespace gazette::app {

std::unique_ptr<Storage> open_storage(const std::string& db, const content::Clock& clock,
                                      store::StatementObserver* timing) {
  auto location = parse_database_location(db);
  if (auto* postgres = std::get_if<PostgresAddress>(&location))
    return open_postgres_storage(postgres->uri, clock, timing);
  if (auto* unknown = std::get_if<UnknownDatabaseScheme>(&location))
    throw DatabaseOpenError(unknown->message());
  // SQLite statements are timed by DatabaseTiming's trace hook on every connection it opens.
  return open_sqlite_storage(std::get<SqliteFile>(location).path, clock);
}

}  // namespace gazette::app

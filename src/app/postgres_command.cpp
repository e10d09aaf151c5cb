// Opening a PostgreSQL database from `--db` (see postgres_command.h).
#include "app/postgres_command.h"

#include <cstdio>

#include "store/postgres/database.h"

namespace gazette::app {

int open_postgres(const std::string& uri) {
  try {
    store::postgres::PostgresDatabase database(uri);
  } catch (const store::postgres::PostgresError& error) {
    std::fprintf(stderr, "gazette: --db: %s\n", error.what());
    return 1;
  }
  std::fprintf(stderr,
               "gazette: --db: the PostgreSQL database opened and migrated, but the PostgreSQL "
               "backend is not complete yet (issue 13): use a SQLite file for now\n");
  return 1;
}

}  // namespace gazette::app

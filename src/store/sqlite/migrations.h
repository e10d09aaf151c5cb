// Schema migrations for SQLite: the numbered files in migrations/, compiled into the binary,
// applied in order at start-up. A released migration is never edited; a change is a new file.
#pragma once

#include <cstdint>

#include "store/sqlite/database.h"

namespace gazette::store::sqlite {

/// Applies every migration the database has not seen yet, all in one transaction, and
/// returns how many it applied, each recorded as applied at `now_unix`. Fails without
/// changing anything if any of them fails.
int migrate(Connection& connection, std::int64_t now_unix);

/// How many of the migrations built into this binary `connection`'s database has not applied
/// (the readiness probe's question); throws when the database cannot be read.
int pending_migrations(Connection& connection);

}  // namespace gazette::store::sqlite

// The store contract suites on SQLite: each test on a fresh database file.
#include "sqlite_backend.h"
#include "store_contracts.h"

namespace gazette::contract {

GAZETTE_INSTANTIATE_STORE_CONTRACTS(Sqlite, SqliteBackend);

}  // namespace gazette::contract

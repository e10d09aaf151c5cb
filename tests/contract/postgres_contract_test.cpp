// The store contract suites on PostgreSQL, each test on a fresh database of the test cluster.
// Only the suites whose stores PostgreSQL has so far (issue 13 continues: editorial, terms,
// accounts, comments, discovery, sign-in attempts, WXR import).
#include "postgres_backend.h"
#include "store_contracts.h"

namespace gazette::contract {

GAZETTE_INSTANTIATE_STORE_CONTRACT(ContentStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(ChangeLogContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(MediaStoreContract, Postgres, PostgresBackend);

}  // namespace gazette::contract

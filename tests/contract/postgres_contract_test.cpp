// The store contract suites on PostgreSQL, each test on a fresh database of the test cluster.
// Only the suites whose stores PostgreSQL has so far (issue 13 continues: editorial,
// comments, discovery, WXR import).
#include "postgres_backend.h"
#include "store_contracts.h"

namespace gazette::contract {

GAZETTE_INSTANTIATE_STORE_CONTRACT(ContentStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(ChangeLogContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(MediaStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(AccountStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(SignInAttemptStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(TermStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(EditorialStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(CommentStoreContract, Postgres, PostgresBackend);

// The suites of the stores PostgreSQL does not have yet: declared, not instantiated (yet).
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(DiscoveryStoreContract);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(WxrImportStoreContract);

}  // namespace gazette::contract

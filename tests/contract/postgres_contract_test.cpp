// The store contract suites on PostgreSQL, each test on a fresh database of the test cluster:
// every suite SQLite runs (sqlite_contract_test.cpp), so the backends keep one contract.
#include "postgres_backend.h"
#include "store_contracts.h"

namespace gazette::contract {

GAZETTE_INSTANTIATE_STORE_CONTRACT(ContentStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(ChangeLogContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(MediaStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(AccountStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(SignInAttemptStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(TermStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(DiscoveryStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(EditorialStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(CommentStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(NewsletterStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(WxrImportStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(CorrectionsContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(PreviewLinkStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(LiveStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(ApiTokenStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(WebhookStoreContract, Postgres, PostgresBackend);
GAZETTE_INSTANTIATE_STORE_CONTRACT(ArticleKindsContract, Postgres, PostgresBackend);

}  // namespace gazette::contract

// Every store contract suite, and one macro that instantiates them all for a backend: a
// backend's test file is its fixture and one line.
#pragma once

#include "account_store_contract.h"
#include "article_kinds_contract.h"
#include "change_log_contract.h"
#include "comment_store_contract.h"
#include "content_store_contract.h"
#include "corrections_contract.h"
#include "discovery_store_contract.h"
#include "editorial_store_contract.h"
#include "live_store_contract.h"
#include "media_store_contract.h"
#include "preview_link_store_contract.h"
#include "api_token_store_contract.h"
#include "newsletter_store_contract.h"
#include "sign_in_attempt_store_contract.h"
#include "term_store_contract.h"
#include "webhook_store_contract.h"
#include "wxr_import_store_contract.h"

/// Instantiates every suite for `BackendType`, named SuiteName + `Name` (the backend's name):
/// ctest lists ContentStoreContractSqlite.ANewArticle…, and `ctest -R Contract` runs them all.
#define GAZETTE_INSTANTIATE_STORE_CONTRACT(Suite, Name, BackendType) \
  INSTANTIATE_TYPED_TEST_SUITE_P(Suite##Name, Suite, BackendType)
#define GAZETTE_INSTANTIATE_STORE_CONTRACTS(Name, BackendType)                       \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(ContentStoreContract, Name, BackendType);       \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(ChangeLogContract, Name, BackendType);          \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(MediaStoreContract, Name, BackendType);         \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(AccountStoreContract, Name, BackendType);       \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(SignInAttemptStoreContract, Name, BackendType); \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(EditorialStoreContract, Name, BackendType);     \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(TermStoreContract, Name, BackendType);          \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(CommentStoreContract, Name, BackendType);       \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(NewsletterStoreContract, Name, BackendType);    \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(DiscoveryStoreContract, Name, BackendType);     \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(WxrImportStoreContract, Name, BackendType);     \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(CorrectionsContract, Name, BackendType);        \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(PreviewLinkStoreContract, Name, BackendType);   \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(LiveStoreContract, Name, BackendType);          \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(ApiTokenStoreContract, Name, BackendType);      \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(WebhookStoreContract, Name, BackendType);       \
  GAZETTE_INSTANTIATE_STORE_CONTRACT(ArticleKindsContract, Name, BackendType)

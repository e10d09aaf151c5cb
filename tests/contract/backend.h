// What a store contract suite needs of a backend: one fresh, empty, migrated database with every
// store on it. Each backend (sqlite_backend.h, the PostgreSQL one) implements it; the suites
// (*_contract.h) see only this interface and the store interfaces, never a backend's own types.
#pragma once

#include <memory>

#include "store/account_store.h"
#include "store/change_log_store.h"
#include "store/comment_store.h"
#include "store/discovery_store.h"
#include "store/editorial_store.h"
#include "store/live_store.h"
#include "store/media_store.h"
#include "store/preview_link_store.h"
#include "store/api_token_store.h"
#include "store/newsletter_store.h"
#include "store/sign_in_attempt_store.h"
#include "store/store.h"
#include "store/term_store.h"
#include "store/write_transaction.h"
#include "store/webhook_store.h"
#include "store/wxr_import_store.h"

namespace gazette::contract {

class Backend {
 public:
  virtual ~Backend() = default;

  virtual store::Database& database() = 0;
  virtual store::Store& content() = 0;
  virtual store::EditorialStore& editorial() = 0;
  virtual store::TermStore& terms() = 0;
  virtual store::AccountStore& accounts() = 0;
  virtual store::MediaStore& media() = 0;
  virtual store::CommentStore& comments() = 0;
  virtual store::LiveStore& live() = 0;
  virtual store::NewsletterStore& newsletters() = 0;
  virtual store::DiscoveryStore& discovery() = 0;
  virtual store::ChangeLogStore& change_log() = 0;
  virtual store::SignInAttemptStore& sign_in_attempts() = 0;
  virtual store::WxrImportStore& wxr_import() = 0;
  virtual store::PreviewLinkStore& preview_links() = 0;
  virtual store::ApiTokenStore& api_tokens() = 0;
  virtual store::WebhookStore& webhooks() = 0;

  /// The same database as another process opens it: its own connections, its own name in the
  /// change log.
  virtual std::unique_ptr<Backend> another_process() = 0;
};

}  // namespace gazette::contract

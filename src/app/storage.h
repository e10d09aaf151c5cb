// One backend's stores behind their interfaces — what every command reads and writes through,
// whichever database `--db` names: open_storage() builds SQLite's for a file path and
// PostgreSQL's for a postgresql:// address, and nothing above it knows which.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "content/clock.h"
#include "store/account_store.h"
#include "store/change_log_store.h"
#include "store/comment_store.h"
#include "store/discovery_store.h"
#include "store/editorial_store.h"
#include "store/leadership.h"
#include "store/live_store.h"
#include "store/media_store.h"
#include "store/preview_link_store.h"
#include "store/api_token_store.h"
#include "store/newsletter_store.h"
#include "store/sign_in_attempt_store.h"
#include "store/statement_observer.h"
#include "store/store.h"
#include "store/term_store.h"
#include "store/write_transaction.h"
#include "store/webhook_store.h"
#include "store/wxr_import_store.h"

namespace gazette::app {

/// The database `--db` names could not be opened: one line naming what failed (the address,
/// the credentials, the server), for the terminal.
class DatabaseOpenError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Storage {
 public:
  virtual ~Storage() = default;

  virtual store::Database& database() = 0;  // where writes begin
  virtual store::Store& content() = 0;
  virtual store::EditorialStore& editorial() = 0;  // drafts, revisions, the workflow
  virtual store::MediaStore& media() = 0;
  virtual store::TermStore& terms() = 0;
  virtual store::AccountStore& accounts() = 0;
  virtual store::SignInAttemptStore& sign_in_attempts() = 0;  // shared by every process
  virtual store::DiscoveryStore& discovery() = 0;
  virtual store::ChangeLogStore& change_log() = 0;  // what other processes announced
  virtual store::WxrImportStore& wxr_import() = 0;  // imports, exports, old URLs
  virtual store::CommentStore& comments() = 0;
  virtual store::PreviewLinkStore& preview_links() = 0;  // embargo previews
  virtual store::ApiTokenStore& api_tokens() = 0;         // Content API tokens and read keys
  virtual store::LiveStore& live() = 0;  // live coverage and its entries
  virtual store::NewsletterStore& newsletters() = 0;  // subscriptions, the mail queue
  virtual store::WebhookStore& webhooks() = 0;  // webhooks and their deliveries

  /// Why this process cannot serve from its database now — unreachable, migrations pending —
  /// in one line; nothing when it can (/readyz).
  virtual std::optional<std::string> not_ready() = 0;
  /// From now on, hears other processes' writes as they commit, for change_log()'s token
  /// (PostgreSQL: a LISTEN connection of its own). `gazette serve` only; SQLite needs nothing.
  virtual void follow_other_processes() {}
  /// Who, among the processes sharing the database, runs the scheduled jobs.
  virtual std::unique_ptr<store::Leadership> leadership() = 0;
};

/// Opens (creating and migrating when needed) the database `db` names: a SQLite file, or a
/// PostgreSQL database by its postgresql:// or postgres:// address. Every statement run is
/// reported to `timing` when given. Throws DatabaseOpenError when it cannot.
std::unique_ptr<Storage> open_storage(const std::string& db, const content::Clock& clock,
                                      store::StatementObserver* timing = nullptr);

/// The two factories open_storage() chooses from.
std::unique_ptr<Storage> open_sqlite_storage(const std::string& path, const content::Clock& clock);
std::unique_ptr<Storage> open_postgres_storage(const std::string& uri, const content::Clock& clock,
                                               store::StatementObserver* timing);

}  // namespace gazette::app

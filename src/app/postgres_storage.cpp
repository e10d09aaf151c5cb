// The PostgreSQL stores on one database (see storage.h): several nodes share it. Beside the
// stores, `gazette serve` gets a listener hearing the other nodes' writes (change_listener.h)
// and a leader lock (leader_lock.h).
#include <chrono>

#include "app/storage.h"
#include "store/postgres/change_listener.h"
#include "store/postgres/database.h"
#include "store/postgres/leader_lock.h"
#include "store/postgres/postgres_account_store.h"
#include "store/postgres/postgres_change_log_store.h"
#include "store/postgres/postgres_comment_store.h"
#include "store/postgres/postgres_newsletter_store.h"
#include "store/postgres/postgres_webhook_store.h"
#include "store/postgres/postgres_discovery_store.h"
#include "store/postgres/postgres_editorial_store.h"
#include "store/postgres/postgres_live_store.h"
#include "store/postgres/postgres_media_store.h"
#include "store/postgres/postgres_preview_link_store.h"
#include "store/postgres/postgres_api_token_store.h"
#include "store/postgres/postgres_sign_in_attempt_store.h"
#include "store/postgres/postgres_store.h"
#include "store/postgres/postgres_term_store.h"
#include "store/postgres/postgres_wxr_import_store.h"

namespace gazette::app {

namespace {

using namespace store::postgres;

// How long start-up waits for the listener's first LISTEN: a write committed before it would
// not be heard of. The database has just been opened, so this is one connection's time.
constexpr auto kFirstListenTimeout = std::chrono::seconds(kConnectTimeoutSeconds + 1);

class PostgresStorage final : public Storage {
 public:
  PostgresStorage(const std::string& uri, const content::Clock& clock) : database_(uri, &clock) {}
  ~PostgresStorage() override = default;

  store::Database& database() override { return database_; }
  store::Store& content() override { return content_; }
  store::EditorialStore& editorial() override { return editorial_; }
  store::MediaStore& media() override { return media_; }
  store::TermStore& terms() override { return terms_; }
  store::AccountStore& accounts() override { return accounts_; }
  store::SignInAttemptStore& sign_in_attempts() override { return sign_in_attempts_; }
  store::DiscoveryStore& discovery() override { return discovery_; }
  store::ChangeLogStore& change_log() override { return change_log_; }
  store::WxrImportStore& wxr_import() override { return wxr_import_; }
  store::CommentStore& comments() override { return comments_; }
  store::PreviewLinkStore& preview_links() override { return preview_links_; }
  store::ApiTokenStore& api_tokens() override { return api_tokens_; }
  store::LiveStore& live() override { return live_; }
  store::NewsletterStore& newsletters() override { return newsletters_; }
  store::WebhookStore& webhooks() override { return webhooks_; }

  std::optional<std::string> not_ready() override {
    // The listener knows first when the server is gone, and keeps trying until it is back.
    if (listener_)
      if (auto down = listener_->down()) return "database unreachable: " + *down;
    try {
      database_.read()->execute("SELECT 1");
      return std::nullopt;
    } catch (const std::exception& error) {
      return std::string("database unreachable: ") + error.what();
    }
  }

  void follow_other_processes() override {
    if (listener_) return;
    // Pooled connections made before a lost server came back are broken: drop them rather
    // than fail a reader's query on each.
    listener_ = std::make_unique<ChangeListener>(database_.uri(),
                                                 [this] { database_.drop_idle_connections(); });
    if (!listener_->wait_until_listening(kFirstListenTimeout))
      throw DatabaseOpenError("--db: cannot listen for other nodes' changes: " +
                              listener_->down().value_or("no answer"));
    change_log_.follow(*listener_);
  }

  std::unique_ptr<store::Leadership> leadership() override {
    return std::make_unique<LeaderLock>(database_.uri());
  }

  void observe_statements(store::StatementObserver* observer) {
    database_.observe_statements(observer);
  }

 private:
  PostgresDatabase database_;
  PostgresStore content_{database_};
  PostgresEditorialStore editorial_{database_};
  PostgresMediaStore media_{database_};
  PostgresTermStore terms_{database_};
  PostgresAccountStore accounts_{database_};
  PostgresSignInAttemptStore sign_in_attempts_{database_};
  PostgresDiscoveryStore discovery_{database_};
  PostgresChangeLogStore change_log_{database_};
  PostgresWxrImportStore wxr_import_{database_};
  PostgresCommentStore comments_{database_};
  PostgresPreviewLinkStore preview_links_{database_};
  PostgresApiTokenStore api_tokens_{database_};
  PostgresLiveStore live_{database_};
  PostgresNewsletterStore newsletters_{database_};
  PostgresWebhookStore webhooks_{database_};
  std::unique_ptr<ChangeListener> listener_;  // `gazette serve` only
};

}  // namespace

std::unique_ptr<Storage> open_postgres_storage(const std::string& uri, const content::Clock& clock,
                                               store::StatementObserver* timing) {
  try {
    auto storage = std::make_unique<PostgresStorage>(uri, clock);
    if (timing) storage->observe_statements(timing);
    return storage;
  } catch (const PostgresError& error) {
    throw DatabaseOpenError(std::string("--db: ") + error.what());
  }
}

}  // namespace gazette::app

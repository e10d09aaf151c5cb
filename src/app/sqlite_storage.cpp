// The SQLite stores on one database file (see storage.h): the embedded default, one machine.
#include "app/storage.h"
#include "store/sqlite/connection_pool.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_change_log_store.h"
#include "store/sqlite/sqlite_comment_store.h"
#include "store/sqlite/sqlite_discovery_store.h"
#include "store/sqlite/sqlite_editorial_store.h"
#include "store/sqlite/sqlite_live_store.h"
#include "store/sqlite/sqlite_media_store.h"
#include "store/sqlite/sqlite_preview_link_store.h"
#include "store/sqlite/sqlite_api_token_store.h"
#include "store/sqlite/sqlite_newsletter_store.h"
#include "store/sqlite/sqlite_sign_in_attempt_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_term_store.h"
#include "store/sqlite/sqlite_webhook_store.h"
#include "store/sqlite/sqlite_wxr_import_store.h"

namespace gazette::app {

namespace {

using namespace store::sqlite;

class SqliteStorage final : public Storage {
 public:
  SqliteStorage(const std::string& path, const content::Clock& clock) : pool_(path, &clock) {}

  store::Database& database() override { return pool_; }
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
    try {
      auto connection = pool_.read();
      if (auto pending = pending_migrations(*connection))
        return std::to_string(pending) + " database migrations not applied";
      return std::nullopt;
    } catch (const std::exception& error) {
      return std::string("database unreachable: ") + error.what();
    }
  }
  // Every process sharing a SQLite file runs on this machine: each is its own leader, as
  // before there were several nodes.
  std::unique_ptr<store::Leadership> leadership() override {
    return std::make_unique<store::SoleLeadership>();
  }

 private:
  ConnectionPool pool_;
  SqliteStore content_{pool_};
  SqliteEditorialStore editorial_{pool_};
  SqliteMediaStore media_{pool_};
  SqliteTermStore terms_{pool_};
  SqliteAccountStore accounts_{pool_};
  SqliteSignInAttemptStore sign_in_attempts_{pool_};
  SqliteDiscoveryStore discovery_{pool_};
  SqliteChangeLogStore change_log_{pool_};
  SqliteWxrImportStore wxr_import_{pool_};
  SqliteCommentStore comments_{pool_};
  SqlitePreviewLinkStore preview_links_{pool_};
  SqliteApiTokenStore api_tokens_{pool_};
  SqliteLiveStore live_{pool_};
  SqliteNewsletterStore newsletters_{pool_};
  SqliteWebhookStore webhooks_{pool_};
};

}  // namespace

std::unique_ptr<Storage> open_sqlite_storage(const std::string& path, const content::Clock& clock) {
  return std::make_unique<SqliteStorage>(path, clock);
}

}  // namespace gazette::app

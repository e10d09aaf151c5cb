// The SQLite backend of the contract suites: a migrated database file in a fresh temporary
// folder, removed with the fixture.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "backend.h"
#include "store/sqlite/connection_pool.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_change_log_store.h"
#include "store/sqlite/sqlite_comment_store.h"
#include "store/sqlite/sqlite_newsletter_store.h"
#include "store/sqlite/sqlite_discovery_store.h"
#include "store/sqlite/sqlite_editorial_store.h"
#include "store/sqlite/sqlite_live_store.h"
#include "store/sqlite/sqlite_media_store.h"
#include "store/sqlite/sqlite_preview_link_store.h"
#include "store/sqlite/sqlite_api_token_store.h"
#include "store/sqlite/sqlite_webhook_store.h"
#include "store/sqlite/sqlite_sign_in_attempt_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_term_store.h"
#include "store/sqlite/sqlite_wxr_import_store.h"

namespace gazette::contract {

/// Every SQLite store on one database file.
class SqliteStores : public Backend {
 public:
  explicit SqliteStores(const std::string& path) : pool_(path) {}

  store::Database& database() override { return pool_; }
  store::Store& content() override { return content_; }
  store::EditorialStore& editorial() override { return editorial_; }
  store::TermStore& terms() override { return terms_; }
  store::AccountStore& accounts() override { return accounts_; }
  store::MediaStore& media() override { return media_; }
  store::CommentStore& comments() override { return comments_; }
  store::LiveStore& live() override { return live_; }
  store::NewsletterStore& newsletters() override { return newsletters_; }
  store::DiscoveryStore& discovery() override { return discovery_; }
  store::ChangeLogStore& change_log() override { return change_log_; }
  store::SignInAttemptStore& sign_in_attempts() override { return sign_in_attempts_; }
  store::WxrImportStore& wxr_import() override { return wxr_import_; }
  store::PreviewLinkStore& preview_links() override { return preview_links_; }
  store::ApiTokenStore& api_tokens() override { return api_tokens_; }
  store::WebhookStore& webhooks() override { return webhooks_; }
  std::unique_ptr<Backend> another_process() override {
    return std::make_unique<SqliteStores>(pool_.path());
  }

 private:
  store::sqlite::ConnectionPool pool_;
  store::sqlite::SqliteStore content_{pool_};
  store::sqlite::SqliteEditorialStore editorial_{pool_};
  store::sqlite::SqliteTermStore terms_{pool_};
  store::sqlite::SqliteAccountStore accounts_{pool_};
  store::sqlite::SqliteMediaStore media_{pool_};
  store::sqlite::SqliteCommentStore comments_{pool_};
  store::sqlite::SqliteLiveStore live_{pool_};
  store::sqlite::SqliteNewsletterStore newsletters_{pool_};
  store::sqlite::SqliteDiscoveryStore discovery_{pool_};
  store::sqlite::SqliteChangeLogStore change_log_{pool_};
  store::sqlite::SqliteSignInAttemptStore sign_in_attempts_{pool_};
  store::sqlite::SqliteWxrImportStore wxr_import_{pool_};
  store::sqlite::SqlitePreviewLinkStore preview_links_{pool_};
  store::sqlite::SqliteApiTokenStore api_tokens_{pool_};
  store::sqlite::SqliteWebhookStore webhooks_{pool_};
};

/// A new database in its own temporary folder, removed afterwards.
class SqliteBackend : public Backend {
 public:
  SqliteBackend() : directory_(fresh_directory()), stores_((directory_ / "gazette.db").string()) {}
  ~SqliteBackend() override {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }

  store::Database& database() override { return stores_.database(); }
  store::Store& content() override { return stores_.content(); }
  store::EditorialStore& editorial() override { return stores_.editorial(); }
  store::TermStore& terms() override { return stores_.terms(); }
  store::AccountStore& accounts() override { return stores_.accounts(); }
  store::MediaStore& media() override { return stores_.media(); }
  store::CommentStore& comments() override { return stores_.comments(); }
  store::LiveStore& live() override { return stores_.live(); }
  store::NewsletterStore& newsletters() override { return stores_.newsletters(); }
  store::DiscoveryStore& discovery() override { return stores_.discovery(); }
  store::ChangeLogStore& change_log() override { return stores_.change_log(); }
  store::SignInAttemptStore& sign_in_attempts() override { return stores_.sign_in_attempts(); }
  store::WxrImportStore& wxr_import() override { return stores_.wxr_import(); }
  store::PreviewLinkStore& preview_links() override { return stores_.preview_links(); }
  store::ApiTokenStore& api_tokens() override { return stores_.api_tokens(); }
  store::WebhookStore& webhooks() override { return stores_.webhooks(); }
  std::unique_ptr<Backend> another_process() override { return stores_.another_process(); }

 private:
  static std::filesystem::path fresh_directory() {
    static std::atomic<int> next{0};
    auto directory =
        std::filesystem::temp_directory_path() /
        ("gazette-contract-" + std::to_string(::getpid()) + "-" + std::to_string(next++));
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    return directory;
  }

  std::filesystem::path directory_;
  SqliteStores stores_;
};

}  // namespace gazette::contract

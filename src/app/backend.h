// The parts of Gazette every command that reads or writes content shares — the clock, the
// database, the stores, the event bus, the write path and the services — built in dependency
// order, in one place, on whichever backend `--db` names (storage.h).
#pragma once

#include <string>

#include "app/storage.h"
#include "auth/accounts.h"
#include "auth/api_tokens.h"
#include "auth/sessions.h"
#include "auth/sign_in.h"
#include "comments/comment_service.h"
#include "comments/moderation_service.h"
#include "content/clock.h"
#include "content/events.h"
#include "discovery/discovery_updater.h"
#include "media/media_service.h"
#include "publishing/article_service.h"
#include "publishing/preview_link_service.h"
#include "publishing/live_service.h"
#include "publishing/profile_service.h"
#include "publishing/settings_service.h"
#include "publishing/term_service.h"
#include "publishing/write_path.h"
#include "webhooks/webhook_queue.h"
#include "webhooks/webhook_service.h"

namespace gazette::app {

/// Whether the write-path subscribers follow each write. Bulk writers (a generated site, an
/// import) save thousands of articles without them, then catch up once.
enum class FollowWrites { each, none };

struct Backend {
  /// Opens (creating and migrating when needed) the database `db` names: a SQLite file or a
  /// postgresql:// address. Statements are reported to `timing` when given (/metrics). Throws
  /// DatabaseOpenError (one line) when the database cannot be opened.
  explicit Backend(const std::string& db, FollowWrites follow = FollowWrites::each,
                   store::StatementObserver* timing = nullptr);
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;

  content::SystemClock clock;  // the one clock every service asks

  // Storage: every read goes to the stores, every write through a service below.
  std::unique_ptr<Storage> storage;
  store::Database& database;
  store::Store& store;
  store::EditorialStore& editorial;  // drafts, revisions, the workflow
  store::MediaStore& media_store;
  store::TermStore& term_store;
  store::AccountStore& account_store;
  store::SignInAttemptStore& sign_in_attempt_store;  // shared by every process
  store::DiscoveryStore& discovery_store;
  store::ChangeLogStore& change_log;  // what other processes announced
  store::WxrImportStore& wxr_store;   // imports, exports, old URLs
  store::CommentStore& comment_store;
  store::PreviewLinkStore& preview_link_store;
  store::ApiTokenStore& api_token_store;  // Content API tokens and read keys
  store::LiveStore& live_store;  // live coverage and its entries
  store::WebhookStore& webhook_store;  // webhooks and their deliveries

  // Writes: one transaction each, announcing its events; published here after the commit.
  content::EventBus events;
  publishing::WritePath write_path;
  webhooks::WebhookQueue webhook_queue;  // each write's deliveries, in its transaction
  discovery::DiscoveryUpdater discovery_updater;  // search index and related articles
  publishing::ArticleService articles;
  publishing::TermService terms;
  publishing::ProfileService profiles;
  publishing::SettingsService settings;
  publishing::PreviewLinkService preview_links;  // embargo previews
  media::MediaService media;
  auth::Accounts accounts;
  auth::Sessions sessions;
  auth::ApiTokens api_tokens;  // the Content API's bearers
  auth::SignIn sign_in;           // failures counted in the database
  comments::SiteKey comment_key;  // signs comment forms; kept in the database, made once
  comments::CommentService comments;
  comments::ModerationService moderation;
  publishing::LiveService live;  // live coverage (« En direct »)
  webhooks::WebhookService webhooks;  // what admins register
};

}  // namespace gazette::app

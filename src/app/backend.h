// The parts of Gazette every command that reads or writes content shares — the clock, the
// database, the stores, the event bus, the write path and the services — built in dependency
// order, in one place.
#pragma once

#include <string>

#include "auth/accounts.h"
#include "auth/sessions.h"
#include "auth/sign_in.h"
#include "comments/comment_service.h"
#include "comments/moderation_service.h"
#include "content/clock.h"
#include "content/events.h"
#include "discovery/discovery_updater.h"
#include "media/media_service.h"
#include "publishing/article_service.h"
#include "publishing/profile_service.h"
#include "publishing/settings_service.h"
#include "publishing/term_service.h"
#include "publishing/write_path.h"
#include "store/sqlite/connection_pool.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_change_log_store.h"
#include "store/sqlite/sqlite_comment_store.h"
#include "store/sqlite/sqlite_discovery_store.h"
#include "store/sqlite/sqlite_editorial_store.h"
#include "store/sqlite/sqlite_media_store.h"
#include "store/sqlite/sqlite_sign_in_attempt_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_term_store.h"
#include "store/sqlite/sqlite_wxr_import_store.h"

namespace gazette::app {

/// Whether the write-path subscribers follow each write. Bulk writers (a generated site, an
/// import) save thousands of articles without them, then catch up once.
enum class FollowWrites { each, none };

struct Backend {
  /// Opens (creating and migrating when needed) the database at `db_path`.
  explicit Backend(const std::string& db_path, FollowWrites follow = FollowWrites::each);
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;

  content::SystemClock clock;  // the one clock every service asks

  // Storage: every read goes to the stores, every write through a service below.
  store::sqlite::ConnectionPool database;
  store::sqlite::SqliteStore store;
  store::sqlite::SqliteEditorialStore editorial;  // drafts, revisions, the workflow
  store::sqlite::SqliteMediaStore media_store;
  store::sqlite::SqliteTermStore term_store;
  store::sqlite::SqliteAccountStore account_store;
  store::sqlite::SqliteSignInAttemptStore sign_in_attempt_store;  // shared by every process
  store::sqlite::SqliteDiscoveryStore discovery_store;
  store::sqlite::SqliteChangeLogStore change_log;  // what other processes announced
  store::sqlite::SqliteWxrImportStore wxr_store;   // imports, exports, old URLs
  store::sqlite::SqliteCommentStore comment_store;

  // Writes: one transaction each, announcing its events; published here after the commit.
  content::EventBus events;
  publishing::WritePath write_path;
  discovery::DiscoveryUpdater discovery_updater;  // search index and related articles
  publishing::ArticleService articles;
  publishing::TermService terms;
  publishing::ProfileService profiles;
  publishing::SettingsService settings;
  media::MediaService media;
  auth::Accounts accounts;
  auth::Sessions sessions;
  auth::SignIn sign_in;           // failures counted in the database
  comments::SiteKey comment_key;  // signs comment forms; kept in the database, made once
  comments::CommentService comments;
  comments::ModerationService moderation;
};

}  // namespace gazette::app

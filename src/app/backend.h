// The parts of Gazette every command that reads or writes content shares — the database, the
// stores, the event bus and the services — built in dependency order, in one place.
#pragma once

#include <string>

#include "cache/change_feed.h"
#include "comments/comment_service.h"
#include "comments/moderation_service.h"
#include "content/events.h"
#include "discovery/discovery_updater.h"
#include "publishing/article_service.h"
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

namespace gazette::app {

/// Whether the write-path subscribers follow each write. Bulk writers (a generated site, an
/// import) save thousands of articles without them, then catch up once.
enum class FollowWrites { each, none };

struct Backend {
  /// Opens (creating and migrating when needed) the database at `db_path`.
  explicit Backend(const std::string& db_path, FollowWrites follow = FollowWrites::each);
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;

  store::sqlite::ConnectionPool database;
  store::sqlite::SqliteStore store;
  store::sqlite::SqliteEditorialStore editorial;  // drafts, revisions, the workflow
  store::sqlite::SqliteMediaStore media;
  store::sqlite::SqliteTermStore terms;
  store::sqlite::SqliteAccountStore accounts;
  store::sqlite::SqliteSignInAttemptStore sign_in_attempts;  // shared by every process
  store::sqlite::SqliteDiscoveryStore discovery_store;
  store::sqlite::SqliteChangeLogStore change_log;
  content::EventBus events;
  cache::ChangeFeed change_feed;
  discovery::DiscoveryUpdater discovery_updater;  // search index and related articles
  publishing::ArticleService articles;
  store::sqlite::SqliteCommentStore comment_store;
  comments::SiteKey comment_key;  // signs comment forms; kept in the database, made once
  comments::CommentService comments;
  comments::ModerationService moderation;
};

}  // namespace gazette::app

// Backend wiring (see backend.h). Subscribers run in the order they are added here.
#include "app/backend.h"

namespace gazette::app {

Backend::Backend(const std::string& db_path, FollowWrites follow)
    : database(db_path, &clock),
      store(database),
      editorial(database),
      media_store(database),
      term_store(database),
      account_store(database),
      sign_in_attempt_store(database),
      discovery_store(database),
      change_log(database),
      wxr_store(database),
      comment_store(database),
      write_path(database, events),
      discovery_updater(store, discovery_store, write_path),
      articles(store, editorial, write_path, clock),
      terms(store, term_store, write_path),
      profiles(term_store, write_path),
      settings(store, write_path),
      media(media_store, write_path, clock),
      accounts(account_store, write_path, clock),
      sessions(account_store, write_path),
      sign_in(account_store, sign_in_attempt_store, sessions, write_path),
      comment_key(comments::site_secret(comment_store, write_path)),
      comments(comment_store, write_path, comment_key),
      moderation(comment_store, write_path, comment_key, clock) {
  if (follow == FollowWrites::none) return;
  // The search index and related lists: what they change (RelatedChanged) is announced in turn,
  // so the subscribers after them see it. Other processes sharing the database learn of every
  // write from the change log, which the write itself fills.
  discovery_updater.subscribe(events);
}

}  // namespace gazette::app

// Backend wiring (see backend.h). Subscribers run in the order they are added here.
#include "app/backend.h"

namespace gazette::app {

Backend::Backend(const std::string& db_path, FollowWrites follow)
    : database(db_path),
      store(database),
      editorial(database),
      media(database),
      terms(database),
      accounts(database),
      sign_in_attempts(database),
      discovery_store(database),
      change_log(database),
      change_feed(change_log),
      discovery_updater(store, discovery_store),
      articles(store, editorial, events),
      comment_store(database),
      comment_key(comment_store.comment_secret(comments::SiteKey::generate_hex())),
      comments(comment_store, events, comment_key),
      moderation(comment_store, events, comment_key) {
  if (follow == FollowWrites::none) return;
  // The search index and related lists first: what they change (RelatedChanged) is announced
  // in turn, so the subscribers after them see it.
  discovery_updater.subscribe(events);
  // Other processes sharing the database (a server beside `gazette publish`) learn of every
  // write through the change log.
  events.subscribe([this](const content::Event& event) { change_feed.record(event); });
}

}  // namespace gazette::app

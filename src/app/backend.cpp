// Backend wiring (see backend.h). Subscribers run in the order they are added here.
#include "app/backend.h"

namespace gazette::app {

Backend::Backend(const std::string& db_path)
    : database(db_path),
      store(database),
      change_log(database),
      change_feed(change_log),
      articles(store, events),
      comment_store(database),
      comment_key(comment_store.comment_secret(comments::SiteKey::generate_hex())),
      comments(comment_store, events, comment_key),
      moderation(comment_store, events, comment_key) {
  // Other processes sharing the database (a server beside `gazette publish`) learn of every
  // write through the change log.
  events.subscribe([this](const content::Event& event) { change_feed.record(event); });
}

}  // namespace gazette::app

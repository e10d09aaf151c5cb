// Backend wiring (see backend.h). Subscribers run in the order they are added here.
#include "app/backend.h"

namespace gazette::app {

Backend::Backend(const std::string& db, FollowWrites follow, store::StatementObserver* timing)
    : storage(open_storage(db, clock, timing)),
      database(storage->database()),
      store(storage->content()),
      editorial(storage->editorial()),
      media_store(storage->media()),
      term_store(storage->terms()),
      account_store(storage->accounts()),
      sign_in_attempt_store(storage->sign_in_attempts()),
      discovery_store(storage->discovery()),
      change_log(storage->change_log()),
      wxr_store(storage->wxr_import()),
      comment_store(storage->comments()),
      preview_link_store(storage->preview_links()),
      api_token_store(storage->api_tokens()),
      live_store(storage->live()),
      webhook_store(storage->webhooks()),
      write_path(database, events),
      webhook_queue(webhook_store, store, clock),
      discovery_updater(store, discovery_store, write_path),
      articles(store, editorial, write_path, clock),
      terms(store, term_store, write_path),
      profiles(term_store, write_path),
      settings(store, write_path),
      preview_links(preview_link_store, editorial, write_path, clock),
      media(media_store, write_path, clock),
      accounts(account_store, write_path, clock),
      sessions(account_store, write_path),
      api_tokens(api_token_store, account_store, write_path, clock),
      sign_in(account_store, sign_in_attempt_store, sessions, write_path),
      comment_key(comments::site_secret(comment_store, write_path)),
      comments(comment_store, write_path, comment_key),
      moderation(comment_store, write_path, comment_key, clock),
      live(store, editorial, live_store, write_path, clock),
      webhooks(write_path, webhook_store, clock) {
  // Every write queues its webhook deliveries, whoever makes it (a page, a command, an import),
  // in its own transaction: none is lost to a crash after the commit.
  write_path.before_commit(
      [this](store::WriteTransaction& write) { webhook_queue.queue_deliveries(write); });
  if (follow == FollowWrites::none) return;
  // The search index and related lists: what they change (RelatedChanged) is announced in turn,
  // so the subscribers after them see it. Other processes sharing the database learn of every
  // write from the change log, which the write itself fills.
  discovery_updater.subscribe(events);
}

}  // namespace gazette::app

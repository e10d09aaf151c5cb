// Queues the deliveries of a write's events in that write's own transaction (the write path's
// before-commit hook, publishing/write_path.h): a committed write always has its deliveries, a
// rolled-back one never, and nothing is posted while the write waits — the sender
// (webhook_sender.h) posts them after, on the leader.
#pragma once

#include <cstdint>

#include "content/clock.h"
#include "store/store.h"
#include "store/webhook_store.h"
#include "store/write_transaction.h"

namespace gazette::webhooks {

class WebhookQueue {
 public:
  WebhookQueue(store::WebhookStore& webhooks, store::Store& content, const content::Clock& clock)
      : webhooks_(webhooks), content_(content), clock_(clock) {}

  /// Queues one delivery per webhook and event it asked for among what `write` announced; how
  /// many. Reads nothing when the write announced nothing a webhook can be told of.
  std::int64_t queue_deliveries(store::WriteTransaction& write);

 private:
  store::WebhookStore& webhooks_;
  store::Store& content_;
  const content::Clock& clock_;
};

}  // namespace gazette::webhooks

// Posts the queued deliveries (store/webhook_store.h): each claimed first, so two nodes never
// post one; signed (signature.h); sent to the address checked again at that moment
// (webhook_url.h); a 2xx answer delivers it, anything else — another status, no answer within
// kPostTimeout — is retried after 1, 2, 4 … seconds, at most an hour apart, kMaxAttempts times.
// Every attempt's status and the start of the answer are kept for the newsroom's log. Runs on a
// thread of its own in `gazette serve`, on the leader only, so a slow or dead receiver never
// holds up a write: the write only queued the delivery.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>

#include "content/clock.h"
#include "publishing/queue_worker.h"
#include "publishing/write_path.h"
#include "store/webhook_store.h"

namespace gazette::webhooks {

inline constexpr std::chrono::seconds kFirstRetryDelay{1};
inline constexpr std::chrono::seconds kMaxRetryDelay{3600};
/// About ten hours of tries (1 + 2 + … + 2048 s, then hourly): then the delivery has failed.
inline constexpr std::int64_t kMaxAttempts = 20;
inline constexpr std::chrono::seconds kPostTimeout{10};
/// A claim outlives any one post by far.
inline constexpr std::chrono::seconds kClaimDuration{120};
/// How often the sender looks at the queue unasked: other processes queue without waking it.
inline constexpr std::chrono::seconds kQueuePollInterval{5};
/// How much of an answer is kept.
inline constexpr std::size_t kExcerptBytes = 1024;

/// When a delivery that failed `attempts` times (this one included) is tried again; nothing
/// when it is given up.
std::optional<content::Timestamp> next_attempt(std::int64_t attempts, content::Timestamp now);

/// What one post got back.
struct PostResult {
  bool delivered = false;
  std::int64_t status = 0;  // the HTTP status; 0 when none came
  std::string excerpt;      // the start of the answer's body, or why there was none
};

/// Posts `delivery` once, now: checks its address, signs, waits at most kPostTimeout.
PostResult post_delivery(const store::WebhookDelivery& delivery, bool private_allowed,
                         content::Timestamp now);

class WebhookSender {
 public:
  WebhookSender(publishing::WritePath& write_path, store::WebhookStore& webhooks,
                const content::Clock& clock);
  WebhookSender(const WebhookSender&) = delete;
  WebhookSender& operator=(const WebhookSender&) = delete;

  /// Posts every delivery due now; the earliest time a retry it recorded falls due.
  std::optional<content::Timestamp> send_due(std::stop_token stop = {});

  /// Posts on a thread of its own until stop(); start() again after a stop() starts anew.
  void start() { worker_.start(); }
  void stop() { worker_.stop(); }
  /// Something was queued: look now rather than at the next poll.
  void wake() { worker_.wake(); }

 private:
  /// One round of the thread: what is due, then how long until the next one.
  std::chrono::milliseconds round(std::stop_token stop);

  publishing::WritePath& write_path_;
  store::WebhookStore& webhooks_;
  const content::Clock& clock_;
  publishing::QueueWorker worker_;  // last: its thread stops before the rest goes
};

}  // namespace gazette::webhooks

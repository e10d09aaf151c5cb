// Sends the mail queue: what is due, one message at a time at the settings' rate, each claimed
// first (so two senders never send one message), failures retried with exponential back-off
// and given up after kMaxAttempts, a refusal (5xx) recorded as a bounce at once. Runs on a
// thread of its own in `gazette serve` — on the leader only — and once in `gazette newsletter`.
#pragma once

#include <chrono>
#include <cstdint>
#include <stop_token>

#include "content/clock.h"
#include "publishing/queue_worker.h"
#include "publishing/write_path.h"
#include "store/newsletter_store.h"

namespace gazette::newsletters {

/// The first retry waits this long, each next one twice as long as the one before.
inline constexpr std::chrono::seconds kFirstRetryDelay{60};
/// … but never more than this: a message a day late is still worth trying.
inline constexpr std::chrono::seconds kMaxRetryDelay{6 * 3600};
/// About a day and a half of tries (1 + 2 + … + 360 minutes): then the message is failed.
inline constexpr std::int64_t kMaxAttempts = 12;
/// How often the sender looks at the queue unasked: retries fall due, and other processes
/// (gazette newsletter, another node) queue without waking this one.
inline constexpr std::chrono::seconds kQueuePollInterval{30};
/// A claim outlives any one send (smtp_sender.h's timeout) by far.
inline constexpr std::chrono::seconds kClaimDuration{300};

/// When a message that failed `attempts` times (this one included) is tried again; nothing
/// when it is given up.
std::optional<content::Timestamp> next_attempt(std::int64_t attempts, content::Timestamp now);

class MailDispatcher {
 public:
  MailDispatcher(publishing::WritePath& write_path, store::NewsletterStore& newsletters,
                 const content::Clock& clock);
  MailDispatcher(const MailDispatcher&) = delete;
  MailDispatcher& operator=(const MailDispatcher&) = delete;

  /// Sends every message due now, pausing between them for the rate; stops early when `stop`
  /// is requested. How many were sent.
  std::int64_t send_due(std::stop_token stop = {});

  /// Sends on a thread of its own until stop(); start() again after a stop() starts anew.
  void start() { worker_.start(); }
  void stop() { worker_.stop(); }
  /// Something was queued: look now rather than at the next poll.
  void wake() { worker_.wake(); }

 private:
  publishing::WritePath& write_path_;
  store::NewsletterStore& newsletters_;
  const content::Clock& clock_;
  publishing::QueueWorker worker_;  // last: its thread stops before the rest goes
};

}  // namespace gazette::newsletters

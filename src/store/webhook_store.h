// Webhooks: the addresses admins register for events, and the queue of deliveries to them with
// what each attempt got back. Deliveries are queued in the transaction of the write that made
// the event (webhooks/webhook_queue.h), so a committed write always has its deliveries and a
// rolled-back one never does; a sender claims each one before posting it, so two senders (two
// nodes) never post one delivery at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/types.h"
#include "store/write_transaction.h"

namespace gazette::store {

struct Webhook {
  std::int64_t id = 0;
  std::string url;
  std::vector<std::string> events;  // e.g. "article.published"; see webhooks/webhook_events.h
  std::string secret;               // the HMAC-SHA-256 key its deliveries are signed with
  content::Timestamp created_at{};
};

enum class DeliveryStatus { queued, delivered, failed };
inline std::string_view to_string(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::delivered:
      return "delivered";
    case DeliveryStatus::failed:
      return "failed";
    default:
      return "queued";
  }
}
inline DeliveryStatus parse_delivery_status(std::string_view text) {
  if (text == "delivered") return DeliveryStatus::delivered;
  if (text == "failed") return DeliveryStatus::failed;
  return DeliveryStatus::queued;
}

struct WebhookDelivery {
  std::int64_t id = 0;
  std::int64_t webhook_id = 0;
  std::string url;  // the webhook's, read with the delivery
  std::string secret;
  std::string event;
  std::string payload;  // the JSON body, the same bytes on every attempt
  DeliveryStatus status = DeliveryStatus::queued;
  std::int64_t attempts = 0;
  content::Timestamp created_at{};
  content::Timestamp next_attempt_at{};
  std::optional<content::Timestamp> delivered_at;
  std::int64_t response_status = 0;  // the last attempt's HTTP status; 0 when none came back
  std::string response_excerpt;      // the start of its body, or why no answer came
};

/// Webhook storage. Implementations are thread-safe; writes happen in the caller's transaction.
class WebhookStore {
 public:
  virtual ~WebhookStore() = default;

  virtual std::int64_t add_webhook(WriteTransaction& write, std::string_view url,
                                   const std::vector<std::string>& events, std::string_view secret,
                                   content::Timestamp now) = 0;
  /// Removes it and its queued deliveries (the log of past ones goes with it); false when
  /// there is no such webhook.
  virtual bool remove_webhook(WriteTransaction& write, std::int64_t id) = 0;
  /// Every webhook, oldest first.
  virtual std::vector<Webhook> webhooks() = 0;
  /// Signs its deliveries from now on with `secret`, those already queued included; false when
  /// there is no such webhook.
  virtual bool replace_secret(WriteTransaction& write, std::int64_t id,
                              std::string_view secret) = 0;

  /// Whether URLs on loopback and private networks are allowed (off unless an admin says so).
  virtual bool private_networks_allowed() = 0;
  virtual void allow_private_networks(WriteTransaction& write, bool allowed) = 0;

  /// Queues one delivery of `payload` to webhook `webhook_id`, due at `now`.
  virtual void enqueue_delivery(WriteTransaction& write, std::int64_t webhook_id,
                                std::string_view event, std::string_view payload,
                                content::Timestamp now) = 0;
  /// Queued deliveries due at `now` and held by no sender, oldest first, at most `limit`.
  virtual std::vector<WebhookDelivery> due_deliveries(content::Timestamp now,
                                                      std::int64_t limit) = 0;
  /// Holds delivery `id` for this sender until `until`; false when another holds it or it is
  /// no longer queued.
  virtual bool claim_delivery(WriteTransaction& write, std::int64_t id, content::Timestamp now,
                              content::Timestamp until) = 0;
  /// Records an attempt and what came back: delivered, queued again at `retry_at`, or failed
  /// for good when there is neither.
  virtual void record_attempt(WriteTransaction& write, std::int64_t id, bool delivered,
                              std::int64_t response_status, std::string_view response_excerpt,
                              std::optional<content::Timestamp> retry_at,
                              content::Timestamp now) = 0;
  /// Queues a delivery that was delivered or has failed once more, due at `now`, with a new
  /// series of attempts (the count starts again; the last answer stays until the next one);
  /// false when there is no such delivery or it is queued already.
  virtual bool send_again(WriteTransaction& write, std::int64_t id, content::Timestamp now) = 0;
  /// The latest deliveries, newest first.
  virtual std::vector<WebhookDelivery> recent_deliveries(std::int64_t limit) = 0;
};

/// A webhook's events as stored: names joined by spaces (names have none).
inline std::string join_events(const std::vector<std::string>& events) {
  std::string joined;
  for (const auto& event : events) joined += (joined.empty() ? "" : " ") + event;
  return joined;
}
inline std::vector<std::string> split_events(std::string_view joined) {
  std::vector<std::string> events;
  while (!joined.empty()) {
    auto space = joined.find(' ');
    if (space != 0) events.emplace_back(joined.substr(0, space));
    if (space == std::string_view::npos) break;
    joined.remove_prefix(space + 1);
  }
  return events;
}

}  // namespace gazette::store

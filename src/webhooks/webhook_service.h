// What admins do with webhooks (the newsroom's « Webhooks » page): register an address for
// some events, remove one, allow private networks. Every write goes through the write path;
// refusals are answered with a WebhookProblem and change nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "content/clock.h"
#include "publishing/write_path.h"
#include "store/webhook_store.h"

namespace gazette::webhooks {

/// Enough for every tool a newsroom plugs in; more is a mistake, or an abuse.
inline constexpr std::size_t kMaxWebhooks = 20;

enum class WebhookProblem {
  bad_url,          // not an absolute http(s) address
  no_events,        // none chosen
  unknown_event,    // a name not in kEventNames
  unresolvable,     // its host does not resolve
  private_network,  // loopback or a private network, not allowed
  too_many,         // kMaxWebhooks already
};

/// The problem's key in the newsroom's translations (webhook_problem_*).
std::string_view problem_key(WebhookProblem problem);

class WebhookService {
 public:
  WebhookService(publishing::WritePath& write_path, store::WebhookStore& webhooks,
                 const content::Clock& clock)
      : write_path_(write_path), webhooks_(webhooks), clock_(clock) {}

  /// Registers `url` for `events` with a new secret; its id, or why not.
  std::variant<std::int64_t, WebhookProblem> add(std::string_view url,
                                                 const std::vector<std::string>& events);
  /// Removes it with its deliveries; false when there is no such webhook.
  bool remove(std::int64_t id);
  /// Gives it a new secret, which signs every delivery from now on (those waiting included:
  /// a receiver not told yet refuses them, and they are retried until it is); false when there
  /// is no such webhook.
  bool rotate_secret(std::int64_t id);
  /// Queues delivery `id` again — one that failed, or one a receiver lost — with a new series
  /// of attempts; false when there is no such delivery or it is waiting already.
  bool send_again(std::int64_t delivery_id);
  void allow_private_networks(bool allowed);
  /// Called after a delivery is queued again, to wake the sender.
  void on_requeued(std::function<void()> listener) { on_requeued_ = std::move(listener); }

  std::vector<store::Webhook> webhooks() { return webhooks_.webhooks(); }
  bool private_networks_allowed() { return webhooks_.private_networks_allowed(); }
  std::vector<store::WebhookDelivery> recent_deliveries(std::int64_t limit) {
    return webhooks_.recent_deliveries(limit);
  }

 private:
  publishing::WritePath& write_path_;
  store::WebhookStore& webhooks_;
  const content::Clock& clock_;
  std::function<void()> on_requeued_;
};

}  // namespace gazette::webhooks

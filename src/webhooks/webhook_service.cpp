// WebhookService (see webhook_service.h).
#include "webhooks/webhook_service.h"

#include <spdlog/spdlog.h>

#include "webhooks/signature.h"
#include "webhooks/webhook_events.h"
#include "webhooks/webhook_url.h"

namespace gazette::webhooks {

std::string_view problem_key(WebhookProblem problem) {
  switch (problem) {
    case WebhookProblem::bad_url:
      return "webhook_problem_bad_url";
    case WebhookProblem::no_events:
      return "webhook_problem_no_events";
    case WebhookProblem::unknown_event:
      return "webhook_problem_unknown_event";
    case WebhookProblem::unresolvable:
      return "webhook_problem_unresolvable";
    case WebhookProblem::private_network:
      return "webhook_problem_private_network";
    case WebhookProblem::too_many:
      return "webhook_problem_too_many";
  }
  return "webhook_problem_bad_url";
}

std::variant<std::int64_t, WebhookProblem> WebhookService::add(
    std::string_view url, const std::vector<std::string>& events) {
  auto parsed = parse_webhook_url(url);
  if (!parsed) return WebhookProblem::bad_url;
  if (events.empty()) return WebhookProblem::no_events;
  for (const auto& event : events)
    if (!is_event_name(event)) return WebhookProblem::unknown_event;
  if (webhooks_.webhooks().size() >= kMaxWebhooks) return WebhookProblem::too_many;
  auto address = checked_address(*parsed, webhooks_.private_networks_allowed());
  if (auto* problem = std::get_if<AddressProblem>(&address))
    return *problem == AddressProblem::unresolvable ? WebhookProblem::unresolvable
                                                    : WebhookProblem::private_network;
  auto id = write_path_.run([&](store::WriteTransaction& write) {
    return webhooks_.add_webhook(write, url, events, new_secret(), clock_.now());
  });
  spdlog::info("webhook {} added: {}", id, url);
  return id;
}

bool WebhookService::remove(std::int64_t id) {
  bool removed = write_path_.run(
      [&](store::WriteTransaction& write) { return webhooks_.remove_webhook(write, id); });
  if (removed) spdlog::info("webhook {} removed", id);
  return removed;
}

bool WebhookService::rotate_secret(std::int64_t id) {
  bool rotated = write_path_.run([&](store::WriteTransaction& write) {
    return webhooks_.replace_secret(write, id, new_secret());
  });
  if (rotated) spdlog::info("webhook {}: new secret", id);
  return rotated;
}

bool WebhookService::send_again(std::int64_t delivery_id) {
  bool queued = write_path_.run([&](store::WriteTransaction& write) {
    return webhooks_.send_again(write, delivery_id, clock_.now());
  });
  if (queued && on_requeued_) on_requeued_();
  return queued;
}

void WebhookService::allow_private_networks(bool allowed) {
  write_path_.run(
      [&](store::WriteTransaction& write) { webhooks_.allow_private_networks(write, allowed); });
  spdlog::info("webhooks: private networks {}", allowed ? "allowed" : "refused");
}

}  // namespace gazette::webhooks

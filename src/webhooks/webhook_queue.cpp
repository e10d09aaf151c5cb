// WebhookQueue (see webhook_queue.h).
#include "webhooks/webhook_queue.h"

#include <algorithm>

#include "render/dates.h"
#include "webhooks/webhook_events.h"

namespace gazette::webhooks {

namespace {

// Paths become addresses on the site's public one, when it is set (newsroom settings).
void make_absolute(nlohmann::json& article, const std::string& site_url) {
  if (site_url.empty()) return;
  article["url"] = site_url + article["path"].get<std::string>();
  article["api"] = site_url + article["api"].get<std::string>();
}

}  // namespace

std::int64_t WebhookQueue::queue_deliveries(store::WriteTransaction& write) {
  std::vector<Occurrence> found;
  for (const auto& event : write.announced()) {
    auto more = occurrences_of(event);
    std::move(more.begin(), more.end(), std::back_inserter(found));
  }
  if (found.empty()) return 0;
  auto webhooks = webhooks_.webhooks();
  if (webhooks.empty()) return 0;

  auto site_url = content_.settings().url;
  auto now = clock_.now();
  std::int64_t queued = 0;
  for (auto& occurrence : found) {
    nlohmann::json payload = {{"event", occurrence.event},
                              {"occurred_at", render::iso8601_utc(now)}};
    if (!site_url.empty()) payload["site"] = site_url;
    for (auto& [key, value] : occurrence.data.items()) payload[key] = value;
    if (payload.contains("article")) make_absolute(payload["article"], site_url);
    auto body = payload.dump();
    for (const auto& webhook : webhooks) {
      if (std::find(webhook.events.begin(), webhook.events.end(), occurrence.event) ==
          webhook.events.end())
        continue;
      webhooks_.enqueue_delivery(write, webhook.id, occurrence.event, body, now);
      ++queued;
    }
  }
  return queued;
}

}  // namespace gazette::webhooks

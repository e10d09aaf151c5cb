// The PostgreSQL backend of the WebhookStore: tables webhooks, webhook_deliveries and
// webhook_settings (migrations/0017).
#pragma once

#include "store/postgres/database.h"
#include "store/webhook_store.h"

namespace gazette::store::postgres {

class PostgresWebhookStore final : public WebhookStore {
 public:
  explicit PostgresWebhookStore(PostgresDatabase& database) : database_(database) {}

  std::int64_t add_webhook(WriteTransaction& write, std::string_view url,
                           const std::vector<std::string>& events, std::string_view secret,
                           content::Timestamp now) override;
  bool remove_webhook(WriteTransaction& write, std::int64_t id) override;
  bool replace_secret(WriteTransaction& write, std::int64_t id, std::string_view secret) override;
  std::vector<Webhook> webhooks() override;
  bool private_networks_allowed() override;
  void allow_private_networks(WriteTransaction& write, bool allowed) override;
  void enqueue_delivery(WriteTransaction& write, std::int64_t webhook_id, std::string_view event,
                        std::string_view payload, content::Timestamp now) override;
  std::vector<WebhookDelivery> due_deliveries(content::Timestamp now,
                                              std::int64_t limit) override;
  bool claim_delivery(WriteTransaction& write, std::int64_t id, content::Timestamp now,
                      content::Timestamp until) override;
  void record_attempt(WriteTransaction& write, std::int64_t id, bool delivered,
                      std::int64_t response_status, std::string_view response_excerpt,
                      std::optional<content::Timestamp> retry_at,
                      content::Timestamp now) override;
  bool send_again(WriteTransaction& write, std::int64_t id, content::Timestamp now) override;
  std::vector<WebhookDelivery> recent_deliveries(std::int64_t limit) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace gazette::store::postgres

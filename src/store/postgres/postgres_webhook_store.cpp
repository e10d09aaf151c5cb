// PostgresWebhookStore (see webhook_store.h). claim_delivery()'s conditional UPDATE is what
// keeps two nodes from posting one delivery at once.
#include "store/postgres/postgres_webhook_store.h"

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

namespace {

constexpr const char* kDeliveryColumns =
    "SELECT d.id, d.webhook_id, w.url, w.secret, d.event, d.payload, d.status, d.attempts,"
    " d.created_at, d.next_attempt_at, d.delivered_at, d.response_status, d.response_excerpt"
    " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id";

std::vector<WebhookDelivery> read_deliveries(const Result& rows) {
  std::vector<WebhookDelivery> deliveries;
  for (int row = 0; row < rows.rows(); ++row) {
    WebhookDelivery delivery;
    delivery.id = rows.integer(row, 0);
    delivery.webhook_id = rows.integer(row, 1);
    delivery.url = rows.text(row, 2);
    delivery.secret = rows.text(row, 3);
    delivery.event = rows.text(row, 4);
    delivery.payload = rows.text(row, 5);
    delivery.status = parse_delivery_status(rows.text(row, 6));
    delivery.attempts = rows.integer(row, 7);
    delivery.created_at = from_unix(rows.integer(row, 8));
    delivery.next_attempt_at = from_unix(rows.integer(row, 9));
    if (!rows.is_null(row, 10)) delivery.delivered_at = from_unix(rows.integer(row, 10));
    delivery.response_status = rows.integer(row, 11);
    delivery.response_excerpt = rows.text(row, 12);
    deliveries.push_back(std::move(delivery));
  }
  return deliveries;
}

}  // namespace

std::int64_t PostgresWebhookStore::add_webhook(WriteTransaction& write, std::string_view url,
                                               const std::vector<std::string>& events,
                                               std::string_view secret, content::Timestamp now) {
  auto rows = connection_of(write, database_)
                  .query(
                      "INSERT INTO webhooks (url, events, secret, created_at)"
                      " VALUES ($1, $2, $3, $4) RETURNING id",
                      Params().add(url).add(join_events(events)).add(secret).add(to_unix(now)));
  return rows.integer(0, 0);
}

bool PostgresWebhookStore::remove_webhook(WriteTransaction& write, std::int64_t id) {
  auto& connection = connection_of(write, database_);
  connection.query("DELETE FROM webhook_deliveries WHERE webhook_id = $1", Params().add(id));
  return connection.query("DELETE FROM webhooks WHERE id = $1", Params().add(id)).affected() > 0;
}

bool PostgresWebhookStore::replace_secret(WriteTransaction& write, std::int64_t id,
                                          std::string_view secret) {
  return connection_of(write, database_)
             .query("UPDATE webhooks SET secret = $1 WHERE id = $2", Params().add(secret).add(id))
             .affected() > 0;
}

std::vector<Webhook> PostgresWebhookStore::webhooks() {
  auto connection = database_.read();
  auto rows =
      connection->query("SELECT id, url, events, secret, created_at FROM webhooks ORDER BY id");
  std::vector<Webhook> webhooks;
  for (int row = 0; row < rows.rows(); ++row) {
    webhooks.push_back(Webhook{.id = rows.integer(row, 0),
                               .url = rows.text(row, 1),
                               .events = split_events(rows.text(row, 2)),
                               .secret = rows.text(row, 3),
                               .created_at = from_unix(rows.integer(row, 4))});
  }
  return webhooks;
}

bool PostgresWebhookStore::private_networks_allowed() {
  auto connection = database_.read();
  auto rows = connection->query(
      "SELECT value FROM webhook_settings WHERE key = 'allow_private_networks'");
  return rows.rows() > 0 && rows.text(0, 0) == "true";
}

void PostgresWebhookStore::allow_private_networks(WriteTransaction& write, bool allowed) {
  connection_of(write, database_)
      .query(
          "INSERT INTO webhook_settings (key, value) VALUES ('allow_private_networks', $1)"
          " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          Params().add(allowed ? "true" : "false"));
}

void PostgresWebhookStore::enqueue_delivery(WriteTransaction& write, std::int64_t webhook_id,
                                            std::string_view event, std::string_view payload,
                                            content::Timestamp now) {
  connection_of(write, database_)
      .query(
          "INSERT INTO webhook_deliveries (webhook_id, event, payload, created_at,"
          " next_attempt_at) VALUES ($1, $2, $3, $4, $4)",
          Params().add(webhook_id).add(event).add(payload).add(to_unix(now)));
}

std::vector<WebhookDelivery> PostgresWebhookStore::due_deliveries(content::Timestamp now,
                                                                  std::int64_t limit) {
  auto connection = database_.read();
  auto rows = connection->query(
      std::string(kDeliveryColumns) +
          " WHERE d.status = 'queued' AND d.next_attempt_at <= $1 AND d.claimed_until <= $1"
          " ORDER BY d.next_attempt_at, d.id LIMIT $2",
      Params().add(to_unix(now)).add(limit));
  return read_deliveries(rows);
}

bool PostgresWebhookStore::claim_delivery(WriteTransaction& write, std::int64_t id,
                                          content::Timestamp now, content::Timestamp until) {
  return connection_of(write, database_)
             .query(
                 "UPDATE webhook_deliveries SET claimed_until = $1"
                 " WHERE id = $2 AND status = 'queued' AND claimed_until <= $3",
                 Params().add(to_unix(until)).add(id).add(to_unix(now)))
             .affected() > 0;
}

void PostgresWebhookStore::record_attempt(WriteTransaction& write, std::int64_t id,
                                          bool delivered, std::int64_t response_status,
                                          std::string_view response_excerpt,
                                          std::optional<content::Timestamp> retry_at,
                                          content::Timestamp now) {
  auto status = delivered ? DeliveryStatus::delivered
                          : (retry_at ? DeliveryStatus::queued : DeliveryStatus::failed);
  auto delivered_at = delivered ? std::optional<std::int64_t>(to_unix(now)) : std::nullopt;
  connection_of(write, database_)
      .query(
          "UPDATE webhook_deliveries SET status = $1, attempts = attempts + 1, claimed_until = 0,"
          " response_status = $2, response_excerpt = $3, next_attempt_at = $4,"
          " delivered_at = COALESCE($5, delivered_at) WHERE id = $6",
          Params()
              .add(to_string(status))
              .add(response_status)
              .add(response_excerpt)
              .add(to_unix(retry_at.value_or(now)))
              .add(delivered_at)
              .add(id));
}

bool PostgresWebhookStore::send_again(WriteTransaction& write, std::int64_t id,
                                      content::Timestamp now) {
  return connection_of(write, database_)
             .query(
                 "UPDATE webhook_deliveries SET status = 'queued', attempts = 0,"
                 " claimed_until = 0, next_attempt_at = $1 WHERE id = $2 AND status <> 'queued'",
                 Params().add(to_unix(now)).add(id))
             .affected() > 0;
}

std::vector<WebhookDelivery> PostgresWebhookStore::recent_deliveries(std::int64_t limit) {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kDeliveryColumns) + " ORDER BY d.id DESC LIMIT $1",
                                Params().add(limit));
  return read_deliveries(rows);
}

}  // namespace gazette::store::postgres

// SqliteWebhookStore (see webhook_store.h). claim_delivery()'s conditional UPDATE is what keeps
// two senders from posting one delivery at once.
#include "store/sqlite/sqlite_webhook_store.h"

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

namespace {

constexpr const char* kDeliveryColumns =
    "SELECT d.id, d.webhook_id, w.url, w.secret, d.event, d.payload, d.status, d.attempts,"
    " d.created_at, d.next_attempt_at, d.delivered_at, d.response_status, d.response_excerpt"
    " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id";

std::vector<WebhookDelivery> read_deliveries(Statement& statement) {
  std::vector<WebhookDelivery> deliveries;
  while (statement.step()) {
    WebhookDelivery delivery;
    delivery.id = statement.column_int(0);
    delivery.webhook_id = statement.column_int(1);
    delivery.url = statement.column_text(2);
    delivery.secret = statement.column_text(3);
    delivery.event = statement.column_text(4);
    delivery.payload = statement.column_text(5);
    delivery.status = parse_delivery_status(statement.column_text(6));
    delivery.attempts = statement.column_int(7);
    delivery.created_at = from_unix(statement.column_int(8));
    delivery.next_attempt_at = from_unix(statement.column_int(9));
    if (!statement.column_is_null(10)) delivery.delivered_at = from_unix(statement.column_int(10));
    delivery.response_status = statement.column_int(11);
    delivery.response_excerpt = statement.column_text(12);
    deliveries.push_back(std::move(delivery));
  }
  return deliveries;
}

}  // namespace

std::int64_t SqliteWebhookStore::add_webhook(WriteTransaction& write, std::string_view url,
                                             const std::vector<std::string>& events,
                                             std::string_view secret, content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare("INSERT INTO webhooks (url, events, secret, created_at) VALUES (?, ?, ?, ?)")
      .bind(1, url)
      .bind(2, join_events(events))
      .bind(3, secret)
      .bind(4, to_unix(now))
      .run();
  return writer.last_insert_id();
}

bool SqliteWebhookStore::remove_webhook(WriteTransaction& write, std::int64_t id) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("DELETE FROM webhook_deliveries WHERE webhook_id = ?").bind(1, id).run();
  writer.prepare("DELETE FROM webhooks WHERE id = ?").bind(1, id).run();
  return writer.changes() > 0;
}

bool SqliteWebhookStore::replace_secret(WriteTransaction& write, std::int64_t id,
                                        std::string_view secret) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("UPDATE webhooks SET secret = ? WHERE id = ?").bind(1, secret).bind(2, id).run();
  return writer.changes() > 0;
}

std::vector<Webhook> SqliteWebhookStore::webhooks() {
  auto connection = pool_.read();
  auto statement =
      connection->prepare("SELECT id, url, events, secret, created_at FROM webhooks ORDER BY id");
  std::vector<Webhook> webhooks;
  while (statement.step()) {
    webhooks.push_back(Webhook{.id = statement.column_int(0),
                               .url = statement.column_text(1),
                               .events = split_events(statement.column_text(2)),
                               .secret = statement.column_text(3),
                               .created_at = from_unix(statement.column_int(4))});
  }
  return webhooks;
}

bool SqliteWebhookStore::private_networks_allowed() {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT value FROM webhook_settings WHERE key = 'allow_private_networks'");
  return statement.step() && statement.column_text(0) == "true";
}

void SqliteWebhookStore::allow_private_networks(WriteTransaction& write, bool allowed) {
  writer_of(write, pool_)
      .prepare(
          "INSERT INTO webhook_settings (key, value) VALUES ('allow_private_networks', ?)"
          " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, std::string_view(allowed ? "true" : "false"))
      .run();
}

void SqliteWebhookStore::enqueue_delivery(WriteTransaction& write, std::int64_t webhook_id,
                                          std::string_view event, std::string_view payload,
                                          content::Timestamp now) {
  writer_of(write, pool_)
      .prepare(
          "INSERT INTO webhook_deliveries (webhook_id, event, payload, created_at,"
          " next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?4)")
      .bind(1, webhook_id)
      .bind(2, event)
      .bind(3, payload)
      .bind(4, to_unix(now))
      .run();
}

std::vector<WebhookDelivery> SqliteWebhookStore::due_deliveries(content::Timestamp now,
                                                                std::int64_t limit) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      std::string(kDeliveryColumns) +
      " WHERE d.status = 'queued' AND d.next_attempt_at <= ?1 AND d.claimed_until <= ?1"
      " ORDER BY d.next_attempt_at, d.id LIMIT ?2");
  statement.bind(1, to_unix(now));
  statement.bind(2, limit);
  return read_deliveries(statement);
}

bool SqliteWebhookStore::claim_delivery(WriteTransaction& write, std::int64_t id,
                                        content::Timestamp now, content::Timestamp until) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "UPDATE webhook_deliveries SET claimed_until = ?1"
          " WHERE id = ?2 AND status = 'queued' AND claimed_until <= ?3")
      .bind(1, to_unix(until))
      .bind(2, id)
      .bind(3, to_unix(now))
      .run();
  return writer.changes() > 0;
}

void SqliteWebhookStore::record_attempt(WriteTransaction& write, std::int64_t id, bool delivered,
                                        std::int64_t response_status,
                                        std::string_view response_excerpt,
                                        std::optional<content::Timestamp> retry_at,
                                        content::Timestamp now) {
  auto status = delivered ? DeliveryStatus::delivered
                          : (retry_at ? DeliveryStatus::queued : DeliveryStatus::failed);
  writer_of(write, pool_)
      .prepare(
          "UPDATE webhook_deliveries SET status = ?1, attempts = attempts + 1, claimed_until = 0,"
          " response_status = ?2, response_excerpt = ?3, next_attempt_at = ?4,"
          " delivered_at = CASE WHEN ?1 = 'delivered' THEN ?5 ELSE delivered_at END"
          " WHERE id = ?6")
      .bind(1, to_string(status))
      .bind(2, response_status)
      .bind(3, response_excerpt)
      .bind(4, to_unix(retry_at.value_or(now)))
      .bind(5, to_unix(now))
      .bind(6, id)
      .run();
}

bool SqliteWebhookStore::send_again(WriteTransaction& write, std::int64_t id,
                                    content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "UPDATE webhook_deliveries SET status = 'queued', attempts = 0, claimed_until = 0,"
          " next_attempt_at = ? WHERE id = ? AND status <> 'queued'")
      .bind(1, to_unix(now))
      .bind(2, id)
      .run();
  return writer.changes() > 0;
}

std::vector<WebhookDelivery> SqliteWebhookStore::recent_deliveries(std::int64_t limit) {
  auto connection = pool_.read();
  auto statement =
      connection->prepare(std::string(kDeliveryColumns) + " ORDER BY d.id DESC LIMIT ?");
  statement.bind(1, limit);
  return read_deliveries(statement);
}

}  // namespace gazette::store::sqlite

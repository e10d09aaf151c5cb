// PostgresNewsletterStore: subscriptions and the mail queue in SQL (tables of migrations/0012).
// The queue's unique (recipient, issue) key is what keeps a message from going out twice, and
// claim_mail()'s conditional UPDATE what keeps two nodes from sending one message.
#include "store/postgres/postgres_newsletter_store.h"

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

using content::Timestamp;

namespace {

constexpr std::string_view kSubscriptionColumns =
    "SELECT id, email, scope, scope_slug, created_at, confirmed_at FROM newsletter_subscriptions";

Subscription read_subscription(const Result& rows, int row) {
  Subscription subscription;
  subscription.id = SubscriptionId{rows.integer(row, 0)};
  subscription.email = rows.text(row, 1);
  subscription.scope = parse_subscription_scope(rows.text(row, 2)).value_or(SubscriptionScope::all);
  subscription.scope_slug = rows.text(row, 3);
  subscription.created_at = from_unix(rows.integer(row, 4));
  if (!rows.is_null(row, 5)) subscription.confirmed_at = from_unix(rows.integer(row, 5));
  return subscription;
}

std::vector<Subscription> read_subscriptions(const Result& rows) {
  std::vector<Subscription> list;
  for (int row = 0; row < rows.rows(); ++row) list.push_back(read_subscription(rows, row));
  return list;
}

constexpr std::string_view kMailColumns =
    "SELECT id, recipient, issue, subject, text_body, html_body, unsubscribe_url, created_at,"
    " status, attempts, next_attempt_at, last_error, sent_at FROM mail_queue";

QueuedMail read_mail(const Result& rows, int row) {
  QueuedMail queued;
  queued.id = rows.integer(row, 0);
  queued.mail.recipient = rows.text(row, 1);
  queued.mail.issue = rows.text(row, 2);
  queued.mail.subject = rows.text(row, 3);
  queued.mail.text_body = rows.text(row, 4);
  queued.mail.html_body = rows.text(row, 5);
  queued.mail.unsubscribe_url = rows.text(row, 6);
  queued.mail.created_at = from_unix(rows.integer(row, 7));
  queued.status = parse_mail_status(rows.text(row, 8));
  queued.attempts = rows.integer(row, 9);
  queued.next_attempt_at = from_unix(rows.integer(row, 10));
  queued.last_error = rows.text(row, 11);
  if (!rows.is_null(row, 12)) queued.sent_at = from_unix(rows.integer(row, 12));
  return queued;
}

std::vector<QueuedMail> read_mails(const Result& rows) {
  std::vector<QueuedMail> list;
  for (int row = 0; row < rows.rows(); ++row) list.push_back(read_mail(rows, row));
  return list;
}

}  // namespace

MailSettings PostgresNewsletterStore::mail_settings() {
  auto connection = database_.read();
  MailSettings settings;
  auto rows = connection->query("SELECT key, value FROM newsletter_settings");
  for (int row = 0; row < rows.rows(); ++row)
    apply_mail_setting_row(settings, rows.text(row, 0), rows.text(row, 1));
  return settings;
}

void PostgresNewsletterStore::save_mail_settings(WriteTransaction& write,
                                                 const MailSettings& settings) {
  Connection& connection = connection_of(write, database_);
  for (const auto& [key, value] : mail_setting_rows(settings))
    connection.query(
        "INSERT INTO newsletter_settings (key, value) VALUES ($1, $2)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        Params().add(key).add(value));
}

Subscription PostgresNewsletterStore::add_subscription(WriteTransaction& write,
                                                       std::string_view email,
                                                       SubscriptionScope scope,
                                                       std::string_view scope_slug, Timestamp now) {
  Connection& connection = connection_of(write, database_);
  connection.query(
      "INSERT INTO newsletter_subscriptions (email, scope, scope_slug, created_at)"
      " VALUES ($1, $2, $3, $4) ON CONFLICT (email, scope, scope_slug) DO NOTHING",
      Params().add(email).add(to_string(scope)).add(scope_slug).add(to_unix(now)));
  auto rows = connection.query(
      std::string(kSubscriptionColumns) + " WHERE email = $1 AND scope = $2 AND scope_slug = $3",
      Params().add(email).add(to_string(scope)).add(scope_slug));
  return read_subscription(rows, 0);
}

std::optional<Subscription> PostgresNewsletterStore::find_subscription(SubscriptionId id) {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kSubscriptionColumns) + " WHERE id = $1",
                                Params().add(id.value));
  if (rows.rows() == 0) return std::nullopt;
  return read_subscription(rows, 0);
}

bool PostgresNewsletterStore::confirm_subscription(WriteTransaction& write, SubscriptionId id,
                                                   Timestamp now) {
  return connection_of(write, database_)
             .query(
                 "UPDATE newsletter_subscriptions SET confirmed_at = coalesce(confirmed_at, $1)"
                 " WHERE id = $2",
                 Params().add(to_unix(now)).add(id.value))
             .affected() > 0;
}

std::vector<Subscription> PostgresNewsletterStore::subscriptions_of(std::string_view email) {
  auto connection = database_.read();
  return read_subscriptions(connection->query(
      std::string(kSubscriptionColumns) + " WHERE email = $1 ORDER BY id", Params().add(email)));
}

std::vector<Subscription> PostgresNewsletterStore::confirmed_subscriptions() {
  auto connection = database_.read();
  return read_subscriptions(connection->query(
      std::string(kSubscriptionColumns) + " WHERE confirmed_at IS NOT NULL ORDER BY email, id"));
}

std::int64_t PostgresNewsletterStore::count_subscriptions(bool confirmed_only) {
  auto connection = database_.read();
  return connection
      ->query(confirmed_only
                  ? "SELECT count(*) FROM newsletter_subscriptions WHERE confirmed_at IS NOT NULL"
                  : "SELECT count(*) FROM newsletter_subscriptions")
      .integer(0, 0);
}

std::int64_t PostgresNewsletterStore::remove_subscriptions_of(WriteTransaction& write,
                                                              std::string_view email) {
  return connection_of(write, database_)
      .query("DELETE FROM newsletter_subscriptions WHERE email = $1", Params().add(email))
      .affected();
}

std::int64_t PostgresNewsletterStore::erase_address(WriteTransaction& write,
                                                    std::string_view email) {
  auto removed = remove_subscriptions_of(write, email);
  return removed + connection_of(write, database_)
                       .query("DELETE FROM mail_queue WHERE recipient = $1", Params().add(email))
                       .affected();
}

bool PostgresNewsletterStore::enqueue_mail(WriteTransaction& write, const OutgoingMail& mail) {
  return connection_of(write, database_)
             .query(
                 "INSERT INTO mail_queue (recipient, issue, subject, text_body, html_body,"
                 " unsubscribe_url, status, next_attempt_at, created_at)"
                 " VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $7)"
                 " ON CONFLICT (recipient, issue) DO NOTHING",
                 Params()
                     .add(mail.recipient)
                     .add(mail.issue)
                     .add(mail.subject)
                     .add(mail.text_body)
                     .add(mail.html_body)
                     .add(mail.unsubscribe_url)
                     .add(to_unix(mail.created_at)))
             .affected() > 0;
}

std::vector<QueuedMail> PostgresNewsletterStore::due_mail(Timestamp now, std::int64_t limit) {
  auto connection = database_.read();
  return read_mails(connection->query(
      std::string(kMailColumns) +
          " WHERE status = 'queued' AND next_attempt_at <= $1 AND claimed_until <= $1"
          " ORDER BY next_attempt_at, id LIMIT $2",
      Params().add(to_unix(now)).add(limit)));
}

bool PostgresNewsletterStore::claim_mail(WriteTransaction& write, std::int64_t id, Timestamp now,
                                         Timestamp until) {
  return connection_of(write, database_)
             .query(
                 "UPDATE mail_queue SET claimed_until = $1"
                 " WHERE id = $2 AND status = 'queued' AND claimed_until <= $3",
                 Params().add(to_unix(until)).add(id).add(to_unix(now)))
             .affected() > 0;
}

void PostgresNewsletterStore::mark_mail_sent(WriteTransaction& write, std::int64_t id,
                                             Timestamp now) {
  connection_of(write, database_)
      .query(
          "UPDATE mail_queue SET status = 'sent', sent_at = $1, attempts = attempts + 1,"
          " claimed_until = 0, last_error = '' WHERE id = $2",
          Params().add(to_unix(now)).add(id));
}

void PostgresNewsletterStore::mark_mail_failed(WriteTransaction& write, std::int64_t id,
                                               std::string_view error,
                                               std::optional<Timestamp> retry_at,
                                               MailStatus final_status) {
  connection_of(write, database_)
      .query(
          "UPDATE mail_queue SET status = $1, next_attempt_at = coalesce($2, next_attempt_at),"
          " attempts = attempts + 1, claimed_until = 0, last_error = $3 WHERE id = $4",
          Params()
              .add(retry_at ? std::string_view("queued") : to_string(final_status))
              .add(retry_at ? std::optional<std::int64_t>(to_unix(*retry_at)) : std::nullopt)
              .add(error)
              .add(id));
}

std::vector<QueuedMail> PostgresNewsletterStore::recent_mail(std::optional<MailStatus> status,
                                                             std::int64_t limit) {
  auto connection = database_.read();
  Params params;
  if (status)
    params.add(to_string(*status));
  else
    params.add_null();
  params.add(limit);
  return read_mails(connection->query(std::string(kMailColumns) +
                                          " WHERE $1::text IS NULL OR status = $1"
                                          " ORDER BY created_at DESC, id DESC LIMIT $2",
                                      params));
}

std::vector<QueuedMail> PostgresNewsletterStore::mail_to(std::string_view email) {
  auto connection = database_.read();
  return read_mails(connection->query(
      std::string(kMailColumns) + " WHERE recipient = $1 ORDER BY id", Params().add(email)));
}

}  // namespace gazette::store::postgres

// SqliteNewsletterStore: subscriptions and the mail queue in SQL (tables of migrations/0013).
// The queue's unique (recipient, issue) key is what keeps a message from going out twice.
#include "store/sqlite/sqlite_newsletter_store.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

using content::Timestamp;

namespace {

constexpr std::string_view kSubscriptionColumns =
    "SELECT id, email, scope, scope_slug, created_at, confirmed_at FROM newsletter_subscriptions";

Subscription read_subscription(const Statement& row) {
  Subscription subscription;
  subscription.id = SubscriptionId{row.column_int(0)};
  subscription.email = row.column_text(1);
  subscription.scope =
      parse_subscription_scope(row.column_text(2)).value_or(SubscriptionScope::all);
  subscription.scope_slug = row.column_text(3);
  subscription.created_at = from_unix(row.column_int(4));
  if (!row.column_is_null(5)) subscription.confirmed_at = from_unix(row.column_int(5));
  return subscription;
}

std::vector<Subscription> read_subscriptions(Statement& statement) {
  std::vector<Subscription> list;
  while (statement.step()) list.push_back(read_subscription(statement));
  return list;
}

constexpr std::string_view kMailColumns =
    "SELECT id, recipient, issue, subject, text_body, html_body, unsubscribe_url, created_at,"
    " status, attempts, next_attempt_at, last_error, sent_at FROM mail_queue";

QueuedMail read_mail(const Statement& row) {
  QueuedMail queued;
  queued.id = row.column_int(0);
  queued.mail.recipient = row.column_text(1);
  queued.mail.issue = row.column_text(2);
  queued.mail.subject = row.column_text(3);
  queued.mail.text_body = row.column_text(4);
  queued.mail.html_body = row.column_text(5);
  queued.mail.unsubscribe_url = row.column_text(6);
  queued.mail.created_at = from_unix(row.column_int(7));
  queued.status = parse_mail_status(row.column_text(8));
  queued.attempts = row.column_int(9);
  queued.next_attempt_at = from_unix(row.column_int(10));
  queued.last_error = row.column_text(11);
  if (!row.column_is_null(12)) queued.sent_at = from_unix(row.column_int(12));
  return queued;
}

std::vector<QueuedMail> read_mails(Statement& statement) {
  std::vector<QueuedMail> list;
  while (statement.step()) list.push_back(read_mail(statement));
  return list;
}

}  // namespace

MailSettings SqliteNewsletterStore::mail_settings() {
  auto connection = pool_.read();
  MailSettings settings;
  auto statement = connection->prepare("SELECT key, value FROM newsletter_settings");
  while (statement.step())
    apply_mail_setting_row(settings, statement.column_text(0), statement.column_text(1));
  return settings;
}

void SqliteNewsletterStore::save_mail_settings(WriteTransaction& write,
                                               const MailSettings& settings) {
  Connection& writer = writer_of(write, pool_);
  for (const auto& [key, value] : mail_setting_rows(settings))
    writer
        .prepare(
            "INSERT INTO newsletter_settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

Subscription SqliteNewsletterStore::add_subscription(WriteTransaction& write,
                                                     std::string_view email,
                                                     SubscriptionScope scope,
                                                     std::string_view scope_slug, Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "INSERT INTO newsletter_subscriptions (email, scope, scope_slug, created_at)"
          " VALUES (?, ?, ?, ?) ON CONFLICT (email, scope, scope_slug) DO NOTHING")
      .bind(1, email)
      .bind(2, to_string(scope))
      .bind(3, scope_slug)
      .bind(4, to_unix(now))
      .run();
  auto statement = writer.prepare(std::string(kSubscriptionColumns) +
                                  " WHERE email = ? AND scope = ? AND scope_slug = ?");
  statement.bind(1, email).bind(2, to_string(scope)).bind(3, scope_slug);
  statement.step();
  return read_subscription(statement);
}

std::optional<Subscription> SqliteNewsletterStore::find_subscription(SubscriptionId id) {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kSubscriptionColumns) + " WHERE id = ?");
  statement.bind(1, id.value);
  if (!statement.step()) return std::nullopt;
  return read_subscription(statement);
}

bool SqliteNewsletterStore::confirm_subscription(WriteTransaction& write, SubscriptionId id,
                                                 Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "UPDATE newsletter_subscriptions SET confirmed_at = coalesce(confirmed_at, ?)"
          " WHERE id = ?")
      .bind(1, to_unix(now))
      .bind(2, id.value)
      .run();
  return writer.changes() > 0;
}

std::vector<Subscription> SqliteNewsletterStore::subscriptions_of(std::string_view email) {
  auto connection = pool_.read();
  auto statement =
      connection->prepare(std::string(kSubscriptionColumns) + " WHERE email = ? ORDER BY id");
  statement.bind(1, email);
  return read_subscriptions(statement);
}

std::vector<Subscription> SqliteNewsletterStore::confirmed_subscriptions() {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kSubscriptionColumns) +
                                       " WHERE confirmed_at IS NOT NULL ORDER BY email, id");
  return read_subscriptions(statement);
}

std::int64_t SqliteNewsletterStore::count_subscriptions(bool confirmed_only) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      confirmed_only
          ? "SELECT count(*) FROM newsletter_subscriptions WHERE confirmed_at IS NOT NULL"
          : "SELECT count(*) FROM newsletter_subscriptions");
  return statement.step() ? statement.column_int(0) : 0;
}

std::int64_t SqliteNewsletterStore::remove_subscriptions_of(WriteTransaction& write,
                                                            std::string_view email) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("DELETE FROM newsletter_subscriptions WHERE email = ?").bind(1, email).run();
  return writer.changes();
}

std::int64_t SqliteNewsletterStore::erase_address(WriteTransaction& write, std::string_view email) {
  auto removed = remove_subscriptions_of(write, email);
  Connection& writer = writer_of(write, pool_);
  writer.prepare("DELETE FROM mail_queue WHERE recipient = ?").bind(1, email).run();
  return removed + writer.changes();
}

bool SqliteNewsletterStore::enqueue_mail(WriteTransaction& write, const OutgoingMail& mail) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "INSERT INTO mail_queue (recipient, issue, subject, text_body, html_body,"
          " unsubscribe_url, status, next_attempt_at, created_at)"
          " VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?) ON CONFLICT (recipient, issue) DO NOTHING")
      .bind(1, mail.recipient)
      .bind(2, mail.issue)
      .bind(3, mail.subject)
      .bind(4, mail.text_body)
      .bind(5, mail.html_body)
      .bind(6, mail.unsubscribe_url)
      .bind(7, to_unix(mail.created_at))
      .bind(8, to_unix(mail.created_at))
      .run();
  return writer.changes() > 0;
}

std::vector<QueuedMail> SqliteNewsletterStore::due_mail(Timestamp now, std::int64_t limit) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      std::string(kMailColumns) +
      " WHERE status = 'queued' AND next_attempt_at <= ?1 AND claimed_until <= ?1"
      " ORDER BY next_attempt_at, id LIMIT ?2");
  statement.bind(1, to_unix(now)).bind(2, limit);
  return read_mails(statement);
}

bool SqliteNewsletterStore::claim_mail(WriteTransaction& write, std::int64_t id, Timestamp now,
                                       Timestamp until) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "UPDATE mail_queue SET claimed_until = ?1"
          " WHERE id = ?2 AND status = 'queued' AND claimed_until <= ?3")
      .bind(1, to_unix(until))
      .bind(2, id)
      .bind(3, to_unix(now))
      .run();
  return writer.changes() > 0;
}

void SqliteNewsletterStore::mark_mail_sent(WriteTransaction& write, std::int64_t id,
                                           Timestamp now) {
  writer_of(write, pool_)
      .prepare(
          "UPDATE mail_queue SET status = 'sent', sent_at = ?1, attempts = attempts + 1,"
          " claimed_until = 0, last_error = '' WHERE id = ?2")
      .bind(1, to_unix(now))
      .bind(2, id)
      .run();
}

void SqliteNewsletterStore::mark_mail_failed(WriteTransaction& write, std::int64_t id,
                                             std::string_view error,
                                             std::optional<Timestamp> retry_at,
                                             MailStatus final_status) {
  auto statement =
      writer_of(write, pool_)
          .prepare(
              "UPDATE mail_queue SET status = ?1, next_attempt_at = coalesce(?2, next_attempt_at),"
              " attempts = attempts + 1, claimed_until = 0, last_error = ?3 WHERE id = ?4");
  statement.bind(1, retry_at ? std::string_view("queued") : to_string(final_status))
      .bind(2, retry_at ? std::optional<std::int64_t>(to_unix(*retry_at)) : std::nullopt)
      .bind(3, error)
      .bind(4, id)
      .run();
}

std::vector<QueuedMail> SqliteNewsletterStore::recent_mail(std::optional<MailStatus> status,
                                                           std::int64_t limit) {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kMailColumns) +
                                       (status ? " WHERE status = ?1" : " WHERE ?1 IS NULL") +
                                       " ORDER BY created_at DESC, id DESC LIMIT ?2");
  if (status)
    statement.bind(1, to_string(*status));
  else
    statement.bind_null(1);
  statement.bind(2, limit);
  return read_mails(statement);
}

std::vector<QueuedMail> SqliteNewsletterStore::mail_to(std::string_view email) {
  auto connection = pool_.read();
  auto statement =
      connection->prepare(std::string(kMailColumns) + " WHERE recipient = ? ORDER BY id");
  statement.bind(1, email);
  return read_mails(statement);
}

}  // namespace gazette::store::sqlite

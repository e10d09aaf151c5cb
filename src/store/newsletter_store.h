// The newsletter Store: readers' subscriptions, the mail queue and the sending settings. Like
// the other stores it knows nothing of HTTP or SMTP; a second backend is a new implementation.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/types.h"
#include "store/write_transaction.h"

namespace gazette::store {

/// What a subscription receives: every article, or one section's, or one author's.
enum class SubscriptionScope { all, section, author };

inline std::string_view to_string(SubscriptionScope scope) {
  switch (scope) {
    case SubscriptionScope::section:
      return "section";
    case SubscriptionScope::author:
      return "author";
    default:
      return "all";
  }
}
inline std::optional<SubscriptionScope> parse_subscription_scope(std::string_view text) {
  if (text == "all") return SubscriptionScope::all;
  if (text == "section") return SubscriptionScope::section;
  if (text == "author") return SubscriptionScope::author;
  return std::nullopt;
}

struct SubscriptionId {
  std::int64_t value = 0;
  friend bool operator==(SubscriptionId, SubscriptionId) = default;
};

struct Subscription {
  SubscriptionId id;
  std::string email;  // lower-cased
  SubscriptionScope scope = SubscriptionScope::all;
  std::string scope_slug;  // the section or author; empty for `all`
  content::Timestamp created_at{};
  /// Set once the reader followed the confirmation link (double opt-in): only then is anything
  /// but the confirmation sent.
  std::optional<content::Timestamp> confirmed_at;
};

/// How messages leave: an SMTP server and the sender's address, at most `rate_per_minute`.
struct MailSettings {
  std::string smtp_host;
  std::int64_t smtp_port = 587;  // submission; 25 for a local relay
  /// Require STARTTLS (refuse to send in clear); off only for a relay on the same machine.
  bool starttls = true;
  std::string username;  // empty: no authentication
  std::string password;
  std::string from_address;
  std::string from_name;
  /// A gentle default: most providers throttle, and a digest is not urgent.
  std::int64_t rate_per_minute = 60;
};

/// The settings as the rows of a key/value table, as every backend stores them.
inline std::vector<std::pair<std::string_view, std::string>> mail_setting_rows(
    const MailSettings& settings) {
  return {{"smtp_host", settings.smtp_host},
          {"smtp_port", std::to_string(settings.smtp_port)},
          {"starttls", settings.starttls ? "true" : "false"},
          {"username", settings.username},
          {"password", settings.password},
          {"from_address", settings.from_address},
          {"from_name", settings.from_name},
          {"rate_per_minute", std::to_string(settings.rate_per_minute)}};
}
/// Reads one row back; an unknown key or an unreadable number is ignored.
inline void apply_mail_setting_row(MailSettings& settings, std::string_view key,
                                   const std::string& value) {
  auto number = [&](std::int64_t& field) {
    std::int64_t parsed = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (error == std::errc() && end == value.data() + value.size() && parsed > 0) field = parsed;
  };
  if (key == "smtp_host")
    settings.smtp_host = value;
  else if (key == "smtp_port")
    number(settings.smtp_port);
  else if (key == "starttls")
    settings.starttls = value == "true";
  else if (key == "username")
    settings.username = value;
  else if (key == "password")
    settings.password = value;
  else if (key == "from_address")
    settings.from_address = value;
  else if (key == "from_name")
    settings.from_name = value;
  else if (key == "rate_per_minute")
    number(settings.rate_per_minute);
}

enum class MailStatus { queued, sent, failed, bounced };
inline std::string_view to_string(MailStatus status) {
  switch (status) {
    case MailStatus::sent:
      return "sent";
    case MailStatus::failed:
      return "failed";
    case MailStatus::bounced:
      return "bounced";
    default:
      return "queued";
  }
}
inline MailStatus parse_mail_status(std::string_view text) {
  if (text == "sent") return MailStatus::sent;
  if (text == "failed") return MailStatus::failed;
  if (text == "bounced") return MailStatus::bounced;
  return MailStatus::queued;
}

/// One message to one address, composed and ready to send.
struct OutgoingMail {
  std::string recipient;
  /// What it is, e.g. "digest:2026-12-04": (recipient, issue) is enqueued at most once.
  std::string issue;
  std::string subject;
  std::string text_body;
  std::string html_body;
  std::string unsubscribe_url;  // empty for a confirmation (no subscription yet)
  content::Timestamp created_at{};
};

struct QueuedMail {
  std::int64_t id = 0;
  OutgoingMail mail;
  MailStatus status = MailStatus::queued;
  std::int64_t attempts = 0;
  content::Timestamp next_attempt_at{};
  std::string last_error;
  std::optional<content::Timestamp> sent_at;
};

/// Newsletter storage. Implementations are thread-safe; writes happen in the caller's
/// transaction.
class NewsletterStore {
 public:
  virtual ~NewsletterStore() = default;

  virtual MailSettings mail_settings() = 0;
  virtual void save_mail_settings(WriteTransaction& write, const MailSettings& settings) = 0;

  /// Adds the subscription (unconfirmed) or, when `email` has it already, returns that one.
  virtual Subscription add_subscription(WriteTransaction& write, std::string_view email,
                                        SubscriptionScope scope, std::string_view scope_slug,
                                        content::Timestamp now) = 0;
  virtual std::optional<Subscription> find_subscription(SubscriptionId id) = 0;
  /// Confirms it (once; a second time keeps the first date); false when there is no such row.
  virtual bool confirm_subscription(WriteTransaction& write, SubscriptionId id,
                                    content::Timestamp now) = 0;
  /// Every subscription of `email`, oldest first.
  virtual std::vector<Subscription> subscriptions_of(std::string_view email) = 0;
  /// Every confirmed subscription, by address then oldest first.
  virtual std::vector<Subscription> confirmed_subscriptions() = 0;
  virtual std::int64_t count_subscriptions(bool confirmed_only) = 0;
  /// Ends every subscription of `email`; how many there were.
  virtual std::int64_t remove_subscriptions_of(WriteTransaction& write, std::string_view email) = 0;
  /// Forgets `email` entirely: subscriptions and every message to it (the right to erasure).
  virtual std::int64_t erase_address(WriteTransaction& write, std::string_view email) = 0;

  /// Queues `mail` (due at once); false, and nothing changed, when (recipient, issue) was queued
  /// before, whatever became of it.
  virtual bool enqueue_mail(WriteTransaction& write, const OutgoingMail& mail) = 0;
  /// Queued messages due at `now` and held by no sender, oldest first, at most `limit`.
  virtual std::vector<QueuedMail> due_mail(content::Timestamp now, std::int64_t limit) = 0;
  /// Holds message `id` for this sender until `until`; false when another holds it or it is no
  /// longer queued — so two senders never send one message.
  virtual bool claim_mail(WriteTransaction& write, std::int64_t id, content::Timestamp now,
                          content::Timestamp until) = 0;
  virtual void mark_mail_sent(WriteTransaction& write, std::int64_t id, content::Timestamp now) = 0;
  /// Records a failed attempt: queued again at `retry_at`, or given up with `final_status`
  /// (failed, bounced) when there is no `retry_at`.
  virtual void mark_mail_failed(WriteTransaction& write, std::int64_t id, std::string_view error,
                                std::optional<content::Timestamp> retry_at,
                                MailStatus final_status) = 0;
  /// The latest messages, newest first; only those in `status` when given.
  virtual std::vector<QueuedMail> recent_mail(std::optional<MailStatus> status,
                                              std::int64_t limit) = 0;
  /// Every message to `email`, oldest first (an export of what we hold about it).
  virtual std::vector<QueuedMail> mail_to(std::string_view email) = 0;
};

}  // namespace gazette::store

// The embedded SQLite backend of the newsletter Store (subscriptions, mail queue, settings).
#pragma once

#include "store/newsletter_store.h"
#include "store/sqlite/connection_pool.h"

namespace gazette::store::sqlite {

class SqliteNewsletterStore final : public NewsletterStore {
 public:
  explicit SqliteNewsletterStore(ConnectionPool& pool) : pool_(pool) {}

  MailSettings mail_settings() override;
  void save_mail_settings(WriteTransaction& write, const MailSettings& settings) override;

  Subscription add_subscription(WriteTransaction& write, std::string_view email,
                                SubscriptionScope scope, std::string_view scope_slug,
                                content::Timestamp now) override;
  std::optional<Subscription> find_subscription(SubscriptionId id) override;
  bool confirm_subscription(WriteTransaction& write, SubscriptionId id,
                            content::Timestamp now) override;
  std::vector<Subscription> subscriptions_of(std::string_view email) override;
  std::vector<Subscription> confirmed_subscriptions() override;
  std::int64_t count_subscriptions(bool confirmed_only) override;
  std::int64_t remove_subscriptions_of(WriteTransaction& write, std::string_view email) override;
  std::int64_t erase_address(WriteTransaction& write, std::string_view email) override;

  bool enqueue_mail(WriteTransaction& write, const OutgoingMail& mail) override;
  std::vector<QueuedMail> due_mail(content::Timestamp now, std::int64_t limit) override;
  bool claim_mail(WriteTransaction& write, std::int64_t id, content::Timestamp now,
                  content::Timestamp until) override;
  void mark_mail_sent(WriteTransaction& write, std::int64_t id, content::Timestamp now) override;
  void mark_mail_failed(WriteTransaction& write, std::int64_t id, std::string_view error,
                        std::optional<content::Timestamp> retry_at,
                        MailStatus final_status) override;
  std::vector<QueuedMail> recent_mail(std::optional<MailStatus> status,
                                      std::int64_t limit) override;
  std::vector<QueuedMail> mail_to(std::string_view email) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite

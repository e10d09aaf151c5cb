// Newsletter subscriptions and what is queued for them: subscribe (double opt-in: a
// confirmation mail first), confirm, manage and end by signed link, erase or export one address,
// and queue the daily digest or a breaking-news alert. No HTTP and no SMTP here: web/ serves the
// pages, MailDispatcher sends what this queues.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/clock.h"
#include "newsletters/mail_composer.h"
#include "newsletters/mail_settings_change.h"
#include "newsletters/smtp_sender.h"
#include "newsletters/subscription_links.h"
#include "publishing/write_path.h"
#include "store/newsletter_store.h"
#include "store/sign_in_attempt_store.h"
#include "store/store.h"

namespace gazette::newsletters {

enum class SubscribeRefusal {
  invalid_email,
  unknown_scope,
  too_soon_for_address,  // a confirmation went to this address less than 10 minutes ago
  too_many_from_client,  // the client's address asked too often
};

struct SubscribeOutcome {
  std::optional<SubscribeRefusal> refusal;
  std::optional<store::Subscription> subscription;
  std::chrono::seconds retry_after{0};  // when refused for asking too often
};

/// One new confirmation mail per address in this time, whatever the subscriptions asked: the
/// form cannot be used to fill a stranger's inbox.
inline constexpr std::chrono::minutes kConfirmationInterval{10};
/// Subscription requests counted per client address, in the sign-in attempts' table and its
/// window (auth::kAttemptWindow, 15 minutes: the table forgets every key's window at that age).
inline constexpr int kMaxSubscriptionsPerClient = 10;

/// What sending the newsroom's test message gave: refused before sending (a malformed address),
/// or the server's answer.
struct TestMessageOutcome {
  bool invalid_address = false;
  bool sent = false;
  std::string answer;  // the server's reply on success, the error otherwise
};

enum class ConfirmOutcome { confirmed, forged, expired, unknown };

/// What the newsroom shows of the newsletter: counts, and the messages that did not go out.
struct NewsletterOverview {
  std::int64_t subscriptions = 0;
  std::int64_t confirmed = 0;
  std::int64_t queued = 0;
  std::vector<store::QueuedMail> undelivered;  // failed and bounced, newest first
};

/// How many undelivered messages the newsroom lists: the latest are the ones to act on.
inline constexpr std::int64_t kUndeliveredShown = 100;

/// How many articles a digest lists at most: a day of a busy newsroom, not the archive.
inline constexpr std::int64_t kDigestArticles = 30;
/// A digest covers what was published in the day before it is composed.
inline constexpr std::chrono::hours kDigestPeriod{24};

class NewsletterService {
 public:
  NewsletterService(publishing::WritePath& write_path, store::NewsletterStore& newsletters,
                    store::Store& content, const comments::SiteKey& key,
                    const MailComposer& composer, const content::Clock& clock,
                    store::SignInAttemptStore& attempts)
      : write_path_(write_path),
        newsletters_(newsletters),
        attempts_(attempts),
        content_(content),
        links_(key),
        composer_(composer),
        clock_(clock) {}

  /// Called after something was queued (the sender wakes up).
  void on_queued(std::function<void()> listener) { on_queued_ = std::move(listener); }

  /// Subscribes `email` to everything (`scope` "all" or empty), a section or an author, and
  /// queues the confirmation mail (once per subscription). Nothing is stored on a refusal —
  /// including when `client` (the requester's IP address) asked too often, or a new
  /// confirmation for `email` would follow the last one within kConfirmationInterval.
  SubscribeOutcome subscribe(std::string_view email, std::string_view scope, std::string_view slug,
                             const MailSite& site, std::string_view client = {});
  ConfirmOutcome confirm(std::string_view id, std::string_view expires, std::string_view mac);

  /// The subscriptions of `email` when `mac` is its manage link's; nothing for a forged link.
  std::optional<std::vector<store::Subscription>> subscriptions_by_link(std::string_view email,
                                                                        std::string_view mac);
  /// Ends every subscription of `email` when `mac` is its manage link's (how many were ended);
  /// nothing, and nothing changed, for a forged link.
  std::optional<std::int64_t> unsubscribe_by_link(std::string_view email, std::string_view mac);

  /// Forgets `email` (subscriptions and messages): how many rows went.
  std::int64_t erase_address(std::string_view email);
  /// Everything held about `email`, as JSON.
  std::string export_address(std::string_view email);

  /// Queues today's digest to every confirmed address that has articles in it; how many.
  std::int64_t queue_digest(const MailSite& site);
  /// Queues `article` to every confirmed address whose subscriptions cover it; how many.
  std::int64_t queue_breaking(const content::ArticleSummary& article, const MailSite& site);

  store::MailSettings mail_settings() { return newsletters_.mail_settings(); }
  NewsletterOverview overview();
  void save_mail_settings(const store::MailSettings& settings);
  /// The newsroom form's change: saved when every field is right, else the fields that are
  /// not (and nothing saved).
  std::vector<MailSettingsRefusal> change_mail_settings(const MailSettingsChange& change);
  /// Sends one message to `email` now, through the saved settings, past the queue (nothing is
  /// stored): what the server answered.
  TestMessageOutcome send_test_message(std::string_view email, const MailSite& site);

  const SubscriptionLinks& links() const { return links_; }
  std::string scope_name(const store::Subscription& subscription, std::string_view language,
                         const theme::Theme& theme);

 private:
  std::string scope_label(store::SubscriptionScope scope, const std::string& slug);
  std::optional<content::Timestamp> last_confirmation_to(const std::string& email);
  void queued();

  publishing::WritePath& write_path_;
  store::NewsletterStore& newsletters_;
  store::SignInAttemptStore& attempts_;
  store::Store& content_;
  SubscriptionLinks links_;
  const MailComposer& composer_;
  const content::Clock& clock_;
  std::function<void()> on_queued_;
};

}  // namespace gazette::newsletters

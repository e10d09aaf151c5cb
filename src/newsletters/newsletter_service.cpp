// NewsletterService (see newsletter_service.h).
#include "newsletters/newsletter_service.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "auth/sign_in.h"
#include "newsletters/email_address.h"
#include "newsletters/mime_message.h"

namespace gazette::newsletters {

namespace {

using store::SubscriptionScope;

std::string utc_day(content::Timestamp now) {
  auto day = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now));
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

bool covers(const store::Subscription& subscription, const content::ArticleSummary& article) {
  switch (subscription.scope) {
    case SubscriptionScope::section:
      return article.section.slug == subscription.scope_slug;
    case SubscriptionScope::author:  // an article they co-sign is theirs too
      return article.author.slug == subscription.scope_slug ||
             std::any_of(article.coauthors.begin(), article.coauthors.end(),
                         [&](const content::Term& coauthor) {
                           return coauthor.slug == subscription.scope_slug;
                         });
    default:
      return true;
  }
}

std::string domain_of(const std::string& address) {
  auto at = address.rfind('@');
  return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

}  // namespace

std::vector<MailSettingsRefusal> NewsletterService::change_mail_settings(
    const MailSettingsChange& change) {
  std::vector<MailSettingsRefusal> refusals;
  write_path_.run([&](store::WriteTransaction& write) {
    // Read and written in one transaction: a password kept is the one stored at this moment.
    auto settings = newsletters_.mail_settings();
    refusals = apply_mail_settings_change(change, settings);
    if (refusals.empty()) newsletters_.save_mail_settings(write, settings);
  });
  return refusals;
}

TestMessageOutcome NewsletterService::send_test_message(std::string_view email_text,
                                                        const MailSite& site) {
  auto email = normalise_email(email_text);
  if (!email) return {.invalid_address = true};
  auto settings = newsletters_.mail_settings();
  store::QueuedMail message;
  message.mail = composer_.test_message(site, *email, clock_.now());
  Envelope envelope{settings.from_address, settings.from_name, domain_of(settings.from_address)};
  auto result = send_smtp(settings, *email, mime_message(message, envelope, clock_.now()));
  if (result.kind == SendResult::Kind::sent)
    return {.sent = true, .answer = result.reply.empty() ? "250" : result.reply};
  return {.answer = result.error};
}

std::optional<content::Timestamp> NewsletterService::last_confirmation_to(
    const std::string& email) {
  std::optional<content::Timestamp> last;
  for (const auto& queued : newsletters_.mail_to(email))
    if (queued.mail.issue.starts_with("confirm:") && (!last || queued.mail.created_at > *last))
      last = queued.mail.created_at;
  return last;
}

void NewsletterService::save_mail_settings(const store::MailSettings& settings) {
  write_path_.run(
      [&](store::WriteTransaction& write) { newsletters_.save_mail_settings(write, settings); });
}

NewsletterOverview NewsletterService::overview() {
  NewsletterOverview overview;
  overview.subscriptions = newsletters_.count_subscriptions(false);
  overview.confirmed = newsletters_.count_subscriptions(true);
  overview.queued = static_cast<std::int64_t>(
      newsletters_.recent_mail(store::MailStatus::queued, kUndeliveredShown * 100).size());
  for (auto status : {store::MailStatus::failed, store::MailStatus::bounced})
    for (auto& mail : newsletters_.recent_mail(status, kUndeliveredShown))
      overview.undelivered.push_back(std::move(mail));
  std::sort(overview.undelivered.begin(), overview.undelivered.end(),
            [](const auto& a, const auto& b) { return a.mail.created_at > b.mail.created_at; });
  return overview;
}

void NewsletterService::queued() {
  if (on_queued_) on_queued_();
}

std::string NewsletterService::scope_label(SubscriptionScope scope, const std::string& slug) {
  if (scope == SubscriptionScope::section) {
    if (auto section = content_.find_section(slug)) return section->name;
  } else if (scope == SubscriptionScope::author) {
    if (auto author = content_.find_author(slug)) return author->name;
  }
  return "";
}

std::string NewsletterService::scope_name(const store::Subscription& subscription,
                                          std::string_view language, const theme::Theme& theme) {
  auto label = scope_label(subscription.scope, subscription.scope_slug);
  if (subscription.scope == SubscriptionScope::all || label.empty())
    return theme.text(language, "newsletter_scope_all");
  return theme.text(language, subscription.scope == SubscriptionScope::section
                                  ? "newsletter_scope_section"
                                  : "newsletter_scope_author") +
         " " + label;
}

SubscribeOutcome NewsletterService::subscribe(std::string_view email_text, std::string_view scope,
                                              std::string_view slug, const MailSite& site,
                                              std::string_view client) {
  auto email = normalise_email(email_text);
  if (!email) return {SubscribeRefusal::invalid_email, std::nullopt};
  auto parsed = scope.empty() ? std::optional(SubscriptionScope::all)
                              : store::parse_subscription_scope(scope);
  if (!parsed) return {SubscribeRefusal::unknown_scope, std::nullopt};
  std::string scope_slug = *parsed == SubscriptionScope::all ? "" : std::string(slug);
  // A section or author that does not exist is refused: nothing would ever be sent to it.
  if (*parsed != SubscriptionScope::all && scope_label(*parsed, scope_slug).empty())
    return {SubscribeRefusal::unknown_scope, std::nullopt};
  auto now = clock_.now();
  SubscribeOutcome outcome;
  auto subscription =
      write_path_.run([&](store::WriteTransaction& write) -> std::optional<store::Subscription> {
        // Read under the write lock, so that two requests at once cannot both pass.
        auto existing = newsletters_.subscriptions_of(*email);
        bool asked_before = std::any_of(existing.begin(), existing.end(), [&](const auto& s) {
          return s.scope == *parsed && s.scope_slug == scope_slug;
        });
        // Only a new subscription brings a mail: asking again for one is answered as before.
        if (!asked_before) {
          if (auto last = last_confirmation_to(*email);
              last && *last + kConfirmationInterval > now) {
            outcome.refusal = SubscribeRefusal::too_soon_for_address;
            outcome.retry_after =
                std::chrono::ceil<std::chrono::seconds>(*last + kConfirmationInterval - now);
            return std::nullopt;
          }
        }
        if (!client.empty() &&
            !attempts_.count_attempt(
                write,
                {{"newsletter:" + std::string(client.substr(0, auth::kMaxAttemptKeyBytes)),
                  kMaxSubscriptionsPerClient}},
                now, auth::kAttemptWindow)) {
          outcome.refusal = SubscribeRefusal::too_many_from_client;
          outcome.retry_after = auth::kAttemptWindow;
          return std::nullopt;
        }
        auto subscription = newsletters_.add_subscription(write, *email, *parsed, scope_slug, now);
        if (!subscription.confirmed_at) {
          auto url = site.base_url + links_.confirm_path(subscription.id, now);
          auto label = scope_label(*parsed, scope_slug);
          // Once per subscription (the queue's unique key): asking again does not make the site
          // send a stranger's inbox one mail per click.
          newsletters_.enqueue_mail(write,
                                    composer_.confirmation(site, subscription, label, url, now));
        }
        return subscription;
      });
  if (outcome.refusal) return outcome;
  queued();
  outcome.subscription = std::move(subscription);
  return outcome;
}

ConfirmOutcome NewsletterService::confirm(std::string_view id, std::string_view expires,
                                          std::string_view mac) {
  auto now = clock_.now();
  auto checked = links_.check_confirmation(id, expires, mac, now);
  if (checked.problem)
    return *checked.problem == LinkProblem::expired ? ConfirmOutcome::expired
                                                    : ConfirmOutcome::forged;
  bool found = write_path_.run([&](store::WriteTransaction& write) {
    return newsletters_.confirm_subscription(write, *checked.id, now);
  });
  return found ? ConfirmOutcome::confirmed : ConfirmOutcome::unknown;
}

std::optional<std::vector<store::Subscription>> NewsletterService::subscriptions_by_link(
    std::string_view email, std::string_view mac) {
  if (!links_.is_manage_link(email, mac)) return std::nullopt;
  return newsletters_.subscriptions_of(email);
}

std::optional<std::int64_t> NewsletterService::unsubscribe_by_link(std::string_view email,
                                                                   std::string_view mac) {
  if (!links_.is_manage_link(email, mac)) return std::nullopt;
  return write_path_.run([&](store::WriteTransaction& write) {
    return newsletters_.remove_subscriptions_of(write, email);
  });
}

std::int64_t NewsletterService::erase_address(std::string_view email_text) {
  auto email = normalise_email(email_text).value_or(std::string(email_text));
  return write_path_.run(
      [&](store::WriteTransaction& write) { return newsletters_.erase_address(write, email); });
}

std::string NewsletterService::export_address(std::string_view email_text) {
  auto email = normalise_email(email_text).value_or(std::string(email_text));
  auto seconds = [](content::Timestamp at) { return at.time_since_epoch().count(); };
  nlohmann::json out;
  out["email"] = email;
  out["subscriptions"] = nlohmann::json::array();
  for (const auto& subscription : newsletters_.subscriptions_of(email)) {
    nlohmann::json row{{"scope", store::to_string(subscription.scope)},
                       {"slug", subscription.scope_slug},
                       {"created_at", seconds(subscription.created_at)},
                       {"confirmed_at", nullptr}};
    if (subscription.confirmed_at) row["confirmed_at"] = seconds(*subscription.confirmed_at);
    out["subscriptions"].push_back(std::move(row));
  }
  out["messages"] = nlohmann::json::array();
  for (const auto& queued : newsletters_.mail_to(email)) {
    nlohmann::json row{{"issue", queued.mail.issue},
                       {"subject", queued.mail.subject},
                       {"status", store::to_string(queued.status)},
                       {"created_at", seconds(queued.mail.created_at)},
                       {"sent_at", nullptr}};
    if (queued.sent_at) row["sent_at"] = seconds(*queued.sent_at);
    out["messages"].push_back(std::move(row));
  }
  return out.dump(2);
}

std::int64_t NewsletterService::queue_digest(const MailSite& site) {
  auto now = clock_.now();
  auto since = now - kDigestPeriod;
  auto recent =
      content_.published_articles({}, {.offset = 0, .limit = kDigestArticles * 4}, std::nullopt);
  std::vector<content::ArticleSummary> today;
  for (auto& article : recent.articles)
    if (article.published_at > since && article.published_at <= now) today.push_back(article);
  if (today.empty()) return 0;

  // One digest per address, whatever its subscriptions: the union of what they cover.
  std::map<std::string, std::vector<store::Subscription>> by_address;
  for (auto& subscription : newsletters_.confirmed_subscriptions())
    by_address[subscription.email].push_back(std::move(subscription));
  auto issue = "digest:" + utc_day(now);
  std::int64_t count = 0;
  write_path_.run([&](store::WriteTransaction& write) {
    for (const auto& [email, subscriptions] : by_address) {
      std::vector<content::ArticleSummary> articles;
      for (const auto& article : today) {
        bool wanted = std::any_of(subscriptions.begin(), subscriptions.end(),
                                  [&](const auto& s) { return covers(s, article); });
        if (wanted && static_cast<std::int64_t>(articles.size()) < kDigestArticles)
          articles.push_back(article);
      }
      if (articles.empty()) continue;
      auto manage = site.base_url + links_.manage_path(email);
      if (newsletters_.enqueue_mail(write,
                                    composer_.digest(site, email, articles, issue, manage, now)))
        ++count;
    }
  });
  if (count > 0) queued();
  return count;
}

std::int64_t NewsletterService::queue_breaking(const content::ArticleSummary& article,
                                               const MailSite& site) {
  auto now = clock_.now();
  std::set<std::string> addresses;
  for (const auto& subscription : newsletters_.confirmed_subscriptions())
    if (covers(subscription, article)) addresses.insert(subscription.email);
  auto issue = "breaking:" + std::to_string(article.id.value);
  std::int64_t count = 0;
  write_path_.run([&](store::WriteTransaction& write) {
    for (const auto& email : addresses) {
      auto manage = site.base_url + links_.manage_path(email);
      if (newsletters_.enqueue_mail(write,
                                    composer_.breaking(site, email, article, issue, manage, now)))
        ++count;
    }
  });
  if (count > 0) queued();
  return count;
}

}  // namespace gazette::newsletters

// MailDispatcher (see mail_dispatcher.h).
#include "newsletters/mail_dispatcher.h"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include "newsletters/mime_message.h"
#include "newsletters/smtp_sender.h"

namespace gazette::newsletters {

namespace {

// Messages read from the queue at a time; the rate, not this, decides the pace.
constexpr std::int64_t kBatch = 50;

std::string domain_of(const std::string& address) {
  auto at = address.rfind('@');
  return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

}  // namespace

std::optional<content::Timestamp> next_attempt(std::int64_t attempts, content::Timestamp now) {
  if (attempts >= kMaxAttempts) return std::nullopt;
  auto delay = kFirstRetryDelay;
  for (std::int64_t i = 1; i < attempts && delay < kMaxRetryDelay; ++i) delay *= 2;
  return now + std::min(delay, kMaxRetryDelay);
}

MailDispatcher::MailDispatcher(publishing::WritePath& write_path,
                               store::NewsletterStore& newsletters, const content::Clock& clock)
    : write_path_(write_path),
      newsletters_(newsletters),
      clock_(clock),
      worker_("newsletter: the mail queue", kQueuePollInterval, [this](std::stop_token stop) {
        send_due(stop);
        return std::chrono::milliseconds(kQueuePollInterval);
      }) {
  // Once per process, before any thread sends (curl_global_init is not thread-safe).
  static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  (void)initialised;
}

std::int64_t MailDispatcher::send_due(std::stop_token stop) {
  std::int64_t sent = 0;
  while (!stop.stop_requested()) {
    auto due = newsletters_.due_mail(clock_.now(), kBatch);
    if (due.empty()) break;
    for (const auto& queued : due) {
      if (stop.stop_requested()) break;
      auto settings = newsletters_.mail_settings();  // changed in the newsroom: at once
      auto now = clock_.now();
      bool claimed = write_path_.run([&](store::WriteTransaction& write) {
        return newsletters_.claim_mail(write, queued.id, now, now + kClaimDuration);
      });
      if (!claimed) continue;  // another sender has it
      Envelope envelope{settings.from_address, settings.from_name,
                        domain_of(settings.from_address)};
      auto result =
          send_smtp(settings, queued.mail.recipient, mime_message(queued, envelope, clock_.now()));
      auto done = clock_.now();
      write_path_.run([&](store::WriteTransaction& write) {
        if (result.kind == SendResult::Kind::sent) {
          newsletters_.mark_mail_sent(write, queued.id, done);
        } else if (result.kind == SendResult::Kind::refused) {
          newsletters_.mark_mail_failed(write, queued.id, result.error, std::nullopt,
                                        store::MailStatus::bounced);
        } else {
          newsletters_.mark_mail_failed(write, queued.id, result.error,
                                        next_attempt(queued.attempts + 1, done),
                                        store::MailStatus::failed);
        }
      });
      if (result.kind == SendResult::Kind::sent) {
        ++sent;
      } else {
        spdlog::warn("newsletter: message {} ({}) not sent: {}", queued.id, queued.mail.issue,
                     result.error);
        // The server itself is failing: the rest of the batch waits for the next round.
        if (result.kind == SendResult::Kind::try_again) return sent;
      }
      // The rate: one message per 60/rate seconds.
      auto pause =
          std::chrono::milliseconds(60'000 / std::max<std::int64_t>(1, settings.rate_per_minute));
      worker_.pause(stop, pause);
    }
  }
  return sent;
}

}  // namespace gazette::newsletters

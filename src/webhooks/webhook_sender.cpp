// WebhookSender and post_delivery with libcurl (see webhook_sender.h).
#include "webhooks/webhook_sender.h"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>

#include "webhooks/signature.h"
#include "webhooks/webhook_url.h"

namespace gazette::webhooks {

namespace {

constexpr std::int64_t kBatch = 20;

std::size_t keep_excerpt(char* data, std::size_t size, std::size_t count, void* target) {
  auto& excerpt = *static_cast<std::string*>(target);
  auto bytes = size * count;
  if (excerpt.size() < kExcerptBytes)
    excerpt.append(data, std::min(bytes, kExcerptBytes - excerpt.size()));
  return bytes;
}

std::string header(std::string_view name, std::string_view value) {
  return std::string(name) + ": " + std::string(value);
}

}  // namespace

std::optional<content::Timestamp> next_attempt(std::int64_t attempts, content::Timestamp now) {
  if (attempts >= kMaxAttempts) return std::nullopt;
  auto delay = kFirstRetryDelay;
  for (std::int64_t i = 1; i < attempts && delay < kMaxRetryDelay; ++i) delay *= 2;
  return now + std::min(delay, kMaxRetryDelay);
}

PostResult post_delivery(const store::WebhookDelivery& delivery, bool private_allowed,
                         content::Timestamp now) {
  auto url = parse_webhook_url(delivery.url);
  if (!url) return {false, 0, "not an http(s) address"};
  auto address = checked_address(*url, private_allowed);
  if (auto* problem = std::get_if<AddressProblem>(&address))
    return {false, 0,
            *problem == AddressProblem::unresolvable
                ? "the host name does not resolve"
                : "refused: the host is on loopback or a private network"};

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {false, 0, "libcurl could not start"};
  // Pinned to the address just checked: curl does not resolve the name again.
  auto pinned_address = std::get<std::string>(address);
  if (pinned_address.find(':') != std::string::npos) pinned_address = "[" + pinned_address + "]";
  auto pin = url->host + ":" + std::to_string(url->port) + ":" + pinned_address;
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> resolve(
      curl_slist_append(nullptr, pin.c_str()), curl_slist_free_all);

  auto timestamp = std::to_string(now.time_since_epoch().count());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr,
                                                                      curl_slist_free_all);
  for (const auto& line :
       {header("Content-Type", "application/json"), header("User-Agent", "Gazette-Webhooks/1"),
        header(kEventHeader, delivery.event),
        header(kDeliveryHeader, std::to_string(delivery.id)), header(kTimestampHeader, timestamp),
        header(kSignatureHeader, signature(delivery.secret, timestamp, delivery.payload))})
    headers.reset(curl_slist_append(headers.release(), line.c_str()));

  std::string excerpt;
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, delivery.url.c_str());
  curl_easy_setopt(handle, CURLOPT_RESOLVE, resolve.get());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect could lead anywhere
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(kPostTimeout.count()));
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, delivery.payload.data());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(delivery.payload.size()));
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, keep_excerpt);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &excerpt);
  auto code = curl_easy_perform(handle);
  if (code != CURLE_OK) return {false, 0, curl_easy_strerror(code)};
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  return {status >= 200 && status < 300, status, std::move(excerpt)};
}

WebhookSender::WebhookSender(publishing::WritePath& write_path, store::WebhookStore& webhooks,
                             const content::Clock& clock)
    : write_path_(write_path),
      webhooks_(webhooks),
      clock_(clock),
      worker_("webhook: the delivery queue", kQueuePollInterval,
              [this](std::stop_token stop) { return round(stop); }) {
  // Once per process, before any thread posts (curl_global_init is not thread-safe).
  static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  (void)initialised;
}

std::optional<content::Timestamp> WebhookSender::send_due(std::stop_token stop) {
  std::optional<content::Timestamp> earliest_retry;
  auto due = webhooks_.due_deliveries(clock_.now(), kBatch);
  for (const auto& delivery : due) {
    if (stop.stop_requested()) break;
    auto now = clock_.now();
    bool claimed = write_path_.run([&](store::WriteTransaction& write) {
      return webhooks_.claim_delivery(write, delivery.id, now, now + kClaimDuration);
    });
    if (!claimed) continue;  // another node has it
    auto result = post_delivery(delivery, webhooks_.private_networks_allowed(), clock_.now());
    auto done = clock_.now();
    auto retry = result.delivered ? std::nullopt : next_attempt(delivery.attempts + 1, done);
    write_path_.run([&](store::WriteTransaction& write) {
      webhooks_.record_attempt(write, delivery.id, result.delivered, result.status,
                               result.excerpt, retry, done);
    });
    if (!result.delivered) {
      spdlog::warn("webhook: delivery {} ({}) to {} not delivered: {} {}", delivery.id,
                   delivery.event, delivery.url, result.status, result.excerpt.substr(0, 200));
      if (retry && (!earliest_retry || *retry < *earliest_retry)) earliest_retry = retry;
    }
  }
  // A full batch: more may be due at once.
  if (static_cast<std::int64_t>(due.size()) == kBatch) return clock_.now();
  return earliest_retry;
}

std::chrono::milliseconds WebhookSender::round(std::stop_token stop) {
  std::chrono::milliseconds wait = kQueuePollInterval;
  if (auto retry = send_due(stop)) {
    auto until = std::chrono::duration_cast<std::chrono::milliseconds>(*retry - clock_.now());
    wait = std::clamp(until, std::chrono::milliseconds(100), wait);
  }
  return wait;
}

}  // namespace gazette::webhooks

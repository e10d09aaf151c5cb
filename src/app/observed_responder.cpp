// The operator's endpoints, request counting and the access log (see observed_responder.h).
#include "app/observed_responder.h"

#include <sodium.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>

#include "api/content_api.h"
#include "http/message.h"
#include "metrics/prometheus_text.h"
#include "store/database_busy.h"

namespace gazette::app {

namespace {

namespace field = boost::beast::http;

constexpr std::string_view kBearer = "Bearer ";

// The status and body size of a reply, whichever form it took.
struct ReplySummary {
  unsigned status = 0;
  std::uint64_t body_bytes = 0;
};

ReplySummary summarise(const http::SerializedResponse& response) {
  // "HTTP/1.1 200 OK\r\n…": the code is the three digits after the first space.
  ReplySummary summary;
  std::string_view head = response.head;
  auto space = head.find(' ');
  if (space != std::string_view::npos && head.size() >= space + 4)
    std::from_chars(head.data() + space + 1, head.data() + space + 4, summary.status);
  if (response.body) summary.body_bytes = response.body->size();
  return summary;
}

ReplySummary summarise(const http::Reply& reply) {
  if (!reply.serialized)
    return {reply.message.result_int(), static_cast<std::uint64_t>(reply.message.body().size())};
  return summarise(*reply.serialized);
}

bool is_loopback(std::string_view address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

http::Reply plain(const http::Request& request, http::Status status, std::string body) {
  auto response =
      http::make_response(request, status, "text/plain; charset=utf-8", std::move(body));
  response.set(field::field::cache_control, "no-store");
  return http::Reply::of(std::move(response));
}

}  // namespace

ObservedResponder::ObservedResponder(http::Responder inner, http::ReadyResponder inner_ready,
                                     ServerMetrics& metrics,
                                     std::function<std::string()> metrics_page,
                                     ReadinessCheck readiness, OperationsOptions options)
    : inner_(std::move(inner)),
      inner_ready_(std::move(inner_ready)),
      metrics_(metrics),
      metrics_page_(std::move(metrics_page)),
      readiness_(std::move(readiness)),
      options_(std::move(options)) {
  if (options_.access_log) {
    access_log_ = spdlog::stderr_logger_mt("access");
    // Its own level and pattern: --log-level says which messages to show, not which requests.
    access_log_->set_level(spdlog::level::info);
    access_log_->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %v");
  }
}

http::Reply ObservedResponder::respond(const http::Request& request) {
  auto started = std::chrono::steady_clock::now();
  auto target = request.target();
  auto path = std::string_view(target.data(), target.size());
  path = path.substr(0, path.find('?'));
  auto kind = page_kind_of(path);
  auto reply = kind == PageKind::operations ? operations(request, path) : answer(request, path);
  auto duration = std::chrono::steady_clock::now() - started;
  auto summary = summarise(reply);
  auto peer = request[http::kPeerAddressHeader];
  auto method = request.method_string();
  record(kind,
         {std::string_view(peer.data(), peer.size()),
          std::string_view(method.data(), method.size()), std::string_view(target.data(), target.size())},
         summary.status, summary.body_bytes, duration);
  return reply;
}

http::Reply ObservedResponder::answer(const http::Request& request, std::string_view path) {
  try {
    return inner_(request);
  } catch (const store::DatabaseBusy& busy) {
    // Nothing was written: the client may send it again (a browser's « Réessayer »).
    auto method = request.method_string();
    spdlog::warn("{} {}: {}", std::string_view(method.data(), method.size()), path, busy.what());
    constexpr std::string_view kMessage =
        "The site is busy: another program is writing to its database (an import, a restore). "
        "Nothing was saved; try again in a few seconds.";
    auto reply =
        path.starts_with(api::kApiPrefix)
            ? http::Reply::of(api::api_error(request, http::Status::service_unavailable,
                                             "database_busy", kMessage))
            : plain(request, http::Status::service_unavailable, std::string(kMessage) + "\n");
    reply.message.set(field::field::retry_after, "5");
    return reply;
  }
}

std::shared_ptr<const http::SerializedResponse> ObservedResponder::ready(
    const http::RequestHead& head) {
  if (!inner_ready_) return nullptr;
  auto started = std::chrono::steady_clock::now();
  auto kind = page_kind_of(head.target);
  if (kind == PageKind::operations) return nullptr;
  auto response = inner_ready_(head);
  // Nothing ready: the request is parsed and respond() answers it, and counts it then.
  if (!response) return nullptr;
  auto duration = std::chrono::steady_clock::now() - started;
  auto summary = summarise(*response);
  metrics_.count_early_answer();
  auto method = field::to_string(head.method);
  record(kind, {head.peer_address, std::string_view(method.data(), method.size()), head.target},
         summary.status, summary.body_bytes, duration);
  return response;
}

void ObservedResponder::record(PageKind kind, const Logged& request, unsigned status,
                               std::uint64_t body_bytes,
                               std::chrono::steady_clock::duration duration) {
  metrics_.count_request(kind, status, body_bytes, duration);
  if (access_log_) {
    access_log_->info("{} {} {} {} {} {:.6f}", request.peer, request.method, request.target,
                      status, body_bytes, std::chrono::duration<double>(duration).count());
  }
}

bool ObservedResponder::may_read_metrics(const http::Request& request) const {
  if (!options_.metrics_token) {
    auto peer = request[http::kPeerAddressHeader];
    return is_loopback(std::string_view(peer.data(), peer.size()));
  }
  auto authorization = request[field::field::authorization];
  std::string_view given(authorization.data(), authorization.size());
  if (!given.starts_with(kBearer)) return false;
  given.remove_prefix(kBearer.size());
  const auto& token = *options_.metrics_token;
  // Compared in constant time: the answer's timing says nothing about the token.
  return given.size() == token.size() &&
         sodium_memcmp(given.data(), token.data(), token.size()) == 0;
}

http::Reply ObservedResponder::operations(const http::Request& request, std::string_view path) {
  if (request.method() != field::verb::get && request.method() != field::verb::head) {
    auto reply = plain(request, http::Status::method_not_allowed, "GET or HEAD only\n");
    reply.message.set(field::field::allow, "GET, HEAD");
    return reply;
  }
  if (path == "/healthz") return plain(request, http::Status::ok, "alive\n");
  if (path == "/readyz") {
    if (auto problem = readiness_())
      return plain(request, http::Status::service_unavailable, "not ready: " + *problem + "\n");
    return plain(request, http::Status::ok, "ready\n");
  }
  if (!may_read_metrics(request)) {
    if (!options_.metrics_token)
      return plain(request, http::Status::forbidden,
                   "/metrics answers loopback clients only unless a metrics token is set\n");
    auto reply = plain(request, http::Status::unauthorized, "/metrics needs the metrics token\n");
    reply.message.set(field::field::www_authenticate, "Bearer");
    return reply;
  }
  auto reply = plain(request, http::Status::ok, metrics_page_());
  reply.message.set(field::field::content_type, metrics::kPrometheusContentType);
  return reply;
}

}  // namespace gazette::app

// The operator's endpoints, request counting and the access log (see observed_responder.h).
#include "app/observed_responder.h"

#include <sodium.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>

#include "http/message.h"
#include "metrics/prometheus_text.h"

namespace gazette::app {

namespace {

namespace field = boost::beast::http;

constexpr std::string_view kBearer = "Bearer ";

// The status and body size of a reply, whichever form it took.
struct ReplySummary {
  unsigned status = 0;
  std::uint64_t body_bytes = 0;
};

ReplySummary summarise(const http::Reply& reply) {
  if (!reply.serialized)
    return {reply.message.result_int(), static_cast<std::uint64_t>(reply.message.body().size())};
  // "HTTP/1.1 200 OK\r\n…": the code is the three digits after the first space.
  ReplySummary summary;
  std::string_view head = reply.serialized->head;
  auto space = head.find(' ');
  if (space != std::string_view::npos && head.size() >= space + 4)
    std::from_chars(head.data() + space + 1, head.data() + space + 4, summary.status);
  if (reply.serialized->body) summary.body_bytes = reply.serialized->body->size();
  return summary;
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

ObservedResponder::ObservedResponder(http::Responder inner, ServerMetrics& metrics,
                                     std::function<std::string()> metrics_page,
                                     ReadinessCheck readiness, OperationsOptions options)
    : inner_(std::move(inner)),
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
  auto reply = kind == PageKind::operations ? operations(request, path) : inner_(request);
  auto duration = std::chrono::steady_clock::now() - started;
  auto summary = summarise(reply);
  metrics_.count_request(kind, summary.status, summary.body_bytes, duration);
  if (access_log_) {
    auto peer = request[http::kPeerAddressHeader];
    access_log_->info(
        "{} {} {} {} {} {:.6f}", std::string_view(peer.data(), peer.size()),
        std::string_view(request.method_string().data(), request.method_string().size()),
        std::string_view(target.data(), target.size()), summary.status, summary.body_bytes,
        std::chrono::duration<double>(duration).count());
  }
  return reply;
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

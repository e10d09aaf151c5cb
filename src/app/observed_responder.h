// The server's outermost responder: answers the operator's endpoints — /metrics (Prometheus),
// /healthz (alive), /readyz (database reachable, schema up to date) — and counts every other
// request by kind of page, status, bytes and time, writing an access-log line when asked to.
// Requests the server answers from their first bytes (http::ReadyResponder) are counted and
// logged alike.
#pragma once

#include <spdlog/logger.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/server_metrics.h"
#include "http/reply.h"
#include "http/request_head.h"

namespace gazette::app {

struct OperationsOptions {
  /// When set, /metrics asks every client for `Authorization: Bearer TOKEN`; when not, it
  /// answers loopback clients only.
  std::optional<std::string> metrics_token;
  /// One line per request on standard error.
  bool access_log = false;
};

/// Why the site cannot serve, or nothing when it can: the readiness probe.
using ReadinessCheck = std::function<std::optional<std::string>()>;

class ObservedResponder {
 public:
  /// `inner_ready` answers what it can of plain GETs before they are parsed (reply.h); may be
  /// empty.
  ObservedResponder(http::Responder inner, http::ReadyResponder inner_ready,
                    ServerMetrics& metrics, std::function<std::string()> metrics_page,
                    ReadinessCheck readiness, OperationsOptions options);

  http::Reply respond(const http::Request& request);
  /// What `inner_ready` answers, counted and logged as respond() counts and logs; nothing for
  /// the operator's endpoints, which respond() answers.
  std::shared_ptr<const http::SerializedResponse> ready(const http::RequestHead& head);

 private:
  /// The fields of an access-log line that the request gives.
  struct Logged {
    std::string_view peer;
    std::string_view method;
    std::string_view target;
  };
  void record(PageKind kind, const Logged& request, unsigned status, std::uint64_t body_bytes,
              std::chrono::steady_clock::duration duration);
  http::Reply operations(const http::Request& request, std::string_view path);
  /// What the site answers to `request` for `path`; 503 when the database stayed locked by
  /// another program (in the API's JSON under its prefix).
  http::Reply answer(const http::Request& request, std::string_view path);
  bool may_read_metrics(const http::Request& request) const;

  http::Responder inner_;
  http::ReadyResponder inner_ready_;
  ServerMetrics& metrics_;
  std::function<std::string()> metrics_page_;
  ReadinessCheck readiness_;
  OperationsOptions options_;
  std::shared_ptr<spdlog::logger> access_log_;  // null when off
};

}  // namespace gazette::app

// The server's outermost responder: answers the operator's endpoints — /metrics (Prometheus),
// /healthz (alive), /readyz (database reachable, schema up to date) — and counts every other
// request by kind of page, status, bytes and time, writing an access-log line when asked to.
#pragma once

#include <spdlog/logger.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/server_metrics.h"
#include "http/reply.h"

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
  ObservedResponder(http::Responder inner, ServerMetrics& metrics,
                    std::function<std::string()> metrics_page, ReadinessCheck readiness,
                    OperationsOptions options);

  http::Reply respond(const http::Request& request);

 private:
  http::Reply operations(const http::Request& request, std::string_view path);
  bool may_read_metrics(const http::Request& request) const;

  http::Responder inner_;
  ServerMetrics& metrics_;
  std::function<std::string()> metrics_page_;
  ReadinessCheck readiness_;
  OperationsOptions options_;
  std::shared_ptr<spdlog::logger> access_log_;  // null when off
};

}  // namespace gazette::app

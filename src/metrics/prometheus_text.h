// Writes Prometheus's text exposition format (version 0.0.4): a HELP and TYPE line per metric
// family, then its samples, label values escaped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metrics/latency_histogram.h"

namespace gazette::metrics {

/// The media type a scraper expects for this format.
inline constexpr std::string_view kPrometheusContentType =
    "text/plain; version=0.0.4; charset=utf-8";

using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

class PrometheusText {
 public:
  /// Starts a family: `type` is counter, gauge or histogram.
  void family(std::string_view name, std::string_view help, std::string_view type);
  void sample(std::string_view name, const Labels& labels, double value);
  void sample(std::string_view name, const Labels& labels, std::uint64_t value);
  /// The _bucket, _sum and _count samples of `histogram` in family `name`.
  void histogram(std::string_view name, const Labels& labels, const LatencyHistogram& histogram);

  const std::string& text() const { return text_; }

 private:
  void labels(const Labels& labels, std::string_view le = {});
  std::string text_;
};

}  // namespace gazette::metrics

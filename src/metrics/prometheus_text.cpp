// The text exposition format (see prometheus_text.h).
#include "metrics/prometheus_text.h"

#include <cstdio>

namespace gazette::metrics {

namespace {

// A label value with backslash, double quote and newline escaped, as the format asks.
void append_escaped(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

}  // namespace

void PrometheusText::family(std::string_view name, std::string_view help, std::string_view type) {
  text_.append("# HELP ").append(name).append(" ").append(help).append("\n");
  text_.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void PrometheusText::labels(const Labels& labels, std::string_view le) {
  if (labels.empty() && le.empty()) return;
  text_ += '{';
  bool first = true;
  for (const auto& [name, value] : labels) {
    if (!first) text_ += ',';
    first = false;
    text_.append(name).append("=\"");
    append_escaped(text_, value);
    text_ += '"';
  }
  if (!le.empty()) text_.append(first ? "" : ",").append("le=\"").append(le).append("\"");
  text_ += '}';
}

void PrometheusText::sample(std::string_view name, const Labels& labels_, double value) {
  text_.append(name);
  labels(labels_);
  text_.append(" ").append(number(value)).append("\n");
}

void PrometheusText::sample(std::string_view name, const Labels& labels_, std::uint64_t value) {
  text_.append(name);
  labels(labels_);
  text_.append(" ").append(std::to_string(value)).append("\n");
}

void PrometheusText::histogram(std::string_view name, const Labels& labels_,
                               const LatencyHistogram& histogram) {
  auto counts = histogram.cumulative_counts();
  std::string bucket_name = std::string(name) + "_bucket";
  for (std::size_t i = 0; i < counts.size(); ++i) {
    text_.append(bucket_name);
    labels(labels_, i < kLatencyBucketSeconds.size() ? number(kLatencyBucketSeconds[i]) : "+Inf");
    text_.append(" ").append(std::to_string(counts[i])).append("\n");
  }
  sample(std::string(name) + "_sum", labels_, histogram.sum_seconds());
  sample(std::string(name) + "_count", labels_, counts.back());
}

}  // namespace gazette::metrics

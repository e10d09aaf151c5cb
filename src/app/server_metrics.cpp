// Counting requests and writing the /metrics page (see server_metrics.h).
#include "app/server_metrics.h"

#include <algorithm>

#include "metrics/prometheus_text.h"

namespace gazette::app {

namespace {

std::size_t status_slot(unsigned status) {
  auto found = std::find(kCountedStatuses.begin(), kCountedStatuses.end(), status);
  return static_cast<std::size_t>(found - kCountedStatuses.begin());  // size() when not counted
}

}  // namespace

void ServerMetrics::count_request(PageKind kind, unsigned status, std::uint64_t body_bytes,
                                  std::chrono::nanoseconds duration) {
  auto k = static_cast<std::size_t>(kind);
  requests_[k][status_slot(status)].add();
  body_bytes_[k].add(body_bytes);
  latency_[k].observe(duration);
}

std::string ServerMetrics::page(const MetricsSnapshot& snapshot) const {
  metrics::PrometheusText out;
  out.family("gazette_http_requests_total", "Requests answered, by kind of page and status.",
             "counter");
  for (std::size_t k = 0; k < kPageKindCount; ++k) {
    auto kind = to_string(static_cast<PageKind>(k));
    for (std::size_t s = 0; s < kStatusSlots; ++s) {
      auto count = requests_[k][s].value();
      if (count == 0) continue;  // a label set appears once it has happened
      auto code = s < kCountedStatuses.size() ? std::to_string(kCountedStatuses[s]) : "other";
      out.sample("gazette_http_requests_total", {{"kind", kind}, {"code", code}}, count);
    }
  }
  out.family("gazette_http_response_body_bytes_total", "Response body bytes, by kind of page.",
             "counter");
  for (std::size_t k = 0; k < kPageKindCount; ++k)
    out.sample("gazette_http_response_body_bytes_total",
               {{"kind", to_string(static_cast<PageKind>(k))}}, body_bytes_[k].value());
  out.family("gazette_http_request_duration_seconds",
             "Time from a request's arrival at the responder to its response, by kind of page.",
             "histogram");
  for (std::size_t k = 0; k < kPageKindCount; ++k)
    out.histogram("gazette_http_request_duration_seconds",
                  {{"kind", to_string(static_cast<PageKind>(k))}}, latency_[k]);

  out.family("gazette_http_requests_answered_early_total",
             "Requests answered from their first bytes, before the full HTTP parser (plain GETs "
             "and HEADs of cached pages); counted in gazette_http_requests_total too.",
             "counter");
  out.sample("gazette_http_requests_answered_early_total", {}, answered_early_.value());

  const auto& cache = snapshot.page_cache.counters();
  out.family("gazette_page_cache_hits_total", "Page cache lookups that found a fresh page.",
             "counter");
  out.sample("gazette_page_cache_hits_total", {}, cache.hits.value());
  out.family("gazette_page_cache_misses_total", "Page cache lookups that did not.", "counter");
  out.sample("gazette_page_cache_misses_total", {}, cache.misses.value());
  out.family("gazette_page_cache_evictions_total",
             "Pages dropped to keep the cache within its memory budget.", "counter");
  out.sample("gazette_page_cache_evictions_total", {}, cache.evictions.value());
  out.family("gazette_page_cache_bytes", "Bytes of cached pages, all encodings.", "gauge");
  out.sample("gazette_page_cache_bytes", {},
             static_cast<std::uint64_t>(snapshot.page_cache.bytes()));
  out.family("gazette_page_cache_pages", "Pages in the cache.", "gauge");
  out.sample("gazette_page_cache_pages", {},
             static_cast<std::uint64_t>(snapshot.page_cache.page_count()));

  out.family("gazette_database_statements_total", "SQL statements run to their end.", "counter");
  out.sample("gazette_database_statements_total", {}, snapshot.database.statements.value());
  out.family("gazette_database_seconds_total", "Time spent running SQL statements.", "counter");
  out.sample("gazette_database_seconds_total", {},
             static_cast<double>(snapshot.database.nanoseconds.value()) / 1e9);

  out.family("gazette_open_streams", "Live coverage event streams open.", "gauge");
  out.sample("gazette_open_streams", {}, static_cast<std::uint64_t>(snapshot.open_streams));

  out.family("gazette_comment_refusals_total", "Comments refused, by reason.", "counter");
  for (std::size_t r = 0; r < kRefusalCount; ++r)
    out.sample("gazette_comment_refusals_total",
               {{"reason", comments::to_string(static_cast<comments::Refusal>(r))}},
               comment_refusals_[r].value());

  out.family("gazette_publications_total",
             "Articles that became visible to readers: published, by the scheduler or by their "
             "date.",
             "counter");
  out.sample("gazette_publications_total", {}, publications_.value());
  out.family("gazette_scheduled_next_due_seconds",
             "Seconds until the next scheduled article is due (absent when none is).", "gauge");
  if (snapshot.next_scheduled_in_seconds)
    out.sample("gazette_scheduled_next_due_seconds", {}, *snapshot.next_scheduled_in_seconds);
  return out.text();
}

}  // namespace gazette::app

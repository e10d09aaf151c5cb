// The live coverage's streams (see live_streams.h). Events, one per change:
//   event: entry    data: {"id","change":"posted"|"edited","key","pinned","time_iso",
//                          "time_text","key_text","html"}   (html: the live_entry partial)
//   event: deleted  data: {"id"}
//   event: present  data: {"ids":[…]}   (on catching up: the entries shown; the others are gone)
//   event: ended    data: {"ended_iso","ended_text","label"}
// Each carries as its id the Unix second of its change, which EventSource sends back as
// Last-Event-ID when it reconnects: what changed from that second on is sent again (a client
// replaces an entry it has by id, so twice is harmless).
#include "site/live_streams.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

#include "http/http_date.h"
#include "site/live_view.h"

namespace gazette::site {

namespace {

// EventSource waits this long before reconnecting after the stream ends.
constexpr int kReconnectMilliseconds = 3000;
constexpr std::string_view kStreamSuffix = "/live";
// The most entries a page shows (publishing::kLiveEntriesShown): the most a catch-up resends.
constexpr std::size_t kLiveEntriesShown = 200;

std::string path_of(std::string_view target) {
  return std::string(target.substr(0, target.find('?')));
}

// "/monde/offensive/live" → {"monde", "offensive"}; nothing for another shape.
std::optional<std::pair<std::string, std::string>> article_of(std::string_view path) {
  if (!path.ends_with(kStreamSuffix) || path.size() < 2 || path.front() != '/') return std::nullopt;
  path.remove_prefix(1);
  path.remove_suffix(kStreamSuffix.size());
  auto slash = path.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= path.size()) return std::nullopt;
  auto slug = path.substr(slash + 1);
  if (slug.find('/') != std::string_view::npos) return std::nullopt;
  return std::pair{std::string(path.substr(0, slash)), std::string(slug)};
}

std::optional<std::int64_t> parse_seconds(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// Where the client wants to catch up from: its EventSource's Last-Event-ID, else ?since=.
std::optional<std::int64_t> catch_up_from(const http::Request& request) {
  auto last = request["Last-Event-ID"];
  if (!last.empty()) return parse_seconds(std::string_view(last.data(), last.size()));
  std::string_view target(request.target().data(), request.target().size());
  auto query = target.find('?');
  if (query == std::string_view::npos) return std::nullopt;
  auto params = target.substr(query + 1);
  constexpr std::string_view kSince = "since=";
  for (std::size_t start = 0; start <= params.size();) {
    auto end = params.find('&', start);
    if (end == std::string_view::npos) end = params.size();
    auto param = params.substr(start, end - start);
    if (param.starts_with(kSince)) return parse_seconds(param.substr(kSince.size()));
    start = end + 1;
  }
  return std::nullopt;
}

std::int64_t seconds(content::Timestamp at) {
  return at.time_since_epoch().count();
}

// When the entry last changed, as readers see it.
content::Timestamp changed_at(const content::LiveEntry& entry) {
  auto at = entry.created_at;
  if (entry.edited_at) at = std::max(at, *entry.edited_at);
  if (entry.deleted_at) at = std::max(at, *entry.deleted_at);
  return at;
}

std::string sse_event(std::string_view name, std::int64_t id, const nlohmann::json& data) {
  std::string text = "id: " + std::to_string(id) + "\nevent: ";
  text.append(name).append("\ndata: ").append(data.dump()).append("\n\n");
  return text;
}

std::string entry_event(const PageContext& context, const content::LiveEntry& entry,
                        std::string_view change) {
  nlohmann::json data = {
      {"id", entry.id.value},
      {"change", change},
      {"key", entry.key_event},
      {"pinned", entry.pinned},
      {"time_iso", context.dates.iso8601(entry.created_at)},
      {"time_text", live_time_of_day(context, entry.created_at)},
      {"key_text", key_event_line(entry)},
      {"html", context.theme.render_document("live_stream_entry",
                                             live_entry_view(context, entry),
                                             context.settings.language)}};
  return sse_event("entry", seconds(changed_at(entry)), data);
}

std::string ended_event(const PageContext& context, content::Timestamp ended_at) {
  nlohmann::json data = {
      {"ended_iso", context.dates.iso8601(ended_at)},
      {"ended_text", context.dates.long_date(ended_at) + " " + live_time_of_day(context, ended_at)},
      {"label", context.theme.text(context.settings.language, "live_ended")}};
  return sse_event("ended", seconds(ended_at), data);
}

http::Response plain(const http::Request& request, http::Status status, std::string text) {
  auto response = http::make_response(request, status, "text/plain; charset=utf-8", text + "\n");
  response.set(http::beast_http::field::cache_control, "no-store");
  return response;
}

std::string stream_head() {
  return std::string("HTTP/1.1 200 OK\r\n"
         "Content-Type: text/event-stream; charset=utf-8\r\n"
         "Cache-Control: no-store\r\n"
         // nginx would otherwise hold events back to fill its buffer.
         "X-Accel-Buffering: no\r\n"
         "X-Content-Type-Options: nosniff\r\n"
                     "Connection: close\r\n"
                     "Date: ")
      .append(http::http_date_now())
      .append("\r\n\r\n");
}

}  // namespace

bool LiveStreams::is_stream_target(std::string_view target) {
  // Only the two-segment path of an article under a section: the newsroom's, the API's and
  // the other reserved areas' paths stay theirs.
  auto parts = article_of(path_of(target));
  return parts && !content::is_reserved_section_slug(parts->first);
}

http::Reply LiveStreams::respond(const http::Request& request) {
  using http::Status;
  if (request.method() != http::beast_http::verb::get &&
      request.method() != http::beast_http::verb::head) {
    auto response = plain(request, Status::method_not_allowed, "Method not allowed");
    response.set(http::beast_http::field::allow, "GET, HEAD");
    return http::Reply::of(std::move(response));
  }
  std::string_view target(request.target().data(), request.target().size());
  auto parts = article_of(path_of(target));
  if (!parts) return http::Reply::of(plain(request, Status::not_found, "Not found"));
  auto article = pages_.store().find_published_article(parts->first, parts->second);
  std::optional<content::LiveCoverage> coverage;
  if (article) coverage = live_.coverage(article->summary.id);
  if (!coverage) return http::Reply::of(plain(request, Status::not_found, "No live coverage here"));

  auto since = catch_up_from(request);
  auto context = pages_.context();
  std::string first = "retry: " + std::to_string(kReconnectMilliseconds) + "\n\n";
  auto catch_up = [&] {
    if (!since) return;
    nlohmann::json present = nlohmann::json::array();
    auto entries = live_.entries(article->summary.id, kLiveEntriesShown);
    for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
      present.push_back(entry->id.value);
      if (seconds(changed_at(*entry)) < *since) continue;
      first += entry_event(context, *entry, entry->edited_at ? "edited" : "posted");
    }
    first += sse_event("present", *since, {{"ids", present}});
  };

  if (!coverage->live()) {
    // Ended: what the page missed and the end, in an ordinary response (the page's script
    // closes its EventSource on `ended`).
    catch_up();
    first += ended_event(context, *coverage->ended_at);
    auto response = http::make_response(request, Status::ok, "text/event-stream; charset=utf-8",
                                        std::move(first));
    response.set(http::beast_http::field::cache_control, "no-store");
    return http::Reply::of(std::move(response));
  }
  if (request.method() == http::beast_http::verb::head) {
    auto response =
        http::make_response(request, Status::ok, "text/event-stream; charset=utf-8", "");
    response.set(http::beast_http::field::cache_control, "no-store");
    return http::Reply::of(std::move(response));
  }

  auto peer = request[http::kPeerAddressHeader];
  // Opened before the catch-up is read: a change meanwhile is in one or the other, or both.
  auto opened = hub_.open(std::to_string(article->summary.id.value),
                          std::string(peer.data(), peer.size()));
  if (auto* refusal = std::get_if<http::StreamRefusal>(&opened)) {
    bool per_address = *refusal == http::StreamRefusal::address_limit;
    auto response = plain(request,
                          per_address ? Status::too_many_requests : Status::service_unavailable,
                          per_address ? "Too many streams from this address"
                                      : "Too many streams open; try again later");
    response.set(http::beast_http::field::retry_after,
                 std::to_string(http::kStreamRetryAfter.count()));
    response.keep_alive(false);
    return http::Reply::of(std::move(response));
  }
  auto stream = std::get<std::shared_ptr<http::EventStream>>(std::move(opened));
  catch_up();
  stream->send(std::make_shared<const std::string>(std::move(first)));
  // What /metrics and the access log count: the stream's status, no body.
  http::Reply reply = http::Reply::of(http::make_response(request, Status::ok, "text/event-stream", ""));
  reply.takeover = [stream, head = stream_head()](http::Socket socket) mutable {
    stream->adopt(std::move(socket), std::move(head));
  };
  return reply;
}

void LiveStreams::on_event(const content::Event& event) {
  const auto* changed = std::get_if<content::LiveChanged>(&event);
  if (!changed) return;
  auto channel = std::to_string(changed->article.value);
  try {
    using Kind = content::LiveChanged::Kind;
    std::string bytes;
    if (changed->kind == Kind::started) return;  // nobody streams an article not live yet
    auto context = pages_.context();
    if (changed->kind == Kind::ended) {
      auto coverage = live_.coverage(changed->article);
      if (!coverage || !coverage->ended_at) return;
      bytes = ended_event(context, *coverage->ended_at);
    } else {
      auto entry = live_.find_entry(content::LiveEntryId{changed->entry});
      if (!entry) return;
      if (entry->deleted_at)
        bytes = sse_event("deleted", seconds(*entry->deleted_at), {{"id", entry->id.value}});
      else
        bytes = entry_event(context, *entry, changed->kind == Kind::posted ? "posted" : "edited");
    }
    hub_.publish(channel, std::make_shared<const std::string>(std::move(bytes)));
  } catch (const std::exception& error) {
    // A database that cannot be read now: the streams catch up when they reconnect.
    spdlog::warn("live stream of article {}: {}", changed->article.value, error.what());
  }
}

}  // namespace gazette::site

// CachingResponder: lookup, miss coalescing, conditional requests (see caching_responder.h).
#include "cache/caching_responder.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "cache/hit_memo.h"
#include "http/conditional.h"
#include "http/cookies.h"
#include "http/header_safety.h"

namespace gazette::cache {

namespace field = http::beast_http;

namespace {

// Requests from the newsroom carry its session cookie: editors always see the live site, and
// nothing of theirs is stored.
bool is_cacheable(const http::RequestHead& head) {
  if (head.method != field::verb::get && head.method != field::verb::head) return false;
  return !head.has_authorization && !head.has_session_cookie;
}

// The cache key of a request: its Host and target, joined. Pages carry absolute URLs made from
// the Host header when the site's URL is not set: the host is part of the key, so a forged Host
// only ever reaches the client that forged it. Joined on the stack when short, as nearly every
// key is: a hit allocates nothing.
class PageKey {
 public:
  explicit PageKey(const http::RequestHead& head) {
    auto size = head.host.size() + head.target.size();
    char* text = inline_.data();
    if (size > inline_.size()) {
      heap_.resize(size);
      text = heap_.data();
    }
    std::copy(head.target.begin(), head.target.end(),
              std::copy(head.host.begin(), head.host.end(), text));
    view_ = {text, size};
  }
  PageKey(const PageKey&) = delete;
  PageKey& operator=(const PageKey&) = delete;

  std::string_view view() const { return view_; }

 private:
  static constexpr std::size_t kInlineBytes = 256;
  std::array<char, kInlineBytes> inline_;
  std::string heap_;
  std::string_view view_;
};

// Whether the client already holds `page` (If-None-Match, If-Modified-Since): a 304 then.
bool is_not_modified(const http::RequestHead& head, const CachedPage& page) {
  return http::is_not_modified(
      head.if_none_match, head.if_modified_since,
      [&page](std::string_view tag) { return page.matches(tag); },
      std::chrono::time_point_cast<std::chrono::seconds>(page.last_modified()));
}

// The response when a handler's own would break the header rule (http/header_safety.h): a bug
// of ours, logged; the client gets a plain 500 rather than a header it did not ask for.
http::Response unsafe_header_error(const http::Request& request, std::string_view header) {
  spdlog::error("{} {}: refused to send header {}: its value breaks the header rule",
                std::string(request.method_string()), std::string(request.target().substr(0, 200)),
                std::string(header));
  auto response = http::make_response(request, http::Status::internal_server_error,
                                      "text/plain; charset=utf-8", "Internal error\n");
  response.set(field::field::cache_control, "no-store");
  return response;
}

// `response`, or the error above when one of its headers breaks the rule.
http::Response checked(const http::Request& request, http::Response response) {
  if (auto header = http::first_unsafe_header(response))
    return unsafe_header_error(request, *header);
  return response;
}

// A Server-Timing value: the browser's developer tools and the benchmarks read the time a
// miss took on the server, without the network.
std::string server_timing(
    std::chrono::steady_clock::duration render,
    std::optional<std::chrono::steady_clock::duration> compress = std::nullopt) {
  auto milliseconds = [](auto duration) {
    return std::chrono::duration<double, std::milli>(duration).count();
  };
  char text[96];
  int length = compress ? std::snprintf(text, sizeof text, "render;dur=%.3f, compress;dur=%.3f",
                                        milliseconds(render), milliseconds(*compress))
                        : std::snprintf(text, sizeof text, "render;dur=%.3f", milliseconds(render));
  return std::string(text, static_cast<std::size_t>(length));
}

}  // namespace

http::Reply CachingResponder::respond(const http::Request& request) {
  auto head = http::head_of(request);
  if (!is_cacheable(head)) return http::Reply::of(checked(request, handler_(request).response));
  if (before_lookup_) before_lookup_();
  PageKey key(head);
  if (auto page = cache_.find(key.view())) return {{}, reply_from(head, *page, nullptr)};
  auto rendered = render_once(request, std::string(key.view()));
  if (rendered.page) return {{}, reply_from(head, *rendered.page, &rendered.render_time)};
  rendered.response.set("X-Cache", "miss");
  rendered.response.set("Server-Timing", server_timing(rendered.render_time));
  return http::Reply::of(std::move(rendered.response));
}

std::shared_ptr<const http::SerializedResponse> CachingResponder::ready_response(
    const http::RequestHead& head) {
  if (!is_cacheable(head)) return nullptr;
  if (before_lookup_) before_lookup_();
  PageKey key(head);
  // Read before the lookup: a page found after an invalidation is kept under the generation
  // before it, which the next request sees has moved.
  auto& memo = HitMemo::of_this_thread(cache_.id(), cache_.generation());
  auto* memoized = memo.find(key.view());
  if (memoized && !memoized->page().has_expired()) {
    cache_.count_hit(memoized->page());
  } else {
    // A miss is answered by respond(), whose own lookup counts it.
    auto page = cache_.find(key.view(), PageCache::MissCounting::left_to_the_next_lookup);
    if (!page) return nullptr;
    memoized = &memo.keep(key.view(), std::move(page));
  }
  auto encoding = negotiate_encoding(head.accept_encoding);
  if (is_not_modified(head, memoized->page())) return memoized->page().not_modified(encoding);
  return memoized->hit(encoding);
}

CachingResponder::Rendered CachingResponder::render_once(const http::Request& request,
                                                         const std::string& key) {
  std::promise<Rendered> promise;
  {
    std::unique_lock lock(in_flight_mutex_);
    auto found = in_flight_.find(key);
    if (found != in_flight_.end()) {
      // Someone is rendering this page right now: wait for theirs instead of rendering twice.
      auto future = found->second;
      lock.unlock();
      return future.get();
    }
    in_flight_.emplace(key, promise.get_future().share());
  }
  Rendered rendered;
  try {
    rendered = render(request, key);
  } catch (...) {
    std::lock_guard lock(in_flight_mutex_);
    promise.set_exception(std::current_exception());
    in_flight_.erase(key);
    throw;
  }
  std::lock_guard lock(in_flight_mutex_);
  promise.set_value(rendered);
  in_flight_.erase(key);
  return rendered;
}

CachingResponder::Rendered CachingResponder::render(const http::Request& request,
                                                    const std::string& key) {
  auto generation = cache_.generation();
  // The cached page is rendered as a GET: a HEAD that misses fills the cache for both.
  http::Request get = request;
  get.method(field::verb::get);
  auto started = std::chrono::steady_clock::now();
  auto answer = handler_(get);
  auto render_time = std::chrono::steady_clock::now() - started;
  auto& response = answer.response;
  // Checked before it is stored: a cached page is sent as it was serialised, unchecked.
  auto unsafe = http::first_unsafe_header(response);
  if (response.result() != http::Status::ok || !answer.cache || unsafe) {
    if (unsafe) response = unsafe_header_error(request, *unsafe);
    response.keep_alive(request.keep_alive());
    return {nullptr, std::move(response), render_time};
  }
  auto page = std::make_shared<CachedPage>(key, response, std::move(*answer.cache));
  cache_.insert(page, generation);
  return {std::move(page), {}, render_time};
}

std::shared_ptr<const http::SerializedResponse> CachingResponder::reply_from(
    const http::RequestHead& head, const CachedPage& page,
    const std::chrono::steady_clock::duration* render_time) const {
  auto encoding = negotiate_encoding(head.accept_encoding);
  if (is_not_modified(head, page)) return page.not_modified(encoding);
  if (!render_time) return page.variant(encoding).hit;
  // The request that rendered the page (or waited for it) hears it was a miss, and what the
  // miss cost.
  auto started = std::chrono::steady_clock::now();
  const auto& variant = page.variant(encoding);
  auto compress_time = std::chrono::steady_clock::now() - started;
  auto miss_head = variant.head +
                   "X-Cache: miss\r\nServer-Timing: " + server_timing(*render_time, compress_time) +
                   "\r\n";
  return std::make_shared<const http::SerializedResponse>(
      http::SerializedResponse{std::move(miss_head), variant.body});
}

}  // namespace gazette::cache

// CachingResponder: lookup, miss coalescing, conditional requests (see caching_responder.h).
#include "cache/caching_responder.h"

#include <sstream>

namespace gazette::cache {

namespace field = http::beast_http;

namespace {

// Requests from the newsroom carry its session cookie: editors always see the live site, and
// nothing of theirs is stored.
constexpr std::string_view kNewsroomCookie = "gazette_session=";

bool is_cacheable_request(const http::Request& request) {
  if (request.method() != field::verb::get && request.method() != field::verb::head) return false;
  if (request.find(field::field::authorization) != request.end()) return false;
  auto cookie = request.find(field::field::cookie);
  return cookie == request.end() || cookie->value().find(kNewsroomCookie) == std::string_view::npos;
}

std::vector<std::string> split_dependencies(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream words{std::string(text)};
  std::string word;
  while (words >> word) out.push_back(word);
  return out;
}

// Whether If-None-Match lists one of the page's ETags ("*" matches any existing page).
bool none_match_hits(std::string_view header, const CachedPage& page) {
  while (!header.empty()) {
    auto comma = header.find(',');
    auto tag = header.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);  // weak comparison, as RFC 9110 asks
    if (tag == "*" || page.matches(tag)) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

http::Reply CachingResponder::respond(const http::Request& request) {
  if (!is_cacheable_request(request)) return http::Reply::of(handler_(request));
  if (before_lookup_) before_lookup_();
  std::string key(request.target());
  if (auto page = cache_.find(key)) return reply_from(request, *page, true);
  auto rendered = render_once(request, key);
  if (rendered.page) return reply_from(request, *rendered.page, false);
  rendered.response.set("X-Cache", "miss");
  return http::Reply::of(std::move(rendered.response));
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
  auto response = handler_(get);
  auto dependencies = response.find(http::kCacheDependenciesHeader);
  if (response.result() != http::Status::ok || dependencies == response.end()) {
    response.erase(http::kCacheDependenciesHeader);
    response.erase(http::kCacheExpiresHeader);
    response.keep_alive(request.keep_alive());
    return {nullptr, std::move(response)};
  }
  auto page = make_cached_page(key, response, split_dependencies(dependencies->value()));
  cache_.insert(page, generation);
  return {std::move(page), {}};
}

http::Reply CachingResponder::reply_from(const http::Request& request, const CachedPage& page,
                                         bool hit) const {
  auto encoding = negotiate_encoding(request[field::field::accept_encoding]);
  const auto& variant = page.variant(encoding);
  bool not_modified = false;
  if (auto none_match = request.find(field::field::if_none_match); none_match != request.end()) {
    not_modified = none_match_hits(none_match->value(), page);
  } else if (auto since = request.find(field::field::if_modified_since); since != request.end()) {
    not_modified = since->value() == page.last_modified_text;
  }
  if (!not_modified) return http::Reply{{}, hit ? variant.hit : variant.miss};

  http::Response response{http::Status::not_modified, request.version()};
  response.set(field::field::server, "Gazette");
  response.set(field::field::etag, variant.etag);
  response.set(field::field::last_modified, page.last_modified_text);
  response.set(field::field::vary, "Accept-Encoding");
  response.set(field::field::cache_control, kCachedPageControl);
  response.keep_alive(request.keep_alive());
  return http::Reply::of(std::move(response));
}

}  // namespace gazette::cache

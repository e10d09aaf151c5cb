// The server's front door: answers reader pages from the page cache (with the encoding the
// client accepts, and 304s for what it already has), renders a page once on a miss however
// many requests wait for it, and passes everything else to the router.
#pragma once

#include <chrono>
#include <future>
#include <mutex>
#include <unordered_map>

#include "cache/page_cache.h"
#include "http/reply.h"

namespace gazette::cache {

class CachingResponder {
 public:
  /// `before_lookup` runs before each lookup (the change feed's refresh), may be empty.
  CachingResponder(PageCache& cache, http::Handler handler, std::function<void()> before_lookup)
      : cache_(cache), handler_(std::move(handler)), before_lookup_(std::move(before_lookup)) {}

  http::Reply respond(const http::Request& request);

  /// What respond() would send for a request with this head when the cache holds its page (a
  /// 200 or a 304, ready to send), or nothing: a miss, or a request the cache does not answer.
  /// For requests the server reads without Beast's parser (http/plain_request.h).
  std::shared_ptr<const http::SerializedResponse> ready_response(const http::RequestHead& head);

 private:
  /// A rendered miss: the cached page when it could be cached, otherwise the plain response.
  struct Rendered {
    std::shared_ptr<const CachedPage> page;
    http::Response response;
    std::chrono::steady_clock::duration render_time{};
  };
  Rendered render(const http::Request& request, const std::string& key);
  Rendered render_once(const http::Request& request, const std::string& key);
  /// The cached page as a request with `head` asks for it (200 or 304); `render_time` is given
  /// when this request's miss rendered it (or waited for that render).
  std::shared_ptr<const http::SerializedResponse> reply_from(
      const http::RequestHead& head, const CachedPage& page,
      const std::chrono::steady_clock::duration* render_time) const;

  PageCache& cache_;
  http::Handler handler_;
  std::function<void()> before_lookup_;
  std::mutex in_flight_mutex_;
  std::unordered_map<std::string, std::shared_future<Rendered>> in_flight_;
};

}  // namespace gazette::cache

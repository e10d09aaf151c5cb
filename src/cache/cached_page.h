// A page as the cache keeps it: serialised once per encoding, with the validators (ETag,
// Last-Modified) and the dependencies that decide when it is dropped.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cache/compression.h"
#include "http/reply.h"

namespace gazette::cache {

/// Browsers revalidate every time (a 304 costs nothing); a CDN or proxy in front may keep a
/// page briefly and serve it stale while it refetches, which absorbs a traffic spike.
constexpr std::string_view kCachedPageControl =
    "public, max-age=0, s-maxage=10, stale-while-revalidate=60";

struct CachedVariant {
  std::string etag;  // quoted, distinct per encoding of the same bytes
  std::shared_ptr<const http::SerializedResponse> hit;  // says "X-Cache: hit"
  std::shared_ptr<const http::SerializedResponse>
      miss;  // the same, for the request that rendered it
};

struct CachedPage {
  std::string key;
  std::vector<std::string> dependencies;
  std::array<CachedVariant, 3> variants;  // indexed by Encoding
  std::chrono::system_clock::time_point last_modified;
  std::string last_modified_text;  // IMF-fixdate
  std::size_t bytes = 0;           // memory held, for the cache's budget
  std::optional<std::chrono::system_clock::time_point> expires_at;  // when it changes by itself
  mutable std::atomic<std::uint64_t> last_used{0};

  const CachedVariant& variant(Encoding encoding) const {
    return variants[static_cast<std::size_t>(encoding)];
  }
  /// Whether `etag` (as a client sent it back) names any encoding of this page's bytes.
  bool matches(std::string_view etag) const;
};

/// Serialises `response` (a 200 from a handler) into a cached page under `key`.
std::shared_ptr<CachedPage> make_cached_page(std::string key, const http::Response& response,
                                             std::vector<std::string> dependencies);

}  // namespace gazette::cache

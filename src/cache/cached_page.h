// A page as the cache keeps it: serialised once per encoding, with the validators (ETag,
// Last-Modified) and the dependencies that decide when it is dropped.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cache/compression.h"
#include "http/answer.h"
#include "http/reply.h"

namespace gazette::cache {

/// Browsers revalidate every time (a 304 costs nothing); a CDN or proxy in front may keep a
/// page briefly and serve it stale while it refetches, which absorbs a traffic spike.
constexpr std::string_view kCachedPageControl =
    "public, max-age=0, s-maxage=10, stale-while-revalidate=60";

struct CachedVariant {
  std::string head;  // status line and headers, without X-Cache
  std::shared_ptr<const std::string> body;
  std::shared_ptr<const http::SerializedResponse> hit;  // head + "X-Cache: hit"
};

class CachedPage {
 public:
  /// Serialises `response` (a 200 from a handler) into a cached page under `key`, kept as
  /// `cache` says.
  CachedPage(std::string key, const http::Response& response, http::Cacheable cache);

  const std::string& key() const { return key_; }
  const std::vector<content::Dependency>& dependencies() const { return dependencies_; }
  std::chrono::system_clock::time_point last_modified() const { return last_modified_; }
  const std::string& last_modified_text() const { return last_modified_text_; }  // IMF-fixdate
  /// When the page changes by itself (comments closing by age), if it does.
  std::optional<std::chrono::system_clock::time_point> expires_at() const { return expires_at_; }
  /// Whether that time has come: the page is then a miss, and the render replaces it.
  bool has_expired() const {
    return expires_at_ && std::chrono::system_clock::now() >= *expires_at_;
  }
  /// Memory the page may hold, for the cache's budget: every encoding counted at the size of
  /// the uncompressed page (compressed HTML is smaller), so the budget is never exceeded.
  std::size_t bytes() const { return bytes_; }

  /// The page in `encoding`. Each encoding is compressed the first time it is asked for, once:
  /// a miss pays only for the encoding its client accepts.
  const CachedVariant& variant(Encoding encoding) const;
  /// The ETag of `encoding` (quoted, distinct per encoding of the same bytes).
  const std::string& etag(Encoding encoding) const {
    return etags_[static_cast<std::size_t>(encoding)];
  }
  /// Whether `etag` (as a client sent it back) names any encoding of this page's bytes.
  bool matches(std::string_view etag) const;
  /// The 304 answering a client that has `encoding` of this page already: its validators and
  /// caching headers, no body. Made with the page (a few hundred bytes), not when first asked:
  /// a revalidation never compresses.
  const std::shared_ptr<const http::SerializedResponse>& not_modified(Encoding encoding) const {
    return not_modified_[static_cast<std::size_t>(encoding)];
  }

  mutable std::atomic<std::uint64_t> last_used{0};  // the cache's LRU clock

 private:
  std::string key_;
  std::vector<content::Dependency> dependencies_;
  std::chrono::system_clock::time_point last_modified_;
  std::string last_modified_text_;
  std::optional<std::chrono::system_clock::time_point> expires_at_;
  std::size_t bytes_ = 0;
  std::string status_and_common_headers_;
  std::shared_ptr<const std::string> identity_body_;
  std::array<std::string, 3> etags_;  // indexed by Encoding
  std::array<std::shared_ptr<const http::SerializedResponse>, 3> not_modified_;  // likewise
  mutable std::array<std::once_flag, 3> made_;
  mutable std::array<CachedVariant, 3> variants_;
};

}  // namespace gazette::cache

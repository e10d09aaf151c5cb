// Building cached pages: compression, validators and pre-serialised heads (see cached_page.h).
#include "cache/cached_page.h"

#include "content/hashing.h"
#include "http/conditional.h"

namespace gazette::cache {

namespace {

// Sixteen hex digits of BLAKE2b identify a page version; the ETag needs no more.
constexpr std::size_t kEtagHashBytes = 8;

// Headers the cache sets itself, so the handler's copies are not replayed.
bool replaced_by_cache(std::string_view name) {
  for (std::string_view own : {"Content-Length", "Content-Encoding", "ETag", "Last-Modified",
                               "Vary", "Cache-Control", "Date", "Connection", "Server"}) {
    if (name.size() == own.size() &&
        std::equal(name.begin(), name.end(), own.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
      return true;
  }
  return http::kCacheDependenciesHeader == name || http::kCacheExpiresHeader == name;
}

}  // namespace

bool CachedPage::matches(std::string_view etag) const {
  for (const auto& variant : variants) {
    if (variant.etag == etag) return true;
  }
  return false;
}

std::shared_ptr<CachedPage> make_cached_page(std::string key, const http::Response& response,
                                             std::vector<std::string> dependencies) {
  auto page = std::make_shared<CachedPage>();
  page->key = std::move(key);
  page->dependencies = std::move(dependencies);
  page->last_modified = std::chrono::system_clock::now();
  page->last_modified_text = http::format_http_date(
      std::chrono::time_point_cast<std::chrono::seconds>(page->last_modified));
  if (auto expires = response.find(http::kCacheExpiresHeader); expires != response.end()) {
    page->expires_at = std::chrono::system_clock::time_point(
        std::chrono::seconds(std::stoll(std::string(expires->value()))));
  }

  std::string common;
  for (const auto& field : response) {
    if (replaced_by_cache(field.name_string())) continue;
    common.append(field.name_string()).append(": ").append(field.value()).append("\r\n");
  }
  common.append("Server: Gazette\r\nCache-Control: ").append(kCachedPageControl);
  common.append("\r\nVary: Accept-Encoding\r\nLast-Modified: ").append(page->last_modified_text);
  common.append("\r\n");

  const auto& body = response.body();
  auto hash = content::short_hash_hex(body, kEtagHashBytes);
  for (auto encoding : {Encoding::identity, Encoding::gzip, Encoding::brotli}) {
    auto bytes =
        std::make_shared<std::string>(encoding == Encoding::gzip     ? gzip_compress(body)
                                      : encoding == Encoding::brotli ? brotli_compress(body)
                                                                     : body);
    auto token = encoding_token(encoding);
    auto& variant = page->variants[static_cast<std::size_t>(encoding)];
    variant.etag = "\"" + hash + (token.empty() ? "" : "-" + std::string(token)) + "\"";
    std::string head = "HTTP/1.1 " + std::to_string(response.result_int()) + " " +
                       std::string(response.reason()) + "\r\n" + common;
    head.append("ETag: ").append(variant.etag).append("\r\n");
    if (!token.empty()) head.append("Content-Encoding: ").append(token).append("\r\n");
    head.append("Content-Length: ").append(std::to_string(bytes->size())).append("\r\n");
    // X-Cache tells operators (and the freshness tests) whether the cache answered.
    variant.hit = std::make_shared<http::SerializedResponse>(
        http::SerializedResponse{head + "X-Cache: hit\r\n", bytes});
    variant.miss = std::make_shared<http::SerializedResponse>(
        http::SerializedResponse{head + "X-Cache: miss\r\n", bytes});
    page->bytes += 2 * head.size() + bytes->size();
  }
  return page;
}

}  // namespace gazette::cache

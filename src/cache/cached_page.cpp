// Building cached pages: validators, pre-serialised heads and compression on first use (see
// cached_page.h).
#include "cache/cached_page.h"

#include "content/hashing.h"
#include "http/conditional.h"

namespace gazette::cache {

namespace {

// Sixteen hex digits of BLAKE2b identify a page version; the ETag needs no more.
constexpr std::size_t kEtagHashBytes = 8;
constexpr std::array kEncodings{Encoding::identity, Encoding::gzip, Encoding::brotli};

// Headers the cache sets itself, so the handler's copies are not replayed.
bool replaced_by_cache(std::string_view name) {
  for (std::string_view own : {"Content-Length", "Content-Encoding", "ETag", "Last-Modified",
                               "Vary", "Cache-Control", "Date", "Connection", "Server"}) {
    if (name.size() == own.size() &&
        std::equal(name.begin(), name.end(), own.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
      return true;
  }
  return false;
}

}  // namespace

CachedPage::CachedPage(std::string key, const http::Response& response, http::Cacheable cache)
    : key_(std::move(key)),
      dependencies_(std::move(cache.dependencies)),
      last_modified_(std::chrono::system_clock::now()),
      last_modified_text_(http::format_http_date(
          std::chrono::time_point_cast<std::chrono::seconds>(last_modified_))),
      identity_body_(std::make_shared<const std::string>(response.body())) {
  if (cache.expires_at) expires_at_ = *cache.expires_at;
  auto& head = status_and_common_headers_;
  head = "HTTP/1.1 " + std::to_string(response.result_int()) + " " +
         std::string(response.reason()) + "\r\n";
  for (const auto& field : response) {
    if (replaced_by_cache(field.name_string())) continue;
    head.append(field.name_string()).append(": ").append(field.value()).append("\r\n");
  }
  head.append("Server: Gazette\r\nCache-Control: ").append(kCachedPageControl);
  head.append("\r\nVary: Accept-Encoding\r\nLast-Modified: ").append(last_modified_text_);
  head.append("\r\n");

  auto hash = content::short_hash_hex(*identity_body_, kEtagHashBytes);
  for (auto encoding : kEncodings) {
    auto index = static_cast<std::size_t>(encoding);
    auto token = encoding_token(encoding);
    etags_[index] = "\"" + hash + (token.empty() ? "" : "-" + std::string(token)) + "\"";
    // The headers RFC 9110 (15.4.5) asks a 304 to repeat from its 200, the encoding's ETag.
    std::string not_modified = "HTTP/1.1 304 Not Modified\r\nServer: Gazette\r\nETag: ";
    not_modified.append(etags_[index]).append("\r\nLast-Modified: ").append(last_modified_text_);
    not_modified.append("\r\nVary: Accept-Encoding\r\nCache-Control: ").append(kCachedPageControl);
    not_modified.append("\r\n");
    not_modified_[index] = std::make_shared<const http::SerializedResponse>(
        http::SerializedResponse{std::move(not_modified), nullptr});
  }
  bytes_ = kEncodings.size() * (identity_body_->size() + head.size() + 128);
  for (const auto& response : not_modified_) bytes_ += response->head.size();
}

const CachedVariant& CachedPage::variant(Encoding encoding) const {
  auto index = static_cast<std::size_t>(encoding);
  std::call_once(made_[index], [&] {
    auto& variant = variants_[index];
    variant.body = encoding == Encoding::gzip
                       ? std::make_shared<const std::string>(gzip_compress(*identity_body_))
                   : encoding == Encoding::brotli
                       ? std::make_shared<const std::string>(brotli_compress(*identity_body_))
                       : identity_body_;
    auto token = encoding_token(encoding);
    variant.head = status_and_common_headers_;
    variant.head.append("ETag: ").append(etags_[index]).append("\r\n");
    if (!token.empty()) variant.head.append("Content-Encoding: ").append(token).append("\r\n");
    variant.head.append("Content-Length: ")
        .append(std::to_string(variant.body->size()))
        .append("\r\n");
    // X-Cache tells operators (and the freshness tests) whether the cache answered.
    variant.hit = std::make_shared<const http::SerializedResponse>(
        http::SerializedResponse{variant.head + "X-Cache: hit\r\n", variant.body});
  });
  return variants_[index];
}

bool CachedPage::matches(std::string_view etag) const {
  for (const auto& own : etags_) {
    if (own == etag) return true;
  }
  return false;
}

}  // namespace gazette::cache

// The Content API's read side: GET /api/v1/articles, /api/v1/articles/{section}/{slug},
// /api/v1/sections, /api/v1/tags, /api/v1/authors, /api/v1/search and /api/v1/openapi.json.
// It shows what the public pages show — published articles only, never a draft or an article
// scheduled for later — and its answers are kept by the page cache like pages, with the same
// dependencies, so a write drops exactly the answers it changed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/api_tokens.h"
#include "http/answer.h"
#include "store/discovery_store.h"
#include "store/store.h"

namespace gazette::api {

/// Where the API lives; every answer under it is JSON, errors included.
constexpr std::string_view kApiPrefix = "/api/v1/";

class ApiWriter;

/// Tokens and the write side (api_writer.h): without them the API only reads, openly.
struct ApiAccess {
  auth::ApiTokens& tokens;
  ApiWriter& writer;
};

class ContentApi {
 public:
  ContentApi(store::Store& store, store::DiscoveryStore& discovery,
             std::optional<ApiAccess> access = std::nullopt)
      : store_(store), discovery_(discovery), access_(access) {}

  /// Answers a request under kApiPrefix. Bad parameters get a 400 whose JSON names the
  /// parameter; an unknown path a 404, another method than GET or HEAD a 405, all in JSON.
  /// A write (api_writer.h) needs `Authorization: Bearer` with a live write token, else 401.
  /// Reads need a read key (`?key=` or Bearer; a write token does too) when the site's
  /// api_requires_key is on, and are then never kept by the page cache, so that a revoked key
  /// stops at once; a key or token sent must be live even when none is required.
  http::Answer handle(const http::Request& request);

 private:
  http::Answer read(const http::Request& request, const std::vector<std::string_view>& segments,
                    std::string_view query, const content::SiteSettings& settings, bool keep);

  store::Store& store_;
  store::DiscoveryStore& discovery_;
  std::optional<ApiAccess> access_;
};

/// A 401 in JSON with its WWW-Authenticate challenge (RFC 6750).
http::Response unauthorized(const http::Request& request, std::string_view code,
                            std::string_view message);

/// A JSON error answer: {"error": {"status", "code", "message", "parameter"?}}.
http::Response api_error(const http::Request& request, http::Status status, std::string_view code,
                         std::string_view message, std::string_view parameter = {});

}  // namespace gazette::api

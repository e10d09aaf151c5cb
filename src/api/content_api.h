// The Content API's read side: GET /api/v1/articles, /api/v1/articles/{section}/{slug},
// /api/v1/sections, /api/v1/tags, /api/v1/authors, /api/v1/search and /api/v1/openapi.json.
// It shows what the public pages show — published articles only, never a draft or an article
// scheduled for later — and its answers are kept by the page cache like pages, with the same
// dependencies, so a write drops exactly the answers it changed.
#pragma once

#include <string_view>

#include "http/answer.h"
#include "store/discovery_store.h"
#include "store/store.h"

namespace gazette::api {

/// Where the API lives; every answer under it is JSON, errors included.
constexpr std::string_view kApiPrefix = "/api/v1/";

class ContentApi {
 public:
  ContentApi(store::Store& store, store::DiscoveryStore& discovery)
      : store_(store), discovery_(discovery) {}

  /// Answers a request under kApiPrefix. Bad parameters get a 400 whose JSON names the
  /// parameter; an unknown path a 404, another method than GET or HEAD a 405, all in JSON.
  http::Answer handle(const http::Request& request);

 private:
  store::Store& store_;
  store::DiscoveryStore& discovery_;
};

/// A JSON error answer: {"error": {"status", "code", "message", "parameter"?}}.
http::Response api_error(const http::Request& request, http::Status status, std::string_view code,
                         std::string_view message, std::string_view parameter = {});

}  // namespace gazette::api

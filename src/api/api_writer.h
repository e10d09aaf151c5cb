// The Content API's write side, for a bearer of a write token (auth/api_tokens.h): create a
// draft, change it, submit, publish or unpublish it, upload an image. The token acts as its
// account, holding exactly the newsroom's roles and checks (auth/capabilities.h), and every
// write goes through the newsroom's services (ArticleService::save_edit, MediaService), so it
// reaches the page cache, the search index and the other nodes as a newsroom save does.
//
//   POST  /api/v1/articles                  a new draft (201)
//   GET   /api/v1/articles/{id}             the article as its writer sees it, any status
//   PATCH /api/v1/articles/{id}  (or PUT)   change the fields given; needs the version read
//                                           (If-Match or "version"): 409 when someone saved since
//   POST  /api/v1/articles/{id}/submit|publish|unpublish
//   POST  /api/v1/media                     an image (raw bytes, Content-Type image/*)
//
// Errors are JSON (api_error): 400 malformed JSON or field, 403 role, 404, 409, 413, 415, 422
// invalid article, 428 no version; nothing is written on any of them.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string_view>
#include <vector>

#include "content/accounts.h"
#include "content/clock.h"
#include "http/message.h"
#include "media/media_service.h"
#include "publishing/article_service.h"
#include "publishing/article_workflow.h"
#include "store/store.h"
#include "store/term_store.h"

namespace gazette::api {

/// The largest JSON body a write takes: an article at its limits fits with room to spare.
constexpr std::size_t kMaxJsonBodyBytes = 1024 * 1024;
/// What the server lets a request to the API carry: above kMaxJsonBodyBytes the API answers
/// 413 in JSON itself; above this the server does (in plain text) before reading it.
constexpr std::uint64_t kMaxApiRequestBytes = 2 * 1024 * 1024;

class ApiWriter {
 public:
  ApiWriter(publishing::ArticleService& articles, media::MediaService& media, store::Store& store,
            store::TermStore& terms, const content::Clock& clock)
      : articles_(articles), media_(media), store_(store), terms_(terms), clock_(clock) {}

  /// Whether `request` is one of the write side's (its method and path after kApiPrefix).
  static bool is_write_route(const http::Request& request,
                             const std::vector<std::string_view>& segments);
  /// Answers a write-side request from `user` (a live write token's account).
  http::Response handle(const http::Request& request, const std::vector<std::string_view>& segments,
                        std::string_view query, const content::User& user);

 private:
  http::Response show(const http::Request& request, content::ArticleId id,
                      const content::User& user);
  http::Response save(const http::Request& request, std::optional<content::ArticleId> id,
                      publishing::ArticleAction action, const nlohmann::json& json,
                      const content::User& user);
  http::Response upload(const http::Request& request, std::string_view query,
                        const content::User& user);

  publishing::ArticleService& articles_;
  media::MediaService& media_;
  store::Store& store_;
  store::TermStore& terms_;  // the authors a co-author's name may be
  const content::Clock& clock_;
};

}  // namespace gazette::api

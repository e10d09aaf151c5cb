// Content API routing and responses (see content_api.h).
#include "api/content_api.h"

#include <vector>

#include "api/api_json.h"
#include "api/api_query.h"
#include "api/api_writer.h"
#include "content/cache_dependencies.h"
#include "discovery/discovery_routes.h"
#include "discovery/search.h"
#include "discovery/site_url.h"
#include "embedded/embedded_files.h"
#include "http/conditional.h"
#include "http/form.h"
#include "render/slug.h"
#include "render/text.h"

namespace gazette::api {

namespace {

namespace field = http::beast_http;
using content::dependency::term_shown;
using TermKind = content::TermChanged::Kind;

// Answers change with every publication: clients revalidate (cheaply, with the ETag).
constexpr std::string_view kCacheControl = "no-cache";
constexpr std::string_view kJson = "application/json; charset=utf-8";

struct ApiPath {
  std::vector<std::string_view> segments;  // after kApiPrefix
  std::string_view query;
};

ApiPath split(std::string_view target) {
  ApiPath path;
  auto question = target.find('?');
  if (question != std::string_view::npos) path.query = target.substr(question + 1);
  target = target.substr(0, question);
  target.remove_prefix(std::min(target.size(), kApiPrefix.size()));
  while (!target.empty()) {
    auto slash = target.find('/');
    path.segments.push_back(target.substr(0, slash));
    if (slash == std::string_view::npos) break;
    target.remove_prefix(slash + 1);
  }
  return path;
}

// A 200 with `body`, its ETag, and a 304 when the client has it already. Kept by the page
// cache (which then answers conditional requests itself) when `dependencies` are given.
http::Answer json_answer(const http::Request& request, std::string body,
                         std::optional<std::vector<content::Dependency>> dependencies) {
  auto etag = discovery::entity_tag(body);
  bool not_modified = http::is_not_modified(
      request[field::field::if_none_match], {},
      [&etag](std::string_view tag) { return tag == etag; }, content::Timestamp{});
  auto response =
      http::make_response(request, not_modified ? http::Status::not_modified : http::Status::ok,
                          std::string(kJson), not_modified ? std::string() : std::move(body));
  response.set(field::field::etag, etag);
  response.set(field::field::cache_control, kCacheControl);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Access-Control-Allow-Origin", "*");
  if (not_modified) response.erase(field::field::content_length);
  if (!dependencies) return response;
  return {std::move(response), http::Cacheable{std::move(*dependencies), std::nullopt}};
}

http::Response bad_parameter(const http::Request& request, const QueryError& error) {
  return api_error(request, http::Status::bad_request, "bad_parameter",
                   error.parameter + ": " + error.reason, error.parameter);
}

// The query without its `key` parameter (a read key), which the endpoints do not know.
std::string without_key(std::string_view query) {
  std::string kept;
  while (!query.empty()) {
    auto amp = query.find('&');
    auto part = query.substr(0, amp);
    if (part != "key" && !part.starts_with("key=")) {
      if (!kept.empty()) kept += '&';
      kept += part;
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return kept;
}

// Whether `text` starts with `prefix`, ignoring ASCII case ("bearer " as "Bearer ").
bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  }
  return true;
}

std::string_view openapi_document() {
  for (const auto& file : embedded::api_files()) {
    if (file.path == "openapi.json") return file.bytes;
  }
  return {};
}

}  // namespace

http::Response api_error(const http::Request& request, http::Status status, std::string_view code,
                         std::string_view message, std::string_view parameter) {
  auto response =
      http::make_response(request, status, std::string(kJson),
                          error_json(static_cast<int>(status), code, message, parameter));
  response.set(field::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Access-Control-Allow-Origin", "*");
  return response;
}

http::Response unauthorized(const http::Request& request, std::string_view code,
                            std::string_view message) {
  auto response = api_error(request, http::Status::unauthorized, code, message);
  std::string challenge = "Bearer realm=\"gazette\"";
  if (code == "invalid_token") challenge += ", error=\"invalid_token\"";
  response.set(field::field::www_authenticate, challenge);
  return response;
}

http::Answer ContentApi::handle(const http::Request& request) {
  auto path = split(std::string_view(request.target().data(), request.target().size()));
  const auto& segments = path.segments;
  // The bearer, if any: "Authorization: Bearer TOKEN" and nothing else.
  std::optional<std::string_view> bearer;
  if (std::string_view authorization = request[field::field::authorization];
      !authorization.empty()) {
    if (!starts_with_nocase(authorization, "Bearer "))
      return unauthorized(request, "invalid_token", "use Authorization: Bearer TOKEN");
    bearer = render::trim(authorization.substr(7));
  }
  if (access_ && ApiWriter::is_write_route(request, segments)) {
    if (!bearer)
      return unauthorized(request, "token_required",
                          "writing needs an API token: Authorization: Bearer TOKEN");
    auto caller = access_->tokens.authenticate(*bearer);
    if (!caller) return unauthorized(request, "invalid_token", "this token is unknown or revoked");
    if (caller->scope != store::ApiTokenScope::write)
      return api_error(request, http::Status::forbidden, "insufficient_scope",
                       "a read key cannot write: use an account's API token");
    return access_->writer.handle(request, segments, path.query, caller->user);
  }
  if (request.method() != field::verb::get && request.method() != field::verb::head) {
    auto response = api_error(request, http::Status::method_not_allowed, "method_not_allowed",
                              "this endpoint answers GET and HEAD");
    response.set(field::field::allow, "GET, HEAD");
    return response;
  }
  auto settings = store_.settings();
  auto query = without_key(path.query);
  std::string key = http::parse_urlencoded(path.query).get("key");
  if (bearer) key = std::string(*bearer);
  // The OpenAPI document says how to get in: it is never locked.
  bool open_document = segments.size() == 1 && segments[0] == "openapi.json";
  if (!key.empty() && !open_document) {
    if (!access_ || !access_->tokens.authenticate(key))
      return unauthorized(request, "invalid_token", "this key is unknown or revoked");
  } else if (settings.api_requires_key && !open_document) {
    return unauthorized(request, "key_required",
                        "this site's API needs a read key: ?key=KEY or Authorization: Bearer KEY");
  }
  return read(request, segments, query, settings, !settings.api_requires_key);
}

http::Answer ContentApi::read(const http::Request& request,
                              const std::vector<std::string_view>& segments, std::string_view query,
                              const content::SiteSettings& settings, bool keep) {
  struct {
    std::string_view query;
  } path{query};
  auto json_answer = [keep](const http::Request& request, std::string body,
                            std::optional<std::vector<content::Dependency>> dependencies) {
    // Behind a read key, nothing is kept: a revoked key must stop at once.
    return api::json_answer(request, std::move(body),
                            keep ? std::move(dependencies) : std::nullopt);
  };
  auto not_found = [&] {
    return api_error(request, http::Status::not_found, "not_found", "nothing here");
  };
  if (segments.empty()) return not_found();
  auto base = discovery::base_url(settings.url, request[field::field::host]);
  const auto& endpoint = segments[0];

  if (endpoint == "articles" && segments.size() == 1) {
    auto query = parse_articles_query(path.query, settings.time_zone);
    if (auto* error = std::get_if<QueryError>(&query)) return bad_parameter(request, *error);
    const auto& asked = std::get<ArticlesQuery>(query);
    auto page = store_.published_articles(
        asked.filter, {(asked.page - 1) * asked.limit, asked.limit}, std::nullopt);
    // Any visible article change or renamed term drops it, as it does feeds.
    return json_answer(
        request, articles_json(page, asked.page, asked.limit, base),
        std::vector{content::dependency::documents(), content::dependency::section_navigation()});
  }
  if (endpoint == "articles" && segments.size() == 3) {
    if (auto error = expect_no_parameters(path.query)) return bad_parameter(request, *error);
    if (!render::is_slug(segments[1]) || !render::is_slug(segments[2])) return not_found();
    auto article = store_.find_published_article(segments[1], segments[2]);
    if (!article) return not_found();
    std::vector<content::Dependency> shown{
        content::dependency::article_shown(article->summary.id),
        term_shown(TermKind::section, article->summary.section.slug),
        term_shown(TermKind::author, article->summary.author.slug)};
    for (const auto& tag : article->tags) shown.push_back(term_shown(TermKind::tag, tag.slug));
    for (const auto& category : article->categories)
      shown.push_back(term_shown(TermKind::category, category.slug));
    return json_answer(request, article_json(*article, base), std::move(shown));
  }
  if (segments.size() != 1) return not_found();
  if (endpoint == "search") {
    auto query = parse_search_query(path.query);
    if (auto* error = std::get_if<QueryError>(&query)) return bad_parameter(request, *error);
    const auto& asked = std::get<SearchQuery>(query);
    // Not kept: the search index changes after the write that announced the change.
    return json_answer(
        request,
        discovery::search_results_json(discovery::search(discovery_, asked.text, asked.page), base),
        std::nullopt);
  }
  if (auto error = expect_no_parameters(path.query)) return bad_parameter(request, *error);
  if (endpoint == "sections") {
    return json_answer(request, sections_json(store_.sections(), base),
                       std::vector{content::dependency::section_navigation()});
  }
  if (endpoint == "tags") {
    return json_answer(request, tags_json(store_.published_tags(), base),
                       std::vector{content::dependency::documents()});
  }
  if (endpoint == "authors") {
    return json_answer(request, authors_json(store_.published_authors(), base),
                       std::vector{content::dependency::documents()});
  }
  if (endpoint == "openapi.json") {
    auto document = openapi_document();
    // Changes only with the binary: nothing drops it.
    return json_answer(request, std::string(document), std::vector<content::Dependency>{});
  }
  return not_found();
}

}  // namespace gazette::api

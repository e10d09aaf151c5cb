// Routing of reader requests. The URL shapes are those of paths.h; anything else is a 404.
#include "site/reader_site.h"

#include <spdlog/spdlog.h>

#include "site/comment_section.h"
#include "site/pages.h"
#include "site/paths.h"
#include "site/responses.h"
#include "site/static_files.h"
#include "site/target.h"

namespace gazette::site {

namespace {

using Kind = store::ArticleFilter::Kind;
namespace field = http::beast_http;

std::optional<Kind> listing_kind(std::string_view prefix) {
  if (prefix == "tag") return Kind::tag;
  if (prefix == "author") return Kind::author;
  if (prefix == "category") return Kind::category;
  if (prefix == "types") return Kind::article_kind;
  return std::nullopt;
}

// Whether `query` is nothing but the page number the home page reads ("page=2").
bool page_number_only(std::string_view query) {
  return query.starts_with("page=") && query.find('&') == std::string_view::npos;
}

// A page's one URL path: its segments joined by single slashes, with the trailing slash. Built
// from the parsed segments (slugs, checked by the caller), never from the path as sent, so
// "//host" cannot come back as a Location that browsers follow to another host.
std::string canonical_path(const std::vector<std::string_view>& segments) {
  std::string path = "/";
  for (auto segment : segments) path.append(segment).append("/");
  return path;
}

// Where a page asked for at another spelling of its path ("/actualite", "//actualite/") lives:
// its canonical path, with the query kept when it is one a Location may carry (campaign
// parameters survive the redirect), else only the page number.
http::LocalPath canonical_location(const Target& target, long page) {
  auto path = canonical_path(target.segments);
  if (!target.query.empty()) {
    if (auto with_query = http::LocalPath::parse(path + "?" + std::string(target.query)))
      return *with_query;
  }
  return http::LocalPath::checked(page_path(path, page));
}

}  // namespace

std::optional<http::Response> ReaderSite::redirect_old_url(const http::Request& request) {
  if (!old_urls_) return std::nullopt;
  std::string_view target(request.target().data(), request.target().size());
  auto to = old_urls_->find_redirect(target);
  if (!to && target.find('?') == std::string_view::npos && !target.ends_with("/"))
    to = old_urls_->find_redirect(std::string(target) + "/");
  if (!to) return std::nullopt;
  // Written by an import from a file: followed only when it is a path on this site.
  auto location = http::LocalPath::parse(*to);
  if (!location) {
    spdlog::warn("redirect from an old URL ignored: its target is not a path on this site");
    return std::nullopt;
  }
  return http::make_redirect(request, *location);
}

http::Answer ReaderSite::handle(const http::Request& request) {
  auto target = parse_target(request.target());
  const auto& segments = target.segments;
  bool is_read = request.method() == field::verb::get || request.method() == field::verb::head;

  if (is_read && segments.size() == 2 && segments[0] == "assets") {
    if (auto response = serve_asset(request, environment_.theme(), segments[1]))
      return std::move(*response);
  }
  if (is_read && segments.size() == 2 && segments[0] == "media") {
    if (auto response = serve_media(request, environment_.store(), segments[1]))
      return std::move(*response);
  }

  auto page = page_number(target.query);
  auto context = environment_.context(page.value_or(1), request[field::field::host]);
  auto not_found = [&] {
    if (is_read) {
      if (auto redirect = redirect_old_url(request)) return std::move(*redirect);
    }
    return message_response(request, context, http::Status::not_found, "not_found",
                            "not_found_message");
  };

  bool all_slugs = std::all_of(segments.begin(), segments.end(), is_slug);
  bool is_comment_post = request.method() == field::verb::post && segments.size() == 3 &&
                         segments[2] == "comments" && all_slugs;
  if (is_comment_post && context.comments)
    return context.comments->post(request, context, segments[0], segments[1]);
  if (is_comment_post) {
    return message_response(request, context, http::Status::forbidden, "comments_not_open",
                            "comments_not_open_message");
  }
  if (!is_read) {
    auto response = message_response(request, context, http::Status::method_not_allowed,
                                     "method_not_allowed", "method_not_allowed_message");
    response.set(field::field::allow, "GET, HEAD");
    return response;
  }
  if (segments.size() == 1 && segments[0] == "search" && !target.trailing_slash)
    return html_response(request, http::Status::ok, render_search(context, target.query));
  if (segments.size() == 1 && segments[0] == "search.json")
    return json_response(request, render_search_json(context, target.query));
  if (!all_slugs || !page || segments.size() > 2) return not_found();
  // One URL per page: any other spelling of its path (no trailing slash, doubled slashes) is
  // sent there, so links and search engines settle on one address.
  if (target.path != canonical_path(segments))
    return http::make_redirect(request, canonical_location(target, *page));

  // WordPress's links by id ("/?p=123", "/?page_id=7") arrive as the home page with a query.
  if (segments.empty() && !target.query.empty() && !page_number_only(target.query)) {
    if (auto redirect = redirect_old_url(request)) return std::move(*redirect);
  }

  std::optional<std::string> html;
  if (segments.empty()) {
    html = render_home(context);
  } else if (segments.size() == 1 && segments[0] == "corrections") {
    html = render_corrections(context);
  } else if (segments.size() == 1 && segments[0] == "types") {
    html = render_types(context);
  } else if (segments.size() == 1 && segments[0] == "about") {
    html = render_about(context);
  } else if (segments.size() == 2 && segments[0] == "about") {
    html = render_policy(context, segments[1]);
  } else if (segments.size() == 1) {
    html = render_listing(context, Kind::section, segments[0]);
  } else if (auto kind = listing_kind(segments[0])) {
    html = render_listing(context, *kind, segments[1]);
  } else {
    html = render_article(context, segments[0], segments[1]);
  }
  if (!html) return not_found();
  auto response = html_response(request, http::Status::ok, std::move(*html));
  // Only the canonical URL of a page is cached: "?utm_source=…" variants are rendered each
  // time rather than filling the cache with copies.
  if (target.query.empty() || target.query == "page=" + std::to_string(context.page_number))
    return {std::move(response),
            http::Cacheable{std::move(context.dependencies), context.expires_at}};
  return response;
}

}  // namespace gazette::site

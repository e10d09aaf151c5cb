// Content API query strings (see api_query.h).
#include "api/api_query.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "http/form.h"
#include "render/dates.h"
#include "render/slug.h"

namespace gazette::api {

namespace {

using Kind = store::ArticleFilter::Kind;

// The first parameter of `form` not in `known`, as an error.
template <std::size_t N>
std::optional<QueryError> unknown_parameter(const http::Form& form,
                                            const std::array<std::string_view, N>& known) {
  for (const auto& [name, value] : form.fields) {
    if (std::find(known.begin(), known.end(), name) == known.end())
      return QueryError{name, "unknown parameter"};
  }
  return std::nullopt;
}

// A whole number from `min` to `max`, or the error naming `parameter`.
std::variant<std::int64_t, QueryError> bounded_number(std::string_view parameter,
                                                      std::string_view text, std::int64_t min,
                                                      std::int64_t max) {
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || number < min ||
      number > max)
    return QueryError{
        std::string(parameter),
        "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max)};
  return number;
}

}  // namespace

std::variant<ArticlesQuery, QueryError> parse_articles_query(std::string_view query,
                                                             std::string_view time_zone) {
  static constexpr std::array<std::string_view, 9> kKnown = {
      "page",     "limit",           "section",          "tag",          "author",
      "category", "published_after", "published_before", "updated_since"};
  auto form = http::parse_urlencoded(query);
  if (auto error = unknown_parameter(form, kKnown)) return *error;
  ArticlesQuery result;
  if (form.has("page")) {
    auto page = bounded_number("page", form.get("page"), 1, kMaxPage);
    if (auto* error = std::get_if<QueryError>(&page)) return *error;
    result.page = std::get<std::int64_t>(page);
  }
  if (form.has("limit")) {
    auto limit = bounded_number("limit", form.get("limit"), 1, kMaxArticlesPerPage);
    if (auto* error = std::get_if<QueryError>(&limit)) return *error;
    result.limit = std::get<std::int64_t>(limit);
  }
  // One listing at a time, as the pages show them (/{section}/, /tag/{slug}/…).
  for (auto [name, kind] :
       {std::pair{"section", Kind::section}, std::pair{"tag", Kind::tag},
        std::pair{"author", Kind::author}, std::pair{"category", Kind::category}}) {
    if (!form.has(name)) continue;
    if (result.filter.kind != Kind::all)
      return QueryError{name, "only one of section, tag, author and category may be given"};
    auto slug = form.get(name);
    if (!render::is_slug(slug)) return QueryError{name, "not a slug"};
    result.filter.kind = kind;
    result.filter.slug = slug;
  }
  for (auto [name, bound] : {std::pair{"published_after", &result.filter.published_from},
                             std::pair{"published_before", &result.filter.published_before},
                             std::pair{"updated_since", &result.filter.updated_since}}) {
    if (!form.has(name)) continue;
    auto date = render::parse_date(form.get(name), time_zone);
    if (auto* error = std::get_if<render::DateError>(&date))
      return QueryError{name, "not an ISO 8601 date or time: " + error->reason};
    *bound = std::get<content::Timestamp>(date);
  }
  return result;
}

std::variant<SearchQuery, QueryError> parse_search_query(std::string_view query) {
  static constexpr std::array<std::string_view, 2> kKnown = {"q", "page"};
  auto form = http::parse_urlencoded(query);
  if (auto error = unknown_parameter(form, kKnown)) return *error;
  SearchQuery result;
  result.text = form.get("q");
  if (result.text.empty()) return QueryError{"q", "required: the words to look for"};
  if (form.has("page")) {
    auto page = bounded_number("page", form.get("page"), 1, 100);
    if (auto* error = std::get_if<QueryError>(&page)) return *error;
    result.page = static_cast<long>(std::get<std::int64_t>(page));
  }
  return result;
}

std::optional<QueryError> expect_no_parameters(std::string_view query) {
  auto form = http::parse_urlencoded(query);
  if (form.fields.empty()) return std::nullopt;
  return QueryError{form.fields.begin()->first, "unknown parameter"};
}

}  // namespace gazette::api

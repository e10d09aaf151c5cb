// The query string of a Content API listing, read into typed filters: every parameter known,
// every value checked, so a typo ("sectoin=") is a 400 that names it rather than a silently
// unfiltered answer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "store/store.h"

namespace gazette::api {

/// Articles a listing page of the API holds by default, and at most (?limit=).
constexpr std::int64_t kDefaultArticlesPerPage = 20;
constexpr std::int64_t kMaxArticlesPerPage = 100;
/// Pages past this are refused: OFFSET costs grow with the page; use the date filters instead.
constexpr std::int64_t kMaxPage = 1000;

/// A parameter the API cannot use: which one and why, for the 400's JSON body.
struct QueryError {
  std::string parameter;
  std::string reason;
};

/// What /api/v1/articles was asked for.
struct ArticlesQuery {
  store::ArticleFilter filter;
  std::int64_t page = 1;
  std::int64_t limit = kDefaultArticlesPerPage;
};

/// Reads /api/v1/articles's query: page, limit, one of section/tag/author/category, and
/// published_after, published_before, updated_since (ISO 8601 dates or times; without an
/// offset, in `time_zone`).
std::variant<ArticlesQuery, QueryError> parse_articles_query(std::string_view query,
                                                             std::string_view time_zone);

/// What /api/v1/search was asked for.
struct SearchQuery {
  std::string text;
  long page = 1;
};

/// Reads /api/v1/search's query: q (required) and page.
std::variant<SearchQuery, QueryError> parse_search_query(std::string_view query);

/// Whether `query` is empty: the other endpoints take no parameter.
std::optional<QueryError> expect_no_parameters(std::string_view query);

}  // namespace gazette::api

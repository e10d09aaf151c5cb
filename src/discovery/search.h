// Site search: a reader's query in, a page of results with highlighted snippets out. Any
// query gives results or none, never an error (see search_query.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/types.h"
#include "store/discovery_store.h"

namespace gazette::discovery {

/// Results a page shows: a screenful, each with its snippet.
constexpr std::int64_t kSearchResultsPerPage = 10;
/// Pages past this are not offered: nobody reads them, and OFFSET costs grow with the page.
constexpr long kMaxSearchPage = 100;

struct SearchResult {
  content::ArticleSummary article;
  std::string snippet_html;  // escaped text with our own <mark>…</mark> around matches
  std::string snippet_text;  // the same without marks, for scripts
};

struct SearchResultPage {
  std::string query;      // as the reader typed it, printable (see SearchQuery::display)
  bool searched = false;  // false when the query had no word to look for
  std::vector<SearchResult> results;
  std::int64_t total = 0;
  bool total_exact = true;  // false: more than `total` match (see store::SearchResults)
  long page = 1;
  long total_pages = 0;
};

/// Page `page` (from 1) of the results for `query_text`.
SearchResultPage search(store::DiscoveryStore& store, std::string_view query_text, long page);

/// The JSON form of a result page, for scripts: {query, total, total_exact, page, pages,
/// results: [{title, url (absolute), lead, snippet_html, snippet_text, published (ISO 8601
/// UTC), section, author}]}; total_exact is false when more than `total` articles match.
std::string search_results_json(const SearchResultPage& page, std::string_view base_url);

/// A snippet with kMatchBegin/kMatchEnd markers as HTML: the text escaped, the markers turned
/// into balanced <mark> elements, nothing else let through.
std::string snippet_html(std::string_view snippet);

}  // namespace gazette::discovery

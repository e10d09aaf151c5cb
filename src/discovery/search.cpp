// Site search (see search.h).
#include "discovery/search.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "discovery/search_query.h"
#include "render/dates.h"
#include "render/text.h"

namespace gazette::discovery {

std::string snippet_html(std::string_view snippet) {
  // printable_text drops control characters, so keep the markers aside while cleaning.
  std::string html;
  bool open = false;
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    html += render::escape_html(printable_text(snippet.substr(start, end - start)));
  };
  for (std::size_t pos = 0; pos < snippet.size(); ++pos) {
    char c = snippet[pos];
    if (c != store::kMatchBegin && c != store::kMatchEnd) continue;
    flush(pos);
    start = pos + 1;
    if (c == store::kMatchBegin && !open) {
      html += "<mark>";
      open = true;
    } else if (c == store::kMatchEnd && open) {
      html += "</mark>";
      open = false;
    }
  }
  flush(snippet.size());
  if (open) html += "</mark>";
  return html;
}

namespace {
std::string snippet_text(std::string_view snippet) {
  std::string text(snippet);
  std::erase(text, store::kMatchBegin);
  std::erase(text, store::kMatchEnd);
  return printable_text(text);
}
}  // namespace

SearchResultPage search(store::DiscoveryStore& store, std::string_view query_text, long page) {
  auto query = parse_search_query(query_text);
  SearchResultPage result;
  result.query = query.display;
  result.page = std::clamp<long>(page, 1, kMaxSearchPage);
  if (query.phrases.empty()) return result;
  result.searched = true;
  store::SearchRequest request{query.phrases,
                               {(result.page - 1) * kSearchResultsPerPage, kSearchResultsPerPage}};
  auto found = store.search(request);
  result.total = found.total;
  result.total_exact = found.total_exact;
  result.total_pages = std::min<long>(
      kMaxSearchPage, (found.total + kSearchResultsPerPage - 1) / kSearchResultsPerPage);
  for (auto& hit : found.hits) {
    result.results.push_back(
        {std::move(hit.article), snippet_html(hit.snippet), snippet_text(hit.snippet)});
  }
  return result;
}

std::string search_results_json(const SearchResultPage& page, std::string_view base_url) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& result : page.results) {
    const auto& article = result.article;
    results.push_back({
        {"title", article.title},
        {"url", std::string(base_url) + "/" + article.section.slug + "/" + article.slug + "/"},
        {"lead", article.lead},
        {"snippet_html", result.snippet_html},
        {"snippet_text", result.snippet_text},
        {"published", render::iso8601_utc(article.published_at)},
        {"section", article.section.name},
        {"author", article.author.name},
    });
  }
  nlohmann::json json = {
      {"query", page.query}, {"total", page.total},       {"total_exact", page.total_exact},
      {"page", page.page},   {"pages", page.total_pages}, {"results", results}};
  // Replace, not throw, on invalid UTF-8: the query is printable already, but data is data.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gazette::discovery

// The search page (/search?q=…) and its JSON form (/search.json?q=…): results of
// discovery::search with highlighted snippets, or a friendly "nothing found" — never an error.
#include "discovery/search.h"
#include "http/percent_encoding.h"
#include "site/pages.h"
#include "site/paths.h"
#include "site/target.h"
#include "site/view_model.h"

namespace gazette::site {

namespace {

constexpr std::string_view kSearchPath = "/search";

discovery::SearchResultPage run_search(const PageContext& context, std::string_view query) {
  // A page number that is not one (page=abc, page=0) reads as the first page: a search never
  // fails on its query string.
  long page = page_number(query).value_or(1);
  return discovery::search(context.discovery, query_parameter(query, "q"), page);
}

std::string search_page_path(std::string_view query, long page) {
  std::string path = std::string(kSearchPath) + "?q=" + http::percent_encode(query);
  if (page > 1) path += "&page=" + std::to_string(page);
  return path;
}

}  // namespace

std::string render_search(const PageContext& context, std::string_view query) {
  auto found = run_search(context, query);
  const auto& language = context.settings.language;
  auto text = [&](std::string_view key) { return context.theme.text(language, key); };

  auto heading = found.query.empty() ? text("search")
                                     : text("search_results_for") + " « " + found.query + " »";
  PageFrame frame{context.settings, context.sections, "", heading, "", ""};
  frame.base_url = context.base_url;
  frame.noindex = true;
  if (found.page > 1) frame.title += " – " + text("page") + " " + std::to_string(found.page);
  auto view = frame_view(frame);
  view.set("heading", heading);
  view.set("query", found.query);
  view.set("searched", found.searched);
  view.set("has_results", !found.results.empty());
  view.set("nothing_found", found.searched && found.results.empty());
  // Past what pages can show, a count may be a lower bound (see store::SearchResults).
  view.set("count_text", (found.total_exact ? "" : text("search_result_more_than") + " ") +
                             std::to_string(found.total) + " " +
                             text(found.total > 1 ? "search_result_many" : "search_result_one"));

  theme::View results{theme::View::type::list};
  for (const auto& result : found.results) {
    auto card = card_view(result.article, context);
    card.set("snippet_html", result.snippet_html);
    results.push_back(card);
  }
  view.set("results", results);

  if (found.total_pages > 1) {
    theme::View pagination;
    pagination.set("current", std::to_string(found.page));
    pagination.set("total", std::to_string(found.total_pages));
    pagination.set("has_prev", found.page > 1);
    if (found.page > 1) pagination.set("prev_url", search_page_path(found.query, found.page - 1));
    pagination.set("has_next", found.page < found.total_pages);
    if (found.page < found.total_pages)
      pagination.set("next_url", search_page_path(found.query, found.page + 1));
    view.set("pagination", pagination);
  }
  return context.theme.render_page("search", std::move(view), language);
}

std::string render_search_json(const PageContext& context, std::string_view query) {
  return discovery::search_results_json(run_search(context, query), context.base_url);
}

}  // namespace gazette::site

// /newsroom/articles/: every article in every status, newest change first, filtered by status,
// section and author, searched by title. Everyone sees the list; the links are only on what
// each one may open.
#include <algorithm>

#include "http/percent_encoding.h"
#include "newsroom/article_pages.h"
#include "site/target.h"

namespace gazette::newsroom {

namespace {
// A screenful of rows.
constexpr std::int64_t kRowsPerPage = 30;
// Searching by title: anything longer is not a title fragment.
constexpr std::size_t kMaxSearchBytes = 200;
}  // namespace

http::Response ArticlePages::article_list(Call& call) {
  store::NewsroomFilter filter;
  filter.status = content::parse_article_status(call.query.get("status"));
  auto section = call.query.get("section");
  auto author = call.query.get("author");
  auto search = call.query.get("q");
  if (render::is_slug(section)) filter.section_slug = section;
  if (render::is_slug(author)) filter.author_slug = author;
  if (acceptable_text(search, kMaxSearchBytes)) filter.title_contains = search;
  auto page_number = site::page_number("page=" + call.query.get("page")).value_or(1);
  filter.page = {(page_number - 1) * kRowsPerPage, kRowsPerPage};
  auto listing = articles_.list(filter);

  auto context = pages_.context();
  auto view = frame(call, text(call, "articles"));
  std::vector<std::pair<std::string, std::string>> statuses;
  for (auto status : {content::ArticleStatus::draft, content::ArticleStatus::review,
                      content::ArticleStatus::scheduled, content::ArticleStatus::published})
    statuses.emplace_back(content::to_string(status), text(call, status_key(status)));
  view.set("statuses", options_view(statuses, filter.status ? content::to_string(*filter.status)
                                                            : std::string_view()));
  std::vector<std::pair<std::string, std::string>> sections;
  for (const auto& item : context.sections) sections.emplace_back(item.slug, item.name);
  view.set("sections", options_view(sections, filter.section_slug));
  std::vector<std::pair<std::string, std::string>> authors;
  for (const auto& item : terms_.authors()) authors.emplace_back(item.slug, item.name);
  view.set("authors", options_view(authors, filter.author_slug));
  view.set("q", filter.title_contains);

  // Which rows are live coverage going on: a mark linking to their composer (one query).
  std::vector<content::ArticleId> published;
  for (const auto& row : listing.rows)
    if (row.status == content::ArticleStatus::published) published.push_back(row.id);
  auto live_cards = published.empty() ? std::vector<content::LiveCard>{} : live_.cards(published);
  theme::View rows{theme::View::type::list};
  for (const auto& row : listing.rows) {
    theme::View item;
    item.set("title", row.title);
    item.set("url", "/newsroom/articles/" + std::to_string(row.id.value));
    item.set("can_open", auth::can_open(call.user(), {row.author.slug, row.status}));
    item.set("status", std::string(content::to_string(row.status)));
    item.set("status_label", text(call, status_key(row.status)));
    item.set("pinned", row.pinned);
    bool on_air = std::any_of(live_cards.begin(), live_cards.end(), [&](const auto& card) {
      return card.article == row.id && card.live;
    });
    item.set("on_air", on_air);
    item.set("live_url", "/newsroom/live/" + std::to_string(row.id.value));
    item.set("section", row.section.name);
    item.set("author", row.author.name);
    item.set("date", local_display(row.updated_at, context.dates));
    rows.push_back(item);
  }
  view.set("rows", rows);
  view.set("has_rows", !listing.rows.empty());

  auto pages = std::max<std::int64_t>(1, (listing.total + kRowsPerPage - 1) / kRowsPerPage);
  auto link = [&](long number) {
    return "/newsroom/articles/?status=" +
           http::percent_encode(filter.status ? content::to_string(*filter.status) : "") +
           "&section=" + http::percent_encode(filter.section_slug) +
           "&author=" + http::percent_encode(filter.author_slug) +
           "&q=" + http::percent_encode(search) + "&page=" + std::to_string(number);
  };
  view.set("page", std::to_string(page_number));
  view.set("pages", std::to_string(pages));
  view.set("has_prev", page_number > 1);
  view.set("prev_url", link(page_number - 1));
  view.set("has_next", page_number < pages);
  view.set("next_url", link(page_number + 1));
  return page(call, http::Status::ok, "articles", view);
}

}  // namespace gazette::newsroom

// The reader pages. Each takes what the request asked for and returns the page's HTML, or
// nullopt when there is no such page (the router answers with the themed 404).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/types.h"
#include "render/dates.h"
#include "store/store.h"
#include "theme/theme.h"

namespace gazette::site {

/// What every page needs to render: the site as it is now and the request's page number.
/// Made by PageEnvironment::context().
struct PageContext {
  store::Store& store;
  const theme::Theme& theme;
  content::SiteSettings settings;
  std::vector<content::Section> sections;
  const render::DateFormatter& dates;
  long page_number = 1;
};

/// How many articles a listing shows per page: a screenful of cards on a desktop.
constexpr long kArticlesPerPage = 20;

std::optional<std::string> render_home(const PageContext& context);
std::optional<std::string> render_listing(const PageContext& context,
                                          store::ArticleFilter::Kind kind, std::string_view slug);
std::optional<std::string> render_article(const PageContext& context, std::string_view section,
                                          std::string_view slug);
/// The article page of `article`, whatever its status: the reader page, and the newsroom's
/// preview of an unpublished article exactly as readers will see it.
std::string render_article_page(const PageContext& context, const content::Article& article);
std::string render_message(const PageContext& context, int status, std::string_view heading_key,
                           std::string_view message_key);

}  // namespace gazette::site

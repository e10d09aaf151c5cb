// The reader pages. Each takes what the request asked for and returns the page's HTML, or
// nullopt when there is no such page (the router answers with the themed 404).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/cache_dependencies.h"
#include "content/types.h"
#include "render/dates.h"
#include "render/typography.h"
#include "store/discovery_store.h"
#include "store/live_store.h"
#include "store/store.h"
#include "theme/theme.h"

namespace gazette::site {

class CommentSection;

/// What every page needs to render: the site as it is now and the request's page number.
/// Made by PageEnvironment::context().
struct PageContext {
  store::Store& store;
  const theme::Theme& theme;
  content::SiteSettings settings;
  std::vector<content::Section> sections;
  const render::DateFormatter& dates;
  long page_number = 1;
  CommentSection* comments = nullptr;  // the article page's comments, when wired
  store::DiscoveryStore& discovery;
  std::string base_url;  // absolute URL of the site, no trailing slash (discovery/site_url.h)
  /// What the page shows (content/cache_dependencies.h); pages add to it as they render, and
  /// the page cache drops the page when a write names one of these.
  mutable std::vector<content::Dependency> dependencies;
  void depends_on(content::Dependency dependency) const {
    dependencies.push_back(std::move(dependency));
  }
  /// The earliest time the page changes by itself (comments closing by age), with no write to
  /// announce it: the cache keeps it no longer.
  mutable std::optional<content::Timestamp> expires_at;
  void changes_at(content::Timestamp time) const {
    if (!expires_at || time < *expires_at) expires_at = time;
  }
  store::LiveStore* live = nullptr;  // live coverage, when wired
  content::Timestamp now{};          // when the page is rendered (relative times)

  /// What the newsroom wrote (a headline, a lead, a caption, a note) as readers see it, set by
  /// the rules of the site's language (render/typography.h): French spacing on a French site.
  std::string typeset(std::string_view text) const {
    return render::is_french(settings.language) ? render::french_typography(text)
                                                : std::string(text);
  }
  /// The same for HTML this program rendered (a body, a comment).
  std::string typeset_html(std::string_view html) const {
    return render::is_french(settings.language) ? render::french_typography_html(html)
                                                : std::string(html);
  }
};

/// How many articles a listing shows per page: a screenful of cards on a desktop.
constexpr long kArticlesPerPage = 20;

std::optional<std::string> render_home(const PageContext& context);
std::optional<std::string> render_listing(const PageContext& context,
                                          store::ArticleFilter::Kind kind, std::string_view slug);
std::optional<std::string> render_article(const PageContext& context, std::string_view section,
                                          std::string_view slug);
/// /corrections/: the site's corrections, clarifications and retractions, newest first.
std::optional<std::string> render_corrections(const PageContext& context);
/// /types/: every kind of piece the site publishes, what it means, and a link to its articles.
std::optional<std::string> render_types(const PageContext& context);
/// /about/: who publishes the site and how to reach it, with links to its policies.
std::optional<std::string> render_about(const PageContext& context);
/// /about/{slug}/: one of the publisher's policies (content/publisher.h); nullopt when the
/// slug names none or the admin has not written it.
std::optional<std::string> render_policy(const PageContext& context, std::string_view slug);
/// The search page for the query string `query` ("q=…&page=…"); `json` for the JSON form.
std::string render_search(const PageContext& context, std::string_view query);
std::string render_search_json(const PageContext& context, std::string_view query);
/// The article page of `article`, whatever its status: the reader page, and the newsroom's
/// preview of an unpublished article exactly as readers will see it.
std::string render_article_page(const PageContext& context, const content::Article& article);
/// The article page as a partner sees it through an embargo preview link (newsroom): the reader
/// page with « Sous embargo jusqu’au … » on top, `noindex`, and no structured data or comments.
std::string render_embargo_preview(const PageContext& context, const content::Article& article,
                                   content::Timestamp until);
std::string render_message(const PageContext& context, int status, std::string_view heading_key,
                           std::string_view message_key);

}  // namespace gazette::site

// View models: what the theme's templates receive, built from content types. Every value is
// ready to print; templates make no decisions beyond presentation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/types.h"
#include "render/dates.h"
#include "site/pages.h"
#include "theme/theme.h"

namespace gazette::site {

/// The parts of a page every template receives: site, navigation and page metadata.
struct PageFrame {
  const content::SiteSettings& settings;
  const std::vector<content::Section>& sections;
  std::string current_section;  // slug of the section the page belongs to, if any
  std::string title;            // the <title>, without the site name
  std::string description;
  std::string canonical_path;
  // Discovery: absolute URLs, social cards, structured data, feeds (themes/default/README.md).
  std::string base_url{};                   // the site's absolute URL, no trailing slash
  std::string og_type = "website";          // OpenGraph type: "article" on article pages
  std::optional<std::string> image_path{};  // the page's image (a /media/ path), for social cards
  std::string json_ld{};                    // script-safe JSON-LD (discovery/structured_data.h)
  std::string feed_path{};                  // this listing's RSS feed ("/tag/x/feed.xml"), if any
  std::string feed_title{};
  bool noindex = false;  // search results: not for search engines
  // The footer's newsletter form offers this section's or author's letter ("section" or
  // "author", its slug and name) beside the whole site's; empty: the whole site only.
  std::string newsletter_scope{};
  std::string newsletter_slug{};
  std::string newsletter_name{};
};

theme::View frame_view(const PageFrame& frame);

/// The label naming what kind of piece an article is, linked to the page that explains it
/// ({kind, url, label}); none for news (content::is_labelled). Sponsored content names its
/// sponsor when given.
std::optional<theme::View> kind_label_view(const PageContext& context, content::ArticleKind kind,
                                           std::string_view sponsor);

/// An article in a list: title, link, lead, date, author, section, image; headline and lead
/// set in the site's language (PageContext::typeset).
theme::View card_view(const content::ArticleSummary& article, const PageContext& context);

/// A card of `article` on a page of `context`, which then depends on the article, its section
/// and its author.
theme::View card_item(const PageContext& context, const content::ArticleSummary& article);

/// The cards of `articles`; the page then depends on each article, its section and author.
theme::View card_list(const PageContext& context,
                      const std::vector<content::ArticleSummary>& articles);

/// The image attributes for `image` (src, srcset, width, height, alt).
theme::View image_view(const content::MediaRef& image, const std::string& alt);

/// Links to the previous and next pages of a listing at `path`; nullopt when there is neither.
std::optional<theme::View> pagination_view(std::string_view path, long page, bool has_next);

}  // namespace gazette::site

// The names pages give to what they show, and writes to what they changed, so the page cache
// can drop exactly the pages a write affects. Pages declare them (src/site/), events are
// turned into them (src/cache/invalidation.cpp): both sides spell them here.
#pragma once

#include <string>
#include <string_view>

#include "content/events.h"

namespace gazette::content::dependency {

/// The page shows this article: its page, or a card of it in a list.
inline std::string article_shown(ArticleId id) {
  return "article:" + std::to_string(id.value);
}
/// The page shows the article's comments.
inline std::string comments_shown(ArticleId id) {
  return "comments:" + std::to_string(id.value);
}
/// The page shows the article's "You may also like" list.
inline std::string related_shown(ArticleId id) {
  return "related:" + std::to_string(id.value);
}
/// The page shows a term's name or description (a label, a byline, a listing heading).
inline std::string term_shown(TermChanged::Kind kind, std::string_view slug) {
  static constexpr std::string_view kKinds[] = {"section", "tag", "category", "author"};
  return "term:" + std::string(kKinds[static_cast<int>(kind)]) + ":" + std::string(slug);
}
/// The page shows the list of sections (the navigation: every reader page).
inline std::string section_navigation() {
  return "sections";
}

/// The page is a machine-readable document (feed, sitemap): it shows every recent article
/// with its names, so any visible article change and any renamed term changes it.
inline std::string documents() {
  return "documents";
}

/// The page shows which articles a listing holds, and in which order.
inline std::string home_list() {
  return "list:home";
}
inline std::string section_list(std::string_view slug) {
  return "list:section:" + std::string(slug);
}
inline std::string tag_list(std::string_view slug) {
  return "list:tag:" + std::string(slug);
}
inline std::string author_list(std::string_view slug) {
  return "list:author:" + std::string(slug);
}
inline std::string category_list(std::string_view slug) {
  return "list:category:" + std::string(slug);
}

}  // namespace gazette::content::dependency

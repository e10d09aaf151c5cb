// The names pages give to what they show, and writes to what they changed, so the page cache
// can drop exactly the pages a write affects. Pages declare them (src/site/), events are
// turned into them (src/cache/invalidation.cpp): both sides make them here. They travel as
// values beside a response (http/answer.h), never as text in its headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "content/events.h"

namespace gazette::content {

/// One thing a page shows that a write may change. Made by the functions of
/// content::dependency below, so the page declaring it and the write naming it agree.
struct Dependency {
  enum class Kind : std::uint8_t {
    article,       // the article itself (its page, or a card of it)
    comments,      // the article's comments
    related,       // the article's "You may also like" list
    section_name,  // a term's name or description (a label, a byline, a heading)
    tag_name,
    category_name,
    author_name,
    section_navigation,  // the list of sections (every reader page)
    documents,           // feeds and sitemaps: every recent article with its names
    home_list,           // which articles a listing holds, and in which order
    section_list,
    tag_list,
    author_list,
    category_list,
  };
  Kind kind = Kind::documents;
  ArticleId article{};  // article, comments, related
  std::string slug;     // a term's name or a listing other than the home page's
  bool operator==(const Dependency&) const = default;
};

namespace dependency {

/// The page shows this article: its page, or a card of it in a list.
inline Dependency article_shown(ArticleId id) {
  return {Dependency::Kind::article, id, {}};
}
/// The page shows the article's comments.
inline Dependency comments_shown(ArticleId id) {
  return {Dependency::Kind::comments, id, {}};
}
/// The page shows the article's "You may also like" list.
inline Dependency related_shown(ArticleId id) {
  return {Dependency::Kind::related, id, {}};
}
/// The page shows a term's name or description (a label, a byline, a listing heading).
inline Dependency term_shown(TermChanged::Kind kind, std::string_view slug) {
  using Kind = Dependency::Kind;
  static constexpr Kind kKinds[] = {Kind::section_name, Kind::tag_name, Kind::category_name,
                                    Kind::author_name};
  return {kKinds[static_cast<int>(kind)], {}, std::string(slug)};
}
/// The page shows the list of sections (the navigation: every reader page).
inline Dependency section_navigation() {
  return {Dependency::Kind::section_navigation, {}, {}};
}

/// The page is a machine-readable document (feed, sitemap): it shows every recent article
/// with its names, so any visible article change and any renamed term changes it.
inline Dependency documents() {
  return {Dependency::Kind::documents, {}, {}};
}

/// The page shows which articles a listing holds, and in which order.
inline Dependency home_list() {
  return {Dependency::Kind::home_list, {}, {}};
}
inline Dependency section_list(std::string_view slug) {
  return {Dependency::Kind::section_list, {}, std::string(slug)};
}
inline Dependency tag_list(std::string_view slug) {
  return {Dependency::Kind::tag_list, {}, std::string(slug)};
}
inline Dependency author_list(std::string_view slug) {
  return {Dependency::Kind::author_list, {}, std::string(slug)};
}
inline Dependency category_list(std::string_view slug) {
  return {Dependency::Kind::category_list, {}, std::string(slug)};
}

}  // namespace dependency
}  // namespace gazette::content

/// Dependencies are the keys of the page cache's index of pages by what they show.
template <>
struct std::hash<gazette::content::Dependency> {
  std::size_t operator()(const gazette::content::Dependency& dependency) const noexcept {
    auto hash = std::hash<std::string_view>{}(dependency.slug);
    hash ^= std::hash<std::int64_t>{}(dependency.article.value) + 0x9e3779b97f4a7c15ull +
            (hash << 6) + (hash >> 2);
    return hash ^ (static_cast<std::size_t>(dependency.kind) << 56);
  }
};

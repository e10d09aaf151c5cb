// The URL of every reader page, in one place, so a page never spells another page's URL.
#pragma once

#include <string>
#include <string_view>

#include "content/article_kinds.h"
#include "content/publisher.h"

namespace gazette::site {

inline std::string section_path(std::string_view section) {
  return "/" + std::string(section) + "/";
}
inline std::string article_path(std::string_view section, std::string_view slug) {
  return "/" + std::string(section) + "/" + std::string(slug) + "/";
}
inline std::string comments_path(std::string_view section, std::string_view slug) {
  return article_path(section, slug) + "comments";
}
inline std::string tag_path(std::string_view slug) {
  return "/tag/" + std::string(slug) + "/";
}
inline std::string author_path(std::string_view slug) {
  return "/author/" + std::string(slug) + "/";
}
inline std::string category_path(std::string_view slug) {
  return "/category/" + std::string(slug) + "/";
}
inline std::string media_path(std::string_view name) {
  return "/media/" + std::string(name);
}

/// What a kind of piece means, and the articles of that kind (content/article_kinds.h).
inline std::string types_path(content::ArticleKind kind) {
  return "/types/" + std::string(content::to_string(kind)) + "/";
}

/// The site's corrections, clarifications and retractions; its feed is feed.xml under it.
inline std::string corrections_path() {
  return "/corrections/";
}

/// Who publishes the site, with links to its policies; each policy's page is under it.
inline std::string about_path() {
  return "/about/";
}
inline std::string policy_path(content::Policy policy) {
  return about_path() + std::string(content::policy_slug(policy)) + "/";
}

/// `path` with "?page=N" when N > 1: page 1 of a listing is the bare path.
inline std::string page_path(std::string_view path, long page) {
  return page > 1 ? std::string(path) + "?page=" + std::to_string(page) : std::string(path);
}

}  // namespace gazette::site

// Naming a request's kind of page from its target (see page_kind.h and site/paths.h).
#include "app/page_kind.h"

#include <algorithm>

namespace gazette::app {

std::string_view to_string(PageKind kind) {
  static constexpr std::array<std::string_view, kPageKindCount> kNames = {
      "home",     "article",  "section", "listing", "search",     "feed", "sitemap",
      "comments", "newsroom", "media",   "asset",   "operations", "other"};
  return kNames[static_cast<std::size_t>(kind)];
}

PageKind page_kind_of(std::string_view target) {
  auto path = target.substr(0, target.find('?'));
  if (path == "/") return PageKind::home;
  if (path == "/metrics" || path == "/healthz" || path == "/readyz") return PageKind::operations;
  if (path.starts_with("/newsroom/")) return PageKind::newsroom;
  if (path.starts_with("/comments/") || path.ends_with("/comments")) return PageKind::comments;
  if (path.starts_with("/media/")) return PageKind::media;
  if (path.starts_with("/search")) return PageKind::search;
  if (path.ends_with("feed.xml") || path.ends_with("feed.atom")) return PageKind::feed;
  if (path.starts_with("/sitemap") || path == "/robots.txt") return PageKind::sitemap;
  if (path.starts_with("/tag/") || path.starts_with("/author/") || path.starts_with("/category/") ||
      path.starts_with("/types/"))
    return PageKind::listing;
  if (path.starts_with("/assets/") || path.starts_with("/theme/") || path == "/favicon.ico")
    return PageKind::asset;
  // Reader pages end in a slash: /section/ and /section/slug/.
  if (path.size() < 2 || path.back() != '/') return PageKind::other;
  auto slashes = std::count(path.begin(), path.end(), '/');
  if (slashes == 2) return PageKind::section;
  if (slashes == 3) return PageKind::article;
  return PageKind::other;
}

}  // namespace gazette::app

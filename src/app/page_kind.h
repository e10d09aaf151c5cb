// The kind of page a request target asks for, as /metrics and its latency histograms group
// requests: a handful of labels, whatever the number of articles.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace gazette::app {

enum class PageKind {
  home,
  article,
  section,
  listing,  // tag, author, category
  search,
  feed,
  sitemap,  // sitemaps and robots.txt
  comments,
  newsroom,
  media,
  asset,       // the theme's files and the site's icons
  operations,  // /metrics, /healthz, /readyz
  other,
};

inline constexpr std::size_t kPageKindCount = static_cast<std::size_t>(PageKind::other) + 1;

std::string_view to_string(PageKind kind);

/// The kind of `target` (a request target, query included), from its shape alone: no lookup.
PageKind page_kind_of(std::string_view target);

}  // namespace gazette::app

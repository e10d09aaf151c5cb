// The machine-readable documents of the site: feeds (/feed.xml, /feed.atom, and the same under
// /{section}/, /tag/{slug}/, /author/{slug}/, /category/{slug}/ and /types/{kind}/), sitemaps
// (/sitemap.xml, /sitemap-pages.xml, /sitemap-articles-N.xml, /sitemap-news.xml), /robots.txt, and
// a live coverage's entries at its article's /{section}/{slug}/feed.xml and feed.atom
// (live_feed.h). "feed.xml" cannot be an article slug (slugs have no dot), so these never shadow a
// page.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "content/clock.h"
#include "http/answer.h"
#include "store/discovery_store.h"
#include "store/live_store.h"
#include "store/store.h"

namespace gazette::discovery {

/// The name readers see for a kind of piece in `language` (« Analyse »): the theme's words.
using KindName = std::function<std::string(content::ArticleKind, const std::string& language)>;

class DiscoveryRoutes {
 public:
  /// `live`, when given, serves the feeds of live coverage; `kind_name` titles the feed of a
  /// kind (without it, the kind's English identifier).
  DiscoveryRoutes(store::Store& store, store::DiscoveryStore& discovery,
                  const content::Clock& clock, store::LiveStore* live = nullptr,
                  KindName kind_name = {})
      : store_(store),
        discovery_(discovery),
        clock_(clock),
        live_(live),
        kind_name_(std::move(kind_name)) {}

  /// The response for one of the documents above, or nullopt when `request` is not for one
  /// (or names a section, tag or author that does not exist: the reader site's 404 follows).
  /// Feeds and sitemaps carry an ETag and Last-Modified, and conditional requests get a 304;
  /// at their canonical URL they come with what the page cache needs to keep them.
  /// An unexpected failure (a database error) is thrown to the server's one 500 path.
  std::optional<http::Answer> handle(const http::Request& request);

 private:
  // The feed of the live coverage of the article at /{section}/{slug}/, or nullopt when it
  // has none (the reader site's 404 follows).
  std::optional<http::Answer> live_feed(const http::Request& request, std::string_view section,
                                        std::string_view slug, bool rss,
                                        const content::SiteSettings& settings,
                                        const std::string& base);

  store::Store& store_;
  store::DiscoveryStore& discovery_;
  const content::Clock& clock_;
  store::LiveStore* live_;
  KindName kind_name_;
};

/// The ETag of `body`: a hash of its bytes, quoted.
std::string entity_tag(std::string_view body);

}  // namespace gazette::discovery

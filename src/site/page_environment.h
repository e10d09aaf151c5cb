// What any part of Gazette needs to render a themed reader page (the reader site, search,
// comments): the store, the theme, and date formatters for the site's language and zone.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "content/clock.h"
#include "site/pages.h"

namespace gazette::site {

class PageEnvironment {
 public:
  PageEnvironment(store::Store& store, store::DiscoveryStore& discovery, const theme::Theme& theme)
      : store_(store), discovery_(discovery), theme_(theme) {}

  /// The site as it is now (settings, sections), for page `page_number` of a listing, asked
  /// for with `host` (the Host header: the base URL when the `url` setting is not set).
  PageContext context(long page_number = 1, std::string_view host = "");

  /// Wires the article page's comments (start-up only, before serving).
  void set_comment_section(CommentSection* comments) { comments_ = comments; }
  /// Wires live coverage and the clock its relative times read (start-up only).
  void set_live(store::LiveStore* live, const content::Clock* clock) {
    live_ = live;
    clock_ = clock;
  }

  store::Store& store() { return store_; }
  const theme::Theme& theme() const { return theme_; }

 private:
  const render::DateFormatter& dates_for(const content::SiteSettings& settings);

  store::Store& store_;
  store::DiscoveryStore& discovery_;
  const theme::Theme& theme_;
  CommentSection* comments_ = nullptr;
  store::LiveStore* live_ = nullptr;
  const content::Clock* clock_ = nullptr;
  std::mutex dates_mutex_;
  std::map<std::string, std::unique_ptr<render::DateFormatter>> dates_;  // by language|zone
};

}  // namespace gazette::site

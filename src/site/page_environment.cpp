// PageEnvironment: page contexts and the date formatters they share (see page_environment.h).
#include "site/page_environment.h"

#include "content/cache_dependencies.h"
#include "discovery/site_url.h"

namespace gazette::site {

PageContext PageEnvironment::context(long page_number, std::string_view host) {
  auto settings = store_.settings();
  auto sections = store_.sections();
  const auto& dates = dates_for(settings);
  auto base_url = discovery::base_url(settings.url, host);
  PageContext context{store_,      theme_,    std::move(settings), std::move(sections), dates,
                      page_number, comments_, discovery_,          std::move(base_url), {},
                      std::nullopt};
  context.live = live_;
  if (clock_) context.now = clock_->now();
  // Every reader page shows the sections in its navigation.
  context.depends_on(content::dependency::section_navigation());
  return context;
}

const render::DateFormatter& PageEnvironment::dates_for(const content::SiteSettings& settings) {
  std::lock_guard lock(dates_mutex_);
  auto& formatter = dates_[settings.language + "|" + settings.time_zone];
  if (!formatter)
    formatter = std::make_unique<render::DateFormatter>(settings.language, settings.time_zone);
  return *formatter;
}

}  // namespace gazette::site

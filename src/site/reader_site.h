// The reader site: routes a request to its page (home, section, article, tag, author,
// category), to a theme asset or to a media file, and shapes the response.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "http/message.h"
#include "render/dates.h"
#include "store/store.h"
#include "theme/theme.h"

namespace gazette::site {

class ReaderSite {
 public:
  ReaderSite(store::Store& store, const theme::Theme& theme);

  /// Answers one request; never throws. Unknown paths get the themed 404.
  http::Response handle(const http::Request& request);

 private:
  http::Response route(const http::Request& request);
  const render::DateFormatter& dates_for(const content::SiteSettings& settings);

  store::Store& store_;
  const theme::Theme& theme_;
  std::mutex dates_mutex_;
  std::map<std::string, std::unique_ptr<render::DateFormatter>> dates_;  // by language|zone
};

}  // namespace gazette::site

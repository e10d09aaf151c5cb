// The site settings an admin changes (title, description, language, time zone, logo, public
// address, feed content), saved with the SettingsChanged that drops every cached page.
#pragma once

#include "content/types.h"
#include "publishing/write_path.h"
#include "store/store.h"

namespace gazette::publishing {

class SettingsService {
 public:
  SettingsService(store::Store& store, WritePath& write_path)
      : store_(store), write_path_(write_path) {}

  content::SiteSettings settings() { return store_.settings(); }
  /// Saves `settings` (already checked by the form) and announces SettingsChanged.
  void save(const content::SiteSettings& settings);

 private:
  store::Store& store_;
  WritePath& write_path_;
};

}  // namespace gazette::publishing

// SettingsService (see settings_service.h).
#include "publishing/settings_service.h"

namespace gazette::publishing {

void SettingsService::save(const content::SiteSettings& settings) {
  write_path_.run([&](store::WriteTransaction& write) {
    store_.save_settings(write, settings);
    write.announce(content::SettingsChanged{});
  });
}

}  // namespace gazette::publishing

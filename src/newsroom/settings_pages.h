// The newsroom's site settings: /newsroom/settings, for admins (the logo through MediaService),
// and /newsroom/settings/publisher, who publishes and its policies
// (publisher_settings_page.cpp).
#pragma once

#include "media/media_service.h"
#include "newsroom/area.h"
#include "publishing/settings_service.h"

namespace gazette::newsroom {

class SettingsPages final : public Area {
 public:
  SettingsPages(const Desk& desk, publishing::SettingsService& settings, media::MediaService& media)
      : Area(desk), settings_(settings), media_(media) {}

  std::vector<std::string_view> segments() const override { return {"settings"}; }
  http::Response handle(Call& call) override;

 private:
  http::Response settings_page(Call& call);
  http::Response publisher_page(Call& call);

  publishing::SettingsService& settings_;
  media::MediaService& media_;
};

}  // namespace gazette::newsroom

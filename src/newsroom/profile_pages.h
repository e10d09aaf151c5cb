// The newsroom's author profiles: /newsroom/authors/{slug} (one's own, or anyone's for editors),
// /newsroom/profile, which leads to one's own, and /newsroom/authors/, where editors list
// everyone who signs and add guest authors.
#pragma once

#include "media/media_service.h"
#include "newsroom/area.h"
#include "publishing/profile_service.h"

namespace gazette::newsroom {

class ProfilePages final : public Area {
 public:
  ProfilePages(const Desk& desk, publishing::ProfileService& profiles, media::MediaService& media)
      : Area(desk), profiles_(profiles), media_(media) {}

  std::vector<std::string_view> segments() const override { return {"authors", "profile"}; }
  http::Response handle(Call& call) override;

 private:
  http::Response author_list(Call& call);
  http::Response author_profile(Call& call, std::string_view slug);

  publishing::ProfileService& profiles_;
  media::MediaService& media_;
};

}  // namespace gazette::newsroom

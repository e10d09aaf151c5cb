// ProfileService (see profile_service.h).
#include "publishing/profile_service.h"

namespace gazette::publishing {

ProfileSave ProfileService::save(std::string_view slug, std::string_view name, std::string_view bio,
                                 const std::optional<std::string>& photo_name) {
  return write_path_.run([&](store::WriteTransaction& write) {
    if (!terms_.save_author_profile(write, slug, name, bio, photo_name))
      return ProfileSave::not_found;
    write.announce(content::TermChanged{content::TermChanged::Kind::author, std::string(slug)});
    return ProfileSave::saved;
  });
}

}  // namespace gazette::publishing

// ProfileService (see profile_service.h).
#include "publishing/profile_service.h"

#include "render/slug.h"

namespace gazette::publishing {

ProfileSave ProfileService::save(std::string_view slug, const store::AuthorProfileEdit& profile) {
  return write_path_.run([&](store::WriteTransaction& write) {
    if (!terms_.save_author_profile(write, slug, profile)) return ProfileSave::not_found;
    write.announce(content::TermChanged{content::TermChanged::Kind::author, std::string(slug)});
    return ProfileSave::saved;
  });
}

std::optional<content::Term> ProfileService::add_guest(std::string_view name) {
  content::Term author{render::slugify(name), std::string(name)};
  if (author.slug.empty()) return std::nullopt;
  bool added = write_path_.run(
      [&](store::WriteTransaction& write) { return terms_.create_author(write, author); });
  if (!added) return std::nullopt;
  return author;
}

}  // namespace gazette::publishing

// Author profiles — the name, biography and photo readers see on an author's page — saved with
// the TermChanged that refreshes every page naming the author.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "publishing/write_path.h"
#include "store/term_store.h"

namespace gazette::publishing {

/// How a profile save went.
enum class ProfileSave { saved, not_found };

class ProfileService {
 public:
  ProfileService(store::TermStore& terms, WritePath& write_path)
      : terms_(terms), write_path_(write_path) {}

  std::optional<store::AuthorProfile> find(std::string_view slug) {
    return terms_.find_author_profile(slug);
  }

  /// Saves the profile of author `slug`: name, biography and photo (a media name already
  /// stored, or nullopt for none).
  ProfileSave save(std::string_view slug, std::string_view name, std::string_view bio,
                   const std::optional<std::string>& photo_name);

 private:
  store::TermStore& terms_;
  WritePath& write_path_;
};

}  // namespace gazette::publishing

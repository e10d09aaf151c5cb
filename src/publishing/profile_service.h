// Author profiles — the name, role, biography, links and photo readers see on an author's page —
// saved with the TermChanged that refreshes every page naming the author; guest authors added.
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

  std::optional<content::Author> find(std::string_view slug) {
    return terms_.find_author_profile(slug);
  }

  /// Everyone who signs, by name.
  std::vector<content::Author> authors() { return terms_.authors(); }

  /// Saves the profile of author `slug`.
  ProfileSave save(std::string_view slug, const store::AuthorProfileEdit& profile);

  /// Adds a guest author (no account) named `name`, under a slug made from it; nullopt when an
  /// author already has that slug.
  std::optional<content::Term> add_guest(std::string_view name);

 private:
  store::TermStore& terms_;
  WritePath& write_path_;
};

}  // namespace gazette::publishing

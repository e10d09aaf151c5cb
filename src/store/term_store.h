// The newsroom's writes to what organises articles: sections, author profiles, and the lists of
// categories and tags the editor suggests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/types.h"

namespace gazette::store {

/// An author's public profile, as the newsroom edits it.
struct AuthorProfile {
  content::Author author;
  std::optional<content::MediaRef> photo;
};

class TermStore {
 public:
  virtual ~TermStore() = default;

  /// Creates a section, or renames and describes the one with `slug`. False when creating a
  /// section whose slug another section has.
  virtual bool save_section(std::string_view slug, std::string_view name,
                            std::string_view description, bool create) = 0;

  virtual std::vector<content::Term> categories() = 0;
  /// Tags whose name starts with `prefix` (case-insensitive for ASCII), most used first.
  virtual std::vector<content::Term> tags_starting_with(std::string_view prefix,
                                                        std::int64_t limit) = 0;

  virtual std::vector<content::Author> authors() = 0;
  virtual std::optional<AuthorProfile> find_author_profile(std::string_view slug) = 0;
  /// Updates the profile's name, bio and photo (a media name, or nullopt to keep none).
  virtual bool save_author_profile(std::string_view slug, std::string_view name,
                                   std::string_view bio,
                                   const std::optional<std::string>& photo_name) = 0;
};

}  // namespace gazette::store

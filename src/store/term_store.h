// The newsroom's writes to what organises articles: sections, author profiles, and the lists of
// categories and tags the editor suggests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/events.h"
#include "content/types.h"
#include "store/write_transaction.h"

namespace gazette::store {

/// The two kinds of label the newsroom renames, merges and deletes.
using LabelKind = content::TermChanged::Kind;  // only tag or category

/// A category or tag with the number of articles (any status) filed under it.
struct LabelUsage {
  content::Term term;
  std::int64_t articles = 0;
};

/// How a rename went: done, no such label, or its new slug is another label's.
enum class LabelRename { done, not_found, slug_taken };

/// An author's public profile, as the newsroom saves it.
struct AuthorProfileEdit {
  std::string name;
  std::string bio;
  std::string role;
  std::vector<std::string> links;
  std::optional<std::string> photo_name;  // a media name already stored; nullopt: no photo
};

class TermStore {
 public:
  virtual ~TermStore() = default;

  /// Creates a section, or renames and describes the one with `slug`. False when creating a
  /// section whose slug another section has, or changing one that does not exist.
  virtual bool save_section(WriteTransaction& write, std::string_view slug, std::string_view name,
                            std::string_view description, bool create) = 0;

  virtual std::vector<content::Term> categories() = 0;
  /// Tags whose name starts with `prefix` (case-insensitive for ASCII), most used first.
  virtual std::vector<content::Term> tags_starting_with(std::string_view prefix,
                                                        std::int64_t limit) = 0;

  /// Every category or tag (kind tag or category), by name, with its article count.
  virtual std::vector<LabelUsage> labels(LabelKind kind) = 0;
  /// Gives the label `slug` a new name and slug.
  virtual LabelRename rename_label(WriteTransaction& write, LabelKind kind, std::string_view slug,
                                   std::string_view name, std::string_view new_slug) = 0;
  /// Files every article of `from` under `into` and deletes `from` (child categories move to
  /// `into`). Returns the articles that were filed under `from`, or nullopt when either label is
  /// missing or they are the same.
  virtual std::optional<std::vector<content::ArticleId>> merge_label(WriteTransaction& write,
                                                                     LabelKind kind,
                                                                     std::string_view from,
                                                                     std::string_view into) = 0;
  /// Detaches the label from its articles and deletes it (child categories lose their parent).
  /// Returns the articles it was taken from, or nullopt when there is no such label.
  virtual std::optional<std::vector<content::ArticleId>> delete_label(WriteTransaction& write,
                                                                      LabelKind kind,
                                                                      std::string_view slug) = 0;

  virtual std::vector<content::Author> authors() = 0;
  virtual std::optional<content::Author> find_author_profile(std::string_view slug) = 0;
  /// Updates the profile. False when there is no such author.
  virtual bool save_author_profile(WriteTransaction& write, std::string_view slug,
                                   const AuthorProfileEdit& profile) = 0;
  /// Adds an author no account signs as (a guest); false when the slug is taken.
  virtual bool create_author(WriteTransaction& write, const content::Term& author) = 0;
};

}  // namespace gazette::store

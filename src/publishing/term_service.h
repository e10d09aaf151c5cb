// Writes to what organises articles — sections, and the categories and tags editors rename,
// merge and delete — each announcing TermChanged in its transaction, so cached pages and the
// search index follow.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "publishing/write_path.h"
#include "store/store.h"
#include "store/term_store.h"

namespace gazette::publishing {

/// How a section save went.
enum class SectionSave { saved, not_found, slug_taken };
/// How a merge went: done, or one of the labels is missing (or they are the same).
enum class LabelMerge { merged, not_found };
/// How a delete went.
enum class LabelDelete { deleted, not_found };

class TermService {
 public:
  TermService(store::Store& store, store::TermStore& terms, WritePath& write_path)
      : store_(store), terms_(terms), write_path_(write_path) {}

  // What the newsroom reads to show and choose terms.
  std::vector<content::Section> sections() { return store_.sections(); }
  std::vector<content::Term> categories() { return terms_.categories(); }
  std::vector<content::Term> tags_starting_with(std::string_view prefix, std::int64_t limit) {
    return terms_.tags_starting_with(prefix, limit);
  }
  std::vector<store::LabelUsage> labels(store::LabelKind kind) { return terms_.labels(kind); }
  std::vector<content::Author> authors() { return terms_.authors(); }

  /// Creates a section (`create`: slug_taken when another has its slug) or renames and
  /// describes the one with `slug` (not_found when none has).
  SectionSave save_section(std::string_view slug, std::string_view name,
                           std::string_view description, bool create);
  /// Gives label `slug` a new name and slug; announces the old slug and the new one.
  store::LabelRename rename_label(store::LabelKind kind, std::string_view slug,
                                  std::string_view name, std::string_view new_slug);
  /// Files the articles of `from` under `into` and deletes `from`; announces both, with the
  /// articles `from` was taken from.
  LabelMerge merge_label(store::LabelKind kind, std::string_view from, std::string_view into);
  /// Detaches the label from its articles and deletes it; announces it with those articles.
  LabelDelete delete_label(store::LabelKind kind, std::string_view slug);

 private:
  store::Store& store_;
  store::TermStore& terms_;
  WritePath& write_path_;
};

}  // namespace gazette::publishing

// Corrections in the open: what kind of change a save of a published article is, the note
// readers are shown for it, and the site-wide list of corrections (/corrections/).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "content/types.h"

namespace gazette::content {

/// What kind of change a save of a published article is. A typo is silent: no note, no
/// « Mis à jour », no dateModified. Every other kind is shown to readers with its note.
enum class ChangeKind { typo, update, correction, clarification, retraction };

std::string_view to_string(ChangeKind kind);
std::optional<ChangeKind> parse_change_kind(std::string_view text);

/// Whether readers see the change (its note, the update date): all but a typo.
inline bool is_public(ChangeKind kind) {
  return kind != ChangeKind::typo;
}
/// Whether the change is listed on /corrections/ and carried as a CorrectionComment: an update
/// adds news, it does not correct anything.
inline bool is_correction(ChangeKind kind) {
  return kind == ChangeKind::correction || kind == ChangeKind::clarification ||
         kind == ChangeKind::retraction;
}

/// A note longer than this is refused: it is a box above or below the article, not a second one.
constexpr std::size_t kMaxChangeNoteBytes = 2000;

/// One public change of an article, as readers see it.
struct ChangeNote {
  std::int64_t id = 0;  // its anchor on the article page ("#change-12") and its feed entry's id
  ChangeKind kind = ChangeKind::update;
  std::string note;
  Timestamp changed_at{};
};

/// A line of /corrections/ and its feed: the change and the article it changed.
struct ListedCorrection {
  ChangeNote change;
  ArticleId article;
  std::string title;
  std::string section_slug;
  std::string slug;
};

}  // namespace gazette::content

// Text forms of the kinds of change, as the database, the forms and front matter write them.
#include "content/corrections.h"

namespace gazette::content {

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::typo:
      return "typo";
    case ChangeKind::update:
      return "update";
    case ChangeKind::correction:
      return "correction";
    case ChangeKind::clarification:
      return "clarification";
    case ChangeKind::retraction:
      return "retraction";
  }
  return "typo";
}

std::optional<ChangeKind> parse_change_kind(std::string_view text) {
  for (auto kind : {ChangeKind::typo, ChangeKind::update, ChangeKind::correction,
                    ChangeKind::clarification, ChangeKind::retraction}) {
    if (to_string(kind) == text) return kind;
  }
  return std::nullopt;
}

}  // namespace gazette::content

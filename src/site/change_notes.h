// What readers are told of an article's changes after publication: its « Ce qui a changé » box,
// the retraction notice on top of a retracted article, and the « Mis à jour le … » line.
#pragma once

#include <string>
#include <vector>

#include "content/corrections.h"
#include "site/pages.h"
#include "theme/theme.h"

namespace gazette::site {

/// The interface string naming `kind` (« Correction », « Précision »…).
std::string change_kind_label(const PageContext& context, content::ChangeKind kind);

/// One public change as the templates print it: id, kind, kind_label, note, date_iso, date_text.
theme::View change_note_view(const PageContext& context, const content::ChangeNote& change);

/// Sets on `article_view`: `changes` (oldest first), `has_changes`, `retraction` (the latest
/// retraction, if any) and `updated` (the date of the latest change) for the article's
/// template.
void add_change_notes(const PageContext& context, const std::vector<content::ChangeNote>& changes,
                      theme::View& article_view);

}  // namespace gazette::site

// The article's public changes as the templates print them (see change_notes.h).
#include "site/change_notes.h"

namespace gazette::site {

std::string change_kind_label(const PageContext& context, content::ChangeKind kind) {
  return context.theme.text(context.settings.language,
                            "change_" + std::string(content::to_string(kind)));
}

theme::View change_note_view(const PageContext& context, const content::ChangeNote& change) {
  theme::View view;
  view.set("id", std::to_string(change.id));
  view.set("kind", std::string(content::to_string(change.kind)));
  view.set("kind_label", change_kind_label(context, change.kind));
  view.set("note", context.typeset(change.note));
  view.set("date_iso", context.dates.iso8601(change.changed_at));
  view.set("date_text", context.dates.long_date(change.changed_at));
  return view;
}

void add_change_notes(const PageContext& context, const std::vector<content::ChangeNote>& changes,
                      theme::View& article_view) {
  theme::View list{theme::View::type::list};
  const content::ChangeNote* retraction = nullptr;
  for (const auto& change : changes) {
    list.push_back(change_note_view(context, change));
    if (change.kind == content::ChangeKind::retraction) retraction = &change;
  }
  article_view.set("changes", list);
  article_view.set("has_changes", !changes.empty());
  if (retraction) article_view.set("retraction", change_note_view(context, *retraction));
  if (!changes.empty()) article_view.set("updated", change_note_view(context, changes.back()));
}

}  // namespace gazette::site

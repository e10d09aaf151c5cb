// /corrections/: every correction, clarification and retraction of the site, newest first,
// each with its date, its note and a link to the article it corrects.
#include "content/cache_dependencies.h"
#include "site/change_notes.h"
#include "site/pages.h"
#include "site/paths.h"
#include "site/view_model.h"

namespace gazette::site {

std::optional<std::string> render_corrections(const PageContext& context) {
  // The list changes with any visible article change (a correction is one), as feeds do.
  context.depends_on(content::dependency::documents());
  auto corrections = context.store.corrections(
      {(context.page_number - 1) * kArticlesPerPage, kArticlesPerPage + 1});
  bool has_more = corrections.size() > static_cast<std::size_t>(kArticlesPerPage);
  if (has_more) corrections.pop_back();
  if (context.page_number > 1 && corrections.empty()) return std::nullopt;

  const auto& language = context.settings.language;
  auto heading = context.theme.text(language, "corrections_title");
  PageFrame frame{context.settings,
                  context.sections,
                  "",
                  heading,
                  context.theme.text(language, "corrections_intro"),
                  page_path(corrections_path(), context.page_number)};
  frame.base_url = context.base_url;
  frame.feed_path = corrections_path() + "feed.xml";
  frame.feed_title = heading + " – " + context.settings.title;
  auto view = frame_view(frame);
  view.set("heading", heading);
  view.set("feed_url", frame.feed_path);
  theme::View list{theme::View::type::list};
  for (const auto& correction : corrections) {
    auto item = change_note_view(context, correction.change);
    item.set("title", context.typeset(correction.title));
    item.set("url", article_path(correction.section_slug, correction.slug) + "#change-" +
                        std::to_string(correction.change.id));
    list.push_back(item);
  }
  view.set("corrections", list);
  view.set("has_corrections", !corrections.empty());
  if (auto pagination = pagination_view(corrections_path(), context.page_number, has_more))
    view.set("pagination", *pagination);
  return context.theme.render_page("corrections", std::move(view), language);
}

}  // namespace gazette::site

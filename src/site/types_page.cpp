// /types/: every kind of piece the site publishes — news, analysis, opinion, sponsored… — with
// what each means, in the site's language, and a link to its articles (/types/{kind}/). The
// labels on articles and cards say the kind; this page is where a reader learns them all.
#include "site/pages.h"
#include "site/paths.h"
#include "site/view_model.h"

namespace gazette::site {

std::optional<std::string> render_types(const PageContext& context) {
  // Only interface texts: nothing of the database, so only a settings change (the language)
  // drops it, which drops every page.
  const auto& language = context.settings.language;
  auto heading = context.theme.text(language, "types_title");
  PageFrame frame{context.settings,
                  context.sections,
                  "",
                  heading,
                  context.theme.text(language, "types_intro"),
                  "/types/"};
  frame.base_url = context.base_url;
  auto view = frame_view(frame);
  view.set("heading", heading);
  theme::View kinds{theme::View::type::list};
  for (auto kind : content::kArticleKinds) {
    auto key = "kind_" + std::string(content::to_string(kind));
    theme::View item;
    item.set("name", context.theme.text(language, key));
    item.set("about", context.theme.text(language, key + "_about"));
    item.set("url", types_path(kind));
    kinds.push_back(item);
  }
  view.set("kinds", kinds);
  return context.theme.render_page("types", std::move(view), language);
}

}  // namespace gazette::site

// The home page: the lead story and each section's latest articles; later pages list every
// article, newest first.
#include "content/cache_dependencies.h"
#include "site/pages.h"
#include "site/paths.h"
#include "site/view_model.h"

namespace gazette::site {

namespace {
// Each section block on the home page shows its few latest stories; its page has the rest.
constexpr long kArticlesPerSectionBlock = 4;
}  // namespace

std::optional<std::string> render_home(const PageContext& context) {
  using Kind = store::ArticleFilter::Kind;
  context.depends_on(content::dependency::home_list());
  // Page 1 is the front page; pages 2… list all articles, kArticlesPerPage at a time.
  std::optional<content::ArticlePage> listed;
  if (context.page_number > 1) {
    listed = context.store.published_articles(
        {Kind::all, ""}, {(context.page_number - 2) * kArticlesPerPage, kArticlesPerPage},
        std::nullopt);
    if (listed->articles.empty()) return std::nullopt;
  }

  PageFrame frame{
      context.settings, context.sections, "", "", "", page_path("/", context.page_number)};
  frame.base_url = context.base_url;
  if (context.page_number > 1)
    frame.title = context.theme.text(context.settings.language, "page") + " " +
                  std::to_string(context.page_number);
  auto view = frame_view(frame);

  bool has_next = false;
  if (context.page_number == 1) {
    auto latest = context.store.published_articles({Kind::all, ""}, {0, 1}, std::nullopt);
    has_next = !latest.articles.empty();  // page 2 lists every article from the first
    std::optional<content::ArticleId> lead_id;
    if (!latest.articles.empty()) {
      view.set("lead_story", card_item(context, latest.articles.front()));
      lead_id = latest.articles.front().id;
    }
    theme::View sections{theme::View::type::list};
    for (const auto& section : context.sections) {
      // Even an empty block depends on its section: its first article makes it appear.
      context.depends_on(content::dependency::section_list(section.slug));
      auto articles = context.store.published_articles({Kind::section, section.slug},
                                                       {0, kArticlesPerSectionBlock}, lead_id);
      if (articles.articles.empty()) continue;
      theme::View block;
      block.set("name", section.name);
      block.set("url", section_path(section.slug));
      block.set("articles", card_list(context, articles.articles));
      sections.push_back(block);
    }
    view.set("sections", sections);
  } else {
    view.set("articles", card_list(context, listed->articles));
    has_next = listed->has_more;
  }
  if (auto pagination = pagination_view("/", context.page_number, has_next))
    view.set("pagination", *pagination);
  return context.theme.render_page("home", std::move(view), context.settings.language);
}

}  // namespace gazette::site

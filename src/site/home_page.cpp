// The home page: the pinned articles, the lead story and each section's latest articles; later
// pages list every article, newest first.
#include <algorithm>

#include "content/cache_dependencies.h"
#include "site/live_view.h"
#include "site/pages.h"
#include "site/paths.h"
#include "site/publisher_facts.h"
#include "site/view_model.h"

namespace gazette::site {

namespace {
// Each section block on the home page shows its few latest stories; its page has the rest.
constexpr long kArticlesPerSectionBlock = 4;
// Pinned articles above the lead story: a front page holds a handful. When more are pinned the
// newest show there, and the others stay in the blocks below.
constexpr std::size_t kPinnedOnHome = 6;

// The first `limit` of `articles` that are not among `shown`.
std::vector<content::ArticleSummary> without(std::vector<content::ArticleSummary> articles,
                                             const std::vector<content::ArticleSummary>& shown,
                                             std::size_t limit) {
  std::erase_if(articles, [&](const content::ArticleSummary& article) {
    return std::any_of(shown.begin(), shown.end(),
                       [&](const auto& other) { return other.id.value == article.id.value; });
  });
  if (articles.size() > limit) articles.resize(limit);
  return articles;
}
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
  if (context.page_number == 1)
    frame.json_ld = discovery::organization_json_ld(publisher_facts(context));
  if (context.page_number > 1)
    frame.title = context.theme.text(context.settings.language, "page") + " " +
                  std::to_string(context.page_number);
  auto view = frame_view(frame);

  bool has_next = false;
  if (context.page_number == 1) {
    // Pinned articles come first and only once: the lead story and the section blocks are
    // chosen among the others, so each asks for as many more as are pinned. Pinning, unpinning
    // or unpublishing one announces ArticleChanged, which names home_list() declared above.
    auto pinned = context.store.pinned_articles(kPinnedOnHome);
    auto skipped = static_cast<std::int64_t>(pinned.size());
    if (!pinned.empty()) {
      view.set("has_pinned", true);
      view.set("pinned", card_list(context, pinned));
    }
    auto latest = context.store.published_articles({Kind::all, ""}, {0, 1 + skipped}, std::nullopt);
    has_next = !latest.articles.empty();  // page 2 lists every article from the first
    auto lead = without(std::move(latest.articles), pinned, 1);
    std::optional<content::ArticleId> lead_id;
    if (!lead.empty()) {
      auto card = card_item(context, lead.front());
      mark_live_card(context, live_cards(context, {lead.front()}), lead.front().id, card);
      view.set("lead_story", card);
      lead_id = lead.front().id;
    }
    theme::View sections{theme::View::type::list};
    for (const auto& section : context.sections) {
      // Even an empty block depends on its section: its first article makes it appear.
      context.depends_on(content::dependency::section_list(section.slug));
      auto articles =
          without(context.store
                      .published_articles({Kind::section, section.slug},
                                          {0, kArticlesPerSectionBlock + skipped}, lead_id)
                      .articles,
                  pinned, kArticlesPerSectionBlock);
      if (articles.empty()) continue;
      theme::View block;
      block.set("name", section.name);
      block.set("url", section_path(section.slug));
      block.set("articles", card_list(context, articles));
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

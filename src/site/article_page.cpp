// The article page: breadcrumb, headline, byline, labels, lead, body, photo, tags, related
// articles and the comment form — the parts of the reference page.
#include "content/cache_dependencies.h"
#include "discovery/related.h"
#include "discovery/structured_data.h"
#include "site/bylines.h"
#include "site/change_notes.h"
#include "site/comment_section.h"
#include "site/live_view.h"
#include "site/pages.h"
#include "site/paths.h"
#include "site/publisher_facts.h"
#include "site/view_model.h"

namespace gazette::site {

namespace {
// When no article is related by content, this many of the same section's latest stand in:
// one row of cards on a desktop.
constexpr long kFallbackRelatedArticles = 4;
// The newest live entries the JSON-LD lists: search engines read the latest updates.
constexpr std::size_t kLiveUpdatesInJsonLd = 50;

theme::View term_links(const std::vector<content::Term>& terms,
                       std::string (*path)(std::string_view)) {
  theme::View list{theme::View::type::list};
  for (const auto& term : terms) {
    theme::View link;
    link.set("name", term.name);
    link.set("url", path(term.slug));
    list.push_back(link);
  }
  return list;
}

theme::View breadcrumb_view(const PageContext& context, const content::Term& section) {
  theme::View list{theme::View::type::list};
  for (const auto& [name, url] :
       {std::pair{context.theme.text(context.settings.language, "home"), std::string("/")},
        std::pair{section.name, section_path(section.slug)}}) {
    theme::View crumb;
    crumb.set("name", name);
    crumb.set("url", url);
    list.push_back(crumb);
  }
  return list;
}

// The article itself, the names it shows (section, author, labels, tags) and its comments.
void depend_on_article(const PageContext& context, const content::Article& article) {
  using namespace content::dependency;
  using Term = content::TermChanged::Kind;
  const auto& summary = article.summary;
  context.depends_on(article_shown(summary.id));
  context.depends_on(comments_shown(summary.id));
  context.depends_on(term_shown(Term::section, summary.section.slug));
  context.depends_on(term_shown(Term::author, summary.author.slug));
  for (const auto& coauthor : summary.coauthors)
    context.depends_on(term_shown(Term::author, coauthor.slug));
  for (const auto& category : article.categories)
    context.depends_on(term_shown(Term::category, category.slug));
  for (const auto& tag : article.tags) context.depends_on(term_shown(Term::tag, tag.slug));
}

// NewsArticle and BreadcrumbList JSON-LD for the article (discovery/structured_data.h).
std::string article_json_ld(const PageContext& context, const content::Article& article,
                            const std::vector<content::ChangeNote>& changes) {
  const auto& summary = article.summary;
  const auto& base = context.base_url;
  discovery::NewsArticleFacts facts;
  facts.type = content::schema_type(summary.kind);
  if (summary.kind == content::ArticleKind::sponsored) facts.sponsor = article.sponsor;
  facts.headline = summary.title;
  facts.description = summary.lead;
  facts.url = base + article_path(summary.section.slug, summary.slug);
  if (summary.image) {
    facts.image = discovery::ImageFacts{base + media_path(summary.image->name),
                                        summary.image->width, summary.image->height,
                                        article.image_caption, summary.image->credit};
  }
  facts.date_published = context.dates.iso8601(summary.published_at);
  facts.date_modified = context.dates.iso8601(std::max(article.updated_at, summary.published_at));
  facts.authors = byline_people(context, byline_of(summary));
  facts.publisher = publisher_facts(context);
  facts.section = summary.section.name;
  for (const auto& tag : article.tags) facts.keywords.push_back(tag.name);
  facts.language = context.settings.language;
  for (const auto& change : changes) {
    if (content::is_correction(change.kind))
      facts.corrections.push_back({change.note, context.dates.iso8601(change.changed_at)});
  }
  if (auto coverage = context.live ? context.live->coverage(summary.id) : std::nullopt) {
    discovery::NewsArticleFacts::Live live{context.dates.iso8601(coverage->started_at), {}, {}};
    if (coverage->ended_at) live.coverage_end = context.dates.iso8601(*coverage->ended_at);
    for (const auto& entry : context.live->entries(summary.id, kLiveUpdatesInJsonLd)) {
      live.updates.push_back({entry.body_markdown.substr(0, entry.body_markdown.find('\n')),
                              entry.body_markdown, context.dates.iso8601(entry.created_at),
                              facts.url + "#entry-" + std::to_string(entry.id.value)});
    }
    facts.live = std::move(live);
  }
  std::vector<discovery::BreadcrumbItem> breadcrumb{
      {context.theme.text(context.settings.language, "home"), base + "/"},
      {summary.section.name, base + section_path(summary.section.slug)},
      {summary.title, facts.url}};
  return discovery::article_json_ld(facts, breadcrumb);
}

}  // namespace

std::optional<std::string> render_article(const PageContext& context, std::string_view section,
                                          std::string_view slug) {
  auto found = context.store.find_published_article(section, slug);
  if (!found) return std::nullopt;
  return render_article_page(context, *found);
}

namespace {

// The article page; `embargo_until` set: as an embargo preview shows it.
std::string article_page(const PageContext& context, const content::Article& article,
                         std::optional<content::Timestamp> embargo_until) {
  const auto& summary = article.summary;
  depend_on_article(context, article);
  auto path = article_path(summary.section.slug, summary.slug);

  PageFrame frame{context.settings, context.sections, summary.section.slug,
                  summary.title,    summary.lead,     path};
  frame.base_url = context.base_url;
  frame.og_type = "article";
  if (summary.image) frame.image_path = media_path(summary.image->name);
  // Live coverage (going on or ended) has a feed of its entries (discovery/live_feed.h).
  if (!embargo_until && context.live && context.live->coverage(summary.id)) {
    frame.feed_path = path + "feed.xml";
    frame.feed_title = summary.title + " – " + context.settings.title;
  }
  // Corrections in the open: the article's public changes (content/corrections.h).
  auto changes = context.store.change_notes(summary.id);
  if (embargo_until)
    frame.noindex = true;  // and no structured data: nothing here is for a search engine yet
  else
    frame.json_ld = article_json_ld(context, article, changes);
  auto view = frame_view(frame);
  if (embargo_until) {
    // « 8 décembre 2024 à 06:00 »: the hour, in the site's zone, from the ISO form's "T06:00".
    auto iso = context.dates.iso8601(*embargo_until);
    theme::View embargo;
    embargo.set("date_text", context.dates.long_date(*embargo_until));
    embargo.set("time_text", iso.size() >= 16 ? iso.substr(11, 5) : std::string());
    embargo.set("date_iso", iso);
    view.set("embargo", embargo);
  }
  view.set("breadcrumb", breadcrumb_view(context, summary.section));

  auto article_view = card_view(summary, context);
  article_view.set("body_html", context.typeset_html(article.body_html));
  // Videos a reader may load with a click (render/embed_player.h): only then the script.
  article_view.set("has_embeds", article.body_html.find("data-embed-src=") != std::string::npos);
  article_view.set("categories", term_links(article.categories, &category_path));
  article_view.set("tags", term_links(article.tags, &tag_path));
  article_view.set("has_tags", !article.tags.empty());
  add_change_notes(context, changes, article_view);
  if (auto kind = kind_label_view(context, summary.kind, article.sponsor))
    article_view.set("kind", *kind);
  if (summary.image) {
    auto image = image_view(*summary.image, summary.image_alt);
    image.set("caption", context.typeset(article.image_caption));
    article_view.set("image", image);
  }
  view.set("article", article_view);
  if (auto live = live_view(context, article)) view.set("live", *live);

  // Related articles are computed when articles are published (discovery/related.h); when
  // none is related by content, the latest of the same section stand in.
  auto related = context.discovery.related_articles(summary.id, discovery::kMaxRelated);
  context.depends_on(content::dependency::related_shown(summary.id));
  if (related.empty()) {
    related = context.store
                  .published_articles({store::ArticleFilter::Kind::section, summary.section.slug},
                                      {0, kFallbackRelatedArticles}, summary.id)
                  .articles;
    context.depends_on(content::dependency::section_list(summary.section.slug));
  }
  view.set("related", card_list(context, related));
  view.set("has_related", !related.empty());

  if (embargo_until) {
    // No comments before the article is public: the form would post to a page not there yet.
  } else if (context.comments) {
    view.set("comments", context.comments->article_view(context, article));
  } else {
    theme::View comments;
    comments.set("action_url", comments_path(summary.section.slug, summary.slug));
    comments.set("open", true);
    view.set("comments", comments);
  }
  return context.theme.render_page("article", std::move(view), context.settings.language);
}

}  // namespace

std::string render_article_page(const PageContext& context, const content::Article& article) {
  return article_page(context, article, std::nullopt);
}

std::string render_embargo_preview(const PageContext& context, const content::Article& article,
                                   content::Timestamp until) {
  return article_page(context, article, until);
}

}  // namespace gazette::site

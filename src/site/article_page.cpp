// The article page: breadcrumb, headline, byline, labels, lead, body, photo, tags, related
// articles and the comment form — the parts of the reference page.
#include "site/pages.h"
#include "site/paths.h"
#include "site/view_model.h"

namespace gazette::site {

namespace {
// "You may also like" shows this many articles: one row of cards on a desktop.
constexpr long kRelatedArticles = 4;

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

}  // namespace

std::optional<std::string> render_article(const PageContext& context, std::string_view section,
                                          std::string_view slug) {
  auto found = context.store.find_published_article(section, slug);
  if (!found) return std::nullopt;
  return render_article_page(context, *found);
}

std::string render_article_page(const PageContext& context, const content::Article& article) {
  const auto& summary = article.summary;
  auto path = article_path(summary.section.slug, summary.slug);

  PageFrame frame{context.settings, context.sections, summary.section.slug, summary.title,
                  summary.lead, path};
  auto view = frame_view(frame);
  view.set("breadcrumb", breadcrumb_view(context, summary.section));

  auto article_view = card_view(summary, context.dates);
  article_view.set("body_html", article.body_html);
  article_view.set("categories", term_links(article.categories, &category_path));
  article_view.set("tags", term_links(article.tags, &tag_path));
  article_view.set("has_tags", !article.tags.empty());
  if (summary.image) {
    auto image = image_view(*summary.image, summary.image_alt);
    image.set("caption", article.image_caption);
    article_view.set("image", image);
  }
  view.set("article", article_view);

  // Until related articles are computed from content, the latest of the same section stand in.
  auto related = context.store.published_articles(
      {store::ArticleFilter::Kind::section, summary.section.slug}, {0, kRelatedArticles},
      summary.id);
  view.set("related", card_list(related.articles, context.dates));
  view.set("has_related", !related.articles.empty());

  theme::View comments;
  comments.set("action_url", comments_path(summary.section.slug, summary.slug));
  comments.set("open", true);
  view.set("comments", comments);
  return context.theme.render_page("article", view, context.settings.language);
}

}  // namespace gazette::site

// Event → dependencies, made as the pages make them (content/cache_dependencies.h).
#include "cache/invalidation.h"

#include "content/cache_dependencies.h"

namespace gazette::cache {

namespace {

void add_listings(const content::ArticlePlacement& placement,
                  std::vector<content::Dependency>& out) {
  using namespace content::dependency;
  out.push_back(home_list());
  out.push_back(documents());
  out.push_back(section_list(placement.section_slug));
  out.push_back(author_list(placement.author_slug));
  for (const auto& coauthor : placement.coauthor_slugs) out.push_back(author_list(coauthor));
  for (const auto& tag : placement.tag_slugs) out.push_back(tag_list(tag));
  for (const auto& category : placement.category_slugs) out.push_back(category_list(category));
}

}  // namespace

std::optional<std::vector<content::Dependency>> invalidated_by(const content::Event& event) {
  using namespace content::dependency;
  std::vector<content::Dependency> out;
  if (const auto* article = std::get_if<content::ArticleChanged>(&event)) {
    out.push_back(article_shown(article->id));
    // Listings change when an article enters, leaves or moves within them; an article that
    // readers could not see before and cannot see now changes no listing.
    for (const auto* placement : {&article->before, &article->after}) {
      if (*placement && (*placement)->visible) add_listings(**placement, out);
    }
    return out;
  }
  if (const auto* term = std::get_if<content::TermChanged>(&event)) {
    out.push_back(term_shown(term->kind, term->slug));
    out.push_back(documents());
    if (term->kind == content::TermChanged::Kind::section) out.push_back(section_navigation());
    return out;
  }
  if (const auto* related = std::get_if<content::RelatedChanged>(&event)) {
    for (auto id : related->articles) out.push_back(related_shown(id));
    return out;
  }
  if (const auto* comment = std::get_if<content::CommentChanged>(&event)) {
    out.push_back(comments_shown(comment->article));
    return out;
  }
  if (const auto* live = std::get_if<content::LiveChanged>(&event)) {
    // Its page and its cards (the « En direct » label, the latest entry's time) declare the
    // article; its own feeds too; the site's feeds and the news sitemap are documents. Which
    // articles a listing holds, and in which order, does not change.
    out.push_back(article_shown(live->article));
    out.push_back(documents());
    return out;
  }
  return std::nullopt;  // SettingsChanged: the title, language or time zone is on every page
}

}  // namespace gazette::cache

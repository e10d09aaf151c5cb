// Listing pages: a section, a tag, an author, a category or a kind of piece (/types/analysis/,
// where the heading explains the kind to readers), newest articles first.
#include "content/cache_dependencies.h"
#include "discovery/structured_data.h"
#include "site/bylines.h"
#include "site/pages.h"
#include "site/paths.h"
#include "site/view_model.h"

namespace gazette::site {

namespace {

/// What a listing is about, as its heading shows it.
struct ListingSubject {
  std::string kind_key;  // the interface string naming the kind ("section", "tag", …)
  std::string name;
  std::string description;
  std::string path;
  std::string current_section;
  std::optional<content::Author> author;  // an author's page: their photo, role and links
};

std::optional<ListingSubject> find_subject(const PageContext& context,
                                           store::ArticleFilter::Kind kind, std::string_view slug) {
  using Kind = store::ArticleFilter::Kind;
  switch (kind) {
    case Kind::section:
      if (auto section = context.store.find_section(slug))
        return ListingSubject{"section", section->name, section->description, section_path(slug),
                              section->slug};
      break;
    case Kind::tag:
      if (auto tag = context.store.find_tag(slug))
        return ListingSubject{"tag", tag->name, "", tag_path(slug), ""};
      break;
    case Kind::author:
      if (auto author = context.store.find_author(slug))
        return ListingSubject{"author", author->name, author->bio, author_path(slug), "", author};
      break;
    case Kind::category:
      if (auto category = context.store.find_category(slug))
        return ListingSubject{"category", category->name, "", category_path(slug), ""};
      break;
    case Kind::article_kind:
      if (auto article_kind = content::parse_article_kind(slug)) {
        // The label readers clicked, and what it means, in the site's language.
        const auto& language = context.settings.language;
        auto key = "kind_" + std::string(slug);
        return ListingSubject{"types", context.theme.text(language, key),
                              context.theme.text(language, key + "_about"),
                              types_path(*article_kind), ""};
      }
      break;
    case Kind::all:
      break;
  }
  return std::nullopt;
}

// The listing's membership and its subject's name (the heading).
void depend_on_listing(const PageContext& context, store::ArticleFilter::Kind kind,
                       std::string_view slug) {
  using namespace content::dependency;
  using Kind = store::ArticleFilter::Kind;
  using Term = content::TermChanged::Kind;
  switch (kind) {
    case Kind::section:
      context.depends_on(section_list(slug));
      context.depends_on(term_shown(Term::section, slug));
      break;
    case Kind::tag:
      context.depends_on(tag_list(slug));
      context.depends_on(term_shown(Term::tag, slug));
      break;
    case Kind::author:
      context.depends_on(author_list(slug));
      context.depends_on(term_shown(Term::author, slug));
      break;
    case Kind::category:
      context.depends_on(category_list(slug));
      context.depends_on(term_shown(Term::category, slug));
      break;
    case Kind::article_kind:
      // No list of its own in the cache: a kind's articles change with any visible article
      // (its kind may be what changed), as the feeds do.
      context.depends_on(documents());
      break;
    case Kind::all:
      context.depends_on(home_list());
      break;
  }
}

// What an author's page shows above their articles: photo, role and links elsewhere.
theme::View author_view(const content::Author& author) {
  theme::View view;
  view.set("role", author.role);
  view.set("has_role", !author.role.empty());
  if (author.photo) view.set("photo", image_view(*author.photo, author.name));
  theme::View links{theme::View::type::list};
  for (const auto& link : author.links) {
    theme::View item;
    item.set("url", link);
    // The address without its scheme: « x.com/sara », as people write it.
    auto shown = std::string_view(link);
    if (auto scheme = shown.find("://"); scheme != std::string_view::npos)
      shown.remove_prefix(scheme + 3);
    if (shown.ends_with('/')) shown.remove_suffix(1);
    item.set("text", std::string(shown));
    links.push_back(item);
  }
  view.set("links", links);
  view.set("has_links", !author.links.empty());
  return view;
}

}  // namespace

std::optional<std::string> render_listing(const PageContext& context,
                                          store::ArticleFilter::Kind kind, std::string_view slug) {
  auto subject = find_subject(context, kind, slug);
  if (!subject) return std::nullopt;
  depend_on_listing(context, kind, slug);
  auto page = context.store.published_articles(
      {kind, std::string(slug)}, {(context.page_number - 1) * kArticlesPerPage, kArticlesPerPage},
      std::nullopt);
  if (context.page_number > 1 && page.articles.empty()) return std::nullopt;

  const auto& language = context.settings.language;
  PageFrame frame{context.settings,         context.sections,
                  subject->current_section, subject->name,
                  subject->description,     page_path(subject->path, context.page_number)};
  frame.base_url = context.base_url;
  frame.feed_path = subject->path + "feed.xml";
  frame.feed_title = subject->name + " – " + context.settings.title;
  if (kind == store::ArticleFilter::Kind::section || kind == store::ArticleFilter::Kind::author) {
    frame.newsletter_scope = kind == store::ArticleFilter::Kind::section ? "section" : "author";
    frame.newsletter_slug = std::string(slug);
    frame.newsletter_name = subject->name;
  }
  if (context.page_number > 1)
    frame.title +=
        " – " + context.theme.text(language, "page") + " " + std::to_string(context.page_number);
  if (subject->author && context.page_number == 1)
    frame.json_ld = discovery::profile_page_json_ld(person_facts(context, *subject->author),
                                                    context.base_url + subject->path);
  auto view = frame_view(frame);
  if (subject->author) view.set("author", author_view(*subject->author));
  view.set("kind", context.theme.text(language, subject->kind_key));
  view.set("heading", subject->name);
  view.set("description", subject->description);
  view.set("articles", card_list(context, page.articles));
  view.set("has_articles", !page.articles.empty());
  if (auto pagination = pagination_view(subject->path, context.page_number, page.has_more))
    view.set("pagination", *pagination);
  return context.theme.render_page("listing", std::move(view), language);
}

}  // namespace gazette::site

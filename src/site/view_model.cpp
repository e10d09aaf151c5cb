// Builders of the template data shared by reader pages (see themes/default/README.md).
#include "site/view_model.h"

#include <algorithm>

#include "content/cache_dependencies.h"
#include "site/bylines.h"
#include "site/live_view.h"
#include "site/paths.h"

namespace gazette::site {

using kainjow::mustache::data;

namespace {
// Cards and the article photo ask for the image at most this wide on a desktop layout.
constexpr std::string_view kArticleImageSizes = "(min-width: 50rem) 48rem, 100vw";
}  // namespace

theme::View frame_view(const PageFrame& frame) {
  theme::View view;
  theme::View site;
  site.set("title", frame.settings.title);
  site.set("description", frame.settings.description);
  site.set("language", frame.settings.language);
  site.set("home_url", "/");
  site.set("has_logo", !frame.settings.logo.empty());
  if (!frame.settings.logo.empty()) site.set("logo_url", media_path(frame.settings.logo));
  site.set("search_url", "/search");
  // The footer's links to who publishes and to each policy written (content/publisher.h),
  // by identifier: site.policies.corrections_policy.url.
  site.set("about_url", about_path());
  theme::View policies;
  for (auto policy : content::kPolicies) {
    if (frame.settings.publisher.policy(policy).empty()) continue;
    theme::View link;
    link.set("url", policy_path(policy));
    policies.set(content::policy_identifier(policy), link);
  }
  site.set("policies", policies);
  view.set("site", site);

  theme::View nav{data::type::list};
  for (const auto& section : frame.sections) {
    theme::View item;
    item.set("name", section.name);
    item.set("url", section_path(section.slug));
    item.set("current", section.slug == frame.current_section);
    nav.push_back(item);
  }
  view.set("nav", nav);

  theme::View page;
  page.set("title",
           frame.title.empty() ? frame.settings.title : frame.title + " – " + frame.settings.title);
  page.set("description",
           frame.description.empty() ? frame.settings.description : frame.description);
  // Messages (404…) have no canonical URL; an empty key would still count as set in Mustache.
  if (!frame.canonical_path.empty())
    page.set("canonical_url", frame.base_url + frame.canonical_path);
  page.set("og_title", frame.title.empty() ? frame.settings.title : frame.title);
  page.set("og_type", frame.og_type);
  page.set("has_image", frame.image_path.has_value());
  if (frame.image_path) page.set("image_url", frame.base_url + *frame.image_path);
  page.set("twitter_card", frame.image_path ? "summary_large_image" : "summary");
  if (!frame.json_ld.empty()) page.set("json_ld", frame.json_ld);
  page.set("noindex", frame.noindex);
  if (!frame.newsletter_scope.empty()) {
    page.set("newsletter_scope", frame.newsletter_scope);
    page.set("newsletter_slug", frame.newsletter_slug);
    page.set("newsletter_name", frame.newsletter_name);
  }
  // Feed autodiscovery: the site's feeds on every page, then the listing's own.
  theme::View feeds{data::type::list};
  auto add_feeds = [&](const std::string& title, const std::string& rss_path) {
    auto atom_path = rss_path.substr(0, rss_path.size() - 3) + "atom";
    for (const auto& [type, url, suffix] :
         {std::tuple{"application/rss+xml", rss_path, " (RSS)"},
          std::tuple{"application/atom+xml", atom_path, " (Atom)"}}) {
      theme::View feed;
      feed.set("type", type);
      feed.set("url", url);
      feed.set("title", title + suffix);
      feeds.push_back(feed);
    }
  };
  add_feeds(frame.settings.title, "/feed.xml");
  if (!frame.feed_path.empty()) add_feeds(frame.feed_title, frame.feed_path);
  page.set("feeds", feeds);
  view.set("page", page);
  return view;
}

namespace {

// The page's Content-Security-Policy (responses.cpp) has style-src 'self' without
// 'unsafe-inline', so a style="object-position" attribute would be dropped: the theme's CSS has
// one class per tenth instead (focal-x-0 … focal-x-100, the same for y), closer than a crop
// needs. Centred photos get no class, as before focal points.
constexpr int kFocalStep = 10;

std::string focal_classes(content::FocalPoint focal) {
  auto nearest = [](int percent) {
    return (std::clamp(percent, 0, 100) + kFocalStep / 2) / kFocalStep * kFocalStep;
  };
  int x = nearest(focal.x);
  int y = nearest(focal.y);
  if (x == content::FocalPoint::kCentre && y == content::FocalPoint::kCentre) return "";
  return "focal-x-" + std::to_string(x) + " focal-y-" + std::to_string(y);
}

}  // namespace

theme::View image_view(const content::MediaRef& image, const std::string& alt) {
  theme::View view;
  auto src = media_path(image.name);
  view.set("src", src);
  // Narrower copies in the original's format, then the original; WebP copies go in a <source>
  // of their own, since one srcset cannot offer two formats.
  std::string srcset;
  std::string webp_srcset;
  for (const auto& variant : image.variants) {
    auto candidate = media_path(variant.name) + " " + std::to_string(variant.width) + "w";
    if (variant.mime_type == image.mime_type && variant.width < image.width) {
      srcset += candidate + ", ";
    } else if (variant.mime_type == "image/webp" && image.mime_type != "image/webp") {
      webp_srcset += (webp_srcset.empty() ? "" : ", ") + candidate;
    }
  }
  view.set("srcset", srcset + src + " " + std::to_string(image.width) + "w");
  view.set("has_webp", !webp_srcset.empty());
  view.set("webp_srcset", webp_srcset);
  view.set("sizes", std::string(kArticleImageSizes));
  view.set("width", std::to_string(image.width));
  view.set("height", std::to_string(image.height));
  view.set("alt", alt);
  view.set("credit", image.credit);
  view.set("has_credit", !image.credit.empty());
  view.set("focal_class", focal_classes(image.focal));
  return view;
}

std::optional<theme::View> kind_label_view(const PageContext& context, content::ArticleKind kind,
                                           std::string_view sponsor) {
  if (!content::is_labelled(kind)) return std::nullopt;
  const auto& language = context.settings.language;
  const auto name = std::string(content::to_string(kind));
  theme::View label;
  label.set("kind", name);
  label.set("url", types_path(kind));
  if (kind == content::ArticleKind::sponsored && !sponsor.empty())
    label.set("label", context.theme.text(language, "sponsored_by") + " " + std::string(sponsor));
  else
    label.set("label", context.theme.text(language, "kind_" + name));
  return label;
}

theme::View card_view(const content::ArticleSummary& article, const PageContext& context) {
  theme::View view;
  view.set("title", context.typeset(article.title));
  view.set("url", article_path(article.section.slug, article.slug));
  view.set("lead", context.typeset(article.lead));
  view.set("date_iso", context.dates.iso8601(article.published_at));
  view.set("date_text", context.dates.long_date(article.published_at));
  view.set("author_name", article.author.name);
  view.set("author_url", author_path(article.author.slug));
  view.set("byline", byline_view(context, byline_of(article)));
  view.set("section_name", article.section.name);
  view.set("section_url", section_path(article.section.slug));
  view.set("has_image", article.image.has_value());
  if (article.image) view.set("image", image_view(*article.image, article.image_alt));
  if (auto kind = kind_label_view(context, article.kind, "")) view.set("kind", *kind);
  return view;
}

theme::View card_item(const PageContext& context, const content::ArticleSummary& article) {
  using namespace content::dependency;
  using Kind = content::TermChanged::Kind;
  context.depends_on(article_shown(article.id));
  context.depends_on(term_shown(Kind::section, article.section.slug));
  context.depends_on(term_shown(Kind::author, article.author.slug));
  for (const auto& coauthor : article.coauthors)
    context.depends_on(term_shown(Kind::author, coauthor.slug));
  return card_view(article, context);
}

theme::View card_list(const PageContext& context,
                      const std::vector<content::ArticleSummary>& articles) {
  theme::View list{data::type::list};
  auto live = live_cards(context, articles);
  for (const auto& article : articles) {
    auto card = card_item(context, article);
    mark_live_card(context, live, article.id, card);
    list.push_back(card);
  }
  return list;
}

std::optional<theme::View> pagination_view(std::string_view path, long page, bool has_next) {
  if (page <= 1 && !has_next) return std::nullopt;
  theme::View view;
  view.set("current", std::to_string(page));
  view.set("has_prev", page > 1);
  if (page > 1) view.set("prev_url", page_path(path, page - 1));
  view.set("has_next", has_next);
  if (has_next) view.set("next_url", page_path(path, page + 1));
  return view;
}

}  // namespace gazette::site

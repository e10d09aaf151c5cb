// Feeds, sitemaps and robots.txt over HTTP (see discovery_routes.h).
#include "discovery/discovery_routes.h"

#include "http/conditional.h"

#include "content/article_kinds.h"
#include "content/cache_dependencies.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>

#include "discovery/feeds.h"
#include "discovery/live_feed.h"
#include "discovery/site_url.h"
#include "discovery/sitemaps.h"
#include "render/dates.h"
#include "render/slug.h"
#include "render/text.h"

namespace gazette::discovery {

namespace {

namespace field = http::beast_http;
using Kind = store::ArticleFilter::Kind;

// Feeds and sitemaps change with every publication: clients revalidate (cheaply, with the
// ETag) rather than keep a stale copy.
constexpr std::string_view kCacheControl = "no-cache";

struct Path {
  std::vector<std::string_view> segments;
};

Path split(std::string_view target) {
  Path path;
  target = target.substr(0, target.find('?'));
  while (!target.empty()) {
    auto slash = target.find('/');
    auto segment = target.substr(0, slash);
    if (!segment.empty()) path.segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    target.remove_prefix(slash + 1);
  }
  return path;
}

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

http::Answer document_response(const http::Request& request, std::string content_type,
                               std::string body, content::Timestamp modified,
                               std::vector<content::Dependency> also = {}) {
  auto etag = entity_tag(body);
  bool not_modified = http::is_not_modified(
      request[field::field::if_none_match], request[field::field::if_modified_since],
      [&etag](std::string_view tag) { return tag == etag; }, modified);
  auto response =
      http::make_response(request, not_modified ? http::Status::not_modified : http::Status::ok,
                          std::move(content_type), not_modified ? std::string() : std::move(body));
  response.set(field::field::etag, etag);
  response.set(field::field::last_modified, http::format_http_date(modified));
  response.set(field::field::cache_control, kCacheControl);
  response.set("X-Content-Type-Options", "nosniff");
  if (not_modified) response.erase(field::field::content_length);
  // Cacheable (at its canonical URL, without a query): dropped by any visible article change
  // or renamed term (content/cache_dependencies.h).
  if (request.target().find('?') == std::string_view::npos) {
    also.push_back(content::dependency::documents());
    also.push_back(content::dependency::section_navigation());
    return {std::move(response), http::Cacheable{std::move(also), std::nullopt}};
  }
  return response;
}

}  // namespace

std::string entity_tag(std::string_view body) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "\"%016llx\"", static_cast<unsigned long long>(fnv1a(body)));
  return buffer;
}

std::optional<http::Answer> DiscoveryRoutes::handle(const http::Request& request) {
  if (request.method() != field::verb::get && request.method() != field::verb::head)
    return std::nullopt;
  auto path = split(request.target());
  const auto& segments = path.segments;
  if (segments.empty()) return std::nullopt;
  const auto& last = segments.back();
  // Only these names are discovery's: every other request (reader pages, most of them) passes
  // on without reading the settings.
  bool sitemap_or_robots =
      segments.size() == 1 &&
      (last == "robots.txt" || (last.starts_with("sitemap") && last.ends_with(".xml")));
  if (!sitemap_or_robots && last != "feed.xml" && last != "feed.atom") return std::nullopt;

  auto settings = store_.settings();
  auto base = base_url(settings.url, request[field::field::host]);

  if (segments.size() == 1 && last == "robots.txt") {
    auto response = http::make_response(request, http::Status::ok, "text/plain; charset=utf-8",
                                        robots_txt(base));
    response.set(field::field::cache_control, kCacheControl);
    return response;
  }

  // Sitemaps.
  if (segments.size() == 1 && last.starts_with("sitemap") && last.ends_with(".xml")) {
    auto now = clock_.now();
    constexpr std::string_view kXml = "application/xml; charset=utf-8";
    auto article_count = discovery_.sitemap_article_count();
    auto article_files =
        std::max<std::int64_t>(1, (article_count + kSitemapUrls - 1) / kSitemapUrls);
    auto newest = discovery_.articles_published_since(content::Timestamp{}, 1);
    content::Timestamp modified = newest.empty() ? content::Timestamp{} : newest[0].updated_at;
    if (last == "sitemap.xml") {
      std::vector<SitemapUrl> files{{base + "/sitemap-pages.xml", std::nullopt}};
      for (std::int64_t n = 1; n <= article_files; ++n)
        files.push_back({base + "/sitemap-articles-" + std::to_string(n) + ".xml", std::nullopt});
      files.push_back({base + "/sitemap-news.xml", std::nullopt});
      return document_response(request, std::string(kXml), sitemap_index(files), modified);
    }
    if (last == "sitemap-pages.xml") {
      std::vector<SitemapUrl> urls{{base + "/", std::nullopt}};
      for (const auto& section : store_.sections())
        urls.push_back({base + "/" + section.slug + "/", std::nullopt});
      // Author pages tell search engines who writes (every signer of a published article).
      for (const auto& author : store_.published_authors())
        urls.push_back({base + "/author/" + author.slug + "/", std::nullopt});
      return document_response(request, std::string(kXml), sitemap(urls), modified);
    }
    if (last == "sitemap-news.xml") {
      std::vector<NewsSitemapUrl> urls;
      for (const auto& entry :
           discovery_.articles_published_since(now - kNewsWindow, kNewsSitemapUrls))
        urls.push_back({base + "/" + entry.section_slug + "/" + entry.slug + "/", entry.title,
                        entry.published_at});
      return document_response(request, std::string(kXml),
                               news_sitemap(settings.title, settings.language, urls), modified);
    }
    constexpr std::string_view kArticlesPrefix = "sitemap-articles-";
    if (last.starts_with(kArticlesPrefix)) {
      auto digits = last.substr(kArticlesPrefix.size(), last.size() - kArticlesPrefix.size() - 4);
      std::int64_t number = 0;
      auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
      if (error != std::errc() || end != digits.data() + digits.size() || number < 1 ||
          number > article_files || digits.starts_with('0'))
        return std::nullopt;
      std::vector<SitemapUrl> urls;
      for (const auto& entry :
           discovery_.sitemap_articles({(number - 1) * kSitemapUrls, kSitemapUrls}))
        urls.push_back(
            {base + "/" + entry.section_slug + "/" + entry.slug + "/", entry.updated_at});
      return document_response(request, std::string(kXml), sitemap(urls), modified);
    }
    return std::nullopt;
  }

  // Feeds.
  bool rss = last == "feed.xml";
  if (!rss && last != "feed.atom") return std::nullopt;
  store::ArticleFilter filter;
  FeedChannel channel;
  std::string page_path = "/";
  if (segments.size() == 2 && segments[0] == "corrections") {
    // The site's corrections, clarifications and retractions, newest first: one entry each,
    // its id the change's anchor on the article page.
    channel.title = "Corrections – " + settings.title;
    channel.description = settings.description;
    channel.page_url = base + "/corrections/";
    channel.feed_url = channel.page_url + std::string(last);
    channel.language = settings.language;
    std::vector<FeedEntry> entries;
    for (const auto& correction : store_.corrections({0, kFeedEntries})) {
      FeedEntry entry;
      entry.title = correction.title;
      entry.url = base + "/" + correction.section_slug + "/" + correction.slug + "/#change-" +
                  std::to_string(correction.change.id);
      entry.summary = correction.change.note;
      entry.published = correction.change.changed_at;
      entry.updated = correction.change.changed_at;
      // The newsroom corrects, whoever wrote the article.
      entry.authors.push_back({settings.title, base + "/"});
      entry.categories.push_back(std::string(content::to_string(correction.change.kind)));
      channel.updated = std::max(channel.updated, entry.updated);
      entries.push_back(std::move(entry));
    }
    auto body = rss ? rss_feed(channel, entries) : atom_feed(channel, entries);
    return document_response(
        request, rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
        std::move(body), channel.updated);
  }
  if (segments.size() == 1) {
    channel.title = settings.title;
    channel.description = settings.description;
  } else if (segments.size() == 2 && render::is_slug(segments[0])) {
    auto section = store_.find_section(segments[0]);
    if (!section) return std::nullopt;
    filter = {Kind::section, section->slug};
    channel.title = section->name + " – " + settings.title;
    channel.description = section->description;
    page_path = "/" + section->slug + "/";
  } else if (segments.size() == 3 && render::is_slug(segments[1]) && segments[0] != "tag" &&
             segments[0] != "author" && segments[0] != "category" && segments[0] != "types") {
    // /{section}/{slug}/feed.xml: an article's, which only live coverage has.
    if (!render::is_slug(segments[0])) return std::nullopt;
    return live_feed(request, segments[0], segments[1], rss, settings, base);
  } else if (segments.size() == 3 && render::is_slug(segments[1])) {
    std::optional<std::string> name;
    auto slug = std::string(segments[1]);
    if (segments[0] == "tag") {
      filter = {Kind::tag, slug};
      if (auto tag = store_.find_tag(slug)) name = tag->name;
    } else if (segments[0] == "author") {
      filter = {Kind::author, slug};
      if (auto author = store_.find_author(slug)) name = author->name;
    } else if (segments[0] == "category") {
      filter = {Kind::category, slug};
      if (auto category = store_.find_category(slug)) name = category->name;
    } else if (segments[0] == "types") {
      filter = {Kind::article_kind, slug};
      if (auto kind = content::parse_article_kind(slug))
        name = kind_name_ ? kind_name_(*kind, settings.language) : slug;
    }
    if (!name) return std::nullopt;
    channel.title = *name + " – " + settings.title;
    page_path = "/" + std::string(segments[0]) + "/" + slug + "/";
  } else {
    return std::nullopt;
  }
  if (channel.description.empty()) channel.description = settings.description;
  channel.page_url = base + page_path;
  channel.feed_url = base + page_path + std::string(last);
  channel.language = settings.language;

  auto articles = store_.published_articles(filter, {0, kFeedEntries}, std::nullopt).articles;
  std::vector<content::ArticleId> ids;
  for (const auto& article : articles) ids.push_back(article.id);
  auto details = discovery_.feed_details(ids);
  std::vector<FeedEntry> entries;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const auto& article = articles[i];
    const auto& detail = details[i];
    FeedEntry entry;
    entry.title = article.title;
    entry.url = base + "/" + article.section.slug + "/" + article.slug + "/";
    entry.summary = article.lead;
    if (settings.feed_content == content::FeedContent::full) {
      // The lead is the article's first paragraph: the full text starts with it.
      entry.content_html = "<p>" + render::escape_html(article.lead) + "</p>\n" + detail.body_html;
    }
    entry.published = article.published_at;
    entry.updated = std::max(article.published_at, detail.updated_at);
    entry.authors.push_back({article.author.name, base + "/author/" + article.author.slug + "/"});
    for (const auto& coauthor : article.coauthors)
      entry.authors.push_back({coauthor.name, base + "/author/" + coauthor.slug + "/"});
    entry.categories.push_back(article.section.name);
    for (const auto& tag : detail.tags) entry.categories.push_back(tag.name);
    channel.updated = std::max(channel.updated, entry.updated);
    entries.push_back(std::move(entry));
  }
  auto body = rss ? rss_feed(channel, entries) : atom_feed(channel, entries);
  return document_response(
      request, rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
      std::move(body), channel.updated);
}

std::optional<http::Answer> DiscoveryRoutes::live_feed(const http::Request& request,
                                                       std::string_view section,
                                                       std::string_view slug, bool rss,
                                                       const content::SiteSettings& settings,
                                                       const std::string& base) {
  if (!live_) return std::nullopt;
  auto article = store_.find_published_article(section, slug);
  if (!article) return std::nullopt;
  const auto& summary = article->summary;
  auto coverage = live_->coverage(summary.id);
  if (!coverage) return std::nullopt;
  FeedChannel channel;
  channel.title = summary.title + " – " + settings.title;
  channel.description = summary.lead.empty() ? settings.description : summary.lead;
  channel.page_url = base + "/" + summary.section.slug + "/" + summary.slug + "/";
  channel.feed_url = channel.page_url + (rss ? "feed.xml" : "feed.atom");
  channel.language = settings.language;
  channel.updated =
      std::max(coverage->started_at, coverage->ended_at.value_or(content::Timestamp{}));
  auto entries =
      live_feed_entries(live_->entries(summary.id, kLiveFeedEntries), channel.page_url, base);
  for (const auto& entry : entries) channel.updated = std::max(channel.updated, entry.updated);
  auto body = rss ? rss_feed(channel, entries) : atom_feed(channel, entries);
  // Kept in the page cache until the coverage changes (LiveChanged drops the article and the
  // documents: cache/invalidation.cpp) or the article does.
  return document_response(
      request, rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
      std::move(body), channel.updated, {content::dependency::article_shown(summary.id)});
}

}  // namespace gazette::discovery

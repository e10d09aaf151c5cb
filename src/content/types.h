// Domain types of the newsroom's content: what an article, a section, a tag or an author is,
// independent of how the Store keeps them or how a theme shows them.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/article_kinds.h"
#include "content/publisher.h"

namespace gazette::content {

using Timestamp = std::chrono::sys_seconds;

struct ArticleId {
  std::int64_t value = 0;
  auto operator<=>(const ArticleId&) const = default;
};

/// Where an article is in the workflow; only `published` ones reach readers.
enum class ArticleStatus { draft, review, scheduled, published };

std::string_view to_string(ArticleStatus status);
std::optional<ArticleStatus> parse_article_status(std::string_view text);

/// Whether `slug` is a first path segment the site uses for its own pages (/tag/, /assets/…),
/// which a section therefore cannot take.
bool is_reserved_section_slug(std::string_view slug);

/// A section, category, tag or author as a page links to it: its name and URL slug.
struct Term {
  std::string slug;
  std::string name;
};

struct Section {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::string description;
};

/// A resized copy of an image, for `srcset`: also served under /media/`name`.
struct MediaVariant {
  std::string name;
  std::string mime_type;
  int width = 0;
};

/// Where the subject of a photo is, in percent of its width and height from the top left: a
/// crop (a 1:1 card, a 3:2 listing) is centred on it so the subject stays in frame.
struct FocalPoint {
  static constexpr int kCentre = 50;  // no point chosen: crops keep the middle, as before
  int x = kCentre;
  int y = kCentre;
};

/// An image kept in the media store, addressed by `name` under /media/.
struct MediaRef {
  std::string name;
  std::string mime_type;
  int width = 0;
  int height = 0;
  std::vector<MediaVariant> variants;  // narrower copies, narrowest first (may be empty)
  std::string credit;                  // « AFP », set in the media library; empty: none
  FocalPoint focal;                    // set in the media library
};

/// Someone who signs articles, with or without an account (a guest author has none), as their
/// page shows them.
struct Author {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::string bio;
  std::string role;                // « Correspondante à Beyrouth », under the name
  std::vector<std::string> links;  // their pages elsewhere (https:// addresses), in order
  std::optional<MediaRef> photo;
};

/// An image's bytes as stored, for serving.
struct MediaFile {
  MediaRef ref;
  std::string bytes;
  Timestamp created_at{};
};

/// What a listing shows of an article.
struct ArticleSummary {
  ArticleId id;
  std::string slug;
  std::string title;
  std::string lead;
  Timestamp published_at{};
  Term author;
  std::vector<Term> coauthors;  // who signs after `author`, in byline order
  Term section;
  std::optional<MediaRef> image;
  std::string image_alt;
  ArticleKind kind = ArticleKind::news;  // what kind of piece it is (content/article_kinds.h)
};

/// A whole article, as its page shows it.
struct Article {
  ArticleSummary summary;
  ArticleStatus status = ArticleStatus::draft;
  Timestamp updated_at{};
  std::string body_markdown;
  std::string body_html;  // rendered and sanitised when saved; never parsed on a read
  std::vector<Term> categories;
  std::vector<Term> tags;
  std::string image_caption;
  std::string sponsor;  // who paid for it; set for sponsored content (summary.kind) only
};

/// A page of a listing, and whether more follow it. Listings are not counted: at a million
/// articles a count reads every row of the listing, on every render of its page.
struct ArticlePage {
  std::vector<ArticleSummary> articles;
  bool has_more = false;
};

/// What the site's feeds carry of each article: the lead (`excerpt`) or the whole text.
enum class FeedContent { excerpt, full };

std::string_view to_string(FeedContent content);
std::optional<FeedContent> parse_feed_content(std::string_view text);

/// Site-wide settings an admin changes; the defaults are those of a French newsroom.
struct SiteSettings {
  std::string title = "Gazette";
  std::string description = "Un site d’information publié avec Gazette";
  std::string language = "fr";
  std::string time_zone = "Europe/Paris";
  std::string logo;  // the media name of the header's logo; empty for the text title
  /// The site's public address ("https://www.example.fr", checked by
  /// discovery::normalise_site_url) for absolute links: feeds, sitemaps, canonical URLs, JSON-LD.
  /// Empty: the address each request was made to (its Host), fine on a laptop only.
  std::string url;
  /// Leads only by default: a full-text feed lets aggregators republish whole articles.
  FeedContent feed_content = FeedContent::excerpt;
  /// « L'API exige une clé de lecture »: GET /api/v1/ answers only with a read key or token.
  /// Off by default, since the API shows only what the public pages show.
  bool api_requires_key = false;
  Publisher publisher;  // who publishes, and the policy pages (content/publisher.h)
};

/// The settings as the rows of a key/value table, as every backend stores them.
std::vector<std::pair<std::string, std::string>> setting_rows(const SiteSettings& settings);
/// Reads one row back; an unknown key is ignored (a newer version may have written it).
void apply_setting_row(SiteSettings& settings, std::string_view key, std::string value);

}  // namespace gazette::content

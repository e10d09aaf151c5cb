// Row conventions every PostgreSQL store shares, as the SQLite stores' (sqlite/rows.h): times
// are Unix seconds in bigint columns, an article's summary is read the same way everywhere, an
// image is kept once (by SHA-256) with its variants.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "content/article_writes.h"
#include "content/events.h"
#include "content/media.h"
#include "content/types.h"
#include "store/postgres/connection.h"

namespace gazette::store::postgres {

inline std::int64_t to_unix(content::Timestamp time) {
  return time.time_since_epoch().count();
}
inline content::Timestamp from_unix(std::int64_t seconds) {
  return content::Timestamp(std::chrono::seconds(seconds));
}

/// The kind of piece in an articles.kind column; the CHECK constraint keeps it one of ours, and
/// a kind a newer version added reads as news rather than failing the page.
inline content::ArticleKind kind_of(std::string_view text) {
  return content::parse_article_kind(text).value_or(content::ArticleKind::news);
}

/// The columns read_summary() expects, in order (kSummaryColumnCount of them), and the joins
/// they need.
inline constexpr std::string_view kSummaryColumns =
    "SELECT a.id, a.slug, a.title, a.lead, a.published_at, au.slug, au.name, s.slug, s.name,"
    " m.name, m.mime_type, m.width, m.height, a.image_alt, a.kind,"
    // The co-authors as term lines (content/line_list.h), in byline order.
    " (SELECT string_agg(x.slug || E'\\t' || x.name, E'\\n' ORDER BY co.position)"
    " FROM article_coauthors co JOIN authors x ON x.id = co.author_id"
    " WHERE co.article_id = a.id)";
/// How many columns kSummaryColumns selects: a query selecting more reads them from here on.
inline constexpr int kSummaryColumnCount = 16;
inline constexpr std::string_view kSummaryFrom =
    " FROM articles a"
    " JOIN authors au ON au.id = a.author_id"
    " JOIN sections s ON s.id = a.section_id"
    " LEFT JOIN media m ON m.id = a.image_id";

/// An SQL expression, true when the article aliased `a` is pinned (sticky_articles).
inline constexpr std::string_view kArticleIsPinned =
    "EXISTS (SELECT 1 FROM sticky_articles p WHERE p.article_id = a.id)";

/// Whether a boolean column (libpq's text format: "t" or "f") is true.
inline bool is_true(const Result& result, int row, int column) {
  return result.text(row, column) == "t";
}

/// The summary in row `row` of a result selecting kSummaryColumns first.
content::ArticleSummary read_summary(const Result& result, int row);

/// The id of the media row holding `media`, inserted when no row has its SHA-256 yet.
std::int64_t keep_media(Connection& connection, const content::NewMedia& media,
                        content::Timestamp now);
/// Keeps an image and its resized copies, linked as its variants; the original's row id.
std::int64_t keep_image(Connection& connection, const content::NewMedia& original,
                        const std::vector<content::NewMedia>& variants, content::Timestamp now);
/// Fills `image.variants`, narrowest first, and the credit and focal point every figure of the
/// image shows (set in the media library).
void attach_variants(Connection& connection, content::MediaRef& image);

std::vector<content::Term> article_categories(Connection& connection, content::ArticleId id);
std::vector<content::Term> article_tags(Connection& connection, content::ArticleId id);
/// Who signs an article after its first author, in byline order.
std::vector<content::Term> article_coauthors(Connection& connection, content::ArticleId id);
/// The author with `slug`: profile and photo (with its copies), or nullopt.
std::optional<content::Author> read_author(Connection& connection, std::string_view slug);

/// The id of the row of `table` (sections, authors, categories, tags) with `term.slug`,
/// inserted with `term.name` when missing (an existing term keeps its name).
std::int64_t ensure_term(Connection& connection, std::string_view table, const content::Term& term);

/// Where article `id` appears at `now`, or nullopt when there is no such article.
std::optional<content::ArticlePlacement> read_placement(Connection& connection, std::int64_t id,
                                                        content::Timestamp now);

/// An article as the writer stores it (as sqlite/article_writer.h's ArticleRecord).
struct ArticleRecord {
  const content::ArticleFields& fields;
  std::int64_t author_id = 0;
  std::int64_t section_id = 0;
  std::optional<std::int64_t> image_id;
  const std::vector<content::Term>& categories;
  const std::vector<content::Term>& tags;
  /// The newsroom's version; nullopt bumps it on an update (a writer outside the newsroom).
  std::optional<std::int64_t> version;
};

/// The one writer of an article row on PostgreSQL: inserts (`existing` nullopt) or updates it,
/// files it under its terms in order, pins or unpins it; what it did, with where it appears at
/// `now` before and after.
content::SavedArticle write_article(Connection& connection, std::optional<std::int64_t> existing,
                                    const ArticleRecord& article, content::Timestamp now);

}  // namespace gazette::store::postgres

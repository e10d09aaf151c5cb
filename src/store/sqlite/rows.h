// Row conventions every SQLite store shares: times are Unix seconds (UTC), an article's
// summary — what a listing, a search result or a related card shows — is read the same way,
// and an image is kept once in the media table.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "content/events.h"
#include "content/media.h"
#include "content/types.h"
#include "store/sqlite/database.h"

namespace gazette::store::sqlite {

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
    // The co-authors as term lines (content/line_list.h), in byline order: the inner query
    // orders them, and SQLite's group_concat keeps the order of the rows it is given.
    " (SELECT group_concat(c.slug || char(9) || c.name, char(10)) FROM (SELECT x.slug, x.name"
    " FROM article_coauthors co JOIN authors x ON x.id = co.author_id"
    " WHERE co.article_id = a.id ORDER BY co.position) c)";
/// How many columns kSummaryColumns selects: a query selecting more reads them from here on.
inline constexpr int kSummaryColumnCount = 16;
inline constexpr std::string_view kSummaryFrom =
    " FROM articles a"
    " JOIN authors au ON au.id = a.author_id"
    " JOIN sections s ON s.id = a.section_id"
    " LEFT JOIN media m ON m.id = a.image_id";

/// The id of the media row holding `media`, inserted (as created at `now`) when no row has its
/// SHA-256 yet: the same image is stored once, whoever saves it (an article, the newsroom, a
/// profile, an import).
std::int64_t keep_media(Connection& connection, const content::NewMedia& media,
                        content::Timestamp now);

/// Keeps an image and its resized copies (each once, by SHA-256), linked as its variants;
/// the original's media row id.
std::int64_t keep_image(Connection& connection, const content::NewMedia& original,
                        const std::vector<content::NewMedia>& variants, content::Timestamp now);

/// The summary in the current row of a statement selecting kSummaryColumns first.
content::ArticleSummary read_summary(const Statement& row);

/// An article's categories and its tags, in the order the article gives them.
std::vector<content::Term> article_categories(Connection& connection, content::ArticleId id);
std::vector<content::Term> article_tags(Connection& connection, content::ArticleId id);
/// Who signs an article after its first author, in byline order.
std::vector<content::Term> article_coauthors(Connection& connection, content::ArticleId id);

/// The id of the row of `table` (sections, authors, categories, tags) with `term.slug`,
/// inserted with `term.name` when missing. An existing term keeps its name: editors rename
/// terms in the newsroom, not by saving an article. A new section goes last in the navigation.
std::int64_t ensure_term(Connection& connection, std::string_view table, const content::Term& term);

/// Makes `categories` / `tags` (created when missing) an article's, in that order.
void replace_article_categories(Connection& connection, std::int64_t article_id,
                                const std::vector<content::Term>& categories);
void replace_article_tags(Connection& connection, std::int64_t article_id,
                          const std::vector<content::Term>& tags);
/// Makes `coauthors` (created when missing: guest authors) sign the article after its first
/// author, in that order.
void replace_article_coauthors(Connection& connection, std::int64_t article_id,
                               const std::vector<content::Term>& coauthors);

/// The author with `slug`: profile and photo (with its copies), or nullopt.
std::optional<content::Author> read_author(Connection& connection, std::string_view slug);

/// Where article `id` appears at `now` (what ArticleChanged announces), or nullopt when there
/// is no such article.
std::optional<content::ArticlePlacement> read_placement(Connection& connection, std::int64_t id,
                                                        content::Timestamp now);

}  // namespace gazette::store::sqlite

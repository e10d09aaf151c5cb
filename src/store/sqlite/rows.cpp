// Shared row reads and writes of the SQLite stores (see rows.h).
#include "store/sqlite/rows.h"

#include "content/line_list.h"
#include "store/sqlite/media_variants.h"

namespace gazette::store::sqlite {

std::int64_t keep_media(Connection& connection, const content::NewMedia& media,
                        content::Timestamp now) {
  connection
      .prepare(
          "INSERT INTO media (name, sha256, mime_type, width, height, byte_size, bytes, created_at)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")
      .bind(1, media.name)
      .bind(2, media.sha256)
      .bind(3, media.mime_type)
      .bind(4, std::int64_t{media.width})
      .bind(5, std::int64_t{media.height})
      .bind(6, static_cast<std::int64_t>(media.bytes.size()))
      .bind_blob(7, media.bytes)
      .bind(8, to_unix(now))
      .run();
  auto found = connection.prepare("SELECT id FROM media WHERE sha256 = ?");
  found.bind(1, media.sha256);
  if (!found.step()) connection.fail("media insert");
  return found.column_int(0);
}

std::int64_t keep_image(Connection& connection, const content::NewMedia& original,
                        const std::vector<content::NewMedia>& variants, content::Timestamp now) {
  auto original_id = keep_media(connection, original, now);
  for (const auto& variant : variants) {
    auto variant_id = keep_media(connection, variant, now);
    if (variant_id == original_id) continue;  // a "copy" identical to the original
    connection
        .prepare(
            "INSERT INTO media_variants (original_id, variant_id) VALUES (?, ?)"
            " ON CONFLICT DO NOTHING")
        .bind(1, original_id)
        .bind(2, variant_id)
        .run();
  }
  return original_id;
}

content::ArticleSummary read_summary(const Statement& row) {
  content::ArticleSummary summary;
  summary.id = content::ArticleId{row.column_int(0)};
  summary.slug = row.column_text(1);
  summary.title = row.column_text(2);
  summary.lead = row.column_text(3);
  summary.published_at = from_unix(row.column_int(4));
  summary.author = {row.column_text(5), row.column_text(6)};
  summary.section = {row.column_text(7), row.column_text(8)};
  if (!row.column_is_null(9)) {
    summary.image = content::MediaRef{row.column_text(9),
                                      row.column_text(10),
                                      static_cast<int>(row.column_int(11)),
                                      static_cast<int>(row.column_int(12)),
                                      {}};
  }
  summary.image_alt = row.column_text(13);
  summary.kind = kind_of(row.column_text(14));
  summary.coauthors = content::split_term_lines(row.column_text(15));
  return summary;
}

namespace {

std::vector<content::Term> read_terms(Connection& connection, std::string_view sql,
                                      content::ArticleId id) {
  std::vector<content::Term> terms;
  auto statement = connection.prepare(sql);
  statement.bind(1, id.value);
  while (statement.step()) terms.push_back({statement.column_text(0), statement.column_text(1)});
  return terms;
}

}  // namespace

std::vector<content::Term> article_categories(Connection& connection, content::ArticleId id) {
  return read_terms(connection,
                    "SELECT c.slug, c.name FROM article_categories ac"
                    " JOIN categories c ON c.id = ac.category_id"
                    " WHERE ac.article_id = ? ORDER BY ac.position",
                    id);
}

std::vector<content::Term> article_tags(Connection& connection, content::ArticleId id) {
  return read_terms(connection,
                    "SELECT t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                    " WHERE at.article_id = ? ORDER BY at.position",
                    id);
}

std::vector<content::Term> article_coauthors(Connection& connection, content::ArticleId id) {
  return read_terms(connection,
                    "SELECT au.slug, au.name FROM article_coauthors co"
                    " JOIN authors au ON au.id = co.author_id"
                    " WHERE co.article_id = ? ORDER BY co.position",
                    id);
}

std::int64_t ensure_term(Connection& connection, std::string_view table,
                         const content::Term& term) {
  std::string table_name(table);
  {
    auto found = connection.prepare("SELECT id FROM " + table_name + " WHERE slug = ?");
    found.bind(1, term.slug);
    if (found.step()) return found.column_int(0);
  }
  if (table == "sections") {
    connection
        .prepare(
            "INSERT INTO sections (slug, name, position)"
            " VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM sections))")
        .bind(1, term.slug)
        .bind(2, term.name)
        .run();
  } else {
    connection.prepare("INSERT INTO " + table_name + " (slug, name) VALUES (?, ?)")
        .bind(1, term.slug)
        .bind(2, term.name)
        .run();
  }
  return connection.last_insert_id();
}

namespace {

void replace_article_terms(Connection& connection, std::string_view link_table,
                           std::string_view term_table, std::string_view term_column,
                           std::int64_t article_id, const std::vector<content::Term>& terms) {
  std::string link(link_table);
  connection.prepare("DELETE FROM " + link + " WHERE article_id = ?").bind(1, article_id).run();
  std::int64_t position = 0;
  for (const auto& term : terms) {
    std::int64_t term_id = ensure_term(connection, term_table, term);
    connection
        .prepare("INSERT OR IGNORE INTO " + link + " (article_id, " + std::string(term_column) +
                 ", position) VALUES (?, ?, ?)")
        .bind(1, article_id)
        .bind(2, term_id)
        .bind(3, position++)
        .run();
  }
}

}  // namespace

void replace_article_categories(Connection& connection, std::int64_t article_id,
                                const std::vector<content::Term>& categories) {
  replace_article_terms(connection, "article_categories", "categories", "category_id", article_id,
                        categories);
}

void replace_article_tags(Connection& connection, std::int64_t article_id,
                          const std::vector<content::Term>& tags) {
  replace_article_terms(connection, "article_tags", "tags", "tag_id", article_id, tags);
}

void replace_article_coauthors(Connection& connection, std::int64_t article_id,
                               const std::vector<content::Term>& coauthors) {
  replace_article_terms(connection, "article_coauthors", "authors", "author_id", article_id,
                        coauthors);
}

std::optional<content::ArticlePlacement> read_placement(Connection& connection, std::int64_t id,
                                                        content::Timestamp now) {
  content::ArticlePlacement placement;
  {
    auto statement = connection.prepare(
        "SELECT s.slug, a.slug, au.slug, a.status = 'published' AND a.published_at <= ?2"
        " FROM articles a JOIN sections s ON s.id = a.section_id"
        " JOIN authors au ON au.id = a.author_id WHERE a.id = ?1");
    statement.bind(1, id).bind(2, to_unix(now));
    if (!statement.step()) return std::nullopt;
    placement.section_slug = statement.column_text(0);
    placement.slug = statement.column_text(1);
    placement.author_slug = statement.column_text(2);
    placement.visible = statement.column_int(3) != 0;
  }
  for (const auto& term : article_categories(connection, content::ArticleId{id}))
    placement.category_slugs.push_back(term.slug);
  for (const auto& term : article_tags(connection, content::ArticleId{id}))
    placement.tag_slugs.push_back(term.slug);
  for (const auto& term : article_coauthors(connection, content::ArticleId{id}))
    placement.coauthor_slugs.push_back(term.slug);
  return placement;
}

std::optional<content::Author> read_author(Connection& connection, std::string_view slug) {
  content::Author author;
  {
    auto statement = connection.prepare(
        "SELECT a.id, a.slug, a.name, a.bio, a.role, a.links, m.name, m.mime_type, m.width,"
        " m.height FROM authors a LEFT JOIN media m ON m.id = a.image_id WHERE a.slug = ?");
    statement.bind(1, slug);
    if (!statement.step()) return std::nullopt;
    author.id = statement.column_int(0);
    author.slug = statement.column_text(1);
    author.name = statement.column_text(2);
    author.bio = statement.column_text(3);
    author.role = statement.column_text(4);
    author.links = content::split_lines(statement.column_text(5));
    if (!statement.column_is_null(6)) {
      author.photo.emplace();
      author.photo->name = statement.column_text(6);
      author.photo->mime_type = statement.column_text(7);
      author.photo->width = static_cast<int>(statement.column_int(8));
      author.photo->height = static_cast<int>(statement.column_int(9));
    }
  }
  if (author.photo) attach_variants(connection, *author.photo);
  return author;
}

}  // namespace gazette::store::sqlite

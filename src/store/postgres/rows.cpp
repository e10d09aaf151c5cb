// Shared row reads and writes of the PostgreSQL stores (see rows.h).
#include "store/postgres/rows.h"

#include <string>

#include "content/line_list.h"

namespace gazette::store::postgres {

content::ArticleSummary read_summary(const Result& result, int row) {
  content::ArticleSummary summary;
  summary.id = content::ArticleId{result.integer(row, 0)};
  summary.slug = result.text(row, 1);
  summary.title = result.text(row, 2);
  summary.lead = result.text(row, 3);
  summary.published_at = from_unix(result.integer(row, 4));
  summary.author = {result.text(row, 5), result.text(row, 6)};
  summary.section = {result.text(row, 7), result.text(row, 8)};
  if (!result.is_null(row, 9)) {
    summary.image = content::MediaRef{result.text(row, 9),
                                      result.text(row, 10),
                                      static_cast<int>(result.integer(row, 11)),
                                      static_cast<int>(result.integer(row, 12)),
                                      {}};
  }
  summary.image_alt = result.text(row, 13);
  summary.kind = kind_of(result.text(row, 14));
  summary.coauthors = content::split_term_lines(result.text(row, 15));
  return summary;
}

std::int64_t keep_media(Connection& connection, const content::NewMedia& media,
                        content::Timestamp now) {
  connection.query(
      "INSERT INTO media (name, sha256, mime_type, width, height, byte_size, bytes, created_at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (sha256) DO NOTHING",
      Params()
          .add(media.name)
          .add(media.sha256)
          .add(media.mime_type)
          .add(std::int64_t{media.width})
          .add(std::int64_t{media.height})
          .add(static_cast<std::int64_t>(media.bytes.size()))
          .add_bytes(media.bytes)
          .add(to_unix(now)));
  auto found =
      connection.query("SELECT id FROM media WHERE sha256 = $1", Params().add(media.sha256));
  if (found.rows() == 0) throw PostgresError("media insert: no row for " + media.sha256);
  return found.integer(0, 0);
}

std::int64_t keep_image(Connection& connection, const content::NewMedia& original,
                        const std::vector<content::NewMedia>& variants, content::Timestamp now) {
  auto original_id = keep_media(connection, original, now);
  for (const auto& variant : variants) {
    auto variant_id = keep_media(connection, variant, now);
    if (variant_id == original_id) continue;
    connection.query(
        "INSERT INTO media_variants (original_id, variant_id) VALUES ($1, $2)"
        " ON CONFLICT DO NOTHING",
        Params().add(original_id).add(variant_id));
  }
  return original_id;
}

void attach_variants(Connection& connection, content::MediaRef& image) {
  image.variants.clear();
  // One round trip for the photo's own details and its copies: a photo without copies is one
  // row with no variant.
  auto rows = connection.query(
      "SELECT o.credit, o.focal_x, o.focal_y, v.name, v.mime_type, v.width FROM media o"
      " LEFT JOIN media_variants mv ON mv.original_id = o.id"
      " LEFT JOIN media v ON v.id = mv.variant_id"
      " WHERE o.name = $1 ORDER BY v.width, v.mime_type COLLATE \"C\"",
      Params().add(image.name));
  for (int row = 0; row < rows.rows(); ++row) {
    image.credit = rows.text(row, 0);
    image.focal = {static_cast<int>(rows.integer(row, 1)), static_cast<int>(rows.integer(row, 2))};
    if (rows.is_null(row, 3)) continue;
    image.variants.push_back(
        {rows.text(row, 3), rows.text(row, 4), static_cast<int>(rows.integer(row, 5))});
  }
}

namespace {

std::vector<content::Term> read_terms(Connection& connection, std::string_view sql,
                                      content::ArticleId id) {
  std::vector<content::Term> terms;
  auto rows = connection.query(sql, Params().add(id.value));
  for (int row = 0; row < rows.rows(); ++row)
    terms.push_back({rows.text(row, 0), rows.text(row, 1)});
  return terms;
}

void replace_article_terms(Connection& connection, const std::string& link,
                           std::string_view term_table, const std::string& term_column,
                           std::int64_t article_id, const std::vector<content::Term>& terms) {
  connection.query("DELETE FROM " + link + " WHERE article_id = $1", Params().add(article_id));
  std::int64_t position = 0;
  for (const auto& term : terms) {
    auto term_id = ensure_term(connection, term_table, term);
    connection.query("INSERT INTO " + link + " (article_id, " + term_column +
                         ", position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                     Params().add(article_id).add(term_id).add(position++));
  }
}

}  // namespace

std::vector<content::Term> article_categories(Connection& connection, content::ArticleId id) {
  return read_terms(connection,
                    "SELECT c.slug, c.name FROM article_categories ac"
                    " JOIN categories c ON c.id = ac.category_id"
                    " WHERE ac.article_id = $1 ORDER BY ac.position",
                    id);
}

std::vector<content::Term> article_tags(Connection& connection, content::ArticleId id) {
  return read_terms(connection,
                    "SELECT t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                    " WHERE at.article_id = $1 ORDER BY at.position",
                    id);
}

std::vector<content::Term> article_coauthors(Connection& connection, content::ArticleId id) {
  return read_terms(connection,
                    "SELECT au.slug, au.name FROM article_coauthors co"
                    " JOIN authors au ON au.id = co.author_id"
                    " WHERE co.article_id = $1 ORDER BY co.position",
                    id);
}

std::optional<content::Author> read_author(Connection& connection, std::string_view slug) {
  auto rows = connection.query(
      "SELECT a.id, a.slug, a.name, a.bio, a.role, a.links, m.name, m.mime_type, m.width,"
      " m.height FROM authors a LEFT JOIN media m ON m.id = a.image_id WHERE a.slug = $1",
      Params().add(slug));
  if (rows.rows() == 0) return std::nullopt;
  content::Author author;
  author.id = rows.integer(0, 0);
  author.slug = rows.text(0, 1);
  author.name = rows.text(0, 2);
  author.bio = rows.text(0, 3);
  author.role = rows.text(0, 4);
  author.links = content::split_lines(rows.text(0, 5));
  if (!rows.is_null(0, 6)) {
    author.photo.emplace();
    author.photo->name = rows.text(0, 6);
    author.photo->mime_type = rows.text(0, 7);
    author.photo->width = static_cast<int>(rows.integer(0, 8));
    author.photo->height = static_cast<int>(rows.integer(0, 9));
    attach_variants(connection, *author.photo);
  }
  return author;
}

std::int64_t ensure_term(Connection& connection, std::string_view table,
                         const content::Term& term) {
  std::string table_name(table);
  auto found = connection.query("SELECT id FROM " + table_name + " WHERE slug = $1",
                                Params().add(term.slug));
  if (found.rows() > 0) return found.integer(0, 0);
  if (table == "sections")
    return connection
        .query(
            "INSERT INTO sections (slug, name, position)"
            " VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM sections)) RETURNING id",
            Params().add(term.slug).add(term.name))
        .integer(0, 0);
  return connection
      .query("INSERT INTO " + table_name + " (slug, name) VALUES ($1, $2) RETURNING id",
             Params().add(term.slug).add(term.name))
      .integer(0, 0);
}

std::optional<content::ArticlePlacement> read_placement(Connection& connection, std::int64_t id,
                                                        content::Timestamp now) {
  auto rows = connection.query(
      "SELECT s.slug, a.slug, au.slug, a.status = 'published' AND a.published_at <= $2"
      " FROM articles a JOIN sections s ON s.id = a.section_id"
      " JOIN authors au ON au.id = a.author_id WHERE a.id = $1",
      Params().add(id).add(to_unix(now)));
  if (rows.rows() == 0) return std::nullopt;
  content::ArticlePlacement placement;
  placement.section_slug = rows.text(0, 0);
  placement.slug = rows.text(0, 1);
  placement.author_slug = rows.text(0, 2);
  placement.visible = rows.text(0, 3) == "t";
  for (const auto& term : article_categories(connection, content::ArticleId{id}))
    placement.category_slugs.push_back(term.slug);
  for (const auto& term : article_tags(connection, content::ArticleId{id}))
    placement.tag_slugs.push_back(term.slug);
  for (const auto& term : article_coauthors(connection, content::ArticleId{id}))
    placement.coauthor_slugs.push_back(term.slug);
  return placement;
}

content::SavedArticle write_article(Connection& connection, std::optional<std::int64_t> existing,
                                    const ArticleRecord& article, content::Timestamp now) {
  const auto& fields = article.fields;
  std::optional<content::ArticlePlacement> before;
  if (existing) before = read_placement(connection, *existing, now);
  // A change readers see is dated and kept in article_changes; a typo is not. updated_at moves
  // for every save, typos too: the search index's catch-up and the validators follow it.
  const bool was_public = before && before->visible;
  Params params;
  params.add(fields.slug)
      .add(fields.title)
      .add(fields.lead)
      .add(fields.body_markdown)
      .add(fields.body_html)
      .add(content::to_string(fields.status))
      .add(to_unix(fields.published_at))
      .add(to_unix(fields.updated_at))
      .add(article.author_id)
      .add(article.section_id)
      .add(article.image_id)
      .add(fields.image_caption)
      .add(fields.image_alt)
      .add(article.version);
  if (fields.kind)
    params.add(content::to_string(*fields.kind));
  else
    params.add_null();
  params.add(fields.kind ? std::string_view(fields.sponsor) : std::string_view(""));
  std::int64_t id = 0;
  if (existing) {
    params.add(*existing);
    connection.query(
        "UPDATE articles SET slug = $1, title = $2, lead = $3, body_markdown = $4,"
        " body_html = $5, status = $6, published_at = $7,"
        " updated_at = $8, author_id = $9,"
        " section_id = $10, image_id = $11, image_caption = $12, image_alt = $13,"
        " version = coalesce($14::bigint, version + 1), kind = coalesce($15::text, kind),"
        " sponsor = CASE WHEN $15::text IS NULL THEN sponsor ELSE $16 END"
        " WHERE id = $17",
        params);
    id = *existing;
  } else {
    id = connection
             .query(
                 "INSERT INTO articles (slug, title, lead, body_markdown, body_html, status,"
                 " published_at, updated_at, author_id, section_id, image_id, image_caption,"
                 " image_alt, version, kind, sponsor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                 " $10, $11, $12, $13, coalesce($14::bigint, 1), coalesce($15::text, 'news'), $16) "
                 "RETURNING id",
                 params)
             .integer(0, 0);
  }
  if (was_public && content::is_public(fields.change)) {
    connection.query(
        "INSERT INTO article_changes (article_id, kind, note, changed_at) VALUES ($1, $2, $3, $4)",
        Params()
            .add(id)
            .add(content::to_string(fields.change))
            .add(fields.change_note)
            .add(to_unix(now)));
  }
  replace_article_terms(connection, "article_categories", "categories", "category_id", id,
                        article.categories);
  replace_article_terms(connection, "article_tags", "tags", "tag_id", id, article.tags);
  if (fields.coauthors)
    replace_article_terms(connection, "article_coauthors", "authors", "author_id", id,
                          *fields.coauthors);
  if (fields.pinned)
    connection.query(*fields.pinned ? "INSERT INTO sticky_articles (article_id) VALUES ($1)"
                                      " ON CONFLICT DO NOTHING"
                                    : "DELETE FROM sticky_articles WHERE article_id = $1",
                     Params().add(id));
  auto after = read_placement(connection, id, now).value();
  return {content::ArticleId{id}, !existing,       after.section_slug, after.slug,
          std::move(before),      std::move(after)};
}

}  // namespace gazette::store::postgres

// Shared row reads and writes of the SQLite stores (see rows.h).
#include "store/sqlite/rows.h"

namespace gazette::store::sqlite {

std::int64_t keep_media(Connection& connection, const NewMedia& media) {
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
      .bind(8, now_unix())
      .run();
  auto found = connection.prepare("SELECT id FROM media WHERE sha256 = ?");
  found.bind(1, media.sha256);
  if (!found.step()) connection.fail("media insert");
  return found.column_int(0);
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

}  // namespace gazette::store::sqlite

// The article writer (see article_writer.h).
#include "store/sqlite/article_writer.h"

#include "store/sqlite/pins.h"
#include "store/sqlite/rows.h"

namespace gazette::store::sqlite {

WrittenArticle write_article(Connection& connection, std::optional<std::int64_t> existing,
                             const ArticleRecord& article, content::Timestamp now,
                             Placements placements) {
  const auto& fields = article.fields;
  WrittenArticle written;
  written.created = !existing;
  if (existing && placements == Placements::read)
    written.before = read_placement(connection, *existing, now);
  // A change readers see is dated and kept in article_changes; a typo is not. updated_at moves
  // for every save, typos too: the search index's catch-up and the validators follow it.
  const bool was_public = written.before && written.before->visible;
  auto statement = connection.prepare(
      existing ? "UPDATE articles SET slug = ?1, title = ?2, lead = ?3, body_markdown = ?4,"
                 " body_html = ?5, status = ?6, published_at = ?7, updated_at = ?8,"
                 " author_id = ?9, section_id = ?10, image_id = ?11, image_caption = ?12,"
                 " image_alt = ?13, version = coalesce(?14, version), kind = coalesce(?16, kind),"
                 " sponsor = CASE WHEN ?16 IS NULL THEN sponsor ELSE ?17 END WHERE id = ?15"
               : "INSERT INTO articles (slug, title, lead, body_markdown, body_html, status,"
                 " published_at, updated_at, author_id, section_id, image_id, image_caption,"
                 " image_alt, version, kind, sponsor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                 " ?9, ?10, ?11, ?12, ?13, coalesce(?14, 1), coalesce(?16, 'news'), ?17)");
  statement.bind(1, fields.slug)
      .bind(2, fields.title)
      .bind(3, fields.lead)
      .bind(4, fields.body_markdown)
      .bind(5, fields.body_html)
      .bind(6, content::to_string(fields.status))
      .bind(7, to_unix(fields.published_at))
      .bind(8, to_unix(fields.updated_at))
      .bind(9, article.author_id)
      .bind(10, article.section_id)
      .bind(11, article.image_id)
      .bind(12, fields.image_caption)
      .bind(13, fields.image_alt)
      .bind(14, article.version)
      .bind(17, fields.kind ? std::string_view(fields.sponsor) : std::string_view(""));
  if (fields.kind)
    statement.bind(16, content::to_string(*fields.kind));
  else
    statement.bind_null(16);
  if (existing) statement.bind(15, *existing);
  statement.run();
  written.id = existing ? *existing : connection.last_insert_id();
  if (was_public && content::is_public(fields.change)) {
    connection
        .prepare(
            "INSERT INTO article_changes (article_id, kind, note, changed_at) VALUES (?, ?, ?, ?)")
        .bind(1, written.id)
        .bind(2, content::to_string(fields.change))
        .bind(3, fields.change_note)
        .bind(4, to_unix(now))
        .run();
  }

  replace_article_categories(connection, written.id, article.categories);
  replace_article_tags(connection, written.id, article.tags);
  if (fields.coauthors) replace_article_coauthors(connection, written.id, *fields.coauthors);
  if (fields.pinned) write_pin(connection, written.id, *fields.pinned);
  if (placements == Placements::read) written.after = read_placement(connection, written.id, now);
  return written;
}

content::SavedArticle saved_article(WrittenArticle written) {
  auto after = std::move(written.after.value());
  return {content::ArticleId{written.id}, written.created, after.section_slug, after.slug,
          std::move(written.before),      std::move(after)};
}

}  // namespace gazette::store::sqlite

// PostgresMediaStore (see postgres_media_store.h).
#include "store/postgres/postgres_media_store.h"

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

namespace {

std::optional<content::MediaRef> read_image(Connection& connection, std::string_view name) {
  auto rows = connection.query("SELECT name, mime_type, width, height FROM media WHERE name = $1",
                               Params().add(name));
  if (rows.rows() == 0) return std::nullopt;
  content::MediaRef image{rows.text(0, 0),
                          rows.text(0, 1),
                          static_cast<int>(rows.integer(0, 2)),
                          static_cast<int>(rows.integer(0, 3)),
                          {}};
  attach_variants(connection, image);
  return image;
}

// "%word%" with LIKE's own wildcards in `search` taken literally.
std::string like_pattern(std::string_view search) {
  std::string pattern = "%";
  for (char c : search) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

}  // namespace

content::MediaRef PostgresMediaStore::save_image(WriteTransaction& write,
                                                 const content::NewMedia& original,
                                                 const std::vector<content::NewMedia>& variants,
                                                 content::Timestamp now) {
  Connection& connection = connection_of(write, database_);
  auto id = keep_image(connection, original, variants, now);
  auto name = connection.query("SELECT name FROM media WHERE id = $1", Params().add(id));
  return *read_image(connection, name.text(0, 0));
}

std::optional<content::MediaRef> PostgresMediaStore::find_image(std::string_view name) {
  auto connection = database_.read();
  return read_image(*connection, name);
}

std::vector<LibraryImage> PostgresMediaStore::list_images(std::string_view search, int limit) {
  auto connection = database_.read();
  // ILIKE: case-insensitive as SQLite's LIKE is for ASCII letters.
  auto rows = connection->query(
      "SELECT m.name, m.width, m.height, m.created_at,"
      " CASE WHEN m.caption <> '' THEN m.caption ELSE"
      "  COALESCE((SELECT a.image_caption FROM articles a WHERE a.image_id = m.id"
      "            ORDER BY a.updated_at DESC, a.id DESC LIMIT 1), '') END,"
      " CASE WHEN m.alt <> '' THEN m.alt ELSE"
      "  COALESCE((SELECT a.image_alt FROM articles a WHERE a.image_id = m.id"
      "            ORDER BY a.updated_at DESC, a.id DESC LIMIT 1), '') END,"
      " m.credit, m.focal_x, m.focal_y"
      " FROM media m"
      " WHERE NOT EXISTS (SELECT 1 FROM media_variants v WHERE v.variant_id = m.id)"
      " AND ($1::text = '' OR m.name ILIKE $2 ESCAPE '\\' OR m.caption ILIKE $2 ESCAPE '\\'"
      "      OR m.credit ILIKE $2 ESCAPE '\\' OR m.alt ILIKE $2 ESCAPE '\\'"
      "      OR EXISTS (SELECT 1 FROM articles a"
      "      WHERE a.image_id = m.id AND (a.title ILIKE $2 ESCAPE '\\'"
      "      OR a.image_caption ILIKE $2 ESCAPE '\\' OR a.image_alt ILIKE $2 ESCAPE '\\')))"
      " ORDER BY m.created_at DESC, m.id DESC LIMIT $3",
      Params().add(search).add(like_pattern(search)).add(static_cast<std::int64_t>(limit)));
  std::vector<LibraryImage> images;
  for (int row = 0; row < rows.rows(); ++row) {
    images.push_back(
        {rows.text(row, 0),
         static_cast<int>(rows.integer(row, 1)),
         static_cast<int>(rows.integer(row, 2)),
         from_unix(rows.integer(row, 3)),
         rows.text(row, 4),
         rows.text(row, 5),
         rows.text(row, 6),
         {static_cast<int>(rows.integer(row, 7)), static_cast<int>(rows.integer(row, 8))}});
  }
  return images;
}

bool PostgresMediaStore::save_image_details(WriteTransaction& write, std::string_view name,
                                            const ImageDetails& details) {
  Params params;
  if (details.caption)
    params.add(*details.caption);
  else
    params.add_null();
  params.add(details.credit);
  if (details.alt)
    params.add(*details.alt);
  else
    params.add_null();
  params.add(std::int64_t{details.focal.x}).add(std::int64_t{details.focal.y}).add(name);
  return connection_of(write, database_)
             .query(
                 "UPDATE media SET caption = coalesce($1::text, caption), credit = $2,"
                 " alt = coalesce($3::text, alt), focal_x = $4, focal_y = $5 WHERE name = $6",
                 params)
             .affected() > 0;
}

std::vector<content::ArticleId> PostgresMediaStore::articles_with_main_image(
    std::string_view name) {
  auto connection = database_.read();
  auto rows = connection->query(
      "SELECT a.id FROM articles a JOIN media m ON m.id = a.image_id WHERE m.name = $1",
      Params().add(name));
  std::vector<content::ArticleId> ids;
  for (int row = 0; row < rows.rows(); ++row)
    ids.push_back(content::ArticleId{rows.integer(row, 0)});
  return ids;
}

std::int64_t PostgresMediaStore::count_image_uses(std::string_view name) {
  auto connection = database_.read();
  // The image and its resized copies, by id and by the address a body links to.
  auto rows = connection->query(
      "WITH image AS (SELECT id, name FROM media WHERE name = $1"
      "  UNION ALL SELECT vm.id, vm.name FROM media m JOIN media_variants v ON v.original_id = m.id"
      "  JOIN media vm ON vm.id = v.variant_id WHERE m.name = $1)"
      " SELECT (SELECT count(*) FROM articles a WHERE a.image_id IN (SELECT id FROM image)"
      "   OR EXISTS (SELECT 1 FROM image i WHERE strpos(a.body_markdown, '/media/' || i.name) > 0))"
      " + (SELECT count(*) FROM authors WHERE image_id IN (SELECT id FROM image))"
      " + (SELECT count(*) FROM live_entries e WHERE e.image_id IN (SELECT id FROM image)"
      "   OR EXISTS (SELECT 1 FROM image i WHERE strpos(e.body_markdown, '/media/' || i.name) > 0))"
      " + (SELECT count(*) FROM settings WHERE key = 'logo' AND value IN (SELECT name FROM image))",
      Params().add(name));
  return rows.integer(0, 0);
}

bool PostgresMediaStore::delete_image(WriteTransaction& write, std::string_view name) {
  auto& connection = connection_of(write, database_);
  connection.query(
      "DELETE FROM media WHERE id IN (SELECT v.variant_id FROM media_variants v"
      " JOIN media m ON m.id = v.original_id WHERE m.name = $1)",
      Params().add(name));
  return connection.query("DELETE FROM media WHERE name = $1", Params().add(name)).affected() > 0;
}

}  // namespace gazette::store::postgres

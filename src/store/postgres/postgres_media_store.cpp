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
      " COALESCE((SELECT a.image_caption FROM articles a WHERE a.image_id = m.id"
      "           ORDER BY a.updated_at DESC, a.id DESC LIMIT 1), ''),"
      " COALESCE((SELECT a.image_alt FROM articles a WHERE a.image_id = m.id"
      "           ORDER BY a.updated_at DESC, a.id DESC LIMIT 1), '')"
      " FROM media m"
      " WHERE NOT EXISTS (SELECT 1 FROM media_variants v WHERE v.variant_id = m.id)"
      " AND ($1::text = '' OR m.name ILIKE $2 ESCAPE '\\' OR EXISTS (SELECT 1 FROM articles a"
      "      WHERE a.image_id = m.id AND (a.title ILIKE $2 ESCAPE '\\'"
      "      OR a.image_caption ILIKE $2 ESCAPE '\\' OR a.image_alt ILIKE $2 ESCAPE '\\')))"
      " ORDER BY m.created_at DESC, m.id DESC LIMIT $3",
      Params().add(search).add(like_pattern(search)).add(static_cast<std::int64_t>(limit)));
  std::vector<LibraryImage> images;
  for (int row = 0; row < rows.rows(); ++row) {
    images.push_back({rows.text(row, 0), static_cast<int>(rows.integer(row, 1)),
                      static_cast<int>(rows.integer(row, 2)), from_unix(rows.integer(row, 3)),
                      rows.text(row, 4), rows.text(row, 5)});
  }
  return images;
}

}  // namespace gazette::store::postgres

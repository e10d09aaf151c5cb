// SqliteMediaStore: images and variants in SQL (see media_store.h and media_variants.h).
#include "store/sqlite/sqlite_media_store.h"

#include "store/sqlite/media_variants.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

namespace {

std::optional<content::MediaRef> read_image(Connection& connection, std::string_view name) {
  content::MediaRef image;
  {
    auto statement =
        connection.prepare("SELECT name, mime_type, width, height FROM media WHERE name = ?");
    statement.bind(1, name);
    if (!statement.step()) return std::nullopt;
    image = {statement.column_text(0),
             statement.column_text(1),
             static_cast<int>(statement.column_int(2)),
             static_cast<int>(statement.column_int(3)),
             {}};
  }
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

void attach_variants(Connection& connection, content::MediaRef& image) {
  image.variants.clear();
  // One query for the photo's own details and its copies: a photo without copies is one row
  // with no variant.
  auto statement = connection.prepare(
      "SELECT o.credit, o.focal_x, o.focal_y, v.name, v.mime_type, v.width FROM media o"
      " LEFT JOIN media_variants mv ON mv.original_id = o.id"
      " LEFT JOIN media v ON v.id = mv.variant_id"
      " WHERE o.name = ? ORDER BY v.width, v.mime_type");
  statement.bind(1, image.name);
  while (statement.step()) {
    image.credit = statement.column_text(0);
    image.focal = {static_cast<int>(statement.column_int(1)),
                   static_cast<int>(statement.column_int(2))};
    if (statement.column_is_null(3)) continue;
    image.variants.push_back({statement.column_text(3), statement.column_text(4),
                              static_cast<int>(statement.column_int(5))});
  }
}

content::MediaRef SqliteMediaStore::save_image(WriteTransaction& write,
                                               const content::NewMedia& original,
                                               const std::vector<content::NewMedia>& variants,
                                               content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  auto original_id = keep_image(writer, original, variants, now);
  std::string name;
  {
    auto found = writer.prepare("SELECT name FROM media WHERE id = ?");
    found.bind(1, original_id);
    if (!found.step()) writer.fail("media read");
    name = found.column_text(0);
  }
  return *read_image(writer, name);
}

std::optional<content::MediaRef> SqliteMediaStore::find_image(std::string_view name) {
  auto connection = pool_.read();
  return read_image(*connection, name);
}

std::vector<LibraryImage> SqliteMediaStore::list_images(std::string_view search, int limit) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
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
      " AND (?1 = '' OR m.name LIKE ?2 ESCAPE '\\' OR m.caption LIKE ?2 ESCAPE '\\'"
      "      OR m.credit LIKE ?2 ESCAPE '\\' OR m.alt LIKE ?2 ESCAPE '\\'"
      "      OR EXISTS (SELECT 1 FROM articles a"
      "      WHERE a.image_id = m.id AND (a.title LIKE ?2 ESCAPE '\\'"
      "      OR a.image_caption LIKE ?2 ESCAPE '\\' OR a.image_alt LIKE ?2 ESCAPE '\\')))"
      " ORDER BY m.created_at DESC, m.id DESC LIMIT ?3");
  statement.bind(1, search);
  statement.bind(2, like_pattern(search));
  statement.bind(3, static_cast<std::int64_t>(limit));
  std::vector<LibraryImage> images;
  while (statement.step()) {
    images.push_back(
        {statement.column_text(0),
         static_cast<int>(statement.column_int(1)),
         static_cast<int>(statement.column_int(2)),
         from_unix(statement.column_int(3)),
         statement.column_text(4),
         statement.column_text(5),
         statement.column_text(6),
         {static_cast<int>(statement.column_int(7)), static_cast<int>(statement.column_int(8))}});
  }
  return images;
}

bool SqliteMediaStore::save_image_details(WriteTransaction& write, std::string_view name,
                                          const ImageDetails& details) {
  Connection& writer = writer_of(write, pool_);
  auto statement = writer.prepare(
      "UPDATE media SET caption = coalesce(?, caption), credit = ?, alt = coalesce(?, alt),"
      " focal_x = ?, focal_y = ? WHERE name = ?");
  statement.bind(2, details.credit)
      .bind(4, std::int64_t{details.focal.x})
      .bind(5, std::int64_t{details.focal.y})
      .bind(6, name);
  if (details.caption)
    statement.bind(1, *details.caption);
  else
    statement.bind_null(1);
  if (details.alt)
    statement.bind(3, *details.alt);
  else
    statement.bind_null(3);
  statement.run();
  return writer.changes() > 0;
}

std::int64_t SqliteMediaStore::count_image_uses(std::string_view name) {
  auto connection = pool_.read();
  // The image and its resized copies, by id and by the address a body links to.
  auto statement = connection->prepare(
      "WITH image AS (SELECT id, name FROM media WHERE name = ?1"
      "  UNION ALL SELECT vm.id, vm.name FROM media m JOIN media_variants v ON v.original_id = m.id"
      "  JOIN media vm ON vm.id = v.variant_id WHERE m.name = ?1)"
      " SELECT (SELECT count(*) FROM articles a WHERE a.image_id IN (SELECT id FROM image)"
      "   OR EXISTS (SELECT 1 FROM image i WHERE instr(a.body_markdown, '/media/' || i.name) > 0))"
      " + (SELECT count(*) FROM authors WHERE image_id IN (SELECT id FROM image))"
      " + (SELECT count(*) FROM live_entries e WHERE e.image_id IN (SELECT id FROM image)"
      "   OR EXISTS (SELECT 1 FROM image i WHERE instr(e.body_markdown, '/media/' || i.name) > 0))"
      " + (SELECT count(*) FROM settings WHERE key = 'logo' AND value IN (SELECT name FROM "
      "image))");
  statement.bind(1, name);
  return statement.step() ? statement.column_int(0) : 0;
}

std::vector<content::ArticleId> SqliteMediaStore::articles_with_main_image(std::string_view name) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT a.id FROM articles a JOIN media m ON m.id = a.image_id WHERE m.name = ?");
  statement.bind(1, name);
  std::vector<content::ArticleId> ids;
  while (statement.step()) ids.push_back(content::ArticleId{statement.column_int(0)});
  return ids;
}

bool SqliteMediaStore::delete_image(WriteTransaction& write, std::string_view name) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "DELETE FROM media WHERE id IN (SELECT v.variant_id FROM media_variants v"
          " JOIN media m ON m.id = v.original_id WHERE m.name = ?)")
      .bind(1, name)
      .run();
  writer.prepare("DELETE FROM media WHERE name = ?").bind(1, name).run();
  return writer.changes() > 0;
}

}  // namespace gazette::store::sqlite

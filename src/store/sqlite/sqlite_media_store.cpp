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

}  // namespace

void attach_variants(Connection& connection, content::MediaRef& image) {
  image.variants.clear();
  auto statement = connection.prepare(
      "SELECT v.name, v.mime_type, v.width FROM media o"
      " JOIN media_variants mv ON mv.original_id = o.id JOIN media v ON v.id = mv.variant_id"
      " WHERE o.name = ? ORDER BY v.width, v.mime_type");
  statement.bind(1, image.name);
  while (statement.step()) {
    image.variants.push_back({statement.column_text(0), statement.column_text(1),
                              static_cast<int>(statement.column_int(2))});
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

}  // namespace gazette::store::sqlite

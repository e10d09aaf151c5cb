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

}  // namespace gazette::store::postgres

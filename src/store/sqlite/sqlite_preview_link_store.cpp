// SqlitePreviewLinkStore (see preview_link_store.h).
#include "store/sqlite/sqlite_preview_link_store.h"

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

namespace {

constexpr const char* kColumns =
    "SELECT id, article_id, token_hash, label, created_at, revoked_at FROM preview_links";

PreviewLink read_link(const Statement& row) {
  PreviewLink link;
  link.id = row.column_int(0);
  link.article = content::ArticleId{row.column_int(1)};
  link.token_hash = row.column_text(2);
  link.label = row.column_text(3);
  link.created_at = from_unix(row.column_int(4));
  if (!row.column_is_null(5)) link.revoked_at = from_unix(row.column_int(5));
  return link;
}

}  // namespace

std::int64_t SqlitePreviewLinkStore::create_link(WriteTransaction& write,
                                                 content::ArticleId article,
                                                 std::string_view token_hash,
                                                 std::string_view label, content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "INSERT INTO preview_links (article_id, token_hash, label, created_at)"
          " VALUES (?, ?, ?, ?)")
      .bind(1, article.value)
      .bind(2, token_hash)
      .bind(3, label)
      .bind(4, to_unix(now))
      .run();
  return writer.last_insert_id();
}

bool SqlitePreviewLinkStore::revoke_link(WriteTransaction& write, content::ArticleId article,
                                         std::int64_t id, content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "UPDATE preview_links SET revoked_at = ?"
          " WHERE id = ? AND article_id = ? AND revoked_at IS NULL")
      .bind(1, to_unix(now))
      .bind(2, id)
      .bind(3, article.value)
      .run();
  return writer.changes() > 0;
}

std::optional<PreviewLink> SqlitePreviewLinkStore::find_link(std::string_view token_hash) {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kColumns) + " WHERE token_hash = ?");
  statement.bind(1, token_hash);
  if (!statement.step()) return std::nullopt;
  return read_link(statement);
}

std::vector<PreviewLink> SqlitePreviewLinkStore::links_of(content::ArticleId article) {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kColumns) + " WHERE article_id = ? ORDER BY id");
  statement.bind(1, article.value);
  std::vector<PreviewLink> links;
  while (statement.step()) links.push_back(read_link(statement));
  return links;
}

}  // namespace gazette::store::sqlite

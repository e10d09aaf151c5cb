// PostgresPreviewLinkStore (see postgres_preview_link_store.h).
#include "store/postgres/postgres_preview_link_store.h"

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

namespace {

constexpr const char* kColumns =
    "SELECT id, article_id, token_hash, label, created_at, revoked_at FROM preview_links";

PreviewLink read_link(const Result& rows, int row) {
  PreviewLink link;
  link.id = rows.integer(row, 0);
  link.article = content::ArticleId{rows.integer(row, 1)};
  link.token_hash = rows.text(row, 2);
  link.label = rows.text(row, 3);
  link.created_at = from_unix(rows.integer(row, 4));
  if (!rows.is_null(row, 5)) link.revoked_at = from_unix(rows.integer(row, 5));
  return link;
}

}  // namespace

std::int64_t PostgresPreviewLinkStore::create_link(WriteTransaction& write,
                                                   content::ArticleId article,
                                                   std::string_view token_hash,
                                                   std::string_view label, content::Timestamp now) {
  auto rows = connection_of(write, database_)
                  .query(
                      "INSERT INTO preview_links (article_id, token_hash, label, created_at)"
                      " VALUES ($1, $2, $3, $4) RETURNING id",
                      Params().add(article.value).add(token_hash).add(label).add(to_unix(now)));
  return rows.integer(0, 0);
}

bool PostgresPreviewLinkStore::revoke_link(WriteTransaction& write, content::ArticleId article,
                                           std::int64_t id, content::Timestamp now) {
  auto rows = connection_of(write, database_)
                  .query(
                      "UPDATE preview_links SET revoked_at = $1"
                      " WHERE id = $2 AND article_id = $3 AND revoked_at IS NULL",
                      Params().add(to_unix(now)).add(id).add(article.value));
  return rows.affected() > 0;
}

std::optional<PreviewLink> PostgresPreviewLinkStore::find_link(std::string_view token_hash) {
  auto connection = database_.read();
  auto rows =
      connection->query(std::string(kColumns) + " WHERE token_hash = $1", Params().add(token_hash));
  if (rows.rows() == 0) return std::nullopt;
  return read_link(rows, 0);
}

std::vector<PreviewLink> PostgresPreviewLinkStore::links_of(content::ArticleId article) {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kColumns) + " WHERE article_id = $1 ORDER BY id",
                                Params().add(article.value));
  std::vector<PreviewLink> links;
  for (int row = 0; row < rows.rows(); ++row) links.push_back(read_link(rows, row));
  return links;
}

}  // namespace gazette::store::postgres

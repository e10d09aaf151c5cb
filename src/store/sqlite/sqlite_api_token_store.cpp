// SqliteApiTokenStore (see api_token_store.h).
#include "store/sqlite/sqlite_api_token_store.h"

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

namespace {

constexpr const char* kColumns =
    "SELECT id, user_id, token_hash, name, scope, created_at, last_used_at, revoked_at"
    " FROM api_tokens";

ApiToken read_token(const Statement& row) {
  ApiToken token;
  token.id = row.column_int(0);
  token.user = content::UserId{row.column_int(1)};
  token.token_hash = row.column_text(2);
  token.name = row.column_text(3);
  token.scope = row.column_text(4) == "read" ? ApiTokenScope::read : ApiTokenScope::write;
  token.created_at = from_unix(row.column_int(5));
  if (!row.column_is_null(6)) token.last_used_at = from_unix(row.column_int(6));
  if (!row.column_is_null(7)) token.revoked_at = from_unix(row.column_int(7));
  return token;
}

std::vector<ApiToken> read_all(Statement& statement) {
  std::vector<ApiToken> tokens;
  while (statement.step()) tokens.push_back(read_token(statement));
  return tokens;
}

}  // namespace

std::int64_t SqliteApiTokenStore::create_token(WriteTransaction& write, content::UserId user,
                                               std::string_view token_hash, std::string_view name,
                                               ApiTokenScope scope, content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "INSERT INTO api_tokens (user_id, token_hash, name, scope, created_at)"
          " VALUES (?, ?, ?, ?, ?)")
      .bind(1, user.value)
      .bind(2, token_hash)
      .bind(3, name)
      .bind(4, to_string(scope))
      .bind(5, to_unix(now))
      .run();
  return writer.last_insert_id();
}

bool SqliteApiTokenStore::revoke_token(WriteTransaction& write, std::int64_t id,
                                       content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
      .bind(1, to_unix(now))
      .bind(2, id)
      .run();
  return writer.changes() > 0;
}

void SqliteApiTokenStore::mark_used(WriteTransaction& write, std::int64_t id,
                                    content::Timestamp now) {
  writer_of(write, pool_)
      .prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")
      .bind(1, to_unix(now))
      .bind(2, id)
      .run();
}

std::optional<ApiToken> SqliteApiTokenStore::find_token(std::string_view token_hash) {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kColumns) + " WHERE token_hash = ?");
  statement.bind(1, token_hash);
  if (!statement.step()) return std::nullopt;
  return read_token(statement);
}

std::optional<ApiToken> SqliteApiTokenStore::find_token(std::int64_t id) {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kColumns) + " WHERE id = ?");
  statement.bind(1, id);
  if (!statement.step()) return std::nullopt;
  return read_token(statement);
}

std::vector<ApiToken> SqliteApiTokenStore::tokens_of(content::UserId user, ApiTokenScope scope) {
  auto connection = pool_.read();
  auto statement =
      connection->prepare(std::string(kColumns) + " WHERE user_id = ? AND scope = ? ORDER BY id");
  statement.bind(1, user.value);
  statement.bind(2, to_string(scope));
  return read_all(statement);
}

std::vector<ApiToken> SqliteApiTokenStore::tokens_with(ApiTokenScope scope) {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kColumns) + " WHERE scope = ? ORDER BY id");
  statement.bind(1, to_string(scope));
  return read_all(statement);
}

}  // namespace gazette::store::sqlite

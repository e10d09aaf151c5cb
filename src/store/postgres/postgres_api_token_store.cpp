// PostgresApiTokenStore (see api_token_store.h).
#include "store/postgres/postgres_api_token_store.h"

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

namespace {

constexpr const char* kColumns =
    "SELECT id, user_id, token_hash, name, scope, created_at, last_used_at, revoked_at"
    " FROM api_tokens";

ApiToken read_token(const Result& rows, int row) {
  ApiToken token;
  token.id = rows.integer(row, 0);
  token.user = content::UserId{rows.integer(row, 1)};
  token.token_hash = rows.text(row, 2);
  token.name = rows.text(row, 3);
  token.scope = rows.text(row, 4) == "read" ? ApiTokenScope::read : ApiTokenScope::write;
  token.created_at = from_unix(rows.integer(row, 5));
  if (!rows.is_null(row, 6)) token.last_used_at = from_unix(rows.integer(row, 6));
  if (!rows.is_null(row, 7)) token.revoked_at = from_unix(rows.integer(row, 7));
  return token;
}

std::vector<ApiToken> read_all(const Result& rows) {
  std::vector<ApiToken> tokens;
  for (int row = 0; row < rows.rows(); ++row) tokens.push_back(read_token(rows, row));
  return tokens;
}

}  // namespace

std::int64_t PostgresApiTokenStore::create_token(WriteTransaction& write, content::UserId user,
                                                 std::string_view token_hash, std::string_view name,
                                                 ApiTokenScope scope, content::Timestamp now) {
  auto rows = connection_of(write, database_)
                  .query(
                      "INSERT INTO api_tokens (user_id, token_hash, name, scope, created_at)"
                      " VALUES ($1, $2, $3, $4, $5) RETURNING id",
                      Params()
                          .add(user.value)
                          .add(token_hash)
                          .add(name)
                          .add(to_string(scope))
                          .add(to_unix(now)));
  return rows.integer(0, 0);
}

bool PostgresApiTokenStore::revoke_token(WriteTransaction& write, std::int64_t id,
                                         content::Timestamp now) {
  auto rows =
      connection_of(write, database_)
          .query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
                 Params().add(to_unix(now)).add(id));
  return rows.affected() > 0;
}

void PostgresApiTokenStore::mark_used(WriteTransaction& write, std::int64_t id,
                                      content::Timestamp now) {
  connection_of(write, database_)
      .query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2",
             Params().add(to_unix(now)).add(id));
}

std::optional<ApiToken> PostgresApiTokenStore::find_token(std::string_view token_hash) {
  auto connection = database_.read();
  auto rows =
      connection->query(std::string(kColumns) + " WHERE token_hash = $1", Params().add(token_hash));
  if (rows.rows() == 0) return std::nullopt;
  return read_token(rows, 0);
}

std::optional<ApiToken> PostgresApiTokenStore::find_token(std::int64_t id) {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kColumns) + " WHERE id = $1", Params().add(id));
  if (rows.rows() == 0) return std::nullopt;
  return read_token(rows, 0);
}

std::vector<ApiToken> PostgresApiTokenStore::tokens_of(content::UserId user, ApiTokenScope scope) {
  auto connection = database_.read();
  return read_all(
      connection->query(std::string(kColumns) + " WHERE user_id = $1 AND scope = $2 ORDER BY id",
                        Params().add(user.value).add(to_string(scope))));
}

std::vector<ApiToken> PostgresApiTokenStore::tokens_with(ApiTokenScope scope) {
  auto connection = database_.read();
  return read_all(connection->query(std::string(kColumns) + " WHERE scope = $1 ORDER BY id",
                                    Params().add(to_string(scope))));
}

}  // namespace gazette::store::postgres

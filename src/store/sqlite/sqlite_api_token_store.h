// The SQLite backend of the ApiTokenStore: table api_tokens (migrations/0017).
#pragma once

#include "store/api_token_store.h"
#include "store/sqlite/connection_pool.h"

namespace gazette::store::sqlite {

class SqliteApiTokenStore final : public ApiTokenStore {
 public:
  explicit SqliteApiTokenStore(ConnectionPool& pool) : pool_(pool) {}

  std::int64_t create_token(WriteTransaction& write, content::UserId user,
                            std::string_view token_hash, std::string_view name, ApiTokenScope scope,
                            content::Timestamp now) override;
  bool revoke_token(WriteTransaction& write, std::int64_t id, content::Timestamp now) override;
  void mark_used(WriteTransaction& write, std::int64_t id, content::Timestamp now) override;
  std::optional<ApiToken> find_token(std::string_view token_hash) override;
  std::optional<ApiToken> find_token(std::int64_t id) override;
  std::vector<ApiToken> tokens_of(content::UserId user, ApiTokenScope scope) override;
  std::vector<ApiToken> tokens_with(ApiTokenScope scope) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite

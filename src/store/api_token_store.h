// Content API tokens: what a newsroom account creates to write through /api/v1/ (scope
// "write", the account's own role), and the read keys admins hand out when the API requires
// one (scope "read"). Only the SHA-256 of a token is stored, as for sessions; a revoked token
// keeps its row so its owner sees what was handed out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/accounts.h"
#include "content/types.h"
#include "store/write_transaction.h"

namespace gazette::store {

/// What a token lets its bearer do.
enum class ApiTokenScope { write, read };

inline std::string_view to_string(ApiTokenScope scope) {
  return scope == ApiTokenScope::write ? "write" : "read";
}

struct ApiToken {
  std::int64_t id = 0;
  content::UserId user;    // who created it; a write token acts as this account
  std::string token_hash;  // hex SHA-256 of the secret
  std::string name;        // what its owner called it ("Script d'import")
  ApiTokenScope scope = ApiTokenScope::write;
  content::Timestamp created_at{};
  std::optional<content::Timestamp> last_used_at;
  std::optional<content::Timestamp> revoked_at;
};

class ApiTokenStore {
 public:
  virtual ~ApiTokenStore() = default;

  /// Records a new token of `user`; returns its id.
  virtual std::int64_t create_token(WriteTransaction& write, content::UserId user,
                                    std::string_view token_hash, std::string_view name,
                                    ApiTokenScope scope, content::Timestamp now) = 0;
  /// Marks token `id` revoked at `now`; false when there is no such live token.
  virtual bool revoke_token(WriteTransaction& write, std::int64_t id, content::Timestamp now) = 0;
  /// Notes that token `id` was used at `now`.
  virtual void mark_used(WriteTransaction& write, std::int64_t id, content::Timestamp now) = 0;
  /// The token whose secret hashes to `token_hash`, revoked or not.
  virtual std::optional<ApiToken> find_token(std::string_view token_hash) = 0;
  virtual std::optional<ApiToken> find_token(std::int64_t id) = 0;
  /// The tokens of `user` with `scope`, oldest first.
  virtual std::vector<ApiToken> tokens_of(content::UserId user, ApiTokenScope scope) = 0;
  /// Every token with `scope`, oldest first (the read keys admins share).
  virtual std::vector<ApiToken> tokens_with(ApiTokenScope scope) = 0;
};

}  // namespace gazette::store

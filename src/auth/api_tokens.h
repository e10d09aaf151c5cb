// Content API tokens: an account makes one in the newsroom to write through /api/v1/ as itself
// (the same role, the same checks as in the newsroom), and admins make read keys when the site
// asks for one to read the API. The secret is 256 random bits, shown once; only its SHA-256 is
// kept, as for sessions. A bearer token is looked up only when it has the shape we make.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/accounts.h"
#include "content/clock.h"
#include "publishing/write_path.h"
#include "store/account_store.h"
#include "store/api_token_store.h"

namespace gazette::auth {

/// The longest name a token is given ("Import depuis l'agence").
constexpr std::size_t kMaxApiTokenNameBytes = 100;

/// A token just made: `secret` is shown once and never again (it is not stored).
struct NewApiToken {
  std::int64_t id = 0;
  std::string secret;
};

/// Who a live token speaks for.
struct ApiCaller {
  std::int64_t token_id = 0;
  store::ApiTokenScope scope = store::ApiTokenScope::write;
  content::User user;  // its owner, with the role the account holds now
};

class ApiTokens {
 public:
  ApiTokens(store::ApiTokenStore& tokens, store::AccountStore& accounts,
            publishing::WritePath& write_path, const content::Clock& clock)
      : tokens_(tokens), accounts_(accounts), write_path_(write_path), clock_(clock) {}

  /// A new token of `user` named `name` (checked by the caller: valid UTF-8, not empty, at most
  /// kMaxApiTokenNameBytes).
  NewApiToken create(const content::User& user, std::string_view name, store::ApiTokenScope scope);
  /// Revokes token `id` when `user` may: a write token by its owner only, a read key by any
  /// account that manages settings. False when there was no such live token of theirs.
  bool revoke(const content::User& user, std::int64_t id);
  /// `user`'s write tokens, oldest first.
  std::vector<store::ApiToken> tokens_of(const content::User& user) {
    return tokens_.tokens_of(user.id, store::ApiTokenScope::write);
  }
  /// Every read key, oldest first.
  std::vector<store::ApiToken> read_keys() {
    return tokens_.tokens_with(store::ApiTokenScope::read);
  }

  /// Who `secret` speaks for now; nothing for an unknown, malformed or revoked token. Notes
  /// when it was used (at most once a minute, so reading does not write at every request).
  std::optional<ApiCaller> authenticate(std::string_view secret);

 private:
  store::ApiTokenStore& tokens_;
  store::AccountStore& accounts_;
  publishing::WritePath& write_path_;
  const content::Clock& clock_;
};

}  // namespace gazette::auth

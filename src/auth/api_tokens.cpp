// ApiTokens (see api_tokens.h).
#include "auth/api_tokens.h"

#include "auth/capabilities.h"
#include "auth/passwords.h"
#include "content/hashing.h"

namespace gazette::auth {

namespace {

// 256 bits: a live token cannot be guessed.
constexpr std::size_t kTokenBytes = 32;
// "Last used" is a hint for the owner, not a log: one write a minute at most per token.
constexpr std::chrono::seconds kLastUsedPrecision{60};

}  // namespace

NewApiToken ApiTokens::create(const content::User& user, std::string_view name,
                              store::ApiTokenScope scope) {
  auto now = clock_.now();
  NewApiToken token;
  token.secret = random_token(kTokenBytes);
  token.id = write_path_.run([&](store::WriteTransaction& write) {
    return tokens_.create_token(write, user.id, content::sha256_hex(token.secret), name, scope,
                                now);
  });
  return token;
}

bool ApiTokens::revoke(const content::User& user, std::int64_t id) {
  auto token = tokens_.find_token(id);
  if (!token || token->revoked_at) return false;
  bool allowed = token->scope == store::ApiTokenScope::write
                     ? token->user == user.id
                     : can(user.role, Capability::manage_settings);
  if (!allowed) return false;
  auto now = clock_.now();
  return write_path_.run(
      [&](store::WriteTransaction& write) { return tokens_.revoke_token(write, id, now); });
}

std::optional<ApiCaller> ApiTokens::authenticate(std::string_view secret) {
  if (!is_random_token(secret, kTokenBytes)) return std::nullopt;
  auto token = tokens_.find_token(content::sha256_hex(secret));
  if (!token || token->revoked_at) return std::nullopt;
  auto user = accounts_.find_user(token->user);
  if (!user) return std::nullopt;
  auto now = clock_.now();
  if (!token->last_used_at || now - *token->last_used_at >= kLastUsedPrecision) {
    write_path_.run([&](store::WriteTransaction& write) {
      tokens_.mark_used(write, token->id, now);
      return 0;
    });
  }
  return ApiCaller{token->id, token->scope, std::move(*user)};
}

}  // namespace gazette::auth

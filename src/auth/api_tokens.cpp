// ApiTokens (see api_tokens.h).
#include "auth/api_tokens.h"

#include "auth/capabilities.h"
#include "auth/passwords.h"
#include "content/hashing.h"

namespace gazette::auth {

namespace {

// 256 bits: a live token cannot be guessed.
constexpr std::size_t kTokenBytes = 32;
// What random_token(kTokenBytes) gives: 43 characters of base64url. Anything else was not
// made here and is not looked up.
constexpr std::size_t kTokenLength = 43;
// "Last used" is a hint for the owner, not a log: one write a minute at most per token.
constexpr std::chrono::seconds kLastUsedPrecision{60};

bool well_formed(std::string_view token) {
  if (token.size() != kTokenLength) return false;
  for (char c : token) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

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
  if (!well_formed(secret)) return std::nullopt;
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

// Sessions (see sessions.h).
#include "auth/sessions.h"

#include <sodium.h>

#include "auth/passwords.h"
#include "content/hashing.h"
#include "content/media.h"

namespace gazette::auth {

namespace {

// 256 bits: guessing a live session is out of reach.
constexpr std::size_t kTokenBytes = 32;
// A token of another length was not made by us; it is not looked up.
constexpr std::size_t kTokenLength = 43;

}  // namespace

OpenedSession Sessions::open(const content::User& user, content::Timestamp now) {
  auto token = random_token(kTokenBytes);
  auto csrf = random_token(kTokenBytes);
  auto expires_at = now + kSessionLifetime;
  write_path_.run([&](store::WriteTransaction& write) {
    accounts_.create_session(write, content::sha256_hex(token), user.id, csrf, now, expires_at);
    // Expired sessions are few and small; sweeping them at each sign-in keeps the table short.
    accounts_.delete_expired_sessions(write, now);
  });
  return {token, Session{user, csrf, expires_at}};
}

std::optional<Session> Sessions::find(std::string_view token, content::Timestamp now) {
  if (token.size() != kTokenLength) return std::nullopt;
  auto record = accounts_.find_session(content::sha256_hex(token), now);
  if (!record) return std::nullopt;
  return Session{record->user, record->csrf_token, record->expires_at};
}

void Sessions::close(std::string_view token) {
  if (token.size() != kTokenLength) return;
  write_path_.run([&](store::WriteTransaction& write) {
    accounts_.delete_session(write, content::sha256_hex(token));
  });
}

bool Sessions::csrf_matches(const Session& session, std::string_view submitted) {
  if (submitted.size() != session.csrf_token.size() || submitted.empty()) return false;
  return sodium_memcmp(submitted.data(), session.csrf_token.data(), submitted.size()) == 0;
}

}  // namespace gazette::auth

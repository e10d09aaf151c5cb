// Sign-in sessions: a random 256-bit token in the visitor's cookie, only its SHA-256 in the
// database, a CSRF token per session for the forms, and a fixed lifetime.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "content/accounts.h"
#include "content/types.h"
#include "publishing/write_path.h"
#include "store/account_store.h"

namespace gazette::auth {

/// A working day: long enough not to interrupt a shift, short enough that a forgotten session
/// on a shared computer does not stay open for days.
constexpr std::chrono::seconds kSessionLifetime = std::chrono::hours(12);

/// A signed-in visitor.
struct Session {
  content::User user;
  std::string csrf_token;
  content::Timestamp expires_at{};
};

/// A session just opened: `token` goes into the cookie and nowhere else.
struct OpenedSession {
  std::string token;
  Session session;
};

class Sessions {
 public:
  Sessions(store::AccountStore& accounts, publishing::WritePath& write_path)
      : accounts_(accounts), write_path_(write_path) {}

  OpenedSession open(const content::User& user, content::Timestamp now);
  /// The session of the cookie's `token`, unless it is unknown or expired.
  std::optional<Session> find(std::string_view token, content::Timestamp now);
  void close(std::string_view token);

  /// Whether `submitted` is the session's CSRF token (constant time).
  static bool csrf_matches(const Session& session, std::string_view submitted);

 private:
  store::AccountStore& accounts_;
  publishing::WritePath& write_path_;
};

}  // namespace gazette::auth

// Newsroom accounts and their sign-in sessions. Passwords arrive already hashed and session
// tokens already digested: the store never sees a secret a visitor could replay.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/accounts.h"
#include "content/types.h"
#include "store/write_transaction.h"

namespace gazette::store {

/// An account with what signing in needs.
struct UserCredentials {
  content::User user;
  std::string password_hash;
};

/// A new account; its byline is the author profile `author` (created when missing, and given a
/// distinct slug when another account already signs with it).
struct NewUser {
  std::string email;
  std::string name;
  content::Role role = content::Role::contributor;
  std::string password_hash;
  content::Term author;
};

/// A live session: whose it is and the token its forms must carry.
struct SessionRecord {
  content::User user;
  std::string csrf_token;
  content::Timestamp expires_at{};
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  /// Creates the account; nullopt when the e-mail is already used.
  virtual std::optional<content::User> create_user(WriteTransaction& write, const NewUser& user,
                                                   content::Timestamp now) = 0;
  /// The account with `email` (case-insensitive), with its password hash.
  virtual std::optional<UserCredentials> find_credentials(std::string_view email) = 0;
  virtual std::optional<content::User> find_user(content::UserId id) = 0;
  virtual std::vector<content::User> users() = 0;
  /// Replaces the password and ends every session of the account. False when there is none.
  virtual bool set_password(WriteTransaction& write, content::UserId id,
                            std::string_view password_hash) = 0;
  virtual bool set_role(WriteTransaction& write, content::UserId id, content::Role role) = 0;

  virtual void create_session(WriteTransaction& write, std::string_view token_hash,
                              content::UserId user, std::string_view csrf_token,
                              content::Timestamp now, content::Timestamp expires_at) = 0;
  /// The session with `token_hash` if it has not expired at `now`.
  virtual std::optional<SessionRecord> find_session(std::string_view token_hash,
                                                    content::Timestamp now) = 0;
  virtual void delete_session(WriteTransaction& write, std::string_view token_hash) = 0;
  /// Forgets sessions that expired before `now`.
  virtual void delete_expired_sessions(WriteTransaction& write, content::Timestamp now) = 0;
};

}  // namespace gazette::store

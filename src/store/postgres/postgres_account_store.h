// Newsroom accounts and sessions on PostgreSQL (store/account_store.h): every node sees the
// same accounts and signs in the same sessions.
#pragma once

#include "store/account_store.h"
#include "store/postgres/database.h"

namespace gazette::store::postgres {

class PostgresAccountStore final : public store::AccountStore {
 public:
  explicit PostgresAccountStore(PostgresDatabase& database) : database_(database) {}

  std::optional<content::User> create_user(WriteTransaction& write, const NewUser& user,
                                           content::Timestamp now) override;
  std::optional<UserCredentials> find_credentials(std::string_view email) override;
  std::optional<content::User> find_user(content::UserId id) override;
  std::vector<content::User> users() override;
  bool set_password(WriteTransaction& write, content::UserId id,
                    std::string_view password_hash) override;
  bool set_role(WriteTransaction& write, content::UserId id, content::Role role) override;
  void create_session(WriteTransaction& write, std::string_view token_hash, content::UserId user,
                      std::string_view csrf_token, content::Timestamp now,
                      content::Timestamp expires_at) override;
  std::optional<SessionRecord> find_session(std::string_view token_hash,
                                            content::Timestamp now) override;
  void delete_session(WriteTransaction& write, std::string_view token_hash) override;
  void delete_expired_sessions(WriteTransaction& write, content::Timestamp now) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace gazette::store::postgres

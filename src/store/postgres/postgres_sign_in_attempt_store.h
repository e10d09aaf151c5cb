// Failed sign-ins on PostgreSQL (store/sign_in_attempt_store.h): one count for every node.
// A write holds the database's write lock (database.h) from its start, so no two attempts,
// from any node, pass a limit between check and count.
#pragma once

#include "store/postgres/database.h"
#include "store/sign_in_attempt_store.h"

namespace gazette::store::postgres {

class PostgresSignInAttemptStore final : public store::SignInAttemptStore {
 public:
  explicit PostgresSignInAttemptStore(PostgresDatabase& database) : database_(database) {}

  bool count_attempt(WriteTransaction& write, const std::vector<AttemptLimit>& limits,
                     content::Timestamp now, std::chrono::seconds window) override;
  void take_back(WriteTransaction& write, std::string_view key) override;
  void forget(WriteTransaction& write, std::string_view key) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace gazette::store::postgres

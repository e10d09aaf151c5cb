// The SQLite backend of the SignInAttemptStore: table sign_in_failures (migrations/0008).
#pragma once

#include "store/sign_in_attempt_store.h"
#include "store/sqlite/connection_pool.h"

namespace gazette::store::sqlite {

class SqliteSignInAttemptStore final : public SignInAttemptStore {
 public:
  explicit SqliteSignInAttemptStore(ConnectionPool& pool) : pool_(pool) {}

  bool count_attempt(WriteTransaction& write, const std::vector<AttemptLimit>& limits,
                     content::Timestamp now, std::chrono::seconds window) override;
  void take_back(WriteTransaction& write, std::string_view key) override;
  void forget(WriteTransaction& write, std::string_view key) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite

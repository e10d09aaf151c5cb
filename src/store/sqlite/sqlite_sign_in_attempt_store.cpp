// SqliteSignInAttemptStore: failure windows in SQL (see sign_in_attempt_store.h). The write
// transaction is BEGIN IMMEDIATE: it takes the database's write lock first, so the check and the
// count of one attempt are one step for every process sharing the file.
#include "store/sqlite/sqlite_sign_in_attempt_store.h"

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

bool SqliteSignInAttemptStore::count_attempt(WriteTransaction& write,
                                             const std::vector<AttemptLimit>& limits,
                                             content::Timestamp now, std::chrono::seconds window) {
  Connection& writer = writer_of(write, pool_);
  auto window_start = to_unix(now) - window.count();
  // Ended windows go first: the table holds the last window's keys, never more.
  writer.prepare("DELETE FROM sign_in_failures WHERE window_started <= ?")
      .bind(1, window_start)
      .run();
  for (const auto& limit : limits) {
    auto count = writer.prepare("SELECT failures FROM sign_in_failures WHERE key = ?");
    count.bind(1, limit.key);
    if (count.step() && count.column_int(0) >= limit.max_failures) return false;
  }
  for (const auto& limit : limits) {
    writer
        .prepare(
            "INSERT INTO sign_in_failures (key, window_started, failures) VALUES (?, ?, 1)"
            " ON CONFLICT (key) DO UPDATE SET failures = failures + 1")
        .bind(1, limit.key)
        .bind(2, to_unix(now))
        .run();
  }
  return true;
}

void SqliteSignInAttemptStore::take_back(WriteTransaction& write, std::string_view key) {
  writer_of(write, pool_)
      .prepare("UPDATE sign_in_failures SET failures = failures - 1 WHERE key = ? AND failures > 0")
      .bind(1, key)
      .run();
}

void SqliteSignInAttemptStore::forget(WriteTransaction& write, std::string_view key) {
  writer_of(write, pool_).prepare("DELETE FROM sign_in_failures WHERE key = ?").bind(1, key).run();
}

}  // namespace gazette::store::sqlite

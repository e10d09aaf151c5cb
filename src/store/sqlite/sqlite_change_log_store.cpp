// SqliteChangeLogStore (see sqlite_change_log_store.h).
#include "store/sqlite/sqlite_change_log_store.h"

#include <sys/stat.h>

#include <string>

namespace gazette::store::sqlite {

std::vector<ChangeEntry> SqliteChangeLogStore::entries_after(std::int64_t after_id) {
  auto connection = pool_.read();
  auto statement =
      connection->prepare("SELECT id, origin, payload FROM change_log WHERE id > ? ORDER BY id");
  statement.bind(1, after_id);
  std::vector<ChangeEntry> entries;
  while (statement.step())
    entries.push_back({statement.column_int(0), statement.column_text(1) == pool_.origin(),
                       statement.column_text(2)});
  return entries;
}

std::int64_t SqliteChangeLogStore::latest_id() {
  auto connection = pool_.read();
  auto statement = connection->prepare("SELECT coalesce(max(id), 0) FROM change_log");
  return statement.step() ? statement.column_int(0) : 0;
}

std::string SqliteChangeLogStore::change_token() {
  // In WAL mode every commit appends to the -wal file (and a checkpoint rewinds it), so its
  // size and modification time change with each write: one stat() instead of a query.
  struct stat status {};
  if (::stat((pool_.path() + "-wal").c_str(), &status) != 0 &&
      ::stat(pool_.path().c_str(), &status) != 0)
    return "";
  return std::to_string(status.st_ino) + ":" + std::to_string(status.st_size) + ":" +
         std::to_string(status.st_mtim.tv_sec) + "." + std::to_string(status.st_mtim.tv_nsec);
}

}  // namespace gazette::store::sqlite

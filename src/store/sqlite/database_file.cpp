// DatabaseFile: a bare SQLite connection (see database_file.h).
#include "store/sqlite/database_file.h"

#include "store/sqlite/database.h"
#include "store/sqlite/search_tokenizer.h"

namespace gazette::store::sqlite {

namespace {
// As long as the stores wait for a lock (database.cpp): a burst of writes passes, a process
// holding the database for good does not make a backup or restore hang.
constexpr int kBusyTimeoutMs = 5000;

int open_flags(DatabaseFile::Mode mode) {
  switch (mode) {
    case DatabaseFile::Mode::read_only:
      return SQLITE_OPEN_READONLY;
    case DatabaseFile::Mode::read_write:
      return SQLITE_OPEN_READWRITE;
    case DatabaseFile::Mode::create:
      break;
  }
  return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
}
}  // namespace

DatabaseFile::DatabaseFile(const std::filesystem::path& path, Mode mode) {
  if (sqlite3_open_v2(path.c_str(), &db_, open_flags(mode) | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw DatabaseError(message);
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // The search index is a virtual table using our tokenizer: whatever touches it (a newer
  // SQLite's integrity check does) needs it registered, as every store connection has it.
  try {
    register_search_tokenizer(db_);
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

DatabaseFile::~DatabaseFile() {
  sqlite3_close(db_);
}

void DatabaseFile::execute(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    throw DatabaseError(message);
  }
}

std::optional<std::string> DatabaseFile::text_of(std::string_view sql,
                                                 std::optional<std::string_view> text) {
  FileStatement statement(*this, sql);
  if (text && sqlite3_bind_text64(statement.get(), 1, text->data(), text->size(), SQLITE_TRANSIENT,
                                  SQLITE_UTF8) != SQLITE_OK)
    fail("bind");
  if (!statement.step()) return std::nullopt;
  auto* value = reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), 0));
  return value ? std::string(value, sqlite3_column_bytes(statement.get(), 0)) : std::string();
}

std::int64_t DatabaseFile::number_of(std::string_view sql) {
  FileStatement statement(*this, sql);
  return statement.step() ? sqlite3_column_int64(statement.get(), 0) : 0;
}

bool DatabaseFile::has_table(std::string_view name) {
  return text_of("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ?1", name)
      .has_value();
}

void DatabaseFile::fail(std::string_view what) const {
  throw DatabaseError(std::string(what) + ": " + sqlite3_errmsg(db_));
}

FileStatement::FileStatement(DatabaseFile& file, std::string_view sql) : file_(file) {
  if (sqlite3_prepare_v2(file.handle(), sql.data(), static_cast<int>(sql.size()), &statement_,
                         nullptr) != SQLITE_OK)
    file.fail("prepare");
}

FileStatement::~FileStatement() {
  sqlite3_finalize(statement_);
}

bool FileStatement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  file_.fail("step");
}

}  // namespace gazette::store::sqlite

// SQLite connection, statement and transaction wrappers (see database.h).
#include "store/sqlite/database.h"

#include <chrono>

#include "store/database_busy.h"
#include "store/sqlite/search_tokenizer.h"

namespace gazette::store::sqlite {

namespace {
// A writer holds the lock for milliseconds; readers never block it in WAL mode. Waiting this long
// before giving up covers a burst of writes without hanging a request forever.
constexpr int kBusyTimeoutMs = 5000;
}  // namespace

Statement::Statement(Connection& connection, sqlite3_stmt* statement)
    : connection_(connection), statement_(statement) {}

Statement::~Statement() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK) connection_.fail("bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                          SQLITE_UTF8) != SQLITE_OK)
    connection_.fail("bind");
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  if (sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) !=
      SQLITE_OK)
    connection_.fail("bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(statement_, index) != SQLITE_OK) connection_.fail("bind");
  return *this;
}

Statement& Statement::bind_double(int index, double value) {
  if (sqlite3_bind_double(statement_, index, value) != SQLITE_OK) connection_.fail("bind");
  return *this;
}

Statement& Statement::bind_pointer(int index, const void* pointer, const char* type) {
  // SQLite takes a non-const pointer; the functions it is passed to only read through it.
  if (sqlite3_bind_pointer(statement_, index, const_cast<void*>(pointer), type, nullptr) !=
      SQLITE_OK)
    connection_.fail("bind");
  return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
  return value ? bind(index, *value) : bind_null(index);
}

bool Statement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  connection_.fail("step");
}

void Statement::run() {
  while (step()) {
  }
}

std::int64_t Statement::column_int(int index) const {
  return sqlite3_column_int64(statement_, index);
}

std::string Statement::column_text(int index) const {
  // column_blob also returns TEXT bytes, and keeps embedded NULs of BLOBs intact.
  const void* data = sqlite3_column_blob(statement_, index);
  int size = sqlite3_column_bytes(statement_, index);
  return data ? std::string(static_cast<const char*>(data), size) : std::string();
}

double Statement::column_double(int index) const {
  return sqlite3_column_double(statement_, index);
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(statement_, index) == SQLITE_NULL;
}

Connection::Connection(const std::string& path) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw DatabaseError("cannot open database " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  try {
    register_search_tokenizer(db_);
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
  // WAL lets readers run while the single writer commits; synchronous=FULL makes a commit
  // durable before it is acknowledged, so a killed server loses nothing it confirmed.
  execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

Connection::~Connection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

Statement Connection::prepare(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr) != SQLITE_OK)
      fail("prepare");
    found = statements_.emplace(std::string(sql), statement).first;
  }
  return Statement(*this, found->second);
}

void Connection::execute(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw_error("SQLite: " + message);
  }
}

std::int64_t Connection::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_);
}
std::int64_t Connection::changes() const {
  return sqlite3_changes64(db_);
}

void Connection::fail(std::string_view what) const {
  throw_error("SQLite " + std::string(what) + ": " + sqlite3_errmsg(db_));
}

void Connection::throw_error(std::string message) const {
  // Still locked by another connection once the busy timeout has passed.
  if ((sqlite3_errcode(db_) & 0xff) == SQLITE_BUSY) throw DatabaseBusy(message);
  throw DatabaseError(message);
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      connection_.execute("ROLLBACK");
    } catch (const DatabaseError&) {
      // The transaction is already gone (SQLite rolled it back itself); nothing is left to undo.
    }
  }
}

void Transaction::commit() {
  connection_.execute("COMMIT");
  done_ = true;
}

ReadTransaction::ReadTransaction(Connection& connection) : connection_(connection) {
  connection_.execute("BEGIN");
}

ReadTransaction::~ReadTransaction() {
  try {
    connection_.execute("COMMIT");
  } catch (const DatabaseError&) {
    // Nothing was written: a read transaction SQLite already ended leaves nothing to undo.
  }
}

}  // namespace gazette::store::sqlite

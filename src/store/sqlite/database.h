// A thin RAII layer over the SQLite C API: a connection, its cached prepared statements, and
// transactions. Only src/store/sqlite/ includes it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gazette::store::sqlite {

/// An SQLite error the caller did not expect (disk full, corrupt file, a bug in our SQL). A
/// database locked by another program past the busy timeout is store::DatabaseBusy instead.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Connection;

/// A prepared statement borrowed from a connection's cache; reset when it goes out of scope.
class Statement {
 public:
  Statement(Connection& connection, sqlite3_stmt* statement);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);
  Statement& bind_double(int index, double value);
  Statement& bind(int index, std::optional<std::int64_t> value);
  /// Passes `pointer` to SQL functions that ask for `type` (sqlite3_bind_pointer); it must
  /// outlive the statement's run. SQL itself can neither read it nor forge one.
  Statement& bind_pointer(int index, const void* pointer, const char* type);

  /// Advances to the next row; false when there is none.
  bool step();
  /// Runs a statement that returns no rows.
  void run();

  std::int64_t column_int(int index) const;
  std::string column_text(int index) const;
  double column_double(int index) const;
  bool column_is_null(int index) const;

 private:
  Connection& connection_;
  sqlite3_stmt* statement_;
};

/// One SQLite connection. Not thread-safe: the store gives each thread its own.
class Connection {
 public:
  /// Opens (creating when missing) the database at `path` in WAL mode.
  explicit Connection(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// The cached statement for `sql` (prepared on first use).
  Statement prepare(std::string_view sql);
  /// Runs one or more statements without parameters (migrations, pragmas, BEGIN/COMMIT).
  void execute(std::string_view sql);
  std::int64_t last_insert_id() const;
  /// How many rows the last INSERT, UPDATE or DELETE changed.
  std::int64_t changes() const;

  /// Throws the last error: store::DatabaseBusy when another connection kept the database
  /// locked past the busy timeout, DatabaseError otherwise.
  [[noreturn]] void fail(std::string_view what) const;

 private:
  [[noreturn]] void throw_error(std::string message) const;
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

/// BEGIN IMMEDIATE … COMMIT, rolled back unless commit() ran: a write is all or nothing.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

/// BEGIN … COMMIT on a reading connection: the statements run inside see one snapshot of the
/// database (WAL), whatever commits meanwhile — for reads that must agree with each other.
class ReadTransaction {
 public:
  explicit ReadTransaction(Connection& connection);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Connection& connection_;
};

}  // namespace gazette::store::sqlite

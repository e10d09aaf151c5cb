// A thin RAII layer over libpq: a connection (opened with a connect timeout, so a start never
// hangs on an unreachable server), queries with typed parameters, and their results. Only
// src/store/postgres/ includes it.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/statement_observer.h"

struct pg_conn;
struct pg_result;

namespace gazette::store::postgres {

/// A database error: the server refused a statement, or the connection failed. A statement that
/// waited for a lock past its transaction's lock_timeout is store::DatabaseBusy instead.
class PostgresError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What went wrong opening a connection, as `--db` reports it in one line.
class ConnectError : public PostgresError {
 public:
  enum class Reason { bad_address, refused, unreachable };
  ConnectError(Reason reason, const std::string& message)
      : PostgresError(message), reason_(reason) {}
  Reason reason() const { return reason_; }

 private:
  Reason reason_;
};

/// The parameters of one query ($1, $2…), text or binary (bytea).
class Params {
 public:
  Params& add(std::int64_t value);
  Params& add(std::string_view text);
  Params& add(const char* text) { return add(std::string_view(text)); }
  Params& add(std::optional<std::int64_t> value);
  Params& add_bytes(std::string_view bytes);
  Params& add_null();

 private:
  friend class Connection;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> binary_;
};

/// The rows a query returned; values read as text (libpq's text format).
class Result {
 public:
  explicit Result(pg_result* result);
  ~Result();
  Result(Result&& other) noexcept;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  int rows() const;
  bool is_null(int row, int column) const;
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;
  /// A bytea column, decoded.
  std::string bytes(int row, int column) const;
  /// How many rows an INSERT, UPDATE or DELETE changed.
  std::int64_t affected() const;

 private:
  friend class Connection;
  pg_result* result_;
};

/// The longest a connection attempt waits for the server, unless the address says otherwise.
inline constexpr int kConnectTimeoutSeconds = 5;

/// One PostgreSQL connection. Not thread-safe: the pool gives each thread its own.
class Connection {
 public:
  /// Connects to `uri` (libpq's URI or key=value syntax). Throws ConnectError with one line
  /// naming what failed: the address, the credentials or the server.
  explicit Connection(const std::string& uri);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Result query(std::string_view sql, const Params& params = {});
  /// Runs one or more statements without parameters (migrations, BEGIN/COMMIT).
  void execute(std::string_view sql);
  /// From now on, tells `observer` (when not null) of every statement run and its time.
  void observe(store::StatementObserver* observer) { observer_ = observer; }
  /// Whether the connection still works (a broken one is dropped, not returned to the pool).
  bool healthy() const;
  /// Notifications received so far on channels this connection LISTENs to, waiting up to
  /// `wait_ms` for the first.
  std::vector<std::string> notifications(const std::string& channel, int wait_ms);

 private:
  void observed(std::chrono::steady_clock::time_point started) const;

  pg_conn* connection_ = nullptr;
  store::StatementObserver* observer_ = nullptr;
};

/// `uri` with connect_timeout added when it names none.
std::string with_connect_timeout(const std::string& uri);

}  // namespace gazette::store::postgres

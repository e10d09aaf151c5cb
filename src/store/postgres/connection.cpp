// libpq connections, queries and results (see connection.h).
#include "store/postgres/connection.h"

#include <libpq-fe.h>
#include <poll.h>

#include <charconv>
#include <cstdlib>
#include <string_view>

#include "store/database_busy.h"

namespace gazette::store::postgres {

namespace {

std::string first_line(const char* message) {
  std::string line = message ? message : "";
  if (auto end = line.find('\n'); end != std::string::npos) line.resize(end);
  return line;
}

// The statement `result` ended failed: store::DatabaseBusy when it waited for a lock past the
// transaction's lock_timeout (SQLSTATE 55P03, lock_not_available), PostgresError otherwise.
[[noreturn]] void throw_failure(pg_conn* connection, const pg_result* result) {
  std::string message = "PostgreSQL: " + first_line(PQerrorMessage(connection));
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (state && std::string_view(state) == "55P03") throw DatabaseBusy(message);
  throw PostgresError(message);
}

/// Which of the three things an opening can get wrong `connection` says went wrong.
ConnectError::Reason classify(pg_conn* connection) {
  std::string message = first_line(PQerrorMessage(connection));
  // libpq checks some options only when it uses them: a port that is not a number…
  if (message.find("invalid") != std::string::npos &&
      (message.find("option") != std::string::npos || message.find("URI") != std::string::npos))
    return ConnectError::Reason::bad_address;
  if (message.find("password") != std::string::npos ||
      message.find("authentication") != std::string::npos ||
      message.find("does not exist") != std::string::npos ||
      message.find("no pg_hba.conf entry") != std::string::npos)
    return ConnectError::Reason::refused;
  return ConnectError::Reason::unreachable;
}

}  // namespace

std::string with_connect_timeout(const std::string& uri) {
  if (uri.find("connect_timeout") != std::string::npos) return uri;
  auto timeout = "connect_timeout=" + std::to_string(kConnectTimeoutSeconds);
  if (uri.starts_with("postgresql://") || uri.starts_with("postgres://"))
    return uri + (uri.find('?') == std::string::npos ? "?" : "&") + timeout;
  return uri + " " + timeout;
}

Params& Params::add(std::int64_t value) {
  values_.emplace_back(std::to_string(value));
  binary_.push_back(0);
  return *this;
}

Params& Params::add(std::string_view text) {
  values_.emplace_back(std::string(text));
  binary_.push_back(0);
  return *this;
}

Params& Params::add(std::optional<std::int64_t> value) {
  return value ? add(*value) : add_null();
}

Params& Params::add_bytes(std::string_view bytes) {
  values_.emplace_back(std::string(bytes));
  binary_.push_back(1);
  return *this;
}

Params& Params::add_null() {
  values_.emplace_back(std::nullopt);
  binary_.push_back(0);
  return *this;
}

Result::Result(pg_result* result) : result_(result) {}
Result::~Result() {
  if (result_) PQclear(result_);
}
Result::Result(Result&& other) noexcept : result_(other.result_) {
  other.result_ = nullptr;
}

int Result::rows() const {
  return PQntuples(result_);
}
bool Result::is_null(int row, int column) const {
  return PQgetisnull(result_, row, column);
}
std::string Result::text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column), PQgetlength(result_, row, column));
}

std::int64_t Result::integer(int row, int column) const {
  const char* value = PQgetvalue(result_, row, column);
  std::int64_t number = 0;
  std::from_chars(value, value + PQgetlength(result_, row, column), number);
  return number;
}

std::string Result::bytes(int row, int column) const {
  std::size_t length = 0;
  auto* decoded = PQunescapeBytea(
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row, column)), &length);
  if (!decoded) throw PostgresError("out of memory decoding a bytea value");
  std::string bytes(reinterpret_cast<const char*>(decoded), length);
  PQfreemem(decoded);
  return bytes;
}

std::int64_t Result::affected() const {
  const char* count = PQcmdTuples(result_);
  return count && *count ? std::strtoll(count, nullptr, 10) : 0;
}

Connection::Connection(const std::string& uri) {
  char* parse_error = nullptr;
  auto* options = PQconninfoParse(uri.c_str(), &parse_error);
  if (!options) {
    std::string message = first_line(parse_error);
    PQfreemem(parse_error);
    throw ConnectError(ConnectError::Reason::bad_address, "not a PostgreSQL address: " + message);
  }
  PQconninfoFree(options);
  connection_ = PQconnectdb(with_connect_timeout(uri).c_str());
  if (!connection_) throw PostgresError("out of memory opening a PostgreSQL connection");
  if (PQstatus(connection_) != CONNECTION_OK) {
    auto reason = classify(connection_);
    std::string message = first_line(PQerrorMessage(connection_));
    PQfinish(connection_);
    connection_ = nullptr;
    const char* what = reason == ConnectError::Reason::bad_address ? "not a PostgreSQL address: "
                       : reason == ConnectError::Reason::refused
                           ? "PostgreSQL refused the connection: "
                           : "PostgreSQL server unreachable: ";
    throw ConnectError(reason, what + message);
  }
  // Our timestamps are Unix seconds in bigint columns; text sent and read is UTF-8.
  execute("SET client_encoding = 'UTF8'; SET client_min_messages = warning");
}

Connection::~Connection() {
  if (connection_) PQfinish(connection_);
}

void Connection::observed(std::chrono::steady_clock::time_point started) const {
  if (observer_) observer_->statement_ran(std::chrono::steady_clock::now() - started);
}

Result Connection::query(std::string_view sql, const Params& params) {
  auto started = std::chrono::steady_clock::now();
  std::vector<const char*> values;
  std::vector<int> lengths;
  for (const auto& value : params.values_) {
    values.push_back(value ? value->data() : nullptr);
    lengths.push_back(value ? static_cast<int>(value->size()) : 0);
  }
  Result result(PQexecParams(connection_, std::string(sql).c_str(), static_cast<int>(values.size()),
                             nullptr, values.data(), lengths.data(), params.binary_.data(),
                             /*text results*/ 0));
  observed(started);
  auto status = PQresultStatus(result.result_);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw_failure(connection_, result.result_);
  return result;
}

void Connection::execute(std::string_view sql) {
  auto started = std::chrono::steady_clock::now();
  Result result(PQexec(connection_, std::string(sql).c_str()));
  observed(started);
  auto status = PQresultStatus(result.result_);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw_failure(connection_, result.result_);
}

bool Connection::healthy() const {
  return PQstatus(connection_) == CONNECTION_OK && PQtransactionStatus(connection_) == PQTRANS_IDLE;
}

std::vector<std::string> Connection::notifications(const std::string& channel, int wait_ms) {
  std::vector<std::string> payloads;
  auto drain = [&] {
    PQconsumeInput(connection_);
    while (auto* notice = PQnotifies(connection_)) {
      if (channel == notice->relname) payloads.emplace_back(notice->extra);
      PQfreemem(notice);
    }
  };
  drain();
  if (payloads.empty() && wait_ms > 0) {
    pollfd socket{PQsocket(connection_), POLLIN, 0};
    if (::poll(&socket, 1, wait_ms) > 0) drain();
  }
  return payloads;
}

}  // namespace gazette::store::postgres

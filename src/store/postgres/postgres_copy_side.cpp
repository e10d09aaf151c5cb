// PostgreSQL's ends of a site copy (see postgres_copy_side.h).
#include "store/postgres/postgres_copy_side.h"

#include <charconv>
#include <cstdlib>
#include <regex>

#include "content/event_codec.h"
#include "store/change_origin.h"
#include "store/postgres/database.h"
#include "store/postgres/migrations.h"

namespace gazette::store::postgres {

namespace {

// Rows fetched from the source's cursor at a time; rows holding bytes (images) are large, so
// fewer of them.
constexpr int kFetchRows = 500;
constexpr int kFetchRowsWithBytes = 16;
// One INSERT carries at most this many rows, parameters (the protocol's limit is 65,535) and
// bytes of values, whichever comes first.
constexpr std::size_t kBatchRows = 500;
constexpr std::size_t kBatchParameters = 30'000;
constexpr std::size_t kBatchBytes = 8 * 1024 * 1024;

std::string sql_name(std::string_view name) {
  std::string text = "\"";
  for (char c : name) {
    if (c == '"') text += '"';
    text += c;
  }
  return text + "\"";
}

std::string column_list(const std::vector<std::string>& columns) {
  std::string list;
  for (const auto& column : columns) list += (list.empty() ? "" : ", ") + sql_name(column);
  return list;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The value in `result` at (row, column), typed by the column's PostgreSQL type.
copy::Value value_of(const Result& result, int row, int column, const std::string& type) {
  if (result.is_null(row, column)) return std::monostate{};
  if (type == "bigint" || type == "integer" || type == "smallint")
    return result.integer(row, column);
  if (type == "boolean") return std::int64_t{result.text(row, column) == "t" ? 1 : 0};
  if (type == "double precision" || type == "real" || type == "numeric")
    return std::strtod(result.text(row, column).c_str(), nullptr);
  if (type == "bytea") return copy::Bytes{result.bytes(row, column)};
  return result.text(row, column);
}

// Adds `value` to `params` for a column of type `type` (empty: whatever the value is); returns
// its size in bytes. Text and bytes are sent as the column holds them: an old address is text in
// SQLite and bytea here (any byte a decoded escape may be), and goes back as text.
std::size_t add_value(Params& params, const copy::Value& value, std::string_view type = {}) {
  if (auto* text = std::get_if<std::string>(&value); text && type == "bytea") {
    params.add_bytes(*text);
    return text->size();
  }
  if (auto* blob = std::get_if<copy::Bytes>(&value); blob && !type.empty() && type != "bytea") {
    params.add(std::string_view(blob->data));
    return blob->data.size();
  }
  return std::visit(
      [&](const auto& held) -> std::size_t {
        using Held = std::decay_t<decltype(held)>;
        if constexpr (std::is_same_v<Held, std::monostate>) {
          params.add_null();
          return 0;
        } else if constexpr (std::is_same_v<Held, std::int64_t>) {
          params.add(held);
          return sizeof held;
        } else if constexpr (std::is_same_v<Held, double>) {
          char text[32];
          auto end = std::to_chars(text, text + sizeof text, held).ptr;  // shortest exact
          params.add(std::string_view(text, end - text));
          return sizeof held;
        } else if constexpr (std::is_same_v<Held, std::string>) {
          params.add(std::string_view(held));
          return held.size();
        } else {
          params.add_bytes(held.data);
          return held.data.size();
        }
      },
      value);
}

std::size_t size_of(const copy::Row& row) {
  std::size_t bytes = 0;
  for (const auto& value : row) {
    if (auto* text = std::get_if<std::string>(&value)) bytes += text->size();
    if (auto* blob = std::get_if<copy::Bytes>(&value)) bytes += blob->data.size();
  }
  return bytes;
}

}  // namespace

std::string without_password(const std::string& uri) {
  static const std::regex in_userinfo(R"(^([a-z]+://[^:/@?]*):[^@/?]*@)", std::regex::icase);
  static const std::regex in_options(R"((^|[?&\s])password=[^&\s]*)", std::regex::icase);
  auto text = std::regex_replace(uri, in_userinfo, "$1@");
  return std::regex_replace(text, in_options, "$1password=…");
}

std::set<std::string> PostgresCopySchema::tables() {
  auto rows = connection_.query(
      "SELECT table_name FROM information_schema.tables"
      " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
  std::set<std::string> tables;
  for (int row = 0; row < rows.rows(); ++row) tables.insert(rows.text(row, 0));
  return tables;
}

std::vector<std::string> PostgresCopySchema::columns(const std::string& table) {
  auto rows = connection_.query(
      "SELECT column_name FROM information_schema.columns"
      " WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
      Params().add(table));
  std::vector<std::string> columns;
  for (int row = 0; row < rows.rows(); ++row) columns.push_back(rows.text(row, 0));
  return columns;
}

const std::map<std::string, std::string>& PostgresCopySchema::column_types(
    const std::string& table) {
  auto known = types_.find(table);
  if (known != types_.end()) return known->second;
  auto rows = connection_.query(
      "SELECT column_name, data_type FROM information_schema.columns"
      " WHERE table_schema = current_schema() AND table_name = $1",
      Params().add(table));
  auto& types = types_[table];
  for (int row = 0; row < rows.rows(); ++row) types[rows.text(row, 0)] = rows.text(row, 1);
  return types;
}

std::vector<std::string> PostgresCopySchema::primary_key(const std::string& table) {
  auto rows = connection_.query(
      "SELECT a.attname FROM pg_index i"
      " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
      " WHERE i.indrelid = to_regclass($1) AND i.indisprimary"
      " ORDER BY array_position(i.indkey::int2[], a.attnum)",
      Params().add(sql_name(table)));
  std::vector<std::string> key;
  for (int row = 0; row < rows.rows(); ++row) key.push_back(rows.text(row, 0));
  return key;
}

std::int64_t PostgresCopySchema::count(const std::string& table) {
  return connection_.query("SELECT count(*) FROM " + sql_name(table)).integer(0, 0);
}

PostgresCopySource::PostgresCopySource(const std::string& uri)
    : name_("PostgreSQL database " + without_password(uri)), connection_(uri) {
  auto schema = connection_.query("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (schema.text(0, 0) != "t")
    throw std::runtime_error(name_ + " holds no Gazette site (no schema_migrations table)");
}

PostgresCopySource::~PostgresCopySource() {
  if (!open_) return;
  try {
    connection_.execute("ROLLBACK");
  } catch (const PostgresError&) {
    // The connection closes next, which ends the transaction too.
  }
}

void PostgresCopySource::begin_snapshot() {
  // One snapshot for every read, taken at the first; READ ONLY: a copy never writes its source.
  connection_.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  open_ = true;
}

void PostgresCopySource::read(const std::string& table, const std::vector<std::string>& columns,
                              const std::vector<std::string>& order_by,
                              const std::function<void(copy::Row&)>& visit) {
  const auto& types = schema_.column_types(table);
  std::vector<std::string> column_types;
  bool holds_bytes = false;
  for (const auto& column : columns) {
    auto type = types.find(column);
    column_types.push_back(type == types.end() ? "text" : type->second);
    holds_bytes = holds_bytes || column_types.back() == "bytea";
  }
  connection_.execute("DECLARE gazette_copy NO SCROLL CURSOR FOR SELECT " + column_list(columns) +
                      " FROM " + sql_name(table) + " ORDER BY " + column_list(order_by));
  auto fetch = "FETCH " + std::to_string(holds_bytes ? kFetchRowsWithBytes : kFetchRows) +
               " FROM gazette_copy";
  copy::Row row(columns.size());
  for (;;) {
    auto rows = connection_.query(fetch);
    if (rows.rows() == 0) break;
    for (int at = 0; at < rows.rows(); ++at) {
      for (std::size_t column = 0; column < columns.size(); ++column)
        row[column] = value_of(rows, at, static_cast<int>(column), column_types[column]);
      visit(row);
    }
  }
  connection_.execute("CLOSE gazette_copy");
}

PostgresCopyTarget::PostgresCopyTarget(const std::string& uri)
    : name_("PostgreSQL database " + without_password(uri)), connection_(uri) {
  migrate(connection_, unix_now());
}

PostgresCopyTarget::~PostgresCopyTarget() {
  if (!open_) return;
  try {
    connection_.execute("ROLLBACK");
  } catch (const PostgresError&) {
    // A broken connection rolled back with it.
  }
}

void PostgresCopyTarget::begin() {
  connection_.execute("BEGIN");
  open_ = true;
  // Every node's writes wait for this one, and it for theirs (database.h).
  connection_.query("SELECT pg_advisory_xact_lock($1)", Params().add(kWriteLockKey));
}

void PostgresCopyTarget::clear(const std::string& table) {
  connection_.execute("DELETE FROM " + sql_name(table));
  written_.insert(table);
}

void PostgresCopyTarget::insert(const std::string& table, const std::vector<std::string>& columns,
                                const copy::Row& row) {
  if (!batch_.empty() && (batch_table_ != table || batch_columns_ != columns)) flush();
  batch_table_ = table;
  batch_columns_ = columns;
  batch_.push_back(row);
  batch_bytes_ += size_of(row);
  if (batch_.size() >= kBatchRows || batch_.size() * columns.size() >= kBatchParameters ||
      batch_bytes_ >= kBatchBytes)
    flush();
}

void PostgresCopyTarget::end_table(const std::string&) {
  flush();
}

void PostgresCopyTarget::flush() {
  if (batch_.empty()) return;
  std::string sql =
      "INSERT INTO " + sql_name(batch_table_) + " (" + column_list(batch_columns_) + ") VALUES ";
  const auto& types = schema_.column_types(batch_table_);
  std::vector<std::string> column_types;
  for (const auto& column : batch_columns_) {
    auto type = types.find(column);
    column_types.push_back(type == types.end() ? "" : type->second);
  }
  Params params;
  std::size_t parameter = 0;
  for (std::size_t row = 0; row < batch_.size(); ++row) {
    sql += row == 0 ? "(" : ", (";
    for (std::size_t column = 0; column < batch_columns_.size(); ++column) {
      sql += (column == 0 ? "$" : ", $") + std::to_string(++parameter);
      add_value(params, batch_[row][column], column_types[column]);
    }
    sql += ")";
  }
  try {
    connection_.query(sql, params);
  } catch (const PostgresError& error) {
    throw PostgresError(batch_table_ + ": " + error.what());
  }
  written_.insert(batch_table_);
  batch_.clear();
  batch_bytes_ = 0;
}

void PostgresCopyTarget::update(const std::string& table, const std::string& key_column,
                                const copy::Value& key, const std::string& column,
                                const copy::Value& value) {
  Params params;
  add_value(params, value);
  add_value(params, key);
  connection_.query("UPDATE " + sql_name(table) + " SET " + sql_name(column) + " = $1 WHERE " +
                        sql_name(key_column) + " = $2",
                    params);
}

void PostgresCopyTarget::announce_everything_changed() {
  auto entry = connection_.query(
      "INSERT INTO change_log (origin, payload, created_at) VALUES ($1, $2, $3) RETURNING id",
      Params()
          .add(random_change_origin())
          .add(content::encode_event(content::SettingsChanged{}))
          .add(unix_now()));
  connection_.query("SELECT pg_notify($1, $2)", Params().add(kChangeChannel).add(entry.text(0, 0)));
}

// Ids were copied as they were: each generated column continues after the largest copied one.
void PostgresCopyTarget::reset_sequences() {
  auto generated = connection_.query(
      "SELECT table_name, column_name FROM information_schema.columns"
      " WHERE table_schema = current_schema()"
      " AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')");
  for (int row = 0; row < generated.rows(); ++row) {
    auto table = generated.text(row, 0);
    if (!written_.contains(table)) continue;
    auto column = sql_name(generated.text(row, 1));
    connection_.query("SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(" +
                          column + ") FROM " + sql_name(table) + "), 0) + 1, false)",
                      Params().add(sql_name(table)).add(generated.text(row, 1)));
  }
}

void PostgresCopyTarget::commit() {
  flush();
  reset_sequences();
  open_ = false;  // a failed COMMIT ends the transaction too
  connection_.execute("COMMIT");
}

}  // namespace gazette::store::postgres

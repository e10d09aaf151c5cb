// SQLite's ends of a site copy (see sqlite_copy_side.h).
#include "store/sqlite/sqlite_copy_side.h"

#include <cctype>
#include <chrono>
#include <map>

#include "content/event_codec.h"
#include "store/change_origin.h"
#include "store/sqlite/database.h"
#include "store/sqlite/migrations.h"

namespace gazette::store::sqlite {

namespace fs = std::filesystem;

namespace {

// "name" for SQL, whatever the name holds.
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

// Ordinary and virtual tables; SQLite's own and the virtual tables' storage are not the site's.
std::set<std::string> tables_of(DatabaseFile& file) {
  std::set<std::string> tables;
  FileStatement list(
      file,
      "SELECT name FROM pragma_table_list WHERE schema = 'main'"
      " AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
  while (list.step())
    tables.emplace(reinterpret_cast<const char*>(sqlite3_column_text(list.get(), 0)));
  return tables;
}

std::vector<std::string> columns_of(DatabaseFile& file, const std::string& table) {
  std::vector<std::string> columns;
  FileStatement info(file, "SELECT name FROM pragma_table_info(?1) ORDER BY cid");
  sqlite3_bind_text(info.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
  while (info.step())
    columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 0)));
  return columns;
}

std::vector<std::string> key_of(DatabaseFile& file, const std::string& table) {
  std::vector<std::string> key;
  FileStatement info(file, "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk");
  sqlite3_bind_text(info.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
  while (info.step())
    key.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 0)));
  return key;
}

std::int64_t count_of(DatabaseFile& file, const std::string& table) {
  return file.number_of("SELECT count(*) FROM " + sql_name(table));
}

// Which of SQLite's storage classes a column declared `type` keeps its values in (its affinity,
// as SQLite derives it from the declared type), for text and bytes only.
enum class Holds { text, bytes, other };
Holds holds_of(std::string type) {
  for (auto& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (type.find("INT") != std::string::npos) return Holds::other;
  if (type.find("CHAR") != std::string::npos || type.find("CLOB") != std::string::npos ||
      type.find("TEXT") != std::string::npos)
    return Holds::text;
  if (type.empty() || type.find("BLOB") != std::string::npos) return Holds::bytes;
  return Holds::other;
}

void bind_value(DatabaseFile& file, sqlite3_stmt* statement, int index, const copy::Value& value,
                Holds holds = Holds::other) {
  // Text and bytes bound as the column keeps them: an old address is bytea in PostgreSQL (any
  // byte a decoded escape may be) and text here, which lookups compare with text.
  if (auto* blob = std::get_if<copy::Bytes>(&value); blob && holds == Holds::text) {
    if (sqlite3_bind_text64(statement, index, blob->data.data(), blob->data.size(),
                            SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
      file.fail("bind");
    return;
  }
  if (auto* text = std::get_if<std::string>(&value); text && holds == Holds::bytes) {
    if (sqlite3_bind_blob64(statement, index, text->data(), text->size(), SQLITE_TRANSIENT) !=
        SQLITE_OK)
      file.fail("bind");
    return;
  }
  int rc = std::visit(
      [&](const auto& held) -> int {
        using Held = std::decay_t<decltype(held)>;
        if constexpr (std::is_same_v<Held, std::monostate>) {
          return sqlite3_bind_null(statement, index);
        } else if constexpr (std::is_same_v<Held, std::int64_t>) {
          return sqlite3_bind_int64(statement, index, held);
        } else if constexpr (std::is_same_v<Held, double>) {
          return sqlite3_bind_double(statement, index, held);
        } else if constexpr (std::is_same_v<Held, std::string>) {
          return sqlite3_bind_text64(statement, index, held.data(), held.size(), SQLITE_TRANSIENT,
                                     SQLITE_UTF8);
        } else {
          return sqlite3_bind_blob64(statement, index, held.data.data(), held.data.size(),
                                     SQLITE_TRANSIENT);
        }
      },
      value);
  if (rc != SQLITE_OK) file.fail("bind");
}

}  // namespace

SqliteCopySource::SqliteCopySource(const fs::path& path)
    : name_("SQLite database " + path.string()),
      file_(
          [&]() -> const fs::path& {
            std::error_code error;
            if (!fs::is_regular_file(path, error))
              throw std::runtime_error(path.string() + ": no such database");
            return path;
          }(),
          DatabaseFile::Mode::read_only) {
  try {
    if (!file_.has_table("schema_migrations"))
      throw std::runtime_error(path.string() + ": not a Gazette database (no schema_migrations)");
  } catch (const DatabaseError& error) {
    throw std::runtime_error(path.string() + ": not a Gazette database (" + error.what() + ")");
  }
}

std::set<std::string> SqliteCopySource::tables() {
  return tables_of(file_);
}
std::vector<std::string> SqliteCopySource::columns(const std::string& table) {
  return columns_of(file_, table);
}
std::vector<std::string> SqliteCopySource::primary_key(const std::string& table) {
  return key_of(file_, table);
}
std::int64_t SqliteCopySource::count(const std::string& table) {
  return count_of(file_, table);
}

void SqliteCopySource::begin_snapshot() {
  // A read transaction sees the database as of its first read, whatever commits meanwhile (WAL).
  file_.execute("BEGIN");
  file_.number_of("SELECT count(*) FROM sqlite_schema");
}

void SqliteCopySource::read(const std::string& table, const std::vector<std::string>& columns,
                            const std::vector<std::string>& order_by,
                            const std::function<void(copy::Row&)>& visit) {
  FileStatement select(file_, "SELECT " + column_list(columns) + " FROM " + sql_name(table) +
                                  " ORDER BY " + column_list(order_by));
  copy::Row row(columns.size());
  while (select.step()) {
    auto* statement = select.get();
    for (int column = 0; column < static_cast<int>(columns.size()); ++column) {
      switch (sqlite3_column_type(statement, column)) {
        case SQLITE_NULL:
          row[column] = std::monostate{};
          break;
        case SQLITE_INTEGER:
          row[column] = static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
          break;
        case SQLITE_FLOAT:
          row[column] = sqlite3_column_double(statement, column);
          break;
        case SQLITE_TEXT:
          row[column] =
              std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)),
                          static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
          break;
        default: {
          const void* bytes = sqlite3_column_blob(statement, column);
          auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
          row[column] = copy::Bytes{std::string(static_cast<const char*>(bytes), size)};
        }
      }
    }
    visit(row);
  }
}

SqliteCopyTarget::SqliteCopyTarget(const fs::path& path)
    : path_(path), name_("SQLite database " + path.string()) {
  std::error_code error;
  fs::path opened = path;
  if (!fs::exists(path, error)) {
    // A WAL file left without its database would be replayed into the new one.
    if (fs::exists(path.string() + "-wal", error))
      throw std::runtime_error(path.string() + "-wal exists without its database: remove it first");
    if (!path.parent_path().empty()) fs::create_directories(path.parent_path());
    new_file_.emplace(PartialFile::beside(path, "copying"));
    opened = new_file_->path();
  }
  {
    // The schema of this version (the stores' connection applies the migrations).
    Connection connection(opened.string());
    migrate(connection, unix_now());
  }
  file_ = std::make_unique<DatabaseFile>(opened, DatabaseFile::Mode::read_write);
  // Every reference checked, as the stores' connections check them.
  file_->execute("PRAGMA foreign_keys=ON");
}

SqliteCopyTarget::~SqliteCopyTarget() {
  insert_.reset();
  if (open_) {
    try {
      file_->execute("ROLLBACK");
    } catch (const DatabaseError&) {
      // Closing the connection rolls back as well.
    }
  }
  file_.reset();  // before the partial file goes
}

std::set<std::string> SqliteCopyTarget::tables() {
  return tables_of(*file_);
}
std::vector<std::string> SqliteCopyTarget::columns(const std::string& table) {
  return columns_of(*file_, table);
}
std::vector<std::string> SqliteCopyTarget::primary_key(const std::string& table) {
  return key_of(*file_, table);
}
std::int64_t SqliteCopyTarget::count(const std::string& table) {
  return count_of(*file_, table);
}

void SqliteCopyTarget::begin() {
  // The write lock from the start: no other writer between the check that the database holds
  // no site and the commit.
  file_->execute("BEGIN IMMEDIATE");
  open_ = true;
}

void SqliteCopyTarget::clear(const std::string& table) {
  file_->execute("DELETE FROM " + sql_name(table));
}

void SqliteCopyTarget::insert(const std::string& table, const std::vector<std::string>& columns,
                              const copy::Row& row) {
  if (!insert_ || insert_table_ != table) {
    std::string values;
    for (std::size_t i = 1; i <= columns.size(); ++i)
      values += (i == 1 ? "?" : ", ?") + std::to_string(i);
    insert_ = std::make_unique<FileStatement>(*file_, "INSERT INTO " + sql_name(table) + " (" +
                                                          column_list(columns) + ") VALUES (" +
                                                          values + ")");
    insert_table_ = table;
    insert_holds_.clear();
    std::map<std::string, std::string> declared;
    FileStatement info(*file_, "SELECT name, type FROM pragma_table_info(?1)");
    sqlite3_bind_text(info.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
    while (info.step())
      declared[reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 0))] =
          reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 1));
    for (const auto& column : columns)
      insert_holds_.push_back(static_cast<int>(holds_of(declared[column])));
  }
  auto* statement = insert_->get();
  for (std::size_t i = 0; i < row.size(); ++i)
    bind_value(*file_, statement, static_cast<int>(i + 1), row[i],
               static_cast<Holds>(insert_holds_[i]));
  try {
    insert_->step();
  } catch (const DatabaseError& error) {
    sqlite3_reset(statement);
    throw DatabaseError(table + ": " + error.what());
  }
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
}

void SqliteCopyTarget::end_table(const std::string&) {
  insert_.reset();
}

void SqliteCopyTarget::update(const std::string& table, const std::string& key_column,
                              const copy::Value& key, const std::string& column,
                              const copy::Value& value) {
  FileStatement statement(*file_, "UPDATE " + sql_name(table) + " SET " + sql_name(column) +
                                      " = ?1 WHERE " + sql_name(key_column) + " = ?2");
  bind_value(*file_, statement.get(), 1, value);
  bind_value(*file_, statement.get(), 2, key);
  statement.step();
}

void SqliteCopyTarget::announce_everything_changed() {
  if (!file_->has_table("change_log")) return;
  FileStatement statement(
      *file_, "INSERT INTO change_log (origin, payload, created_at) VALUES (?1, ?2, ?3)");
  bind_value(*file_, statement.get(), 1, random_change_origin());
  bind_value(*file_, statement.get(), 2, content::encode_event(content::SettingsChanged{}));
  bind_value(*file_, statement.get(), 3, unix_now());
  statement.step();
}

void SqliteCopyTarget::commit() {
  file_->execute("COMMIT");
  open_ = false;
  if (!new_file_) return;
  // Closed first: the new database is one file, its WAL folded in, before it takes its name.
  file_.reset();
  new_file_->move_to(path_);
  new_file_.reset();
  file_ = std::make_unique<DatabaseFile>(path_, DatabaseFile::Mode::read_write);
}

}  // namespace gazette::store::sqlite

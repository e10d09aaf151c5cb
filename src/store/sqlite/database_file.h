// A bare SQLite connection for work on whole database files (backups and restores), where the
// stores' Connection — switched to WAL, with its statement cache — would change the file or
// hold more than wanted. Only src/store/sqlite/ includes it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::store::sqlite {

class DatabaseFile {
 public:
  enum class Mode {
    read_only,   // never writes, never creates
    read_write,  // an existing file
    create,      // created when missing
  };

  /// Opens `path`; throws DatabaseError (database.h) when SQLite cannot.
  DatabaseFile(const std::filesystem::path& path, Mode mode);
  ~DatabaseFile();
  DatabaseFile(const DatabaseFile&) = delete;
  DatabaseFile& operator=(const DatabaseFile&) = delete;

  sqlite3* handle() { return db_; }
  /// Runs statements without results; throws DatabaseError with SQLite's message.
  void execute(std::string_view sql);
  /// The first column of the first row of `sql` (with `text` bound to ?1 when given), or
  /// nothing when there is no row.
  std::optional<std::string> text_of(std::string_view sql,
                                     std::optional<std::string_view> text = std::nullopt);
  /// Like text_of, for a number (0 when there is no row).
  std::int64_t number_of(std::string_view sql);
  /// Whether the file holds a table named `name`.
  bool has_table(std::string_view name);
  [[noreturn]] void fail(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
};

/// A prepared statement of a DatabaseFile, finalized with it.
class FileStatement {
 public:
  FileStatement(DatabaseFile& file, std::string_view sql);
  ~FileStatement();
  FileStatement(const FileStatement&) = delete;
  FileStatement& operator=(const FileStatement&) = delete;
  sqlite3_stmt* get() { return statement_; }
  /// Advances to the next row; false when there is none. Throws DatabaseError.
  bool step();

 private:
  DatabaseFile& file_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace gazette::store::sqlite

// The SQLite ends of a site copy (store/copy/copy_side.h): a database file read in one read
// transaction (WAL lets its servers keep writing), and a database file written in one
// transaction — created, with this version's schema, when it does not exist, in a file beside
// it renamed into place at the commit, so a failed copy leaves no database behind.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "store/copy/copy_side.h"
#include "store/sqlite/database_file.h"
#include "store/sqlite/partial_file.h"

namespace gazette::store::sqlite {

class SqliteCopySource final : public copy::CopySource {
 public:
  /// Opens `path` read-only; throws when there is no such database, or it is not Gazette's.
  explicit SqliteCopySource(const std::filesystem::path& path);

  const std::string& name() const override { return name_; }
  std::set<std::string> tables() override;
  std::vector<std::string> columns(const std::string& table) override;
  std::vector<std::string> primary_key(const std::string& table) override;
  std::int64_t count(const std::string& table) override;
  void begin_snapshot() override;
  void read(const std::string& table, const std::vector<std::string>& columns,
            const std::vector<std::string>& order_by,
            const std::function<void(copy::Row&)>& visit) override;

 private:
  std::string name_;
  DatabaseFile file_;
};

class SqliteCopyTarget final : public copy::CopyTarget {
 public:
  /// Opens `path`, bringing it to this version's schema; a new database is made beside it and
  /// appears at `path` only when the copy commits.
  explicit SqliteCopyTarget(const std::filesystem::path& path);
  ~SqliteCopyTarget() override;

  const std::string& name() const override { return name_; }
  std::set<std::string> tables() override;
  std::vector<std::string> columns(const std::string& table) override;
  std::vector<std::string> primary_key(const std::string& table) override;
  std::int64_t count(const std::string& table) override;
  void begin() override;
  void clear(const std::string& table) override;
  void insert(const std::string& table, const std::vector<std::string>& columns,
              const copy::Row& row) override;
  void end_table(const std::string& table) override;
  void update(const std::string& table, const std::string& key_column, const copy::Value& key,
              const std::string& column, const copy::Value& value) override;
  void announce_everything_changed() override;
  void commit() override;

 private:
  std::filesystem::path path_;
  std::string name_;
  std::optional<PartialFile> new_file_;  // while a new database is being made
  std::unique_ptr<DatabaseFile> file_;
  std::string insert_table_;  // the table insert_ was prepared for
  std::unique_ptr<FileStatement> insert_;
  std::vector<int> insert_holds_;  // per column: how the column keeps text and bytes
  bool open_ = false;
};

}  // namespace gazette::store::sqlite

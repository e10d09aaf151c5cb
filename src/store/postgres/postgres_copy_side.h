// The PostgreSQL ends of a site copy (store/copy/copy_side.h): a database read in one
// REPEATABLE READ, READ ONLY transaction (a snapshot, while its nodes keep writing), and a
// database written in one transaction holding the write lock every node's writes take
// (database.h), so no node writes between the check that it holds no site and the commit.
// Rows are read through a cursor and written in multi-row INSERTs, a batch at a time.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "store/copy/copy_side.h"
#include "store/postgres/connection.h"

namespace gazette::store::postgres {

/// `uri` without its password, for messages.
std::string without_password(const std::string& uri);

/// The schema questions both ends ask, by information_schema and pg_catalog.
class PostgresCopySchema {
 public:
  explicit PostgresCopySchema(Connection& connection) : connection_(connection) {}
  std::set<std::string> tables();
  std::vector<std::string> columns(const std::string& table);
  /// Each column's type name as information_schema gives it ("bigint", "bytea", "text"…).
  const std::map<std::string, std::string>& column_types(const std::string& table);
  std::vector<std::string> primary_key(const std::string& table);
  std::int64_t count(const std::string& table);

 private:
  Connection& connection_;
  std::map<std::string, std::map<std::string, std::string>> types_;
};

class PostgresCopySource final : public copy::CopySource {
 public:
  /// Connects to `uri` (never migrating: a source is not changed); throws ConnectError, or
  /// when the database holds no Gazette schema.
  explicit PostgresCopySource(const std::string& uri);
  ~PostgresCopySource() override;

  const std::string& name() const override { return name_; }
  std::set<std::string> tables() override { return schema_.tables(); }
  std::vector<std::string> columns(const std::string& table) override {
    return schema_.columns(table);
  }
  std::vector<std::string> primary_key(const std::string& table) override {
    return schema_.primary_key(table);
  }
  std::int64_t count(const std::string& table) override { return schema_.count(table); }
  void begin_snapshot() override;
  void read(const std::string& table, const std::vector<std::string>& columns,
            const std::vector<std::string>& order_by,
            const std::function<void(copy::Row&)>& visit) override;

 private:
  std::string name_;
  Connection connection_;
  PostgresCopySchema schema_{connection_};
  bool open_ = false;
};

class PostgresCopyTarget final : public copy::CopyTarget {
 public:
  /// Connects to `uri` and brings the database to this version's schema (as a node's start
  /// does); throws ConnectError.
  explicit PostgresCopyTarget(const std::string& uri);
  ~PostgresCopyTarget() override;

  const std::string& name() const override { return name_; }
  std::set<std::string> tables() override { return schema_.tables(); }
  std::vector<std::string> columns(const std::string& table) override {
    return schema_.columns(table);
  }
  std::vector<std::string> primary_key(const std::string& table) override {
    return schema_.primary_key(table);
  }
  std::int64_t count(const std::string& table) override { return schema_.count(table); }
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
  void flush();
  void reset_sequences();

  std::string name_;
  Connection connection_;
  PostgresCopySchema schema_{connection_};
  bool open_ = false;
  std::set<std::string> written_;  // tables cleared or filled: their sequences are reset
  // The INSERT being gathered.
  std::string batch_table_;
  std::vector<std::string> batch_columns_;
  std::vector<copy::Row> batch_;
  std::size_t batch_bytes_ = 0;
};

}  // namespace gazette::store::postgres

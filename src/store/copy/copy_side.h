// The two ends of a site copy (store/copy/site_copy.h): a source read in one snapshot and a
// target written in one transaction, each a small class per backend
// (sqlite/sqlite_copy_side.h, postgres/postgres_copy_side.h). Rows travel as backend-neutral
// values, columns by name, so the copier needs no knowledge of either schema beyond the list of
// the site's tables (site_tables.h).
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace gazette::store::copy {

/// Bytes that are not text (an image): kept apart so each backend stores them as a blob.
struct Bytes {
  std::string data;
  bool operator==(const Bytes&) const = default;
};

/// One value of a row: NULL, an integer, a real, text or bytes.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Bytes>;
using Row = std::vector<Value>;

/// What both ends can say of their schema and rows.
class CopySide {
 public:
  virtual ~CopySide() = default;
  /// The database, for messages ("SQLite database data/gazette.db"); never a password.
  virtual const std::string& name() const = 0;
  /// Its tables (a virtual table's own storage tables not among them).
  virtual std::set<std::string> tables() = 0;
  /// A table's columns, in their order.
  virtual std::vector<std::string> columns(const std::string& table) = 0;
  /// A table's primary key columns, in key order (empty when it has none).
  virtual std::vector<std::string> primary_key(const std::string& table) = 0;
  /// How many rows `table` holds, as this side sees it now.
  virtual std::int64_t count(const std::string& table) = 0;
};

/// The site being copied, read as of one moment.
class CopySource : public CopySide {
 public:
  /// Starts the one read-only transaction every later read sees: writes committed afterwards
  /// by others are not in the copy, and none is in it by halves.
  virtual void begin_snapshot() = 0;
  /// Calls `visit` with each row of `table` (values in the order of `columns`), ordered by
  /// `order_by`.
  virtual void read(const std::string& table, const std::vector<std::string>& columns,
                    const std::vector<std::string>& order_by,
                    const std::function<void(Row&)>& visit) = 0;
};

/// Where the site goes: every change in one transaction, rolled back unless commit() ran.
class CopyTarget : public CopySide {
 public:
  /// Starts the write transaction; other writers of the database wait until it ends.
  virtual void begin() = 0;
  /// Deletes every row of `table`.
  virtual void clear(const std::string& table) = 0;
  /// Adds a row (values in the order of `columns`); may be buffered until end_table().
  virtual void insert(const std::string& table, const std::vector<std::string>& columns,
                      const Row& row) = 0;
  /// Writes what insert() buffered for `table`.
  virtual void end_table(const std::string& table) = 0;
  /// Sets `column` of the row whose `key_column` is `key` (a reference to a row of the same
  /// table, written once every row is there).
  virtual void update(const std::string& table, const std::string& key_column, const Value& key,
                      const std::string& column, const Value& value) = 0;
  /// Tells running servers of the target, through its change log, that every page may have
  /// changed (in the same transaction: they hear of it exactly when it commits).
  virtual void announce_everything_changed() = 0;
  /// Makes the transaction's writes permanent (generated ids continue after the copied ones).
  virtual void commit() = 0;
};

}  // namespace gazette::store::copy

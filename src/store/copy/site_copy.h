// Copies a whole site from one database to another, whatever their backends: the tables of
// site_tables.h in their order, the columns both schemas have by name (so a migration adding a
// column needs no change here), ids kept (links, revisions and comment threads stay as they
// were). The source is read in one snapshot, the target written in one transaction: a copy that
// fails leaves the target as it was.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/copy/copy_side.h"

namespace gazette::store::copy {

/// The target holds a site and the copy was not told to replace it.
class TargetNotEmpty : public std::runtime_error {
 public:
  TargetNotEmpty(const std::string& message, std::string site)
      : std::runtime_error(message), site_(std::move(site)) {}
  /// What it holds: "3 articles, 1 users".
  const std::string& site() const { return site_; }

 private:
  std::string site_;
};

/// The two schemas cannot hold the same site: a table the list does not know, a table or a
/// column with rows on the source and no place on the target. Names the table.
class SchemaMismatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CopyOptions {
  /// Empty the target first, in the copy's transaction, instead of refusing a target that holds
  /// a site.
  bool replace = false;
};

struct CopiedTable {
  std::string name;
  std::int64_t rows = 0;
  /// A schema older than the other's may lack a table: nothing to copy from it, or none to
  /// copy into when the source has no row for it.
  bool on_source = true;
  bool on_target = true;
};

/// What a copy wrote: each table of the site, in copy order, with its rows.
struct CopyReport {
  std::vector<CopiedTable> tables;
  std::int64_t rows() const;
  /// How many tables of the target were written.
  std::size_t tables_written() const;
};

/// Copies the site from `source` into `target` and commits. Throws TargetNotEmpty,
/// SchemaMismatch, or the backend's error, having changed nothing in the target.
CopyReport copy_site(CopySource& source, CopyTarget& target, const CopyOptions& options = {});

/// A table the target does not hold as many rows of as were copied.
struct CountMismatch {
  std::string table;
  std::int64_t copied = 0;
  std::int64_t found = 0;
};

/// Counts each copied table's rows in the target (after the commit) against the report.
std::vector<CountMismatch> verify_counts(CopyTarget& target, const CopyReport& report);

}  // namespace gazette::store::copy

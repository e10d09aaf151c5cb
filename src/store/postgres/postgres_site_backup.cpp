// PostgresSiteBackup (see postgres_site_backup.h).
#include "store/postgres/postgres_site_backup.h"

#include "store/copy/site_copy.h"
#include "store/postgres/postgres_copy_side.h"
#include "store/sqlite/backup_file.h"
#include "store/sqlite/partial_file.h"
#include "store/sqlite/sqlite_copy_side.h"

namespace gazette::store::postgres {

namespace fs = std::filesystem;

namespace {

// A copy whose counts the target does not hold is no copy: throws naming the first table.
void expect_counts(copy::CopyTarget& target, const copy::CopyReport& report) {
  auto mismatches = copy::verify_counts(target, report);
  if (mismatches.empty()) return;
  const auto& first = mismatches.front();
  throw std::runtime_error(target.name() + ": " + first.table + " holds " +
                           std::to_string(first.found) + " rows after the copy of " +
                           std::to_string(first.copied));
}

}  // namespace

BackupContents PostgresSiteBackup::back_up(const fs::path& file) {
  PostgresCopySource source(uri_);
  sqlite::PartialFile partial(sqlite::PartialFile::beside(file, "partial"));
  {
    sqlite::SqliteCopyTarget target(partial.path());
    auto report = copy::copy_site(source, target);
    expect_counts(target, report);
  }
  sqlite::seal_backup_file(partial.path(), "postgresql");
  // Read back as a restore will read it: a backup that could not be restored is no backup.
  auto contents = sqlite::check_backup_file(partial.path());
  partial.move_to(file);
  return contents;
}

BackupContents PostgresSiteBackup::restore(const fs::path& file) {
  auto contents = sqlite::check_backup_file(file);
  sqlite::SqliteCopySource source(file);
  PostgresCopyTarget target(uri_);
  try {
    auto report = copy::copy_site(source, target);
    expect_counts(target, report);
  } catch (const copy::TargetNotEmpty& refused) {
    throw DatabaseNotEmpty(target.name() + " already holds a site (" + refused.site() +
                           "); restore into a new or empty database");
  }
  return contents;
}

}  // namespace gazette::store::postgres

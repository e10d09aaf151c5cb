// Backup and restore of a SQLite site (store/site_backup.h). A backup is VACUUM INTO from one
// read transaction — WAL lets writers commit beside it — sealed as a backup file; a restore
// checks the file, copies its pages into the database with SQLite's backup API and migrates it
// to this version's schema.
#pragma once

#include <filesystem>

#include "store/site_backup.h"

namespace gazette::store::sqlite {

class SqliteSiteBackup final : public SiteBackup {
 public:
  /// The site in the SQLite database at `database` (opened by each call, never created by a
  /// backup).
  explicit SqliteSiteBackup(std::filesystem::path database) : database_(std::move(database)) {}

  BackupContents back_up(const std::filesystem::path& file) override;
  BackupContents restore(const std::filesystem::path& file) override;

 private:
  std::filesystem::path database_;
};

}  // namespace gazette::store::sqlite

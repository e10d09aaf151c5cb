// Backup and restore of a PostgreSQL site (store/site_backup.h), in the same file format as
// SQLite's: a backup copies the site's rows (store/copy/site_copy.h), read in one REPEATABLE
// READ snapshot while nodes keep writing, into a new SQLite database of this version's schema,
// then seals it; a restore checks the file and copies its rows into an empty database in one
// transaction. So a PostgreSQL backup restores into SQLite, and a SQLite backup into PostgreSQL.
// The search index and related lists are not in the file: the target's catch-up builds them.
#pragma once

#include <string>

#include "store/site_backup.h"

namespace gazette::store::postgres {

class PostgresSiteBackup final : public SiteBackup {
 public:
  /// The site in the PostgreSQL database at `uri` (connected to by each call).
  explicit PostgresSiteBackup(std::string uri) : uri_(std::move(uri)) {}

  BackupContents back_up(const std::filesystem::path& file) override;
  BackupContents restore(const std::filesystem::path& file) override;

 private:
  std::string uri_;
};

}  // namespace gazette::store::postgres

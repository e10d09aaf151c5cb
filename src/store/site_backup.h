// Backup and restore of a whole site — articles, revisions, media, comments, accounts, settings,
// redirects — as one file whose format does not depend on the backend that wrote it: a SQLite
// database of Gazette's schema with a manifest (store/sqlite/backup_file.h). Each backend
// implements SiteBackup for its own database; `gazette backup` and `gazette restore` call it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace gazette::store {

/// What a backup file holds, counted from the file itself.
struct BackupContents {
  std::string created_at;      // when its snapshot was taken: ISO 8601, UTC
  std::string schema_version;  // the newest migration applied to it ("0007_create_search_terms")
  std::int64_t articles = 0;
  std::int64_t revisions = 0;
  std::int64_t media = 0;  // stored images, resized copies included
  std::int64_t comments = 0;
  std::int64_t accounts = 0;
  std::int64_t redirects = 0;
  std::uintmax_t file_bytes = 0;
};

/// A file that cannot be restored — missing, not a Gazette backup, truncated or damaged, or
/// written by a newer Gazette — with one line saying which.
class BackupFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The database a restore was asked to fill already holds a site (or is in use).
class DatabaseNotEmpty : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A backend's backup and restore of the site in its database.
class SiteBackup {
 public:
  virtual ~SiteBackup() = default;

  /// Writes the whole site as of one moment to `file`, while other processes keep reading and
  /// writing: every write committed before the call is in it, and no write is in it by halves.
  /// The file appears complete or not at all (an existing file of that name is replaced).
  /// Throws when the database does not exist.
  virtual BackupContents back_up(const std::filesystem::path& file) = 0;

  /// Fills this database, which must hold no site (missing, or with no content), with the site
  /// in `file`, then brings it to this version's schema. Changes nothing and throws
  /// BackupFileError when the file is not a sound backup, DatabaseNotEmpty when the database
  /// holds a site or another process has it open.
  virtual BackupContents restore(const std::filesystem::path& file) = 0;
};

}  // namespace gazette::store

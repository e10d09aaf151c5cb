// The backup file format, the same whichever backend wrote it: a SQLite database (rollback
// journal, so one file) holding Gazette's tables as migrations/ make them at some version —
// schema_migrations says which — and one table of its own, the manifest:
//
//   gazette_backup(key TEXT PRIMARY KEY, value TEXT)
//     format          "gazette-backup"
//     format_version  "1"
//     created_at      when the snapshot was taken (ISO 8601, UTC)
//     source          the backend it came from ("sqlite"; "postgresql" will write a copy of its
//                     site's rows into the same tables)
//     content_digest  "blake2b-256:" and 64 hex digits over every other table's rows
//
// Tables that can be computed again (the search index, related lists) may be missing or empty
// in a backup: `gazette serve` catches them up. A backend writes the file by any means, then
// seals it (seal_backup_file). Before anything is restored, check_backup_file reads it whole:
// SQLite's integrity check finds truncation and damaged pages, the manifest says it is a backup
// of a format and schema this Gazette knows, the digest finds any other changed byte.
#pragma once

#include <filesystem>
#include <string_view>

#include "store/site_backup.h"

namespace gazette::store::sqlite {

inline constexpr std::string_view kBackupManifestTable = "gazette_backup";

/// Makes the database at `file` a backup: writes its manifest (with the digest of what it
/// holds now) and leaves it in rollback-journal mode. `source` names the backend.
void seal_backup_file(const std::filesystem::path& file, std::string_view source);

/// Reads the backup at `file` whole and returns what it holds; throws store::BackupFileError,
/// with one line saying what is wrong, when it is not a sound backup this Gazette can restore.
/// Never writes to it.
BackupContents check_backup_file(const std::filesystem::path& file);

}  // namespace gazette::store::sqlite

// SqliteSiteBackup (see sqlite_site_backup.h). Both directions write a file beside the one they
// make and rename it into place once it is complete and on disk, so an interrupted backup or
// restore leaves no file that looks finished.
#include "store/sqlite/sqlite_site_backup.h"

#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "store/sqlite/backup_file.h"
#include "store/sqlite/database.h"
#include "store/sqlite/database_file.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/partial_file.h"

namespace gazette::store::sqlite {

namespace fs = std::filesystem;

namespace {

// The tables whose rows make a site: a database with a row in any of them is not empty. (Rows
// Gazette writes by itself when it opens a database — its migrations, the comment form key, the
// search index's settings — do not count.)
constexpr std::array<std::string_view, 10> kSiteTables = {
    "articles", "authors", "sections", "categories", "tags",
    "media",    "users",   "comments", "settings",   "redirects"};

// What `target` holds that makes it a site ("24 articles, 3 users"), or nothing when it holds
// none. Reading it takes the lock the caller asked for.
std::optional<std::string> site_in(DatabaseFile& target) {
  if (target.number_of("SELECT count(*) FROM sqlite_schema") == 0) return std::nullopt;
  if (!target.has_table("schema_migrations")) return "tables that are not Gazette's";
  std::string found;
  for (auto table : kSiteTables) {
    if (!target.has_table(table)) continue;
    auto rows = target.number_of("SELECT count(*) FROM " + std::string(table));
    if (rows == 0) continue;
    if (!found.empty()) found += ", ";
    found += std::to_string(rows) + " " + std::string(table);
  }
  if (found.empty()) return std::nullopt;
  return found;
}

// Replaces everything in `target` with the pages of the backup `file`, then drops the manifest:
// the restored database is the site as it was, nothing more.
void copy_backup_into(const fs::path& file, DatabaseFile& target) {
  DatabaseFile backup(file, DatabaseFile::Mode::read_only);
  sqlite3_backup* copy = sqlite3_backup_init(target.handle(), "main", backup.handle(), "main");
  if (!copy) target.fail("restore");
  int rc = sqlite3_backup_step(copy, -1);
  sqlite3_backup_finish(copy);
  if (rc != SQLITE_DONE) throw DatabaseError(std::string("restore: ") + sqlite3_errstr(rc));
  target.execute("DROP TABLE " + std::string(kBackupManifestTable));
}

}  // namespace

BackupContents SqliteSiteBackup::back_up(const fs::path& file) {
  std::error_code error;
  if (!fs::is_regular_file(database_, error))
    throw std::runtime_error(database_.string() + ": no such database");
  PartialFile partial(PartialFile::beside(file, "partial"));
  {
    // Read-only: a backup never changes the site. VACUUM INTO reads in one transaction, so the
    // copy is the site as of its start, and compact.
    DatabaseFile source(database_, DatabaseFile::Mode::read_only);
    FileStatement vacuum(source, "VACUUM INTO ?1");
    auto path = partial.path().string();
    sqlite3_bind_text(vacuum.get(), 1, path.c_str(), static_cast<int>(path.size()),
                      SQLITE_TRANSIENT);
    vacuum.step();
  }
  seal_backup_file(partial.path(), "sqlite");
  // Read back as a restore will read it: a backup that could not be restored is no backup.
  auto contents = check_backup_file(partial.path());
  partial.move_to(file);
  return contents;
}

BackupContents SqliteSiteBackup::restore(const fs::path& file) {
  auto contents = check_backup_file(file);
  std::error_code error;
  if (fs::exists(database_, error)) {
    DatabaseFile target(database_, DatabaseFile::Mode::read_write);
    // Held from the first read to the close: no other process reads or writes between the
    // check that the database is empty and the copy (and one that has it open fails the check).
    target.execute("PRAGMA locking_mode=EXCLUSIVE");
    std::optional<std::string> site;
    try {
      site = site_in(target);
    } catch (const DatabaseError& refused) {
      if (sqlite3_errcode(target.handle()) == SQLITE_BUSY)
        throw DatabaseNotEmpty(database_.string() +
                               ": in use by another process (a running gazette serve?); stop it "
                               "or restore into a new database");
      throw DatabaseNotEmpty(database_.string() + ": not an empty Gazette database (" +
                             refused.what() + ")");
    }
    if (site)
      throw DatabaseNotEmpty(database_.string() + " already holds a site (" + *site +
                             "); restore into a new or empty database");
    // Out of WAL, which needs the page sizes of the copy and the database to agree.
    target.execute("PRAGMA journal_mode=DELETE");
    copy_backup_into(file, target);
  } else {
    // A WAL file left without its database would be replayed into the restored one.
    if (fs::exists(database_.string() + "-wal", error))
      throw std::runtime_error(database_.string() +
                               "-wal exists without its database: remove it first");
    if (!database_.parent_path().empty()) fs::create_directories(database_.parent_path());
    PartialFile partial(PartialFile::beside(database_, "restoring"));
    {
      DatabaseFile target(partial.path(), DatabaseFile::Mode::create);
      copy_backup_into(file, target);
    }
    partial.move_to(database_);
  }
  // A backup from an older Gazette gets this version's migrations; the database goes back to
  // WAL as every store connection opens it.
  Connection connection(database_.string());
  migrate(connection, std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count());
  return contents;
}

}  // namespace gazette::store::sqlite

// SqliteSiteBackup (see sqlite_site_backup.h). Both directions write a file beside the one they
// make and rename it into place once it is complete and on disk, so an interrupted backup or
// restore leaves no file that looks finished.
#include "store/sqlite/sqlite_site_backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <system_error>

#include "store/sqlite/backup_file.h"
#include "store/sqlite/database.h"
#include "store/sqlite/database_file.h"
#include "store/sqlite/migrations.h"

namespace gazette::store::sqlite {

namespace fs = std::filesystem;

namespace {

// The tables whose rows make a site: a database with a row in any of them is not empty. (Rows
// Gazette writes by itself when it opens a database — its migrations, the comment form key, the
// search index's settings — do not count.)
constexpr std::array<std::string_view, 10> kSiteTables = {
    "articles", "authors", "sections", "categories", "tags",
    "media",    "users",   "comments", "settings",   "redirects"};

// A name beside `file` for the file being made, unique to this process.
fs::path partial_beside(const fs::path& file, std::string_view what) {
  std::string name = ".";
  name.append(file.filename().string()).append(".").append(what).append("-");
  name.append(std::to_string(getpid()));
  return file.parent_path() / name;
}

// Removes a partial file and what SQLite kept beside it, unless it was renamed into place.
class PartialFile {
 public:
  explicit PartialFile(fs::path path) : path_(std::move(path)) { remove(); }
  ~PartialFile() {
    if (!kept_) remove();
  }
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;
  const fs::path& path() const { return path_; }

  // fsync, rename over `destination`, fsync the folder: the file is there after a crash, whole.
  void move_to(const fs::path& destination) {
    sync(path_, O_RDONLY);
    fs::rename(path_, destination);
    kept_ = true;
    sync(destination.parent_path().empty() ? fs::path(".") : destination.parent_path(),
         O_RDONLY | O_DIRECTORY);
  }

 private:
  void remove() {
    std::error_code ignored;
    for (auto suffix : {"", "-journal", "-wal", "-shm"})
      fs::remove(path_.string() + suffix, ignored);
  }
  static void sync(const fs::path& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + path.string());
    int rc = ::fsync(fd);
    int saved = errno;
    ::close(fd);
    if (rc != 0) throw std::system_error(saved, std::generic_category(), "fsync " + path.string());
  }

  fs::path path_;
  bool kept_ = false;
};

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
  PartialFile partial(partial_beside(file, "partial"));
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
    PartialFile partial(partial_beside(database_, "restoring"));
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

// `gazette backup FILE` and `gazette restore FILE`: the whole site to one file and back, through
// the backend's store::SiteBackup (the file's format is the same for every backend).
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include "app/commands.h"
#include "app/database_location.h"
#include "store/postgres/postgres_copy_side.h"
#include "store/postgres/postgres_site_backup.h"
#include "store/sqlite/sqlite_site_backup.h"

namespace gazette::app {

namespace {

std::unique_ptr<store::SiteBackup> site_backup_of(const std::string& db) {
  // main() refused every other kind of address before any command ran.
  auto location = parse_database_location(db);
  if (auto* postgres = std::get_if<PostgresAddress>(&location))
    return std::make_unique<store::postgres::PostgresSiteBackup>(postgres->uri);
  return std::make_unique<store::sqlite::SqliteSiteBackup>(std::get<SqliteFile>(location).path);
}

// "1 article", "24 articles".
std::string counted(std::int64_t count, std::string_view singular, std::string_view plural) {
  return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

// "24 articles, 31 revisions, 48 media files, 12 comments, 2 accounts, 0 redirects (3.1 MiB,
// taken 2025-01-01T12:00:00Z, schema 0010_change_log_events)"
std::string describe(const store::BackupContents& contents) {
  char size[64];
  std::snprintf(size, sizeof size, "%.1f MiB",
                static_cast<double>(contents.file_bytes) / (1024.0 * 1024.0));
  return counted(contents.articles, "article", "articles") + ", " +
         counted(contents.revisions, "revision", "revisions") + ", " +
         counted(contents.media, "media file", "media files") + ", " +
         counted(contents.comments, "comment", "comments") + ", " +
         counted(contents.accounts, "account", "accounts") + ", " +
         counted(contents.redirects, "redirect", "redirects") + " (" + size + ", taken " +
         contents.created_at + ", schema " + contents.schema_version + ")";
}

}  // namespace

int backup(const BackupOptions& options) {
  try {
    auto contents = site_backup_of(options.db)->back_up(options.file);
    std::printf("backed up %s to %s\n", describe(contents).c_str(), options.file.c_str());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "gazette backup: %s\n", error.what());
    return 1;
  }
}

int restore(const BackupOptions& options) {
  try {
    auto contents = site_backup_of(options.db)->restore(options.file);
    std::printf("restored %s into %s\n", describe(contents).c_str(),
                store::postgres::without_password(options.db).c_str());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "gazette restore: %s\n", error.what());
    return 1;
  }
}

}  // namespace gazette::app

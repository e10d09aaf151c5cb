// Sealing and checking backup files (see backup_file.h).
#include "store/sqlite/backup_file.h"

#include <sodium.h>

#include <array>
#include <chrono>
#include <cstring>
#include <ctime>
#include <set>
#include <string>
#include <vector>

#include "embedded/embedded_files.h"
#include "store/sqlite/database.h"
#include "store/sqlite/database_file.h"

namespace gazette::store::sqlite {

namespace {

constexpr std::string_view kFormat = "gazette-backup";
constexpr std::string_view kFormatVersion = "1";
constexpr std::string_view kDigestPrefix = "blake2b-256:";
constexpr std::size_t kDigestBytes = 32;

// "name" for SQL, whatever the name holds.
std::string sql_name(std::string_view name) {
  std::string text = "\"";
  for (char c : name) {
    if (c == '"') text += '"';
    text += c;
  }
  return text + "\"";
}

class Digest {
 public:
  Digest() { crypto_generichash_init(&state_, nullptr, 0, kDigestBytes); }
  void add(const void* bytes, std::size_t size) {
    crypto_generichash_update(&state_, static_cast<const unsigned char*>(bytes), size);
  }
  void add_byte(unsigned char byte) { add(&byte, 1); }
  void add_number(std::uint64_t number) {
    std::array<unsigned char, 8> little_endian{};
    for (auto& byte : little_endian) {
      byte = static_cast<unsigned char>(number & 0xff);
      number >>= 8;
    }
    add(little_endian.data(), little_endian.size());
  }
  // Length first: no two sequences of values hash the same bytes.
  void add_bytes(const void* bytes, std::size_t size) {
    add_number(size);
    add(bytes, size);
  }
  std::string hex() {
    std::array<unsigned char, kDigestBytes> digest{};
    crypto_generichash_final(&state_, digest.data(), digest.size());
    std::array<char, kDigestBytes * 2 + 1> text{};
    sodium_bin2hex(text.data(), text.size(), digest.data(), digest.size());
    return std::string(kDigestPrefix) + text.data();
  }

 private:
  crypto_generichash_state state_;
};

// Every value of every table but the manifest, in a stable order: tables by name, rows by
// rowid (WITHOUT ROWID tables by their key). Virtual tables are read through their shadow
// tables, which are ordinary ones.
std::string content_digest(DatabaseFile& file) {
  std::vector<std::string> tables;
  {
    FileStatement statement(
        file,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> ?1"
        " AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name");
    sqlite3_bind_text(statement.get(), 1, kBackupManifestTable.data(),
                      static_cast<int>(kBackupManifestTable.size()), SQLITE_STATIC);
    while (statement.step())
      tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), 0)));
  }
  Digest digest;
  for (const auto& table : tables) {
    digest.add_bytes(table.data(), table.size());
    auto select = "SELECT * FROM " + sql_name(table);
    auto ordered = select + " ORDER BY rowid";
    sqlite3_stmt* probe = nullptr;
    bool has_rowid =
        sqlite3_prepare_v2(file.handle(), ordered.c_str(), -1, &probe, nullptr) == SQLITE_OK;
    sqlite3_finalize(probe);
    FileStatement rows(file, has_rowid ? ordered : select);
    int columns = sqlite3_column_count(rows.get());
    while (rows.step()) {
      digest.add_byte('r');
      for (int column = 0; column < columns; ++column) {
        int type = sqlite3_column_type(rows.get(), column);
        digest.add_byte(static_cast<unsigned char>(type));
        if (type == SQLITE_INTEGER) {
          digest.add_number(static_cast<std::uint64_t>(sqlite3_column_int64(rows.get(), column)));
        } else if (type == SQLITE_FLOAT) {
          double value = sqlite3_column_double(rows.get(), column);
          std::uint64_t bits = 0;
          std::memcpy(&bits, &value, sizeof bits);
          digest.add_number(bits);
        } else if (type != SQLITE_NULL) {
          const void* bytes = sqlite3_column_blob(rows.get(), column);
          digest.add_bytes(bytes,
                           static_cast<std::size_t>(sqlite3_column_bytes(rows.get(), column)));
        }
      }
    }
  }
  return digest.hex();
}

std::string utc_now_iso8601() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::int64_t rows_in(DatabaseFile& file, std::string_view table) {
  if (!file.has_table(table)) return 0;
  return file.number_of("SELECT count(*) FROM " + sql_name(table));
}

[[noreturn]] void refuse(const std::filesystem::path& file, const std::string& why) {
  throw BackupFileError(file.string() + ": " + why);
}

}  // namespace

void seal_backup_file(const std::filesystem::path& file, std::string_view source) {
  DatabaseFile backup(file, DatabaseFile::Mode::read_write);
  auto digest = content_digest(backup);
  backup.execute("BEGIN IMMEDIATE");
  backup.execute("CREATE TABLE " + sql_name(kBackupManifestTable) +
                 " (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID");
  FileStatement insert(
      backup, "INSERT INTO " + sql_name(kBackupManifestTable) + " (key, value) VALUES (?1, ?2)");
  auto put = [&](std::string_view key, std::string_view value) {
    sqlite3_bind_text(insert.get(), 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert.get(), 2, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
    insert.step();
    sqlite3_reset(insert.get());
  };
  put("format", kFormat);
  put("format_version", kFormatVersion);
  put("created_at", utc_now_iso8601());
  put("source", source);
  put("content_digest", digest);
  backup.execute("COMMIT");
  // One file, whatever mode the copy was made in: nothing beside it to lose or leave behind.
  backup.execute("PRAGMA journal_mode=DELETE");
}

BackupContents check_backup_file(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) refuse(file, "no such file");
  BackupContents contents;
  contents.file_bytes = std::filesystem::file_size(file, error);
  try {
    DatabaseFile backup(file, DatabaseFile::Mode::read_only);
    // Truncation and damaged pages first. The header says how many pages the file has: a file
    // cut short of them lost some, even when what was cut looks like free space to SQLite. Then
    // SQLite reads every page and index.
    std::string integrity;
    try {
      // (A WAL database keeps pages beside the file: not one of ours, the manifest will say.)
      bool one_file = backup.text_of("PRAGMA journal_mode") != "wal";
      auto expected_bytes =
          backup.number_of("PRAGMA page_count") * backup.number_of("PRAGMA page_size");
      if (one_file && static_cast<std::uintmax_t>(expected_bytes) > contents.file_bytes)
        refuse(file, "truncated, cannot be restored (" + std::to_string(contents.file_bytes) +
                         " bytes of " + std::to_string(expected_bytes) + ")");
      integrity = backup.text_of("PRAGMA integrity_check(1)").value_or("");
    } catch (const DatabaseError& damaged) {
      if (sqlite3_errcode(backup.handle()) == SQLITE_NOTADB)
        refuse(file, "not a Gazette backup (not a SQLite database)");
      refuse(file,
             std::string("truncated or damaged, cannot be restored (") + damaged.what() + ")");
    }
    if (integrity != "ok")
      refuse(file, "truncated or damaged, cannot be restored (" + integrity + ")");

    auto manifest = [&](std::string_view key) {
      return backup.text_of(
          "SELECT value FROM " + sql_name(kBackupManifestTable) + " WHERE key = ?1", key);
    };
    if (!backup.has_table(kBackupManifestTable) || manifest("format") != kFormat)
      refuse(file, "not a Gazette backup (no " + std::string(kBackupManifestTable) + " manifest)");
    auto version = manifest("format_version").value_or("");
    if (version != kFormatVersion)
      refuse(file, "backup format version " + version + " is unknown to this Gazette (it reads " +
                       std::string(kFormatVersion) + "); restore it with a newer Gazette");
    if (content_digest(backup) != manifest("content_digest"))
      refuse(file, "damaged, cannot be restored (its content does not match its digest)");

    // A migration this binary does not have: a newer Gazette made it, and an older one would
    // serve it with the wrong schema.
    std::set<std::string, std::less<>> known;
    for (const auto& migration : embedded::sqlite_migrations()) known.emplace(migration.path);
    if (!backup.has_table("schema_migrations")) refuse(file, "not a Gazette backup (no schema)");
    FileStatement applied(backup, "SELECT version FROM schema_migrations ORDER BY version");
    while (applied.step()) {
      std::string name(reinterpret_cast<const char*>(sqlite3_column_text(applied.get(), 0)));
      if (!known.contains(name))
        refuse(file, "made by a newer Gazette (its schema has " + name +
                         ", unknown here); restore it with that version or a newer one");
      contents.schema_version = name.substr(0, name.rfind(".sql"));
    }

    contents.created_at = manifest("created_at").value_or("");
    contents.articles = rows_in(backup, "articles");
    contents.revisions = rows_in(backup, "article_revisions");
    contents.media = rows_in(backup, "media");
    contents.comments = rows_in(backup, "comments");
    contents.accounts = rows_in(backup, "users");
    contents.redirects = rows_in(backup, "redirects");
  } catch (const DatabaseError& unreadable) {
    refuse(file, std::string("cannot be read as a backup (") + unreadable.what() + ")");
  }
  return contents;
}

}  // namespace gazette::store::sqlite

// The gazette subcommands, each a function from its options to an exit status.
#pragma once

#include "app/observed_responder.h"

#include <cstddef>
#include <optional>
#include <string>

namespace gazette::app {

struct ServeOptions {
  std::string db;
  std::string listen;
  std::optional<std::string> theme_dir;
  unsigned threads = 0;  // 0: one per core
  // Client connections held open at most; 0: as many as the open-file limit leaves room for.
  std::size_t max_connections = 0;
  OperationsOptions operations;  // /metrics access, the access log
  // Live coverage's event streams (http/event_streams.h); 0: the default.
  std::size_t streams_per_address = 0;
  std::size_t max_streams = 0;
  std::size_t stream_buffer_bytes = 0;
  unsigned stream_heartbeat_seconds = 0;
  unsigned stream_idle_seconds = 0;
};

struct PublishOptions {
  std::string db;
  std::string file;
};

struct DemoOptions {
  std::string db;
  int articles = 0;  // > 0: a generated site of this many articles instead of the demo articles
};

struct UserOptions {
  enum class Action { add, passwd };
  std::string db;
  Action action = Action::add;
  std::string email;
  std::string name;
  std::string role;
};

struct ImportWxrOptions {
  std::string db;
  std::string file;
  std::optional<std::string> media_dir;
};

struct ExportWxrOptions {
  std::string db;
};

struct BackupOptions {
  std::string db;
  std::string file;  // the backup file written, or read by a restore
};

struct CopyOptions {
  std::string from;  // a SQLite file or a postgresql:// address, as --db takes
  std::string to;
  bool replace = false;  // empty a target that holds a site (in the copy's transaction)
};

/// Serves the site until SIGINT/SIGTERM; prints "gazette: listening on http://HOST:PORT".
int serve(const ServeOptions& options);
/// Publishes one Markdown article file; prints its URL path as the last line.
int publish(const PublishOptions& options);
/// Fills the database with demo content, and creates the demo admin account once.
int demo(const DemoOptions& options);
/// Adds a newsroom account or changes its password.
int user(const UserOptions& options);
/// Imports a WordPress export (WXR) in one transaction; prints a summary.
int import_wxr(const ImportWxrOptions& options);
/// Writes the whole site as WXR 1.2 to standard output.
int export_wxr(const ExportWxrOptions& options);
/// Writes a consistent snapshot of the whole site to a backup file, while servers keep going.
int backup(const BackupOptions& options);
/// Fills an empty database with the site in a backup file; refuses a database holding a site.
int restore(const BackupOptions& options);
/// Copies the whole site from one database to another (either backend), in one transaction of
/// the target; prints the rows per table and verifies them by counting in the target.
int copy(const CopyOptions& options);

}  // namespace gazette::app

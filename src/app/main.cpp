// gazette: the command line. Flags fall back to GAZETTE_* environment variables, then to the
// configuration file (--config, app/config_file.h), then to the defaults a laptop install wants
// (data/gazette.db, 127.0.0.1:8080).
#include <sodium.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdio>

#include "app/commands.h"
#include "app/comments_command.h"
#include "app/newsletter_command.h"
#include "app/config_file.h"
#include "app/database_location.h"
#include "app/live_command.h"
#include "app/storage.h"

namespace {
// The exit status of a command line that names something Gazette cannot use (shells' convention).
constexpr int kUsageError = 2;
}  // namespace

int main(int argc, char** argv) {
  using namespace gazette::app;
  CLI::App cli{"Gazette: a news site in one binary"};
  cli.require_subcommand(1);
  // --config and --log-level may come after the command too (`gazette serve --config FILE`).
  cli.fallthrough();
  std::string config_path;
  cli.add_option(kConfigOption, config_path,
                 "A configuration file of `key: value` lines (e.g. /etc/gazette/gazette.conf)")
      ->envname(kConfigEnvironment);
  std::string log_level = "info";
  cli.add_option("--log-level", log_level, "Log messages at least this severe")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
      ->envname("GAZETTE_LOG_LEVEL");
  // Logs go to stderr, so stdout carries only results (the address, an article's path).
  spdlog::set_default_logger(spdlog::stderr_color_mt("gazette"));

  std::string db = "data/gazette.db";
  auto add_db = [&db](CLI::App* command) {
    command
        ->add_option("--db", db,
                     "A SQLite database file, or a PostgreSQL database's postgresql:// address")
        ->envname("GAZETTE_DB");
  };

  ServeOptions serve_options{.db = "", .listen = "127.0.0.1:8080", .theme_dir = std::nullopt};
  auto* serve_command = cli.add_subcommand("serve", "Serve the site");
  add_db(serve_command);
  serve_command->add_option("--listen", serve_options.listen, "HOST:PORT (port 0 picks one)")
      ->envname("GAZETTE_LISTEN");
  serve_command
      ->add_option("--theme", serve_options.theme_dir,
                   "A theme folder overriding the built-in theme file by file")
      ->envname("GAZETTE_THEME");
  serve_command
      ->add_option("--threads", serve_options.threads,
                   "Threads serving requests (default: one per CPU the process may use)")
      ->check(CLI::Range(1u, 256u))
      ->envname("GAZETTE_THREADS");
  serve_command
      ->add_option("--max-connections", serve_options.max_connections,
                   "Client connections held open at most (default: as many as the open-file "
                   "limit leaves room for)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}))
      ->envname("GAZETTE_MAX_CONNECTIONS");
  serve_command
      ->add_option("--streams-per-address", serve_options.streams_per_address,
                   "Live event streams one client address may hold open (default: 16)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}))
      ->envname("GAZETTE_STREAMS_PER_ADDRESS");
  serve_command
      ->add_option("--max-streams", serve_options.max_streams,
                   "Live event streams held open in all (default: 10000, within the open-file "
                   "limit)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}))
      ->envname("GAZETTE_MAX_STREAMS");
  serve_command
      ->add_option("--stream-buffer", serve_options.stream_buffer_bytes,
                   "Bytes a live stream may have unsent before its slow reader is dropped "
                   "(default: 262144)")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1'000'000'000}))
      ->envname("GAZETTE_STREAM_BUFFER");
  serve_command
      ->add_option("--stream-heartbeat", serve_options.stream_heartbeat_seconds,
                   "Seconds between the comment lines that keep a quiet stream open (default: 25)")
      ->check(CLI::Range(1u, 3600u))
      ->envname("GAZETTE_STREAM_HEARTBEAT");
  serve_command
      ->add_option("--stream-idle-timeout", serve_options.stream_idle_seconds,
                   "Seconds without an event after which a stream is closed (default: 1800)")
      ->check(CLI::Range(1u, 86400u))
      ->envname("GAZETTE_STREAM_IDLE_TIMEOUT");
  serve_command
      ->add_option("--metrics-token", serve_options.operations.metrics_token,
                   "Serve /metrics to any client sending `Authorization: Bearer TOKEN` (without "
                   "it: to loopback clients only)")
      ->envname("GAZETTE_METRICS_TOKEN");
  serve_command
      ->add_flag("--access-log{true}", serve_options.operations.access_log,
                 "Write one line per request to standard error (default: off; a reverse proxy "
                 "in front usually keeps one)")
      ->envname("GAZETTE_ACCESS_LOG");

  PublishOptions publish_options;
  auto* publish_command = cli.add_subcommand("publish", "Publish a Markdown article file");
  publish_command->add_option("file", publish_options.file, "FILE.md with a YAML front matter")
      ->required();
  add_db(publish_command);

  DemoOptions demo_options;
  auto* demo_command = cli.add_subcommand("demo", "Fill the database with demo content");
  add_db(demo_command);
  demo_command
      ->add_option("--articles", demo_options.articles,
                   "Generate a synthetic site of N articles (for benchmarks) instead")
      ->check(CLI::Range(1, 10'000'000));

  CommentsCommand comments_command(cli, add_db);
  LiveCommand live_command(cli, add_db);
  NewsletterCommand newsletter_command(cli, add_db);

  UserOptions user_options;
  auto* user_command = cli.add_subcommand("user", "Manage newsroom accounts");
  user_command->require_subcommand(1);
  auto* user_add = user_command->add_subcommand(
      "add", "Add an account (password from standard input, or generated and printed once)");
  user_add->add_option("email", user_options.email, "The account's e-mail")->required();
  user_add->add_option("--name", user_options.name, "The name it signs with")->required();
  user_add->add_option("--role", user_options.role, "contributor, author, editor or admin")
      ->required();
  add_db(user_add);
  auto* user_passwd = user_command->add_subcommand(
      "passwd", "Set an account's password (from standard input, or generated and printed)");
  user_passwd->add_option("email", user_options.email, "The account's e-mail")->required();
  add_db(user_passwd);

  ImportWxrOptions import_wxr_options;
  auto* import_wxr_command = cli.add_subcommand("import-wxr", "Import a WordPress export (WXR)");
  import_wxr_command->add_option("file", import_wxr_options.file, "FILE.xml exported by WordPress")
      ->required();
  import_wxr_command->add_option("--media-dir", import_wxr_options.media_dir,
                                 "A copy of wp-content/uploads to take the images from");
  add_db(import_wxr_command);

  auto* export_wxr_command =
      cli.add_subcommand("export-wxr", "Write the site as WordPress WXR 1.2 to standard output");
  add_db(export_wxr_command);

  BackupOptions backup_options;
  auto* backup_command = cli.add_subcommand(
      "backup", "Write the whole site to FILE, consistent as of one moment, while it is served");
  backup_command->add_option("file", backup_options.file, "The backup file to write")->required();
  add_db(backup_command);
  auto* restore_command =
      cli.add_subcommand("restore", "Fill an empty database with the site in a backup FILE");
  restore_command->add_option("file", backup_options.file, "A file written by gazette backup")
      ->required();
  add_db(restore_command);

  CopyOptions copy_options;
  auto* copy_command = cli.add_subcommand(
      "copy", "Copy the whole site from one database to another (SQLite or PostgreSQL)");
  copy_command
      ->add_option("--from", copy_options.from, "The site's database: FILE or postgresql://…")
      ->required();
  copy_command->add_option("--to", copy_options.to, "The database to fill: FILE or postgresql://…")
      ->required();
  copy_command->add_flag("--replace", copy_options.replace,
                         "Empty a target that holds a site first (in the same transaction)");

  // The file's settings become the options' defaults before the parse: a flag or the
  // environment still wins over them.
  if (auto config = config_file_named(argc, argv)) {
    auto read = read_config_file(*config);
    auto* problem = std::get_if<ConfigFileError>(&read);
    std::optional<ConfigFileError> refused;
    if (!problem)
      refused = apply_config_file(cli, std::get<std::vector<ConfigSetting>>(read), *config);
    if (problem || refused) {
      std::fprintf(stderr, "gazette: %s\n", (problem ? *problem : *refused).message.c_str());
      return kUsageError;
    }
  }
  CLI11_PARSE(cli, argc, argv);
  spdlog::set_level(spdlog::level::from_str(log_level));
  // Two databases of its own, named by --from and --to.
  if (*copy_command) return sodium_init() < 0 ? 1 : copy(copy_options);
  // Every command opens its database from `db`: an address no backend understands is refused
  // here, before any of them creates a file or a folder.
  auto location = parse_database_location(db);
  if (auto* unknown = std::get_if<UnknownDatabaseScheme>(&location)) {
    std::fprintf(stderr, "gazette: %s\n", unknown->message().c_str());
    return kUsageError;
  }
  if (sodium_init() < 0) {
    spdlog::error("libsodium failed to initialise");
    return 1;
  }
  try {
    if (*serve_command) {
      serve_options.db = db;
      return serve(serve_options);
    }
    if (*publish_command) {
      publish_options.db = db;
      return publish(publish_options);
    }
    if (*import_wxr_command) {
      import_wxr_options.db = db;
      return import_wxr(import_wxr_options);
    }
    if (*export_wxr_command) return export_wxr(ExportWxrOptions{.db = db});
    if (*backup_command || *restore_command) {
      backup_options.db = db;
      return *backup_command ? backup(backup_options) : restore(backup_options);
    }
    if (comments_command.chosen()) return comments_command.run(db);
    if (live_command.chosen()) return live_command.run(db);
    if (newsletter_command.chosen()) return newsletter_command.run(db);
    if (*user_command) {
      user_options.db = db;
      user_options.action = *user_add ? UserOptions::Action::add : UserOptions::Action::passwd;
      return user(user_options);
    }
    demo_options.db = db;
    return demo(demo_options);
  } catch (const DatabaseOpenError& error) {
    // One line naming what failed (the address, the credentials, the server), and no more.
    std::fprintf(stderr, "gazette: %s\n", error.what());
    return 1;
  } catch (const std::exception& error) {
    spdlog::error("{}", error.what());
    return 1;
  }
}

// `gazette copy --from SOURCE --to TARGET`: the whole site from one database to another, SQLite
// or PostgreSQL either way (store/copy/site_copy.h), in one transaction of the target; then the
// rows counted again in the target, and the search index and related lists built there.
#include <chrono>
#include <cstdio>
#include <memory>
#include <variant>

#include "app/backend.h"
#include "app/commands.h"
#include "app/database_location.h"
#include "store/copy/site_copy.h"
#include "store/postgres/postgres_copy_side.h"
#include "store/sqlite/sqlite_copy_side.h"

namespace gazette::app {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// What `--from`/`--to` names, or a one-line error for an address no backend understands.
DatabaseLocation location_of(const std::string& text, const char* flag) {
  auto location = parse_database_location(text);
  if (auto* unknown = std::get_if<UnknownDatabaseScheme>(&location))
    throw std::runtime_error(std::string(flag) + ": " + unknown->message());
  return location;
}

std::unique_ptr<store::copy::CopySource> open_source(const DatabaseLocation& location) {
  if (auto* postgres = std::get_if<PostgresAddress>(&location))
    return std::make_unique<store::postgres::PostgresCopySource>(postgres->uri);
  return std::make_unique<store::sqlite::SqliteCopySource>(std::get<SqliteFile>(location).path);
}

std::unique_ptr<store::copy::CopyTarget> open_target(const DatabaseLocation& location) {
  if (auto* postgres = std::get_if<PostgresAddress>(&location))
    return std::make_unique<store::postgres::PostgresCopyTarget>(postgres->uri);
  return std::make_unique<store::sqlite::SqliteCopyTarget>(std::get<SqliteFile>(location).path);
}

// The search index and related lists of the copied site, computed on the target as `gazette
// serve` would at start, so the copy ends with a site that serves its search and its article
// pages as the source did.
void rebuild_derived(const DatabaseLocation& target) {
  auto* sqlite = std::get_if<SqliteFile>(&target);
  if (!sqlite) {
    std::printf(
        "search index and related lists: built by the target's catch-up when gazette serve "
        "starts on it\n");
    return;
  }
  auto start = std::chrono::steady_clock::now();
  Backend backend(sqlite->path, FollowWrites::none);
  auto summary = backend.discovery_updater.catch_up();
  std::printf(
      "rebuilt on the target: %zu articles indexed for search, %zu related lists (%.1f s)\n",
      summary.indexed, summary.related, seconds_since(start));
}

}  // namespace

int copy(const CopyOptions& options) {
  try {
    auto from = location_of(options.from, "--from");
    auto to = location_of(options.to, "--to");
    if (options.from == options.to)
      throw std::runtime_error("--from and --to name the same database");
    auto start = std::chrono::steady_clock::now();
    store::copy::CopyReport report;
    {
      auto source = open_source(from);
      auto target = open_target(to);
      report = store::copy::copy_site(*source, *target, {.replace = options.replace});
      std::printf("copied the site from %s to %s in one transaction%s (%.1f s):\n",
                  source->name().c_str(), target->name().c_str(),
                  options.replace ? ", replacing what it held" : "", seconds_since(start));
      for (const auto& table : report.tables) {
        if (!table.on_target)
          std::printf("  %-24s none (the target's schema has no such table)\n", table.name.c_str());
        else if (!table.on_source)
          std::printf("  %-24s none (the source's schema has no such table)\n", table.name.c_str());
        else
          std::printf("  %-24s %lld\n", table.name.c_str(), static_cast<long long>(table.rows));
      }

      auto mismatches = store::copy::verify_counts(*target, report);
      for (const auto& mismatch : mismatches)
        std::fprintf(
            stderr,
            "gazette copy: verification failed: %s holds %lld rows of %s, %lld were copied\n",
            target->name().c_str(), static_cast<long long>(mismatch.found), mismatch.table.c_str(),
            static_cast<long long>(mismatch.copied));
      if (!mismatches.empty()) return 1;
      std::printf(
          "verified: counted again in the target, its %zu tables hold the %lld rows copied\n",
          report.tables_written(), static_cast<long long>(report.rows()));
    }
    rebuild_derived(to);
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "gazette copy: %s\n", error.what());
    return 1;
  }
}

}  // namespace gazette::app

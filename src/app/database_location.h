// What `--db` (or GAZETTE_DB) names: a SQLite file, or a PostgreSQL database by its libpq URI
// (`postgresql://…` or `postgres://…`). Any other `scheme://…` is refused before anything is
// opened or created, so `--db mysql://…` never becomes a folder named "mysql:".
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <variant>

namespace gazette::app {

/// The URL schemes a backend understands, for `--db scheme://…` (libpq's two).
inline constexpr std::array<std::string_view, 2> kDatabaseSchemes{"postgresql", "postgres"};

/// A SQLite database file, created with its folder when missing.
struct SqliteFile {
  std::string path;
};

/// A PostgreSQL database: the URI as given, for libpq (which reports what is wrong in it).
struct PostgresAddress {
  std::string uri;
};

/// `--db scheme://…` with a scheme no backend understands.
struct UnknownDatabaseScheme {
  std::string scheme;
  /// One line for the terminal, naming the schemes that are understood.
  std::string message() const;
};

using DatabaseLocation = std::variant<SqliteFile, PostgresAddress, UnknownDatabaseScheme>;

/// What `text` names: a SQLite file, unless it starts with `scheme://` (RFC 3986 scheme: a
/// letter, then letters, digits, '+', '-' or '.'; compared without regard to case).
DatabaseLocation parse_database_location(std::string_view text);

}  // namespace gazette::app

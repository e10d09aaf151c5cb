// What `--db` (or GAZETTE_DB) names: a SQLite file today. A value of the form `scheme://…` is an
// address for another backend; one that no backend understands is refused before anything is
// opened or created, so `--db postgresql://…` never becomes a folder named "postgresql:".
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <variant>

namespace gazette::app {

/// The URL schemes a backend understands, for `--db scheme://…`. None yet: the PostgreSQL
/// backend adds "postgresql" (and "postgres").
inline constexpr std::array<std::string_view, 0> kDatabaseSchemes{};

/// A SQLite database file, created with its folder when missing.
struct SqliteFile {
  std::string path;
};

/// `--db scheme://…` with a scheme no backend understands.
struct UnknownDatabaseScheme {
  std::string scheme;
  /// One line for the terminal, naming the schemes that are understood.
  std::string message() const;
};

/// What `text` names: a SQLite file, unless it starts with `scheme://` (RFC 3986 scheme: a
/// letter, then letters, digits, '+', '-' or '.').
std::variant<SqliteFile, UnknownDatabaseScheme> parse_database_location(std::string_view text);

}  // namespace gazette::app

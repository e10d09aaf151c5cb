// Reading `--db` (see database_location.h).
#include "app/database_location.h"

#include <algorithm>
#include <cctype>

namespace gazette::app {

namespace {

bool is_scheme_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '-' || c == '.';
}

}  // namespace

std::string UnknownDatabaseScheme::message() const {
  std::string understood;
  for (auto each : kDatabaseSchemes) {
    if (!understood.empty()) understood += ", ";
    understood.append(each).append("://");
  }
  return "--db: no database backend understands " + scheme +
         ":// (understood: " + (understood.empty() ? "none" : understood) +
         "; a path names a SQLite file)";
}

DatabaseLocation parse_database_location(std::string_view text) {
  auto separator = text.find("://");
  if (separator == std::string_view::npos || separator == 0) return SqliteFile{std::string(text)};
  auto scheme = text.substr(0, separator);
  bool letter_first = (scheme.front() >= 'a' && scheme.front() <= 'z') ||
                      (scheme.front() >= 'A' && scheme.front() <= 'Z');
  // "data/x://y.db" has a slash before "://": a path, however odd, as SQLite reads it.
  if (!letter_first || !std::all_of(scheme.begin(), scheme.end(), is_scheme_character))
    return SqliteFile{std::string(text)};
  std::string lower(scheme);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (std::find(kDatabaseSchemes.begin(), kDatabaseSchemes.end(), lower) != kDatabaseSchemes.end())
    return PostgresAddress{std::string(text)};
  return UnknownDatabaseScheme{std::string(scheme)};
}

}  // namespace gazette::app

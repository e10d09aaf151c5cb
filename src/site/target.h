// Reading a request target: its path segments and the one query parameter reader pages use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/slug.h"

namespace gazette::site {

/// A request target split into path and query ("/a/b/?page=2" → "/a/b/", "page=2").
struct Target {
  std::string_view path;
  std::string_view query;
  std::vector<std::string_view> segments;  // "/a/b/" → {"a", "b"}
  bool trailing_slash = false;
};

Target parse_target(std::string_view target);

/// Whether `text` can be a slug we made (render/slug.h, the one rule): anything else (dots,
/// percent escapes, capitals) cannot name content, so it never reaches the store.
using render::is_slug;

/// The listing page asked for by "page=N": 1 when absent, nullopt when not a number in range.
std::optional<long> page_number(std::string_view query);

/// The value of parameter `name` in `query`, percent-decoded ('+' is a space); "" when absent.
/// The bytes are as sent: they may be anything, invalid UTF-8 and NUL included.
std::string query_parameter(std::string_view query, std::string_view name);

}  // namespace gazette::site

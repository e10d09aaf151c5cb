// Dependencies as text, for the change log shared by the processes of one database
// (cache/change_feed.cpp): "article:12 list:tag:syrie term:author:sara …". Written and read
// here only, so the two sides cannot drift apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/cache_dependencies.h"

namespace gazette::content {

/// "article:12", "term:tag:syrie", "list:home", "sections"…
std::string to_text(const Dependency& dependency);
/// The dependency `text` names, or nullopt when it names none.
std::optional<Dependency> parse_dependency(std::string_view text);

/// `dependencies` as words separated by spaces.
std::string format_dependencies(const std::vector<Dependency>& dependencies);
/// The dependencies of format_dependencies()'s text; nullopt when a word names none (written
/// by another version: the reader should then assume that anything may have changed).
std::optional<std::vector<Dependency>> parse_dependencies(std::string_view text);

}  // namespace gazette::content

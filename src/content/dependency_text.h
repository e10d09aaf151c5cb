// Dependencies as text: "article:12 list:tag:syrie term:author:sara …", as people and tests name
// them. (The change log between processes carries events since migration 0010, not this text:
// content/event_codec.h.)
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

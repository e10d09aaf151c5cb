// What each domain event invalidates: the dependencies pages declare, derived from what a
// write changed (see content/events.h and the pages in src/site/).
#pragma once

#include <optional>
#include <vector>

#include "content/cache_dependencies.h"
#include "content/events.h"

namespace gazette::cache {

/// The dependencies `event` invalidates; nullopt when every page must go (settings).
std::optional<std::vector<content::Dependency>> invalidated_by(const content::Event& event);

}  // namespace gazette::cache

// What each domain event invalidates: the dependency names pages declare, derived from what
// a write changed (see content/events.h and the pages in src/site/).
#pragma once

#include <string>
#include <vector>

#include "content/events.h"

namespace gazette::cache {

/// The dependencies `event` invalidates; nullopt when every page must go (settings).
std::optional<std::vector<std::string>> invalidated_by(const content::Event& event);

}  // namespace gazette::cache

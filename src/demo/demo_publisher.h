// The demo newsroom's « À propos »: who publishes it and its five policies, so a fresh
// `make run` shows the footer links, the /about/ pages and the NewsMediaOrganization JSON-LD.
#pragma once

#include "publishing/settings_service.h"

namespace gazette::demo {

/// Writes the demo publisher and policies, unless a policy was already written (an admin's
/// text is never replaced). True when it wrote them.
bool fill_demo_publisher(publishing::SettingsService& settings);

}  // namespace gazette::demo

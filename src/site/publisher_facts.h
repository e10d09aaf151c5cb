// The publisher as structured data (discovery::OrganizationFacts), from the site's settings:
// the article pages' `publisher`, and the home page's and /about/'s own JSON-LD.
#pragma once

#include "discovery/structured_data.h"
#include "site/pages.h"

namespace gazette::site {

discovery::OrganizationFacts publisher_facts(const PageContext& context);

/// The name readers see for who publishes: the publisher's, else the site's title.
const std::string& publisher_name(const content::SiteSettings& settings);

}  // namespace gazette::site

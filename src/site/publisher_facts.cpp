// The publisher's structured data (see publisher_facts.h).
#include "site/publisher_facts.h"

#include "site/paths.h"

namespace gazette::site {

const std::string& publisher_name(const content::SiteSettings& settings) {
  return settings.publisher.name.empty() ? settings.title : settings.publisher.name;
}

discovery::OrganizationFacts publisher_facts(const PageContext& context) {
  const auto& settings = context.settings;
  const auto& base = context.base_url;
  discovery::OrganizationFacts facts;
  facts.name = publisher_name(settings);
  facts.url = base + "/";
  if (!settings.logo.empty()) facts.logo_url = base + media_path(settings.logo);
  facts.address = settings.publisher.address;
  facts.email = settings.publisher.email;
  facts.telephone = settings.publisher.phone;
  for (auto policy : content::kPolicies) {
    if (!settings.publisher.policy(policy).empty())
      facts.policies.emplace_back(content::policy_property(policy), base + policy_path(policy));
  }
  return facts;
}

}  // namespace gazette::site

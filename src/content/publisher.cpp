// Names of the publisher's policies (see publisher.h).
#include "content/publisher.h"

#include <algorithm>

namespace gazette::content {

std::string_view policy_slug(Policy policy) {
  switch (policy) {
    case Policy::ethics:
      return "ethics";
    case Policy::corrections:
      return "corrections-policy";
    case Policy::ownership:
      return "ownership";
    case Policy::feedback:
      return "contact";
    case Policy::masthead:
      return "masthead";
  }
  return "ethics";
}

std::optional<Policy> parse_policy_slug(std::string_view slug) {
  for (auto policy : kPolicies) {
    if (policy_slug(policy) == slug) return policy;
  }
  return std::nullopt;
}

std::string policy_identifier(Policy policy) {
  std::string identifier(policy_slug(policy));
  std::replace(identifier.begin(), identifier.end(), '-', '_');
  return identifier;
}

std::string_view policy_property(Policy policy) {
  switch (policy) {
    case Policy::ethics:
      return "ethicsPolicy";
    case Policy::corrections:
      return "correctionsPolicy";
    case Policy::ownership:
      return "ownershipFundingInfo";
    case Policy::feedback:
      return "actionableFeedbackPolicy";
    case Policy::masthead:
      return "masthead";
  }
  return "ethicsPolicy";
}

}  // namespace gazette::content

// Who publishes the site (issue 15, part 4): the publisher's name, address and contact, and
// the policy pages a reader checks before trusting a newsroom — ethics, corrections,
// ownership and funding, how to reach the newsroom, who works there. Readers find them under
// /about/ and in every page's footer; machines in the NewsMediaOrganization JSON-LD.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::content {

enum class Policy { ethics, corrections, ownership, feedback, masthead };

/// Every policy, in the order the footer and /about/ list them.
inline constexpr std::array<Policy, 5> kPolicies = {
    Policy::ethics, Policy::corrections, Policy::ownership, Policy::feedback, Policy::masthead};

/// The policy's URL segment (/about/{slug}/) and its settings key ("policy_" + slug).
std::string_view policy_slug(Policy policy);
std::optional<Policy> parse_policy_slug(std::string_view slug);

/// The policy's name in templates, forms and string catalogs: its slug in snake case
/// ("corrections_policy"), a Mustache key and a form field name as it is.
std::string policy_identifier(Policy policy);

/// The schema.org property of NewsMediaOrganization that names the policy's page.
std::string_view policy_property(Policy policy);

/// A policy's text (Markdown) longer than this is refused: a charter, not a book.
constexpr std::size_t kMaxPolicyBytes = 50'000;

struct Publisher {
  std::string name;  // the legal name, when it is not the site's title; empty: the title
  std::string address;
  std::string email;
  std::string phone;
  /// Each policy's text in Markdown, by kPolicies order; an empty one has no page.
  std::array<std::string, kPolicies.size()> policies;

  std::string& policy(Policy policy) { return policies[static_cast<std::size_t>(policy)]; }
  const std::string& policy(Policy policy) const {
    return policies[static_cast<std::size_t>(policy)];
  }
};

}  // namespace gazette::content

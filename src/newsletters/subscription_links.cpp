// SubscriptionLinks: HMAC-signed confirmation and manage links (see subscription_links.h).
#include "newsletters/subscription_links.h"

#include <charconv>

namespace gazette::newsletters {

namespace {

constexpr std::string_view kConfirmPurpose = "newsletter-confirm";
constexpr std::string_view kManagePurpose = "newsletter-manage";
// 128 bits of MAC: out of reach of guessing, and a link short enough to survive mail clients.
constexpr std::size_t kMacBytes = 16;

std::optional<std::int64_t> parse_number(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value <= 0)
    return std::nullopt;
  return value;
}

// Addresses hold only [a-z0-9._+-@] (email_address.h): '+' and '@' are the ones a query
// string must escape.
std::string query_escaped(std::string_view email) {
  std::string out;
  for (char c : email) {
    if (c == '+')
      out += "%2B";
    else if (c == '@')
      out += "%40";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string SubscriptionLinks::confirm_path(store::SubscriptionId id,
                                            content::Timestamp now) const {
  auto expires = (now + kConfirmationDays).time_since_epoch().count();
  auto message = std::to_string(id.value) + "." + std::to_string(expires);
  return std::string(kConfirmPath) + "?s=" + std::to_string(id.value) +
         "&e=" + std::to_string(expires) + "&m=" + key_.sign(kConfirmPurpose, message, kMacBytes);
}

SubscriptionLinks::Confirmation SubscriptionLinks::check_confirmation(
    std::string_view id, std::string_view expires, std::string_view mac,
    content::Timestamp now) const {
  auto number = parse_number(id);
  auto until = parse_number(expires);
  if (!number || !until || mac.size() != kMacBytes * 2 ||
      !key_.verify(kConfirmPurpose, std::string(id) + "." + std::string(expires), mac))
    return {std::nullopt, LinkProblem::forged};
  if (now.time_since_epoch().count() > *until) return {std::nullopt, LinkProblem::expired};
  return {store::SubscriptionId{*number}, std::nullopt};
}

std::string SubscriptionLinks::manage_path(std::string_view email) const {
  return std::string(kManagePath) + "?a=" + query_escaped(email) +
         "&m=" + key_.sign(kManagePurpose, email, kMacBytes);
}

bool SubscriptionLinks::is_manage_link(std::string_view email, std::string_view mac) const {
  return mac.size() == kMacBytes * 2 && key_.verify(kManagePurpose, email, mac);
}

}  // namespace gazette::newsletters

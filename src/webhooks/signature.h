// How a receiver knows a delivery is ours and fresh: each one carries the time it was posted
// and an HMAC-SHA-256, keyed with the webhook's secret, of that time, a dot and the body —
// "sha256=" and the MAC in hex, as GitHub and Stripe sign theirs. Checking the time refuses a
// delivery replayed later.
#pragma once

#include <string>
#include <string_view>

namespace gazette::webhooks {

inline constexpr std::string_view kEventHeader = "X-Gazette-Event";
inline constexpr std::string_view kDeliveryHeader = "X-Gazette-Delivery";
inline constexpr std::string_view kTimestampHeader = "X-Gazette-Timestamp";
inline constexpr std::string_view kSignatureHeader = "X-Gazette-Signature";

/// "sha256=" and the hex HMAC-SHA-256 of "TIMESTAMP.BODY" keyed with `secret` (its bytes as
/// written: the hex the newsroom shows).
std::string signature(std::string_view secret, std::string_view timestamp, std::string_view body);

/// A new secret: 32 random bytes, in hex.
std::string new_secret();

}  // namespace gazette::webhooks

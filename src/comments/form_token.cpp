// FormTokens: issue and check signed form timestamps (see form_token.h).
#include "comments/form_token.h"

#include <sodium.h>

#include <charconv>

namespace gazette::comments {

namespace {
constexpr std::string_view kPurpose = "comment-form";
// 128 bits of MAC: forging one by guessing is out of reach, and the token stays short.
constexpr std::size_t kMacBytes = 16;
// 96 random bits: two readers handed a form in the same second never get the same token.
constexpr std::size_t kNonceBytes = 12;
// Longer than any token we issue ("UNIXTIME.NONCE.MAC", 68 characters until the year 2286):
// anything longer is not worth parsing.
constexpr std::size_t kMaxTokenLength = 80;

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

bool is_lower_hex(std::string_view text) {
  return text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::string FormTokens::issue(content::Timestamp now) const {
  auto signed_part = std::to_string(now.time_since_epoch().count()) + "." + random_hex(kNonceBytes);
  return signed_part + "." + key_.sign(kPurpose, signed_part, kMacBytes);
}

TokenCheck FormTokens::check(std::string_view token, content::Timestamp now,
                             std::int64_t min_seconds, std::int64_t max_seconds) const {
  if (token.empty()) return {TokenProblem::missing};
  auto first_dot = token.find('.');
  auto last_dot = token.rfind('.');
  if (token.size() > kMaxTokenLength || first_dot == std::string_view::npos ||
      first_dot == last_dot)
    return {TokenProblem::forged};
  auto issued_text = token.substr(0, first_dot);
  auto nonce = token.substr(first_dot + 1, last_dot - first_dot - 1);
  auto signed_part = token.substr(0, last_dot);
  auto mac = token.substr(last_dot + 1);
  std::int64_t issued = 0;
  auto [end, error] =
      std::from_chars(issued_text.data(), issued_text.data() + issued_text.size(), issued);
  if (error != std::errc() || end != issued_text.data() + issued_text.size() ||
      nonce.size() != kNonceBytes * 2 || !is_lower_hex(nonce) || mac.size() != kMacBytes * 2 ||
      !key_.verify(kPurpose, signed_part, mac))
    return {TokenProblem::forged};
  content::Timestamp issued_at{std::chrono::seconds(issued)};
  std::int64_t age = now.time_since_epoch().count() - issued;
  // A token from the future was signed by a node whose clock runs ahead: as good as too fast.
  if (age < min_seconds) return {TokenProblem::too_fast, age, issued_at};
  if (age > max_seconds) return {TokenProblem::too_old, age, issued_at};
  return {std::nullopt, age, issued_at};
}

}  // namespace gazette::comments

// FormTokens: issue and check signed form timestamps (see form_token.h).
#include "comments/form_token.h"

#include <charconv>

namespace gazette::comments {

namespace {
constexpr std::string_view kPurpose = "comment-form";
// 128 bits of MAC: forging one by guessing is out of reach, and the token stays short.
constexpr std::size_t kMacBytes = 16;
// Longer than any token we issue ("UNIXTIME.MAC"): anything longer is not worth parsing.
constexpr std::size_t kMaxTokenLength = 64;
}  // namespace

std::string FormTokens::issue(content::Timestamp now) const {
  auto issued = std::to_string(now.time_since_epoch().count());
  return issued + "." + key_.sign(kPurpose, issued, kMacBytes);
}

TokenCheck FormTokens::check(std::string_view token, content::Timestamp now,
                             std::int64_t min_seconds, std::int64_t max_seconds) const {
  if (token.empty()) return {TokenProblem::missing, 0};
  auto dot = token.find('.');
  if (token.size() > kMaxTokenLength || dot == std::string_view::npos)
    return {TokenProblem::forged, 0};
  auto issued_text = token.substr(0, dot);
  auto mac = token.substr(dot + 1);
  std::int64_t issued = 0;
  auto [end, error] =
      std::from_chars(issued_text.data(), issued_text.data() + issued_text.size(), issued);
  if (error != std::errc() || end != issued_text.data() + issued_text.size() ||
      mac.size() != kMacBytes * 2 || !key_.verify(kPurpose, issued_text, mac))
    return {TokenProblem::forged, 0};
  std::int64_t age = now.time_since_epoch().count() - issued;
  // A token from the future was signed by a node whose clock runs ahead: as good as too fast.
  if (age < min_seconds) return {TokenProblem::too_fast, age};
  if (age > max_seconds) return {TokenProblem::too_old, age};
  return {std::nullopt, age};
}

}  // namespace gazette::comments

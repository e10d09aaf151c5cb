// What the newsletter accepts as an e-mail address: a plain addr-spec, lower-cased, with none of
// the characters that could end a header or add a recipient (CR, LF, commas, quotes, brackets).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::newsletters {

/// RFC 5321's limit on a path; longer is not an address anyone can receive mail at.
inline constexpr std::size_t kMaxEmailBytes = 254;

/// `text` trimmed and lower-cased when it is an address we accept; nothing otherwise.
std::optional<std::string> normalise_email(std::string_view text);

}  // namespace gazette::newsletters

// Avatars drawn here, not fetched: a symmetric 5×5 pattern in one colour, derived from the
// comment's avatar key, so one e-mail address always gets the same picture and no reader's
// browser asks an outside service (Gravatar) about who commented.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette::comments {

/// Whether `key` is an avatar key: kAvatarKeyLength lower-case hex digits.
bool is_avatar_key(std::string_view key);

/// The identicon for `key` as an SVG document; nullopt when `key` is not an avatar key.
std::optional<std::string> identicon_svg(std::string_view key);

/// 64 bits: two readers share a picture by chance about once in four billion pairs.
inline constexpr std::size_t kAvatarKeyLength = 16;

}  // namespace gazette::comments

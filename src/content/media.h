// Images entering the media store: what they really are (by content, not by name), and the
// name they are served under.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace gazette::content {

/// The largest image accepted: a full-resolution press photo with room to spare.
constexpr std::size_t kMaxImageBytes = 25 * 1024 * 1024;

/// What an image file turned out to be.
struct ImageInfo {
  std::string mime_type;  // image/jpeg, image/png, image/webp or image/gif
  std::string extension;  // jpg, png, webp, gif
  int width = 0;
  int height = 0;
};

/// Why a file is not an image we accept ("not an image", "image/tiff is not accepted").
struct ImageError {
  std::string reason;
};

/// Reads the header of `bytes` with libvips to tell its format and size.
std::variant<ImageInfo, ImageError> probe_image(std::string_view bytes);

/// "3fa1b2c3d4e5f607-banniere-assad-damas.jpg": content-addressed, so it can be cached forever,
/// and readable, so a download keeps a meaningful name.
/// `stem_slug` is the slug of the original file name without its extension (may be empty).
std::string media_name(std::string_view sha256, std::string_view stem_slug,
                       std::string_view extension);

}  // namespace gazette::content

// Images entering the media store: what they really are (by content, not by name), the name
// they are served under, and what is stored of them.
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

/// What is wrong with a file offered as an image, as a form tells it.
enum class ImageProblem {
  not_an_image,
  not_accepted,  // an image, but not JPEG, PNG, WebP or GIF
  too_large,     // in bytes (kMaxImageBytes) or in pixels
  damaged,       // unreadable, truncated (or libvips would not start)
};

/// Why a file is not an image we accept: the problem, and the reason in words for the command
/// line and the logs ("not an image", "not a JPEG, PNG, WebP or GIF image").
struct ImageError {
  ImageProblem problem;
  std::string reason;
};

/// An image to keep in the media store.
struct NewMedia {
  std::string name;    // its file name under /media/: unique, content-addressed
  std::string sha256;  // hex digest of `bytes`: the same image is stored once
  std::string mime_type;
  int width = 0;
  int height = 0;
  std::string bytes;
};

/// Reads the header of `bytes` with libvips to tell its format and size.
std::variant<ImageInfo, ImageError> probe_image(std::string_view bytes);

/// "3fa1b2c3d4e5f607-banniere-assad-damas.jpg": content-addressed, so it can be cached forever,
/// and readable, so a download keeps a meaningful name.
/// `stem_slug` is the slug of the original file name without its extension (may be empty).
std::string media_name(std::string_view sha256, std::string_view stem_slug,
                       std::string_view extension);

}  // namespace gazette::content

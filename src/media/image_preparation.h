// A photo made ready for the media store — from a newsroom upload, `gazette publish` or the demo:
// checked by its content (JPEG, PNG, WebP or GIF, whatever its name says), decoded in full so
// that a truncated or damaged file is refused, stripped of its metadata (EXIF, GPS, XMP), and
// resized with libvips into the copies reader pages offer in `srcset`.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "content/media.h"

namespace gazette::media {

/// The widths of the resized copies: a phone, a tablet, a desktop column, a wide screen at 2x.
/// Only those narrower than the original are made.
constexpr std::array<int, 4> kVariantWidths = {480, 800, 1200, 1600};
/// A WebP copy at full size is made up to this width; wider originals get one this wide.
constexpr int kMaxWebpWidth = 2400;
/// Larger images (in pixels) are refused before decoding: a small file can claim a huge canvas
/// (a "decompression bomb"); 50 megapixels is more than any press camera delivers.
constexpr long long kMaxImagePixels = 50'000'000;

/// An image and its copies, ready for the media store (MediaService::save).
struct PreparedImage {
  content::NewMedia original;
  std::vector<content::NewMedia> variants;
};

/// Why an upload is refused: the problem a form shows beside the field, and the reason in
/// words for the command line.
using ImageRefusal = content::ImageError;

/// Checks and resizes `bytes`. An original carrying metadata (EXIF, GPS, XMP, IPTC) is
/// re-encoded without it, turned upright as its EXIF orientation said; one without is kept byte
/// for byte. GIFs are kept as they are. `file_name` only gives the stored name a readable part.
std::variant<PreparedImage, ImageRefusal> prepare_image(const std::string& bytes,
                                                        std::string_view file_name);

}  // namespace gazette::media

// A WordPress post's content as Gazette stores it: the shortcodes that carry content become
// HTML, paragraphs are made from blank lines as WordPress's wpautop does, and the result goes
// through the sanitizer.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::transfer::wxr {

/// An image a [gallery] shows.
struct GalleryImage {
  std::string url;
  std::string alt;
  std::string caption;
};

/// The images of a gallery: those named by `ids` (its ids="…"), or when empty the images
/// attached to the post.
using GalleryImages =
    std::function<std::vector<GalleryImage>(const std::vector<std::int64_t>& ids)>;

/// [caption]…[/caption] → figure and figcaption; [gallery] → figures of its images;
/// [embed]URL[/embed] → a link to URL (no third-party frame). Other shortcodes stay as text.
std::string expand_shortcodes(std::string_view content, const GalleryImages& gallery);

/// WordPress's automatic paragraphs: text separated by blank lines becomes <p>, a single line
/// break <br>; blocks that already start with a block element are left as they are.
std::string auto_paragraphs(std::string_view content);

/// expand_shortcodes, auto_paragraphs, then render::sanitize_html.
std::string post_body_html(std::string_view content, const GalleryImages& gallery);

}  // namespace gazette::transfer::wxr

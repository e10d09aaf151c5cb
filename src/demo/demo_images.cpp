// Demo illustrations drawn with libvips (see demo_images.h).
#include "demo/demo_images.h"

#include <vips/vips8>

#include <functional>
#include <stdexcept>
#include <vector>

namespace gazette::demo {

namespace {
// The width of a full-size press photo: large enough to show responsive images at work.
constexpr int kWidth = 1600;
constexpr int kHeight = 900;
constexpr int kJpegQuality = 82;
}  // namespace

std::string draw_illustration(std::string_view seed) {
  if (VIPS_INIT("gazette") != 0) throw std::runtime_error("libvips failed to start");
  auto hash = std::hash<std::string_view>{}(seed);
  auto channel = [hash](int shift) { return static_cast<double>((hash >> shift) & 0xff); };
  std::vector<double> from = {channel(0) * 0.6, channel(8) * 0.6, channel(16) * 0.6};
  std::vector<double> to = {255 - channel(24) * 0.4, 255 - channel(32) * 0.4,
                            255 - channel(40) * 0.4};

  // t in [0, 1] across the diagonal; each band is from + t * (to - from).
  auto xy = vips::VImage::xyz(kWidth, kHeight);
  auto t = (xy[0] + xy[1]) / static_cast<double>(kWidth + kHeight);
  std::vector<double> delta = {to[0] - from[0], to[1] - from[1], to[2] - from[2]};
  auto bands = t.bandjoin(t).bandjoin(t);
  auto image = (bands * delta + from).cast(VIPS_FORMAT_UCHAR);
  image = image.copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));

  void* buffer = nullptr;
  size_t size = 0;
  image.write_to_buffer(".jpg", &buffer, &size,
                        vips::VImage::option()->set("Q", kJpegQuality)->set("strip", true));
  std::string bytes(static_cast<const char*>(buffer), size);
  g_free(buffer);
  return bytes;
}

}  // namespace gazette::demo

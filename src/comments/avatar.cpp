// Identicons (see avatar.h): 15 bits choose the cells of the left half and middle column, the
// rest the hue; the right half mirrors the left, as a face would.
#include "comments/avatar.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace gazette::comments {

namespace {

constexpr int kGrid = 5;
// Saturation and lightness that read well on light and dark backgrounds.
constexpr double kSaturation = 0.55;
constexpr double kLightness = 0.45;
constexpr std::string_view kBackground = "#eeeeee";

std::string rgb_hex(double hue_degrees) {
  double c = (1 - std::abs(2 * kLightness - 1)) * kSaturation;
  double h = hue_degrees / 60.0;
  double x = c * (1 - std::abs(std::fmod(h, 2.0) - 1));
  double r = 0, g = 0, b = 0;
  if (h < 1)
    r = c, g = x;
  else if (h < 2)
    r = x, g = c;
  else if (h < 3)
    g = c, b = x;
  else if (h < 4)
    g = x, b = c;
  else if (h < 5)
    r = x, b = c;
  else
    r = c, b = x;
  double m = kLightness - c / 2;
  char hex[8];
  std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<int>(std::lround((r + m) * 255)),
                static_cast<int>(std::lround((g + m) * 255)),
                static_cast<int>(std::lround((b + m) * 255)));
  return hex;
}

}  // namespace

bool is_avatar_key(std::string_view key) {
  if (key.size() != kAvatarKeyLength) return false;
  for (char c : key) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::optional<std::string> identicon_svg(std::string_view key) {
  if (!is_avatar_key(key)) return std::nullopt;
  std::uint64_t bits = std::stoull(std::string(key), nullptr, 16);
  std::string cells;
  for (int column = 0; column < (kGrid + 1) / 2; ++column) {
    for (int row = 0; row < kGrid; ++row) {
      bool filled = (bits >> (column * kGrid + row)) & 1;
      if (!filled) continue;
      for (int x : {column, kGrid - 1 - column}) {
        cells += "M" + std::to_string(x) + " " + std::to_string(row) + "h1v1h-1z";
        if (x == kGrid - 1 - column) break;  // the middle column is its own mirror
      }
    }
  }
  double hue = static_cast<double>((bits >> 16) % 360);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 5 5\" width=\"48\" "
         "height=\"48\" shape-rendering=\"crispEdges\"><rect width=\"5\" height=\"5\" fill=\"" +
         std::string(kBackground) + "\"/><path fill=\"" + rgb_hex(hue) + "\" d=\"" + cells +
         "\"/></svg>\n";
}

}  // namespace gazette::comments

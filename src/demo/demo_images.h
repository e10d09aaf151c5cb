// Illustrations for the demo articles, drawn at start-up so the repository holds no photos.
#pragma once

#include <string>
#include <string_view>

namespace gazette::demo {

/// A 1600×900 JPEG: a diagonal gradient between two colours derived from `seed`.
std::string draw_illustration(std::string_view seed);

}  // namespace gazette::demo

// Lists kept as text one entry a line, as an admin types them and as every backend stores them
// (comment settings' blocked words, a revision's category and tag names).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::content {

inline constexpr char kLineSeparator = '\n';

/// The entries of `lines`, one a line; empty entries are left out.
inline std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) {
    if (line.empty()) continue;
    if (!text.empty()) text += kLineSeparator;
    text += line;
  }
  return text;
}

/// The non-empty lines of `text`, in order.
inline std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(kLineSeparator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace gazette::content

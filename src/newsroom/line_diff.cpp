// Line diff by longest common subsequence (see line_diff.h).
#include "newsroom/line_diff.h"

#include <cstdint>

namespace gazette::newsroom {

namespace {

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> lines;
  if (text.empty()) return lines;
  std::size_t start = 0;
  for (;;) {
    auto end = text.find('\n', start);
    auto line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::vector<DiffLine> diff_lines(std::string_view before, std::string_view after) {
  auto a = split(before);
  auto b = split(after);
  std::vector<DiffLine> result;
  if (a.size() > kMaxDiffLines || b.size() > kMaxDiffLines) {
    for (auto& line : a) result.push_back({DiffLine::Kind::removed, std::move(line)});
    for (auto& line : b) result.push_back({DiffLine::Kind::added, std::move(line)});
    return result;
  }
  const std::size_t n = a.size(), m = b.size();
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] == b[j]) {
      result.push_back({DiffLine::Kind::same, a[i]});
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      result.push_back({DiffLine::Kind::removed, a[i++]});
    } else {
      result.push_back({DiffLine::Kind::added, b[j++]});
    }
  }
  while (i < n) result.push_back({DiffLine::Kind::removed, a[i++]});
  while (j < m) result.push_back({DiffLine::Kind::added, b[j++]});
  return result;
}

}  // namespace gazette::newsroom

// A line diff for comparing two revisions: the longest common subsequence of their lines,
// shown as kept, removed and added lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::newsroom {

struct DiffLine {
  enum class Kind { same, removed, added };
  Kind kind = Kind::same;
  std::string text;
};

/// Beyond this many lines on either side the table would not fit in memory comfortably
/// (n × m cells, 16 MB at most); such texts are shown as all removed, then all added.
constexpr std::size_t kMaxDiffLines = 2000;

/// The lines of `after` against those of `before`.
std::vector<DiffLine> diff_lines(std::string_view before, std::string_view after);

}  // namespace gazette::newsroom

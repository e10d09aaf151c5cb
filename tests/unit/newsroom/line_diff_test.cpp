// The revision diff: kept, removed and added lines, in order.
#include "newsroom/line_diff.h"

#include <gtest/gtest.h>

namespace gazette::newsroom {
namespace {

std::string render(const std::vector<DiffLine>& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += line.kind == DiffLine::Kind::same      ? ' '
           : line.kind == DiffLine::Kind::removed ? '-'
                                                  : '+';
    out += line.text + "\n";
  }
  return out;
}

TEST(LineDiff, ShowsAChangedLineAsRemovedThenAdded) {
  EXPECT_EQ(render(diff_lines("titre\nun\ndeux\ntrois", "titre\nun\n2\ntrois\nquatre")),
            " titre\n un\n-deux\n+2\n trois\n+quatre\n");
}

TEST(LineDiff, IdenticalTextsHaveOnlyKeptLines) {
  EXPECT_EQ(render(diff_lines("a\nb", "a\nb")), " a\n b\n");
  EXPECT_TRUE(diff_lines("", "").empty());
}

TEST(LineDiff, HugeTextsAreShownWholeRatherThanExhaustingMemory) {
  std::string big;
  for (std::size_t i = 0; i <= kMaxDiffLines; ++i) big += "line\n";
  auto lines = diff_lines(big, "other");
  EXPECT_EQ(lines.back().kind, DiffLine::Kind::added);
  EXPECT_EQ(lines.front().kind, DiffLine::Kind::removed);
}

}  // namespace
}  // namespace gazette::newsroom

// Lists kept as text one entry a line, as an admin types them and as every backend stores them
// (comment settings' blocked words, a revision's category and tag names and its co-authors).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/types.h"

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

/// Terms one a line, as "slug<TAB>name" (a revision's co-authors).
inline std::string join_term_lines(const std::vector<Term>& terms) {
  std::vector<std::string> lines;
  for (const auto& term : terms) lines.push_back(term.slug + '\t' + term.name);
  return join_lines(lines);
}

/// The terms join_term_lines wrote; a line without a tab is a slug and its name.
inline std::vector<Term> split_term_lines(std::string_view text) {
  std::vector<Term> terms;
  for (const auto& line : split_lines(text)) {
    auto tab = line.find('\t');
    if (tab == std::string::npos)
      terms.push_back({line, line});
    else
      terms.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return terms;
}

}  // namespace gazette::content

// What the fuzz targets share: their input as text, split at its first line, and the check
// that turns a broken promise of the code under test into a crash libFuzzer keeps.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace gazette::fuzz {

/// libFuzzer's bytes as the text the parsers take.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// An input made of a header line (a Content-Type, say) and what follows it.
struct FirstLine {
  std::string_view line;  // without its "\n" or "\r\n"
  std::string_view rest;
};

inline FirstLine split_first_line(std::string_view text) {
  auto end = text.find('\n');
  if (end == std::string_view::npos) return {text, {}};
  auto line = text.substr(0, end);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return {line, text.substr(end + 1)};
}

/// Aborts, naming the promise, when `holds` is false: libFuzzer saves the input as a crash.
inline void require(bool holds, const char* promise) {
  if (holds) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

}  // namespace gazette::fuzz

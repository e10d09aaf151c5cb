// The progress of a long command on standard error (`gazette demo --articles N`, `gazette
// import-wxr`): on a terminal one line rewritten in place; written to a file or a pipe (a log,
// CI, systemd's journal), one whole line per step, so no two updates run together on one line.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace gazette::app {

class ProgressLine {
 public:
  /// Progress on `out`, each update prefixed with `prefix` ("demo"); `terminal` says whether
  /// `out` is one (a line rewritten in place) or not (a line per step).
  ProgressLine(std::FILE* out, std::string prefix, bool terminal);
  /// Progress on standard error, rewritten in place when it is a terminal.
  static ProgressLine on_stderr(std::string prefix);
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// Shows that `done` of `total` `things` ("articles saved") are done. Written to a file or
  /// pipe only when a twentieth more of the total is done (and at the end): a step a reader
  /// of the log can follow, not one line per item.
  void update(std::size_t done, std::size_t total, const char* things);
  /// Ends the line a terminal was showing.
  void finish();

 private:
  std::FILE* out_;
  std::string prefix_;
  bool terminal_;
  bool showing_ = false;        // a terminal line is open (no newline yet)
  std::size_t last_share_ = 0;  // in twentieths of the total, of the last line written to a file
};

}  // namespace gazette::app

// ProgressLine (see progress_line.h).
#include "app/progress_line.h"

#include <unistd.h>

namespace gazette::app {

namespace {
// A file or pipe gets a line each time this share more of the total is done: 20 lines for a
// whole run, however many items it has.
constexpr std::size_t kFileSteps = 20;
}  // namespace

ProgressLine::ProgressLine(std::FILE* out, std::string prefix, bool terminal)
    : out_(out), prefix_(std::move(prefix)), terminal_(terminal) {}

ProgressLine ProgressLine::on_stderr(std::string prefix) {
  return ProgressLine(stderr, std::move(prefix), isatty(STDERR_FILENO) == 1);
}

void ProgressLine::update(std::size_t done, std::size_t total, const char* things) {
  if (terminal_) {
    // Back to the start of the line, then erase what a longer previous update left.
    std::fprintf(out_, "\r%s: %zu/%zu %s\x1b[K", prefix_.c_str(), done, total, things);
    std::fflush(out_);
    showing_ = true;
    return;
  }
  auto share = total == 0 ? kFileSteps : done * kFileSteps / total;
  if (done < total && share <= last_share_) return;
  last_share_ = share;
  std::fprintf(out_, "%s: %zu/%zu %s\n", prefix_.c_str(), done, total, things);
  std::fflush(out_);
}

void ProgressLine::finish() {
  if (!showing_) return;
  std::fprintf(out_, "\n");
  std::fflush(out_);
  showing_ = false;
}

}  // namespace gazette::app

// The open-file limit and the connections it leaves room for (see connection_limit.h).
#include "http/connection_limit.h"

#include <sys/resource.h>

namespace gazette::http {

namespace {

// Held whatever the load: standard streams, the listener, the signal pipe, SQLite's writer and
// its background readers (scheduler, related-articles catch-up, change feed) with their WAL and
// shared-memory files, and files open for a moment (uploads, image variants). About 20 are in
// use on 2 threads under load (counted in /proc/PID/fd); three times that leaves room for what
// comes next.
constexpr std::uint64_t kProcessReserve = 64;
// Each serving thread's io_context (epoll, eventfd, timerfd) and the SQLite reading connection
// it leases (database, WAL, shared memory), with room to spare.
constexpr std::uint64_t kThreadReserve = 8;

}  // namespace

OpenFileLimit raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return {};
  OpenFileLimit result{limit.rlim_cur, limit.rlim_cur};
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) result.now = raised.rlim_cur;
  }
  return result;
}

std::uint64_t reserved_descriptors(unsigned threads) {
  return kProcessReserve + kThreadReserve * threads;
}

std::size_t connections_within(std::uint64_t open_files, unsigned threads) {
  auto reserve = reserved_descriptors(threads);
  if (open_files <= reserve) return 0;
  return static_cast<std::size_t>(open_files - reserve);
}

}  // namespace gazette::http

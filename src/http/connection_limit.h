// How many client connections a server may hold open: the process's open-file limit, raised to
// its hard ceiling at start, less the descriptors everything else needs — so that accepting a
// client never fails for want of one ("Too many open files"), nor does opening the database.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gazette::http {

/// The soft limit on open files before and after raise_open_file_limit().
struct OpenFileLimit {
  std::uint64_t before = 0;
  std::uint64_t now = 0;
};

/// Raises this process's soft limit on open files (RLIMIT_NOFILE) to its hard limit: the soft
/// one (often 1,024) is a default for programs that never need more, not a policy.
OpenFileLimit raise_open_file_limit();

/// Descriptors kept for everything but client connections when serving on `threads` threads.
std::uint64_t reserved_descriptors(unsigned threads);

/// The most client connections `open_files` descriptors leave room for beside the reserve
/// (0 when they leave none).
std::size_t connections_within(std::uint64_t open_files, unsigned threads);

}  // namespace gazette::http

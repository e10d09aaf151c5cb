// The change log: what each write invalidated, readable by every process sharing the database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gazette::store {

struct ChangeEntry {
  std::int64_t id = 0;
  std::string origin;
  std::string dependencies;  // space-separated, or "*"
};

class ChangeLogStore {
 public:
  virtual ~ChangeLogStore() = default;
  virtual void append(const std::string& origin, const std::string& dependencies) = 0;
  /// Entries after `after_id`, oldest first.
  virtual std::vector<ChangeEntry> entries_after(std::int64_t after_id) = 0;
  /// The newest entry's id (0 when empty): where a process starting now begins to read.
  virtual std::int64_t latest_id() = 0;
  /// A value that changes whenever anything in the database may have changed, far cheaper to
  /// read than the log itself: readers check it before querying for new entries.
  virtual std::string change_token() = 0;
  /// Forgets entries older than `max_age_seconds`: every live process has read them long ago.
  virtual void prune(std::int64_t max_age_seconds) = 0;
};

}  // namespace gazette::store

// Failed sign-ins counted per account and per address, in the database: every process serving
// the site (and, later, every node) sees the same counts, and a restart forgets none of them.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "content/types.h"
#include "store/write_transaction.h"

namespace gazette::store {

/// A key whose failures are counted ("account:…", "address:…") and how many it may have in a
/// window.
struct AttemptLimit {
  std::string key;
  int max_failures = 0;
};

/// Failures counted in fixed windows: a key's window opens with its first failure and lasts
/// `window`; after it, the count starts again.
class SignInAttemptStore {
 public:
  virtual ~SignInAttemptStore() = default;

  /// In `write`: when no key of `limits` has reached its limit in its window at `now`, counts
  /// one failure against each (in advance: the attempt has not been checked yet) and returns
  /// true; otherwise counts nothing and returns false. Windows ended before `now` are forgotten.
  /// Concurrent attempts, from any process, cannot pass a limit between check and count (a
  /// write holds the database's write lock from its start).
  virtual bool count_attempt(WriteTransaction& write, const std::vector<AttemptLimit>& limits,
                             content::Timestamp now, std::chrono::seconds window) = 0;
  /// Takes back the failure count_attempt() counted against `key` (the attempt succeeded).
  virtual void take_back(WriteTransaction& write, std::string_view key) = 0;
  /// Forgets every failure of `key`.
  virtual void forget(WriteTransaction& write, std::string_view key) = 0;
};

}  // namespace gazette::store

// The database kept a request out longer than the store waits for it: another program holds
// its write lock (a `gazette import` writes a whole export in one transaction; a restore, an
// administrator's sqlite3 shell). Nothing was written, and the request may simply be tried again,
// so the server answers 503 with Retry-After rather than 500.
#pragma once

#include <stdexcept>

namespace gazette::store {

class DatabaseBusy : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace gazette::store

// What ranking reads of every indexed document — its length in tokens (for BM25) and its date
// (for visibility and ties) — kept in memory by each process and brought up to date from the
// documents the index wrote since (migrations/0009). A search scores thousands of matches:
// reading these from SQLite cost about a microsecond a match (FTS5's docsize lookup, or the
// articles row), more than the matching itself.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/sqlite/database.h"

namespace gazette::store::sqlite {

/// One indexed document as ranking sees it.
struct IndexedDocument {
  std::int64_t published_at = 0;  // Unix seconds
  std::int32_t length = 0;        // tokens in all its columns, as FTS5 counts them (docsize)
  bool known = false;             // false: no document of that id was ever read
};

/// The index at one generation: immutable, so searches share it without a lock. Documents
/// removed since stay listed (the index no longer matches them, so nothing looks them up).
class IndexSnapshot {
 public:
  std::int64_t generation = 0;
  std::int64_t rows = 0;    // documents in the index, as FTS5 counts them (bm25's N)
  std::int64_t tokens = 0;  // tokens in all of them (bm25's average length is tokens / rows)

  /// The document `id`, or nullptr when none was read.
  const IndexedDocument* find(std::int64_t id) const {
    if (id >= 0 && static_cast<std::uint64_t>(id) < dense_.size())
      return dense_[static_cast<std::size_t>(id)].known ? &dense_[static_cast<std::size_t>(id)]
                                                        : nullptr;
    auto found = sparse_.find(id);
    return found == sparse_.end() ? nullptr : &found->second;
  }
  void set(std::int64_t id, const IndexedDocument& document);

  /// Ids of the documents read, the most recently published first (the later id first among
  /// those of the same second), removed ones included: search's order when relevance ties.
  const std::vector<std::int64_t>& newest_first() const { return newest_first_; }
  /// Sorts newest_first again (after many set()), or moves the entries of `changed` (ids set
  /// since the last call) to their new places.
  void order_by_date(const std::vector<std::int64_t>& changed, bool sort_all);

 private:
  std::vector<std::int64_t> newest_first_;
  // Article ids are SQLite rowids, handed out one past the largest: dense, so a vector indexed
  // by id is the fastest lookup. An id far past the others (set by hand) goes to the map.
  std::vector<IndexedDocument> dense_;
  std::unordered_map<std::int64_t, IndexedDocument> sparse_;
};

/// The current IndexSnapshot of one database, for every thread of a process.
class IndexedDocuments {
 public:
  /// The snapshot at least as recent as the index `connection` sees (call it inside the read
  /// transaction of the search it serves): the one held when the index has not been written
  /// since, else a copy updated with the documents written since — a write shows at once.
  std::shared_ptr<const IndexSnapshot> current(Connection& connection);

 private:
  std::mutex mutex_;  // held while a newer snapshot is built, so only one thread builds it
  std::shared_ptr<const IndexSnapshot> latest_;
  std::mutex latest_mutex_;  // guards the pointer itself
};

/// The index generation `connection` sees (migrations/0009's search_index_generation).
std::int64_t index_generation(Connection& connection);

/// Bumps the index generation; in the transaction of the write it stands for. Returns the new one.
std::int64_t next_index_generation(Connection& connection);

}  // namespace gazette::store::sqlite

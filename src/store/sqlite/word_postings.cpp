// Word postings for related articles (see word_postings.h).
#include "store/sqlite/word_postings.h"

#include "store/ranking/bm25.h"

namespace gazette::store::sqlite {

namespace {

// phrase_weight's column weights (a group's FTS5 phrases are one word's or phrase's places) are the
// rank of migrations/0002, in search_index's column order: title 10, lead 3, body 1, keywords 5 —
// as search ranks.
constexpr std::string_view kWordDocuments =
    "SELECT rowid, phrase_weight(search_index, 10.0, 3.0, 1.0, 5.0) FROM search_index"
    " WHERE search_index MATCH ?1";

std::shared_ptr<WordPostings> read_postings(Connection& connection, const IndexSnapshot& snapshot,
                                            const std::string& group) {
  auto postings = std::make_shared<WordPostings>();
  double average_length = static_cast<double>(snapshot.tokens) / static_cast<double>(snapshot.rows);
  auto statement = connection.prepare(kWordDocuments);
  statement.bind(1, group);
  while (statement.step()) {
    auto id = statement.column_int(0);
    // The snapshot is the index's generation, so it knows every document the index matches.
    const auto* document = snapshot.find(id);
    if (!document) continue;
    postings->ids.push_back(id);
    postings->saturations.push_back(bm25_saturation(
        statement.column_double(1), static_cast<double>(document->length), average_length));
  }
  return postings;
}

}  // namespace

void WordPostingsCache::drop_all() {
  groups_.clear();
  recent_.clear();
  bytes_ = 0;
}

std::shared_ptr<const WordPostings> WordPostingsCache::postings(Connection& connection,
                                                                const IndexSnapshot& snapshot,
                                                                const std::string& group) {
  {
    std::lock_guard lock(mutex_);
    if (generation_ != snapshot.generation) {
      // Older readers may still hold postings of the previous generation; they keep their own.
      if (snapshot.generation < generation_) return read_postings(connection, snapshot, group);
      drop_all();
      generation_ = snapshot.generation;
    }
    auto found = groups_.find(group);
    if (found != groups_.end()) {
      recent_.splice(recent_.begin(), recent_, found->second.recency);
      return found->second.postings;
    }
  }
  // Read without the lock: another thread may read the same group meanwhile, which only costs
  // the time of one read.
  std::shared_ptr<const WordPostings> postings = read_postings(connection, snapshot, group);
  std::lock_guard lock(mutex_);
  if (generation_ != snapshot.generation || groups_.contains(group)) return postings;
  auto bytes = postings->bytes() + group.size();
  if (bytes > kWordPostingsBytes) return postings;
  while (bytes_ + bytes > kWordPostingsBytes && !recent_.empty()) {
    auto oldest = groups_.find(recent_.back());
    bytes_ -= oldest->second.postings->bytes() + oldest->first.size();
    groups_.erase(oldest);
    recent_.pop_back();
  }
  recent_.push_front(group);
  groups_.emplace(group, Entry{postings, recent_.begin()});
  bytes_ += bytes;
  return postings;
}

}  // namespace gazette::store::sqlite

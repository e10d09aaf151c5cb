// The documents holding a word (or a phrase), read from the FTS5 index once and kept in memory
// for the next related lists and searches: a catch-up computes one list per article, and their
// words repeat from article to article (a story's names, a section's vocabulary); readers
// search the news of the day. Reading them through FTS5 each time — an OR query over an
// article's 24 words, every match scored — was nearly all of a list's 30 ms at 100,000
// articles; from memory, adding up a word's documents takes microseconds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/ranking/word_postings.h"
#include "store/sqlite/database.h"
#include "store/sqlite/indexed_documents.h"

namespace gazette::store::sqlite {

/// Memory the postings of one process may hold: the words of a catch-up's recent lists. A
/// generated site of 100,000 articles needs about 20 MiB; a real one has more words, each in
/// fewer articles, and the least recently used are dropped first.
constexpr std::size_t kWordPostingsBytes = 64 << 20;

/// The postings of words and phrases at one index generation, for every thread of a process;
/// a write of the index drops them all (the next lists and searches read them again).
class WordPostingsCache {
 public:
  /// The postings of `group`, one word's or phrase's TermExpression::Group text, in the index
  /// as `connection` sees it, which must be `snapshot`'s generation (the caller's read
  /// transaction).
  std::shared_ptr<const WordPostings> postings(Connection& connection,
                                               const IndexSnapshot& snapshot,
                                               const std::string& group);

 private:
  struct Entry {
    std::shared_ptr<const WordPostings> postings;
    std::list<std::string>::iterator recency;  // its place in recent_, most recent first
  };
  std::mutex mutex_;
  std::int64_t generation_ = -1;
  std::unordered_map<std::string, Entry> groups_;
  std::list<std::string> recent_;
  std::size_t bytes_ = 0;
  void drop_all();
};

}  // namespace gazette::store::sqlite

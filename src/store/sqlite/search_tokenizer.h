// The FTS5 tokenizer "gazette" of the search index (migrations/0002): the words of
// text/words, each indexed under its French and its English Snowball stem.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/index_stemmer.h"

namespace gazette::store::sqlite {

/// For one write of the index: how many more (or fewer) documents hold each term, as the
/// tokenizer would index the documents added (or removed). Remembers every word it met and its
/// terms, by number: a write meets the same words in every document.
class DocumentTermTally {
 public:
  /// Counts `documents` (1 for a document added, -1 for one removed) for each distinct term of
  /// the texts of one document.
  void add(std::initializer_list<std::string_view> texts, std::int64_t documents);

  /// Calls visit(term, documents) for each term whose count changed.
  template <typename Visit>
  void for_each(Visit&& visit) const {
    for (std::size_t term = 0; term < terms_.size(); ++term)
      if (counts_[term] != 0) visit(terms_[term], counts_[term]);
  }

 private:
  text::IndexStemmer stemmer_;
  std::unordered_map<std::string, std::vector<std::size_t>> word_terms_;  // folded word → terms
  std::unordered_map<std::string, std::size_t> term_numbers_;
  std::vector<std::string> terms_;
  std::vector<std::int64_t> counts_;
  std::vector<std::size_t> last_document_;  // per term: the last document that counted it
  std::size_t document_ = 0;
  std::size_t number_of(const std::string& term);
};

/// A query phrase starting with this byte is an index term (a stem the store computed with
/// text::IndexStemmer), which the tokenizer passes on as one token: the store then looks a word up
/// as
/// `"stem1" OR "stem2"`, two plain terms, where FTS5 would match the word's two stems as
/// colocated alternatives — a path that merges their position lists for every row, 7 to 12
/// times slower (a common word: 30 ms instead of 2.5 at 100,000 articles). A reader's query
/// never holds it: text/words splits words at control characters.
inline constexpr char kIndexTermMarker = '\x01';

class IndexSnapshot;

/// What search_rank needs beyond the row, passed as a pointer of type kSearchRankPointer.
struct SearchRankContext {
  const IndexSnapshot* snapshot = nullptr;  // document lengths, and the index's average
  /// The expression's FTS5 phrases in consecutive groups, one per phrase of the reader's
  /// (a word's index terms: one or two; a quoted phrase: one).
  std::vector<int> group_sizes;
  std::vector<double> idf;  // per group: bm25_idf of the documents holding the group
};
inline constexpr const char* kSearchRankPointer = "gazette_search_rank";

/// Registers the "gazette" FTS5 tokenizer on `db`, and the auxiliary functions
/// phrase_weight(search_index, weights…) (for a query of one word's index terms, the word's
/// weighted count in the row) and search_rank(search_index, context, weights…) (bm25 over a
/// SearchRankContext's groups). Every connection needs it before it touches search_index, the
/// migration that creates the table included.
void register_search_tokenizer(sqlite3* db);

}  // namespace gazette::store::sqlite

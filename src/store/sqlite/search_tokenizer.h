// The FTS5 tokenizer "gazette" of the search index (migrations/0002): the words of
// discovery/words, each indexed under its French and its English Snowball stem.
#pragma once

#include <sqlite3.h>

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "discovery/words/stemmer.h"

namespace gazette::store::sqlite {

/// The stems the "gazette" tokenizer indexes words under: each word's French stem, and its
/// English stem when that differs. Not thread-safe (its stemmers): one per user at a time.
class IndexStemmer {
 public:
  /// Calls emit(stem, colocated) for each stem of `folded_word`, the French one first
  /// (colocated: an alternative at the same position); stops when emit returns false.
  template <typename Emit>
  bool stems(std::string_view folded_word, Emit&& emit) {
    auto french = french_.stem(folded_word);
    if (!emit(french, false)) return false;
    auto english = english_.stem(folded_word);
    return english == french || emit(english, true);
  }

  /// The distinct index terms of `text`, added to `terms`: what a document holding it adds to
  /// the index's vocabulary. Remembers the stems of each word it met (a write of the index
  /// meets the same words in every document), so use one for one write.
  void add_terms(std::string_view text, std::set<std::string>& terms);

 private:
  discovery::Stemmer french_{discovery::StemLanguage::french};
  discovery::Stemmer english_{discovery::StemLanguage::english};
  std::unordered_map<std::string, std::vector<std::string>> known_;  // word → its stems
};

/// Registers the "gazette" FTS5 tokenizer on `db`, and the auxiliary function
/// matched_phrases(search_index) (a bit mask of the query's phrases a row holds) and
/// related_rank(search_index, scored, weights…) (bm25 over the first `scored` phrases). Every
/// connection needs it before it touches search_index, the migration that creates the table
/// included.
void register_search_tokenizer(sqlite3* db);

}  // namespace gazette::store::sqlite

// The terms a search index holds for a word: its French Snowball stem, and its English one when
// that differs. One rule for every index (SQLite's FTS5 tokenizer, a PostgreSQL tsvector), so
// an index serves a French or an English site, or a French site quoting English, without a
// rebuild when the language setting changes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/stemmer.h"

namespace gazette::text {

/// A word's index terms. Not thread-safe (its stemmers): one per user at a time.
class IndexStemmer {
 public:
  /// Calls emit(stem, colocated) for each index term of `folded_word` (a word as words.h folds
  /// it), the French stem first (colocated: an alternative at the same position, the English
  /// stem); stops when emit returns false, and returns false then.
  template <typename Emit>
  bool stems(std::string_view folded_word, Emit&& emit) {
    auto french = french_.stem(folded_word);
    if (!emit(french, false)) return false;
    auto english = english_.stem(folded_word);
    return english == french || emit(english, true);
  }

  /// The index terms of `folded_word`, the French stem first: one or two.
  std::vector<std::string> terms(std::string_view folded_word) {
    std::vector<std::string> found;
    stems(folded_word, [&](const std::string& stem, bool) {
      found.push_back(stem);
      return true;
    });
    return found;
  }

 private:
  Stemmer french_{StemLanguage::french};
  Stemmer english_{StemLanguage::english};
};

}  // namespace gazette::text

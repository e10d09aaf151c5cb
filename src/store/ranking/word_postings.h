// A word's postings as ranking reads them, whichever backend read them: the documents holding a
// word (or a phrase) with what each contributes to bm25 before the idf.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gazette::store {

/// The documents holding a word (as the index matches it: under its French or English stem) or
/// a phrase, in id order, with what each contributes to bm25 before the idf.
struct WordPostings {
  std::vector<std::int64_t> ids;
  /// bm25_saturation of its weighted frequency in the document (title ×10, lead ×3, body ×1,
  /// keywords ×5), with the document's length and the index's average.
  std::vector<double> saturations;
  std::size_t bytes() const {
    return sizeof(WordPostings) + ids.capacity() * sizeof(std::int64_t) +
           saturations.capacity() * sizeof(double);
  }
};

}  // namespace gazette::store

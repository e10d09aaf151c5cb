// BM25 exactly as SQLite's FTS5 computes it (fts5_aux.c, fts5Bm25Function): the same constants
// and the same order of operations, so that search and related articles, which score in memory
// or with their own FTS5 functions, get bm25()'s scores to the last bit — on either backend
// (PostgreSQL's related articles are scored with it too).
#pragma once

#include <cmath>
#include <cstdint>

namespace gazette::store {

constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.75;

/// The inverse document frequency of a phrase held by `hits` of `rows` documents. A phrase in
/// half the documents or more weighs next to nothing (FTS5 floors it at 1e-6).
inline double bm25_idf(std::int64_t rows, std::int64_t hits) {
  double idf =
      std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

/// The saturated, length-normalised frequency of a phrase of weighted frequency `frequency` in
/// a document of `length` tokens; bm25 is the sum over the phrases of idf × this.
inline double bm25_saturation(double frequency, double length, double average_length) {
  return (frequency * (kBm25K1 + 1.0)) /
         (frequency + kBm25K1 * (1 - kBm25B + kBm25B * length / average_length));
}

}  // namespace gazette::store

// The related articles' candidates of one article, scored in memory from the postings of its
// words (word_postings.h; each backend reads them its own way): bm25 over all its looked-up words
// (title ×10, keywords ×5, lead ×3, body ×1, each word counted once), for the documents holding one
// of its `required` heaviest words — the same scores FTS5's bm25() gives those documents for `w1 OR
// … OR wn`, added up a word at a time instead of a document at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "store/ranking/word_postings.h"

namespace gazette::store {

/// Words whose matches are reported (bit i of ScoredCandidate::shared_words for word i).
constexpr std::size_t kMaxReportedWords = 62;

struct ScoredCandidate {
  std::int64_t id = 0;
  double score = 0;                // bm25, higher is closer
  std::uint64_t shared_words = 0;  // bit i: it holds word i (for i < kMaxReportedWords)
};

/// Per-document sums of one scoring, reused from scoring to scoring rather than allocated for
/// every article each time.
class CandidateSums;

/// Scores related candidates; thread-safe (each scoring borrows its own sums).
class RelatedScoring {
 public:
  RelatedScoring();
  ~RelatedScoring();

  /// The `count` best documents (ties: the lower id first) among those holding one of the
  /// first `required` words, word i's documents being `postings[i]` in an index of `rows`
  /// documents.
  std::vector<ScoredCandidate> best(
      const std::vector<std::shared_ptr<const WordPostings>>& postings, std::int64_t rows,
      std::size_t required, std::size_t count);

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<CandidateSums>> idle_;
};

}  // namespace gazette::store

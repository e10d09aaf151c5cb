// Related candidates scored in memory (see related_scoring.h).
#include "store/ranking/related_scoring.h"

#include <algorithm>
#include <unordered_map>

#include "store/ranking/bm25.h"

namespace gazette::store {

namespace {
// Ids below this are summed in a vector indexed by id (16 bytes each: 16 MiB at most), the
// rest in a map: article ids are dense from 1 (SQLite rowids, PostgreSQL bigserials).
constexpr std::int64_t kDenseSums = std::int64_t{1} << 20;
// A bit of a sum's words never reported: set on the documents of the required words, the
// candidates, whose sums alone are kept (and cleared after each scoring).
constexpr std::uint64_t kCandidate = std::uint64_t{1} << 63;
}  // namespace

// Per-document sums, all zero between scorings.
class CandidateSums {
 public:
  struct Sum {
    double score = 0;
    std::uint64_t words = 0;
  };

  Sum& of(std::int64_t id) {
    if (id >= 0 && id < kDenseSums) {
      auto index = static_cast<std::size_t>(id);
      if (index >= dense_.size()) dense_.resize(std::max(index + 1, dense_.size() * 2));
      return dense_[index];
    }
    return sparse_[id];
  }
  void clear(std::int64_t id) {
    if (id >= 0 && id < kDenseSums)
      dense_[static_cast<std::size_t>(id)] = Sum{};
    else
      sparse_.erase(id);
  }

 private:
  std::vector<Sum> dense_;
  std::unordered_map<std::int64_t, Sum> sparse_;
};

RelatedScoring::RelatedScoring() = default;
RelatedScoring::~RelatedScoring() = default;

std::vector<ScoredCandidate> RelatedScoring::best(
    const std::vector<std::shared_ptr<const WordPostings>>& postings, std::int64_t rows,
    std::size_t required, std::size_t count) {
  std::unique_ptr<CandidateSums> sums;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      sums = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!sums) sums = std::make_unique<CandidateSums>();

  // Word by word in order, as bm25() adds phrase by phrase: each document's sum is the same
  // (a word it lacks adds 0 there, nothing here). The required words come first: their
  // documents are the candidates, and the later words are added to those only.
  std::vector<std::int64_t> candidates;
  for (std::size_t word = 0; word < postings.size(); ++word) {
    const auto& documents = *postings[word];
    auto idf = bm25_idf(rows, static_cast<std::int64_t>(documents.ids.size()));
    std::uint64_t bit = word < kMaxReportedWords ? std::uint64_t{1} << word : 0;
    bool is_required = word < required;
    for (std::size_t i = 0; i < documents.ids.size(); ++i) {
      auto& sum = sums->of(documents.ids[i]);
      if (!(sum.words & kCandidate)) {
        if (!is_required) continue;
        sum.words = kCandidate;
        candidates.push_back(documents.ids[i]);
      }
      sum.score += idf * documents.saturations[i];
      sum.words |= bit;
    }
  }

  auto better = [](const ScoredCandidate& a, const ScoredCandidate& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  };
  std::vector<ScoredCandidate> best;  // a heap whose top is the worst kept
  for (auto id : candidates) {
    auto& sum = sums->of(id);
    ScoredCandidate candidate{id, sum.score, sum.words & ~kCandidate};
    sums->clear(id);
    if (count == 0) continue;
    if (best.size() < count) {
      best.push_back(candidate);
      std::push_heap(best.begin(), best.end(), better);
    } else if (better(candidate, best.front())) {
      std::pop_heap(best.begin(), best.end(), better);
      best.back() = candidate;
      std::push_heap(best.begin(), best.end(), better);
    }
  }
  std::sort_heap(best.begin(), best.end(), better);
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(sums));
  return best;
}

}  // namespace gazette::store

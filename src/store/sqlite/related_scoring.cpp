// Related candidates scored in memory (see related_scoring.h).
#include "store/sqlite/related_scoring.h"

#include <algorithm>
#include <unordered_map>

#include "store/sqlite/bm25.h"

namespace gazette::store::sqlite {

namespace {
// Ids below this are summed in a vector indexed by id (24 bytes each: 24 MiB at most), the
// rest in a map: article ids are SQLite rowids, dense from 1.
constexpr std::int64_t kDenseSums = std::int64_t{1} << 20;
// A bit of ScoredCandidate::shared_words never reported: set on a document once it has been
// offered as a candidate (it may hold several required words).
constexpr std::uint64_t kOffered = std::uint64_t{1} << 63;
}  // namespace

class CandidateSums {
 public:
  struct Sum {
    double score = 0;
    std::uint64_t words = 0;
    std::uint32_t scoring = 0;  // the scoring that wrote it; an older one's sum reads as zero
  };

  // Starts a scoring: what earlier ones summed reads as zero, without a pass to clear it.
  void begin() {
    sparse_.clear();
    if (++scoring_ == 0) {  // after 4 billion scorings: clear once for real
      std::fill(dense_.begin(), dense_.end(), Sum{});
      scoring_ = 1;
    }
  }

  Sum& of(std::int64_t id) {
    if (id >= 0 && id < kDenseSums) {
      auto index = static_cast<std::size_t>(id);
      if (index >= dense_.size()) dense_.resize(std::max(index + 1, dense_.size() * 2));
      auto& sum = dense_[index];
      if (sum.scoring != scoring_) sum = Sum{0, 0, scoring_};
      return sum;
    }
    return sparse_[id];
  }

 private:
  std::vector<Sum> dense_;
  std::unordered_map<std::int64_t, Sum> sparse_;
  std::uint32_t scoring_ = 0;
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
  sums->begin();

  // Word by word in order, as bm25() adds phrase by phrase: each document's sum is the same
  // (a word it lacks adds 0 there, nothing here).
  for (std::size_t word = 0; word < postings.size(); ++word) {
    const auto& documents = *postings[word];
    auto idf = bm25_idf(rows, static_cast<std::int64_t>(documents.ids.size()));
    std::uint64_t bit = word < kMaxReportedWords ? std::uint64_t{1} << word : 0;
    for (std::size_t i = 0; i < documents.ids.size(); ++i) {
      auto& sum = sums->of(documents.ids[i]);
      sum.score += idf * documents.saturations[i];
      sum.words |= bit;
    }
  }

  // The candidates are the documents of the required words.
  auto better = [](const ScoredCandidate& a, const ScoredCandidate& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  };
  std::vector<ScoredCandidate> best;  // a heap whose top is the worst kept
  for (std::size_t word = 0; word < required && word < postings.size() && count > 0; ++word) {
    for (auto id : postings[word]->ids) {
      auto& sum = sums->of(id);
      if (sum.words & kOffered) continue;
      sum.words |= kOffered;
      ScoredCandidate candidate{id, sum.score, sum.words & ~kOffered};
      if (best.size() < count) {
        best.push_back(candidate);
        std::push_heap(best.begin(), best.end(), better);
      } else if (better(candidate, best.front())) {
        std::pop_heap(best.begin(), best.end(), better);
        best.back() = candidate;
        std::push_heap(best.begin(), best.end(), better);
      }
    }
  }
  std::sort_heap(best.begin(), best.end(), better);
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(sums));
  return best;
}

}  // namespace gazette::store::sqlite

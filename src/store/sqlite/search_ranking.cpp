// Search ranking (see search_ranking.h).
#include "store/sqlite/search_ranking.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "store/ranking/bm25.h"
#include "store/sqlite/search_tokenizer.h"

namespace gazette::store::sqlite {

namespace {

// bm25 with the column weights of the rank of migrations/0002, in search_index's column order:
// title 10, lead 3, body 1, keywords 5.
constexpr std::string_view kScoredMatches =
    "SELECT rowid, search_rank(search_index, ?2, 10.0, 3.0, 1.0, 5.0) FROM search_index"
    " WHERE search_index MATCH ?1";
constexpr std::string_view kMatches = "SELECT rowid FROM search_index WHERE search_index MATCH ?1";
constexpr std::string_view kMatchAt =
    "SELECT 1 FROM search_index WHERE search_index MATCH ?1 AND rowid = ?2";
constexpr std::string_view kMatchCount =
    "SELECT count(*) FROM search_index WHERE search_index MATCH ?1";
// The best matches are kept in a heap of the page's end; this much room is made at once.
constexpr std::size_t kReservedMatches = 1024;

struct RankedMatch {
  std::int64_t tier = 0;  // the score rounded to one decimal, ×10
  std::int64_t published_at = 0;
  std::int64_t id = 0;
};

// Higher tier first, then the newer, then the later id (as two articles of the same second).
bool better(const RankedMatch& a, const RankedMatch& b) {
  return std::tie(a.tier, a.published_at, a.id) > std::tie(b.tier, b.published_at, b.id);
}

// The `capacity` best matches offered: a heap whose top is the worst of them.
class BestMatches {
 public:
  explicit BestMatches(std::size_t capacity) : capacity_(capacity) {
    heap_.reserve(std::min(capacity, kReservedMatches));
  }
  void offer(const RankedMatch& match) {
    if (heap_.size() < capacity_) {
      heap_.push_back(match);
      std::push_heap(heap_.begin(), heap_.end(), better);
    } else if (capacity_ > 0 && better(match, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), better);
      heap_.back() = match;
      std::push_heap(heap_.begin(), heap_.end(), better);
    }
  }
  std::vector<RankedMatch> best_first() && {
    std::sort_heap(heap_.begin(), heap_.end(), better);
    return std::move(heap_);
  }

 private:
  std::size_t capacity_;
  std::vector<RankedMatch> heap_;
};

std::int64_t documents_matching(Connection& connection, const std::string& expression) {
  auto statement = connection.prepare(kMatchCount);
  statement.bind(1, expression);
  return statement.step() ? statement.column_int(0) : 0;
}

// The page of `best` (best first) that `page` asks for.
std::vector<std::int64_t> page_of(const std::vector<RankedMatch>& best, const PageRequest& page) {
  std::vector<std::int64_t> ids;
  for (auto i = static_cast<std::size_t>(std::max<std::int64_t>(page.offset, 0)); i < best.size();
       ++i)
    ids.push_back(best[i].id);
  return ids;
}

std::size_t page_end(const PageRequest& page) {
  return static_cast<std::size_t>(std::max<std::int64_t>(page.offset, 0) +
                                  std::max<std::int64_t>(page.limit, 0));
}

// Every visible match in index order, the best `capacity` kept, none scored (all tie).
std::vector<RankedMatch> newest_matches(Connection& connection, const IndexSnapshot& snapshot,
                                        const TermExpression& expression, std::size_t capacity,
                                        std::int64_t now) {
  BestMatches best(capacity);
  auto statement = connection.prepare(kMatches);
  statement.bind(1, expression.text);
  while (statement.step()) {
    auto id = statement.column_int(0);
    const auto* document = snapshot.find(id);
    if (document && document->published_at <= now) best.offer({0, document->published_at, id});
  }
  return std::move(best).best_first();
}

// All matches tie, so the newest come first. They are counted up to kExactTotalLimit; when
// there are more, the page's are found by probing the snapshot's documents newest first, if
// the matches are dense enough for that to take fewer than kMaxProbes probes.
RankedSearch rank_by_date(Connection& connection, const IndexSnapshot& snapshot,
                          const TermExpression& expression, const PageRequest& page,
                          std::int64_t now) {
  RankedSearch ranked;
  std::vector<RankedMatch> counted;
  std::int64_t last_counted = 0;
  {
    auto statement = connection.prepare(kMatches);
    statement.bind(1, expression.text);
    while (statement.step()) {
      auto id = statement.column_int(0);
      const auto* document = snapshot.find(id);
      if (!document || document->published_at > now) continue;
      if (ranked.total == kExactTotalLimit) {
        ranked.total_exact = false;
        break;
      }
      ++ranked.total;
      last_counted = id;
      counted.push_back({0, document->published_at, id});
    }
  }
  if (ranked.total_exact) {
    std::sort(counted.begin(), counted.end(), better);
    if (counted.size() > page_end(page)) counted.resize(page_end(page));
    ranked.ids = page_of(counted, page);
    return ranked;
  }
  // Article ids are dense: the share of ids up to the last one counted that matched.
  double density = static_cast<double>(ranked.total) / static_cast<double>(last_counted);
  if (static_cast<double>(page_end(page)) <= density * static_cast<double>(kMaxProbes)) {
    std::vector<RankedMatch> found;
    std::size_t probes = 0;
    for (auto id : snapshot.newest_first()) {
      if (found.size() == page_end(page) || probes == kMaxProbes) break;
      const auto* document = snapshot.find(id);
      if (document->published_at > now) continue;  // scheduled: not yet
      ++probes;
      auto statement = connection.prepare(kMatchAt);
      statement.bind(1, expression.text).bind(2, id);
      if (statement.step()) found.push_back({0, document->published_at, id});
    }
    if (found.size() == page_end(page)) {
      ranked.ids = page_of(found, page);
      return ranked;
    }
  }
  ranked.ids = page_of(newest_matches(connection, snapshot, expression, page_end(page), now), page);
  return ranked;
}

// No word or phrase in many documents: the documents holding all of them, from each one's
// postings (merged in id order), scored as search_rank scores them — the same sum, group by
// group, of the same idf × saturation.
RankedSearch rank_from_postings(Connection& connection, const IndexSnapshot& snapshot,
                                WordPostingsCache& cache, const TermExpression& expression,
                                const PageRequest& page, std::int64_t now) {
  RankedSearch ranked;
  std::vector<std::shared_ptr<const WordPostings>> postings;
  std::vector<double> idf;
  for (const auto& group : expression.groups) {
    postings.push_back(cache.postings(connection, snapshot, group.text));
    idf.push_back(bm25_idf(snapshot.rows, static_cast<std::int64_t>(postings.back()->ids.size())));
  }
  // The fewest documents lead; the others' positions follow in id order.
  std::size_t fewest = 0;
  for (std::size_t group = 1; group < postings.size(); ++group)
    if (postings[group]->ids.size() < postings[fewest]->ids.size()) fewest = group;
  std::vector<std::size_t> at(postings.size(), 0);
  BestMatches best(page_end(page));
  for (auto id : postings[fewest]->ids) {
    bool in_all = true;
    for (std::size_t group = 0; group < postings.size() && in_all; ++group) {
      const auto& ids = postings[group]->ids;
      while (at[group] < ids.size() && ids[at[group]] < id) ++at[group];
      in_all = at[group] < ids.size() && ids[at[group]] == id;
    }
    if (!in_all) continue;
    const auto* document = snapshot.find(id);
    if (!document || document->published_at > now) continue;
    ++ranked.total;
    double score = 0;
    for (std::size_t group = 0; group < postings.size(); ++group)
      score += idf[group] * postings[group]->saturations[at[group]];
    best.offer({std::llround(score * kScoreTieScale), document->published_at, id});
  }
  ranked.ids = page_of(std::move(best).best_first(), page);
  return ranked;
}

}  // namespace

RankedSearch rank_search(Connection& connection, const IndexSnapshot& snapshot,
                         WordPostingsCache& postings, const TermExpression& expression,
                         const PageRequest& page, std::int64_t now,
                         std::int64_t max_postings_ranked) {
  RankedSearch ranked;
  if (expression.text.empty()) return ranked;
  auto hits = group_hits(connection, snapshot, expression);
  if (all_matches_tie(snapshot, hits))
    return rank_by_date(connection, snapshot, expression, page, now);
  if (std::all_of(hits.begin(), hits.end(),
                  [&](const GroupHits& group) { return group.at_most <= max_postings_ranked; }))
    return rank_from_postings(connection, snapshot, postings, expression, page, now);
  // Each phrase's idf needs the count of the documents holding it, a walk of its own. With one
  // phrase that is the walk that scores: its score is idf × what search_rank gives for an idf
  // of 1 (0 + idf × s is idf × s, to the bit), computed once the matches are counted.
  bool one_phrase = expression.groups.size() == 1;
  SearchRankContext rank;
  rank.snapshot = &snapshot;
  for (const auto& group : expression.groups) {
    rank.group_sizes.push_back(group.phrases);
    rank.idf.push_back(
        one_phrase ? 1.0 : bm25_idf(snapshot.rows, documents_matching(connection, group.text)));
  }
  struct Scored {
    double score;
    std::int64_t published_at;
    std::int64_t id;
  };
  std::vector<Scored> visible;  // with one phrase: every visible match, to rank once counted
  BestMatches best(page_end(page));
  std::int64_t matches = 0;
  auto statement = connection.prepare(kScoredMatches);
  statement.bind(1, expression.text).bind_pointer(2, &rank, kSearchRankPointer);
  while (statement.step()) {
    ++matches;
    auto id = statement.column_int(0);
    // Scheduled articles are indexed already and appear when their time comes. A document
    // unknown to the snapshot cannot match: the snapshot is the index's generation.
    const auto* document = snapshot.find(id);
    if (!document || document->published_at > now) continue;
    ++ranked.total;
    auto score = statement.column_double(1);
    if (one_phrase)
      visible.push_back({score, document->published_at, id});
    else
      best.offer({std::llround(score * kScoreTieScale), document->published_at, id});
  }
  if (one_phrase) {
    auto idf = bm25_idf(snapshot.rows, matches);
    for (const auto& match : visible)
      best.offer({std::llround(idf * match.score * kScoreTieScale), match.published_at, match.id});
  }
  ranked.ids = page_of(std::move(best).best_first(), page);
  return ranked;
}

std::vector<GroupHits> group_hits(Connection& connection, const IndexSnapshot& snapshot,
                                  const TermExpression& expression) {
  std::vector<GroupHits> hits;
  for (const auto& group : expression.groups) {
    // A phrase is in no more documents than its rarest word; a word in at least as many as its
    // most frequent index term, at most as many as all of them.
    GroupHits bounds{0, snapshot.rows};
    for (const auto& terms : group.word_terms) {
      if (terms.empty()) continue;  // not one word: no bound from it
      GroupHits word{0, 0};
      for (const auto& term : terms) {
        auto statement = connection.prepare("SELECT documents FROM search_terms WHERE term = ?");
        statement.bind(1, term);
        auto documents = statement.step() ? statement.column_int(0) : 0;
        word.at_least = std::max(word.at_least, documents);
        word.at_most += documents;
      }
      bounds.at_most = std::min(bounds.at_most, word.at_most);
      if (group.one_word) bounds.at_least = word.at_least;
    }
    hits.push_back(bounds);
  }
  return hits;
}

bool all_matches_tie(const IndexSnapshot& snapshot, const std::vector<GroupHits>& hits) {
  double highest_score = 0;
  // bm25_saturation stays below k1 + 1, whatever the frequency and length.
  for (const auto& group : hits)
    highest_score += bm25_idf(snapshot.rows, group.at_least) * (kBm25K1 + 1);
  return !hits.empty() && highest_score * kScoreTieScale < 0.5;
}

}  // namespace gazette::store::sqlite

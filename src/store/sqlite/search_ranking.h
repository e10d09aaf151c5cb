// The ranking of a search over the FTS5 index: every match scored by bm25 (title ×10,
// keywords ×5, lead ×3, body ×1), scores rounded to one decimal so that close ones tie and the
// newer article wins, the visible ones counted, and only the requested page kept.
//
// Where the time goes, and why it is done this way (100,000 articles): SQL's ORDER BY over
// bm25() cost about 1.5 µs a match (90 % of it FTS5 reading each document's length from its
// docsize table) plus 10 µs a match to read the date from the articles row (its body makes it
// several pages). Here FTS5 only finds the matches; lengths and dates come from memory
// (IndexSnapshot): about 0.1 µs a match. A word in half the articles or more weighs nothing in
// bm25 (its idf is floored at 1e-6), so every match of a query made of such words ties: those
// are not scored at all, only ordered by date — a common word's 89,000 matches are counted and
// their dates compared, in about 3 ms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite/database.h"
#include "store/sqlite/fts_expression.h"
#include "store/sqlite/indexed_documents.h"
#include "store/sqlite/word_postings.h"
#include "store/store.h"

namespace gazette::store::sqlite {

/// Scores a tenth apart or closer are a tie (they are rounded to one decimal).
constexpr double kScoreTieScale = 10;
/// When every match ties (the query's words are in half the articles or more), matches are
/// counted up to this many: past it, counting costs more than the search (a common word of a
/// 100,000-article site has 89,000 matches), and the pages shown hold this many anyway (100
/// pages of 10). Matches that are scored are all counted, the count coming with the scoring.
constexpr std::int64_t kExactTotalLimit = 1000;
/// Documents probed one by one, newest first, for a page of tied matches: beyond this many a
/// walk of all the matches is cheaper (a probe costs about 20 µs; a walk of 89,000, 5 ms).
constexpr std::size_t kMaxProbes = 250;

/// A query of words and phrases each in at most this many documents is ranked from their
/// postings (word_postings.h: read from the index once, then kept until it changes), not by a
/// walk of the index: then a repeated search — readers search the same news — costs
/// microseconds rather than milliseconds. Beyond it postings would cost more to read and keep
/// than the walk (a common word's run to megabytes), and ranking walks the index.
constexpr std::int64_t kMaxPostingsRanked = 20'000;

/// A page of ranked matches, and how many visible ones there are in all.
struct RankedSearch {
  std::vector<std::int64_t> ids;
  std::int64_t total = 0;
  bool total_exact = true;  // false: there are more than `total` (kExactTotalLimit)
};

/// Ranks the documents matching `expression` that are published at `now` (Unix seconds), and
/// returns page `page` of them, reading postings through `postings` when no group of the
/// expression is in more than `max_postings_ranked` documents. Run it inside the read
/// transaction `snapshot` was taken in.
RankedSearch rank_search(Connection& connection, const IndexSnapshot& snapshot,
                         WordPostingsCache& postings, const TermExpression& expression,
                         const PageRequest& page, std::int64_t now,
                         std::int64_t max_postings_ranked = kMaxPostingsRanked);

/// Bounds of the documents holding each group of an expression, from search_terms' counts of
/// its stems (a lookup each): a word is in at least as many as its most frequent stem, at most
/// as many as all its stems together; a phrase in at least none, at most as many as its rarest
/// word.
struct GroupHits {
  std::int64_t at_least = 0;
  std::int64_t at_most = 0;
};
std::vector<GroupHits> group_hits(Connection& connection, const IndexSnapshot& snapshot,
                                  const TermExpression& expression);

/// True when no document can score 0.05 or more, so every match rounds to 0 and ties: each
/// group's bm25 is below idf × (k1 + 1), and its idf at most that of `at_least` documents — a
/// word in half the articles has an idf of 1e-6.
bool all_matches_tie(const IndexSnapshot& snapshot, const std::vector<GroupHits>& hits);

}  // namespace gazette::store::sqlite

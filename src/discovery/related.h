// "You may also like": the articles closest to an article by content, computed when it is
// published or changed and stored, so an article page only reads a short list.
//
// The algorithm (Lucene's "more like this", plus what editors tell us):
//  1. The article's words are stemmed in the site's language and counted, a word of the title
//     or of a tag counting 3 times, of the lead twice, of the body once.
//  2. Each stem is weighted by TF-IDF: (1 + ln tf) × ln(N / df), with N the indexed articles
//     and df those holding the stem (counted as the index is written, so reading it costs a
//     lookup; counting it from the index walked the stem's whole list, 2 ms for a common word
//     at 100,000 articles, and an article has a hundred stems). Stems of no other
//     article and stems in more than half the articles (« les », « the ») say nothing: out.
//  3. The kQueryTerms heaviest stems are looked up in the search index; BM25 over all of them
//     (title ×10, keywords ×5, lead ×3, body ×1) scores the articles holding them. Only the
//     articles holding one of the few heaviest stems are candidates: those whose lighter rest
//     weighs less than kMinCoverage of the whole, since an article holding none of them would
//     be dropped at step 5 anyway (but for one sharing kStrongTagCount tags and none of those
//     stems, which tag names, weighing 3, make rare). The store scores them in memory, a word
//     at a time, from each word's documents read from the index once and kept for the next
//     lists (store/sqlite/word_postings.h): the same scores as FTS5's bm25() over the words,
//     at about 1 ms a list at 100,000 generated articles instead of 30.
//  4. Content closeness blends the two views of the same TF-IDF: half the candidate's BM25
//     relative to the best candidate's, half its coverage — the share of the article's
//     looked-up TF-IDF weight that the candidate holds, relative to the best coverage. It gets
//     kSharedTagBonus per tag shared with the article (up to kMaxSharedTags), and is
//     multiplied by a closeness in time: 1 − kRecencyWeight + kRecencyWeight ×
//     0.5^(days apart / kRecencyHalfLifeDays), so among equally close articles those of the
//     same days — the same story — come first, and for a new article the recent ones.
//  5. Candidates covering less than kMinCoverage of the article's weight are dropped unless
//     they share kStrongTagCount tags: a few common words (« renverser le gouvernement »,
//     « président ») are not a relation. The best kMaxRelated are kept.
// The article itself is never a candidate; unpublished ones are never indexed, and scheduled
// ones are filtered out when the list is read until their time comes.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/discovery_store.h"
#include "text/stemmer.h"

namespace gazette::discovery {

/// An article page shows up to this many: two rows of three cards.
constexpr int kMaxRelated = 6;
/// Stems looked up per article: enough to describe a story, few enough to stay a fast query.
constexpr std::size_t kQueryTerms = 24;
/// Candidates scored per article, from the index's best matches.
constexpr int kCandidates = 40;
constexpr double kSharedTagBonus = 0.15;
constexpr int kMaxSharedTags = 4;
constexpr double kRecencyWeight = 0.3;
constexpr double kRecencyHalfLifeDays = 30;
constexpr double kMinCoverage = 0.2;
constexpr int kStrongTagCount = 2;

/// What a computation found: the list to store, and every candidate it scored (best first),
/// the articles most likely to list this one in turn.
struct RelatedComputation {
  store::RelatedList list;
  std::vector<content::ArticleId> candidates;
};

/// Document frequencies read from the store (a lookup each: the store keeps them beside the
/// index) and stems of words, remembered for one batch of computations, which meet the same
/// words in every article (stemming each word of an article was a tenth of a list's time).
/// Not thread-safe: one per batch, on the thread that runs it.
class TermStatistics {
 public:
  explicit TermStatistics(store::DiscoveryStore& store) : store_(store) {}
  double indexed_documents();
  /// The document frequency of each of `terms`, in order.
  std::vector<std::int64_t> frequencies(const std::vector<std::string>& terms);
  /// The stem of `folded_word` in `language`.
  const std::string& stem(const std::string& folded_word, text::StemLanguage language);

 private:
  store::DiscoveryStore& store_;
  std::optional<double> indexed_;
  std::unordered_map<std::string, std::int64_t> frequencies_;
  std::optional<text::Stemmer> stemmer_;
  text::StemLanguage stem_language_ = text::StemLanguage::french;
  std::unordered_map<std::string, std::string> stems_;  // by folded word, in stemmer_'s language
};

class RelatedArticles {
 public:
  RelatedArticles(store::DiscoveryStore& store) : store_(store) {}

  /// Computes the related articles of `id`, stemming in `site_language` (the caller stores
  /// them, so that many are saved in one transaction). An article that is not indexed (not
  /// published) gets an empty list.
  RelatedComputation compute(content::ArticleId id, std::string_view site_language,
                             TermStatistics& statistics);

 private:
  store::DiscoveryStore& store_;
};

}  // namespace gazette::discovery

// Related articles by TF-IDF and BM25 (the algorithm is described in related.h).
#include "discovery/related.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "text/stop_words.h"
#include "text/words.h"

namespace gazette::discovery {

namespace {

// How much a word counts by where it stands (step 1).
constexpr double kTitleWeight = 3;
constexpr double kKeywordWeight = 3;
constexpr double kLeadWeight = 2;
constexpr double kBodyWeight = 1;
constexpr double kSecondsPerDay = 86400;
// Below this many articles "in more than half of them" is chance, not a sign of a common word.
constexpr double kMinCorpusForCommonWords = 8;

struct TermCount {
  double frequency = 0;
  std::string word;  // a folded form of the word, which the index stems the same way
};

void count_words(std::string_view source, double weight, text::StemLanguage language,
                 TermStatistics& statistics, std::map<std::string, TermCount>& terms) {
  text::for_each_word(source, [&](const text::Word& word) {
    if (!text::is_subject_word(word.folded)) return true;
    auto& term = terms[statistics.stem(word.folded, language)];
    term.frequency += weight;
    if (term.word.empty()) term.word = word.folded;
    return true;
  });
}

// How many of the heaviest looked-up words a candidate must hold one of (step 3): the fewest
// whose lighter rest weighs less than kMinCoverage of the whole. An article holding none of
// them covers less than kMinCoverage, so step 5 would drop it (unless it shares
// kStrongTagCount tags, whose names are heavy words anyway): the index need not score it.
std::size_t required_words(const std::vector<std::pair<double, std::string>>& weighted,
                           double total_weight) {
  double rest = total_weight;
  std::size_t required = 0;
  while (required < weighted.size() && rest >= kMinCoverage * total_weight)
    rest -= weighted[required++].first;
  return required;
}

}  // namespace

double TermStatistics::indexed_documents() {
  if (!indexed_) indexed_ = static_cast<double>(store_.indexed_documents());
  return *indexed_;
}

std::vector<std::int64_t> TermStatistics::frequencies(const std::vector<std::string>& terms) {
  std::vector<std::string> missing;
  for (const auto& term : terms)
    if (!frequencies_.contains(term)) missing.push_back(term);
  auto found = store_.document_frequencies(missing);
  for (std::size_t i = 0; i < missing.size(); ++i) frequencies_[missing[i]] = found[i];
  std::vector<std::int64_t> result;
  result.reserve(terms.size());
  for (const auto& term : terms) result.push_back(frequencies_[term]);
  return result;
}

const std::string& TermStatistics::stem(const std::string& folded_word,
                                        text::StemLanguage language) {
  if (!stemmer_ || stem_language_ != language) {
    stemmer_.emplace(language);
    stem_language_ = language;
    stems_.clear();
  }
  auto found = stems_.find(folded_word);
  if (found == stems_.end()) found = stems_.emplace(folded_word, stemmer_->stem(folded_word)).first;
  return found->second;
}

RelatedComputation RelatedArticles::compute(content::ArticleId id, std::string_view site_language,
                                            TermStatistics& statistics) {
  RelatedComputation computation;
  computation.list.id = id;
  auto document = store_.search_document(id);
  if (!document) return computation;

  // 1. Weighted term frequencies.
  auto language = text::stem_language_for(site_language);
  std::map<std::string, TermCount> terms;
  count_words(document->title, kTitleWeight, language, statistics, terms);
  count_words(document->keywords, kKeywordWeight, language, statistics, terms);
  count_words(document->lead, kLeadWeight, language, statistics, terms);
  count_words(document->body, kBodyWeight, language, statistics, terms);

  // 2. TF-IDF.
  std::vector<std::string> stems;
  for (const auto& [stem, count] : terms) stems.push_back(stem);
  auto frequencies = statistics.frequencies(stems);
  auto total = statistics.indexed_documents();
  std::vector<std::pair<double, std::string>> weighted;
  for (std::size_t i = 0; i < stems.size(); ++i) {
    auto df = static_cast<double>(frequencies[i]);
    if (df <= 1 || (total >= kMinCorpusForCommonWords && df > total / 2)) continue;
    const auto& term = terms[stems[i]];
    weighted.emplace_back((1 + std::log(term.frequency)) * std::log(total / df), term.word);
  }
  std::sort(weighted.begin(), weighted.end(), std::greater<>());
  if (weighted.size() > kQueryTerms) weighted.resize(kQueryTerms);

  // 3. Candidates from the index.
  std::vector<std::string> words;
  for (const auto& [weight, word] : weighted) words.push_back(word);
  double total_weight = 0;
  for (const auto& [weight, word] : weighted) total_weight += weight;
  auto candidates =
      store_.related_candidates(id, words, required_words(weighted, total_weight), kCandidates);
  auto coverage_of = [&](const store::RelatedCandidate& candidate) {
    double shared = 0;
    for (std::size_t i = 0; i < weighted.size() && i < 62; ++i)
      if (candidate.shared_words & (std::uint64_t{1} << i)) shared += weighted[i].first;
    return total_weight > 0 ? shared / total_weight : 0;
  };
  double best = 0;
  double best_coverage = 0;
  for (const auto& candidate : candidates) {
    best = std::max(best, candidate.content_score);
    best_coverage = std::max(best_coverage, coverage_of(candidate));
  }

  // 4 and 5. Final scores.
  std::vector<store::RelatedArticle> scored;
  for (const auto& candidate : candidates) {
    computation.candidates.push_back(candidate.id);
    double coverage = coverage_of(candidate);
    if (coverage < kMinCoverage && candidate.shared_tags < kStrongTagCount) continue;
    double content = 0.5 * (best > 0 ? candidate.content_score / best : 0) +
                     0.5 * (best_coverage > 0 ? coverage / best_coverage : 0);
    double tags = kSharedTagBonus * std::min(candidate.shared_tags, kMaxSharedTags);
    double days =
        std::abs(static_cast<double>((candidate.published_at - document->published_at).count())) /
        kSecondsPerDay;
    double closeness = std::pow(0.5, days / kRecencyHalfLifeDays);
    double score = (content + tags) * (1 - kRecencyWeight + kRecencyWeight * closeness);
    scored.push_back({candidate.id, score});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  if (scored.size() > static_cast<std::size_t>(kMaxRelated)) scored.resize(kMaxRelated);
  computation.list.related = std::move(scored);
  return computation;
}

}  // namespace gazette::discovery

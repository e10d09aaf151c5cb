// Search snippets (see search_snippet.h).
#include "store/postgres/search_snippet.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "store/discovery_store.h"
#include "text/words.h"

namespace gazette::store::postgres {

namespace {

constexpr std::string_view kEllipsis = "…";

// FTS5's snippet() scores: a window gains this much for each term it holds the first time…
constexpr int kFirstSightScore = 1000;
// …and this much for each further match of a term it holds already.
constexpr int kRepeatScore = 1;
// A window that starts where the match's sentence starts gains this much (more at the text's
// start), so that a snippet reads from a sentence's start when it can.
constexpr int kSentenceStartBonus = 100;
constexpr int kTextStartBonus = 120;

struct Word {
  std::size_t begin, end;
  std::vector<std::string> stems;  // its index terms
};

// One occurrence of a phrase of the query: its words from `start`, in order.
struct Instance {
  std::size_t phrase, start, size;
};

// True when the word at `begin` starts a sentence as FTS5's sentence finder sees it
// (fts5SentenceFinderCb): after blanks that follow a '.' or a ':'.
bool starts_sentence(std::string_view text, std::size_t begin) {
  std::size_t at = begin;
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t' || text[at - 1] == '\n' ||
                    text[at - 1] == '\r'))
    --at;
  return at != begin && at > 0 && (text[at - 1] == '.' || text[at - 1] == ':');
}

bool holds(const Word& word, const std::vector<std::string>& terms) {
  for (const auto& stem : word.stems)
    if (std::find(terms.begin(), terms.end(), stem) != terms.end()) return true;
  return false;
}

// Every occurrence of every phrase, in the order of the text (FTS5's xInst order).
std::vector<Instance> instances_of(const std::vector<Word>& words, const QueryPhrases& phrases) {
  std::vector<Instance> found;
  for (std::size_t at = 0; at < words.size(); ++at) {
    for (std::size_t phrase = 0; phrase < phrases.size(); ++phrase) {
      const auto& phrase_words = phrases[phrase];
      if (phrase_words.empty() || at + phrase_words.size() > words.size()) continue;
      bool all = true;
      for (std::size_t i = 0; all && i < phrase_words.size(); ++i)
        all = holds(words[at + i], phrase_words[i]);
      if (all) found.push_back({phrase, at, phrase_words.size()});
    }
  }
  return found;
}

struct Window {
  int score = 0;
  std::size_t first_match = 0, end_of_last_match = 0;  // valid when score > 0
};

// The phrase occurrences starting in the window of kSnippetWords words from `start`
// (fts5SnippetScore).
Window score_window(const std::vector<Instance>& instances, std::size_t start,
                    std::size_t phrases) {
  Window window;
  std::vector<bool> seen(phrases, false);
  for (const auto& instance : instances) {
    if (instance.start < start || instance.start >= start + kSnippetWords) continue;
    if (window.score == 0) window.first_match = instance.start;
    window.score += seen[instance.phrase] ? kRepeatScore : kFirstSightScore;
    seen[instance.phrase] = true;
    window.end_of_last_match = instance.start + instance.size;
  }
  return window;
}

// The first word of the snippet, chosen as FTS5's snippet() chooses it (fts5_aux.c,
// fts5SnippetFunction): for each occurrence in turn, the window of its matches centred, and the
// window from its sentence's start with a bonus; the first of the best scores wins.
std::size_t best_start(std::string_view text, const std::vector<Word>& words,
                       const std::vector<Instance>& instances, std::size_t phrases) {
  std::vector<std::size_t> sentence_starts;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (i == 0 || starts_sentence(text, words[i].begin)) sentence_starts.push_back(i);
  const auto size = static_cast<std::int64_t>(words.size());
  const auto span = static_cast<std::int64_t>(kSnippetWords);
  int best_score = 0;
  std::size_t best = 0;
  for (const auto& instance : instances) {
    auto window = score_window(instances, instance.start, phrases);
    auto first = static_cast<std::int64_t>(window.first_match);
    auto last = static_cast<std::int64_t>(window.end_of_last_match);
    auto centred = first - (span - (last - first)) / 2;
    if (centred + span > size) centred = size - span;
    if (centred < 0) centred = 0;
    if (window.score > best_score) {
      best_score = window.score;
      best = static_cast<std::size_t>(centred);
    }
    if (words.size() <= kSnippetWords) continue;
    auto sentence =
        std::upper_bound(sentence_starts.begin(), sentence_starts.end(), instance.start);
    std::size_t sentence_start = *std::prev(sentence);
    if (sentence_start >= instance.start) continue;
    auto from_sentence = score_window(instances, sentence_start, phrases).score +
                         (sentence_start == 0 ? kTextStartBonus : kSentenceStartBonus);
    if (from_sentence > best_score) {
      best_score = from_sentence;
      best = sentence_start;
    }
  }
  return best;
}

}  // namespace

Snippet search_snippet(text::IndexStemmer& stemmer, std::string_view text,
                       const QueryPhrases& phrases) {
  std::vector<Word> words;
  text::for_each_word(text, [&](const text::Word& word) {
    Word found{word.begin, word.end, {}};
    stemmer.stems(word.folded, [&](const std::string& stem, bool) {
      found.stems.push_back(stem);
      return true;
    });
    words.push_back(std::move(found));
    return true;
  });
  Snippet snippet;
  if (words.empty()) return snippet;
  auto instances = instances_of(words, phrases);
  std::size_t first = best_start(text, words, instances, phrases.size());
  std::size_t last = std::min(words.size(), first + kSnippetWords) - 1;
  // From the text's start when the window starts with its first word, to its end likewise.
  std::size_t from = first == 0 ? 0 : words[first].begin;
  std::size_t to = last + 1 == words.size() ? text.size() : words[last].end;
  if (first > 0) snippet.text += kEllipsis;
  std::size_t copied = from;
  // Occurrences that overlap are marked as one, and a mark is cut at the window's edges
  // (fts5CInstIterNext, fts5HighlightCb).
  for (std::size_t i = 0; i < instances.size();) {
    std::size_t mark_begin = instances[i].start;
    std::size_t mark_end = instances[i].start + instances[i].size - 1;  // its last word
    for (++i; i < instances.size() && instances[i].start <= mark_end; ++i)
      mark_end = std::max(mark_end, instances[i].start + instances[i].size - 1);
    if (mark_end < first || mark_begin > last) continue;
    mark_begin = std::max(mark_begin, first);
    mark_end = std::min(mark_end, last);
    snippet.matched = true;
    snippet.text.append(text.substr(copied, words[mark_begin].begin - copied));
    snippet.text += kMatchBegin;
    snippet.text.append(
        text.substr(words[mark_begin].begin, words[mark_end].end - words[mark_begin].begin));
    snippet.text += kMatchEnd;
    copied = words[mark_end].end;
  }
  snippet.text.append(text.substr(copied, to - copied));
  if (last + 1 < words.size()) snippet.text += kEllipsis;
  return snippet;
}

}  // namespace gazette::store::postgres

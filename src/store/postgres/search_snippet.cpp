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

struct Found {
  std::size_t begin, end;
  int term;  // the index of the query term it holds, -1 for none
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

struct Window {
  int score = 0;
  std::size_t first_match = 0, end_of_last_match = 0;  // valid when score > 0
};

// The matches in the window of kSnippetWords words from `start` (fts5SnippetScore).
Window score_window(const std::vector<Found>& words, std::size_t start, std::size_t terms) {
  Window window;
  std::vector<bool> seen(terms, false);
  for (std::size_t i = start; i < words.size() && i < start + kSnippetWords; ++i) {
    if (words[i].term < 0) continue;
    auto term = static_cast<std::size_t>(words[i].term);
    if (window.score == 0) window.first_match = i;
    window.score += seen[term] ? kRepeatScore : kFirstSightScore;
    seen[term] = true;
    window.end_of_last_match = i + 1;
  }
  return window;
}

// The first word of the snippet, chosen as FTS5's snippet() chooses it (fts5_aux.c,
// fts5SnippetFunction): for each match in turn, the window of its matches centred, and the
// window from its sentence's start with a bonus; the first of the best scores wins.
std::size_t best_start(std::string_view text, const std::vector<Found>& words, std::size_t terms) {
  std::vector<std::size_t> sentence_starts;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (i == 0 || starts_sentence(text, words[i].begin)) sentence_starts.push_back(i);
  const auto size = static_cast<std::int64_t>(words.size());
  const auto span = static_cast<std::int64_t>(kSnippetWords);
  int best_score = 0;
  std::size_t best = 0;
  for (std::size_t at = 0; at < words.size(); ++at) {
    if (words[at].term < 0) continue;
    auto window = score_window(words, at, terms);
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
    auto sentence = std::upper_bound(sentence_starts.begin(), sentence_starts.end(), at);
    std::size_t sentence_start = *std::prev(sentence);
    if (sentence_start >= at) continue;
    auto from_sentence = score_window(words, sentence_start, terms).score +
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
                       const std::vector<std::string>& terms) {
  std::vector<Found> words;
  text::for_each_word(text, [&](const text::Word& word) {
    int term = -1;
    stemmer.stems(word.folded, [&](const std::string& stem, bool) {
      auto found = std::find(terms.begin(), terms.end(), stem);
      if (found != terms.end()) term = static_cast<int>(found - terms.begin());
      return term < 0;
    });
    words.push_back({word.begin, word.end, term});
    return true;
  });
  Snippet snippet;
  if (words.empty()) return snippet;
  std::size_t first = best_start(text, words, terms.size());
  std::size_t last = std::min(words.size(), first + kSnippetWords) - 1;
  // From the text's start when the window starts with its first word, to its end likewise.
  std::size_t from = first == 0 ? 0 : words[first].begin;
  std::size_t to = last + 1 == words.size() ? text.size() : words[last].end;
  if (first > 0) snippet.text += kEllipsis;
  std::size_t copied = from;
  for (std::size_t i = first; i <= last; ++i) {
    if (words[i].term < 0) continue;
    snippet.matched = true;
    snippet.text.append(text.substr(copied, words[i].begin - copied));
    snippet.text += kMatchBegin;
    snippet.text.append(text.substr(words[i].begin, words[i].end - words[i].begin));
    snippet.text += kMatchEnd;
    copied = words[i].end;
  }
  snippet.text.append(text.substr(copied, to - copied));
  if (last + 1 < words.size()) snippet.text += kEllipsis;
  return snippet;
}

}  // namespace gazette::store::postgres

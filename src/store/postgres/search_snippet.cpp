// Search snippets (see search_snippet.h).
#include "store/postgres/search_snippet.h"

#include <algorithm>

#include "store/discovery_store.h"
#include "text/words.h"

namespace gazette::store::postgres {

namespace {

// Words shown before the first match, so it is read in its sentence.
constexpr std::size_t kWordsBeforeMatch = 4;

constexpr std::string_view kEllipsis = "…";

}  // namespace

Snippet search_snippet(text::IndexStemmer& stemmer, std::string_view text,
                       const std::vector<std::string>& terms) {
  struct Found {
    std::size_t begin, end;
    bool matched;
  };
  std::vector<Found> words;
  text::for_each_word(text, [&](const text::Word& word) {
    bool matched = false;
    stemmer.stems(word.folded, [&](const std::string& stem, bool) {
      matched = std::find(terms.begin(), terms.end(), stem) != terms.end();
      return !matched;
    });
    words.push_back({word.begin, word.end, matched});
    return true;
  });
  Snippet snippet;
  if (words.empty()) return snippet;
  auto first_match =
      std::find_if(words.begin(), words.end(), [](const Found& w) { return w.matched; });
  std::size_t first = 0;
  if (first_match != words.end()) {
    auto at = static_cast<std::size_t>(first_match - words.begin());
    first = at > kWordsBeforeMatch ? at - kWordsBeforeMatch : 0;
    // A window that ends with the text starts earlier, to show as many words.
    if (words.size() - first < kSnippetWords)
      first = words.size() > kSnippetWords ? words.size() - kSnippetWords : 0;
  }
  std::size_t last = std::min(words.size(), first + kSnippetWords) - 1;
  // From the text's start when the window starts with its first word, to its end likewise.
  std::size_t from = first == 0 ? 0 : words[first].begin;
  std::size_t to = last + 1 == words.size() ? text.size() : words[last].end;
  if (first > 0) snippet.text += kEllipsis;
  std::size_t copied = from;
  for (std::size_t i = first; i <= last; ++i) {
    if (!words[i].matched) continue;
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

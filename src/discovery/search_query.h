// A reader's search query, read into what the index can match: phrases of words. Nothing the
// reader types is passed on as query syntax, so no query can fail: quotes (" " « » “ ”) make
// phrases, an unbalanced quote is ignored, operators and column filters are plain words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::discovery {

/// Only so much of a query is read: no real query is longer, and each word costs a lookup.
constexpr std::size_t kMaxQueryBytes = 1024;
/// Every phrase must match; past this many, more words only narrow results to nothing.
constexpr std::size_t kMaxPhrases = 12;
constexpr std::size_t kMaxWordsPerPhrase = 12;

struct SearchQuery {
  /// Each phrase is folded words in order; every phrase must match. Empty: nothing to search.
  std::vector<std::vector<std::string>> phrases;
  /// The query as the page shows it back: valid UTF-8, no control characters, trimmed.
  std::string display;
};

/// Reads `text` (any bytes). « l’État », "Saint-Lucien" and `"tour de France"` are phrases;
/// words of one chunk joined by anything else (":", "*", "(") are separate words.
SearchQuery parse_search_query(std::string_view text);

/// `text` as valid UTF-8 (invalid bytes replaced by U+FFFD) without control characters.
std::string printable_text(std::string_view text);

}  // namespace gazette::discovery

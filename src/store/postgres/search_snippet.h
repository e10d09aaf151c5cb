// Search snippets on PostgreSQL, made as SQLite's snippet() makes them: up to 28 words of a part,
// the window FTS5 would choose (the most distinct matches, from a sentence's start when it can),
// each word holding one of the query's index terms between kMatchBegin and kMatchEnd, "…" where the
// part goes on. Made in C++ from the word rules (ts_headline would parse the text again through a
// configuration that neither folds nor stems as the index does).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/index_stemmer.h"

namespace gazette::store::postgres {

/// Words a snippet shows at most (SQLite's snippet(…, 28)).
constexpr std::size_t kSnippetWords = 28;

struct Snippet {
  std::string text;
  bool matched = false;  // whether a word of the query is marked in it
};

/// A query's phrases: per phrase, per word, its index terms (QueryTerms::groups).
using QueryPhrases = std::vector<std::vector<std::vector<std::string>>>;

/// The snippet of `text` for a query of `phrases`: each occurrence of a phrase marked, as one
/// mark, as FTS5's snippet() marks it.
Snippet search_snippet(text::IndexStemmer& stemmer, std::string_view text,
                       const QueryPhrases& phrases);

}  // namespace gazette::store::postgres

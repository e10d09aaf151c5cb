// FTS5 query expressions built from words, never from a reader's text: each phrase is quoted,
// so nothing inside it is syntax (NEAR, AND, *, col:) whatever it holds; a one-word phrase is
// looked up by its index terms (see kIndexTermMarker).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite/search_tokenizer.h"

namespace gazette::store::sqlite {

/// An FTS5 string: double quotes doubled, so nothing inside is syntax.
std::string fts_quoted(std::string_view text);

/// Documents holding every phrase of a query, in FTS5 syntax, one group of FTS5 phrases per
/// phrase of the query: `("\x01stem1" OR "\x01stem2")` for a one-word phrase whose French and
/// English stems differ, `"\x01stem"` when they agree, `"w1 w2"` for a longer phrase.
struct TermExpression {
  std::string text;                 // the groups joined by AND; empty: nothing to find
  std::vector<std::string> groups;  // each group alone (to count the documents it matches)
  std::vector<int> group_sizes;     // FTS5 phrases in each group
  std::vector<std::vector<std::string>> group_terms;  // a one-word group's stems; else empty
  std::vector<std::string> group_words;               // a one-word group's word; else empty
};

/// The expression of `phrases` (words of discovery/words); empty phrases are skipped.
TermExpression term_expression(IndexStemmer& stemmer,
                               const std::vector<std::vector<std::string>>& phrases);

}  // namespace gazette::store::sqlite

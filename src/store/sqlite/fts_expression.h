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
  struct Group {
    std::string text;  // the group alone (to count or list the documents it matches)
    int phrases = 1;   // FTS5 phrases in it
    bool one_word = false;
    /// Each word's index terms (none when the word is not exactly one word of text/words):
    /// search_terms counts the documents holding each.
    std::vector<std::vector<std::string>> word_terms;
  };
  std::string text;  // the groups joined by AND; empty: nothing to find
  std::vector<Group> groups;
};

/// The expression of `phrases` (words of text/words); empty phrases are skipped.
TermExpression term_expression(text::IndexStemmer& stemmer,
                               const std::vector<std::vector<std::string>>& phrases);

}  // namespace gazette::store::sqlite

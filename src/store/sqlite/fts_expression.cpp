// FTS5 query expressions (see fts_expression.h).
#include "store/sqlite/fts_expression.h"

#include "discovery/words/words.h"

namespace gazette::store::sqlite {

namespace {

// The index terms of `word` as the tokenizer would look it up, or none when it is not exactly
// one word (the caller then quotes it, and FTS5 tokenizes it).
std::vector<std::string> index_terms(IndexStemmer& stemmer, const std::string& word) {
  std::vector<std::string> terms;
  int words = 0;
  discovery::for_each_word(word, [&](const discovery::Word& found) {
    if (++words > 1) return false;
    stemmer.stems(found.folded, [&](const std::string& stem, bool) {
      terms.push_back(stem);
      return true;
    });
    return true;
  });
  if (words != 1) terms.clear();
  return terms;
}

}  // namespace

std::string fts_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

TermExpression term_expression(IndexStemmer& stemmer,
                               const std::vector<std::vector<std::string>>& phrases) {
  TermExpression expression;
  for (const auto& phrase : phrases) {
    if (phrase.empty()) continue;
    TermExpression::Group group;
    for (const auto& word : phrase) group.word_terms.push_back(index_terms(stemmer, word));
    const auto& terms = group.word_terms.front();
    group.one_word = phrase.size() == 1 && !terms.empty();
    if (group.one_word) {
      for (const auto& term : terms)
        group.text += (group.text.empty() ? "" : " OR ") + fts_quoted(kIndexTermMarker + term);
      if (terms.size() > 1) group.text = "(" + group.text + ")";
      group.phrases = static_cast<int>(terms.size());
    } else {
      std::string words;
      for (const auto& word : phrase) words += (words.empty() ? "" : " ") + word;
      group.text = fts_quoted(words);
    }
    expression.text += (expression.text.empty() ? "" : " AND ") + group.text;
    expression.groups.push_back(std::move(group));
  }
  return expression;
}

}  // namespace gazette::store::sqlite

// FTS5 query expressions (see fts_expression.h).
#include "store/sqlite/fts_expression.h"

#include "text/words.h"

namespace gazette::store::sqlite {

namespace {

// The index terms of `word` as the tokenizer would look it up, or none when it is not exactly
// one word (the caller then quotes it, and FTS5 tokenizes it).
std::vector<std::string> index_terms(text::IndexStemmer& stemmer, const std::string& word) {
  std::vector<std::string> terms;
  int words = 0;
  text::for_each_word(word, [&](const text::Word& found) {
    if (++words > 1) return false;
    terms = stemmer.terms(found.folded);
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

TermExpression term_expression(text::IndexStemmer& stemmer,
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

// tsvector and tsquery literals from the word rules (see search_vector.h).
#include "store/postgres/search_vector.h"

#include <algorithm>
#include <map>
#include <string>

#include "text/words.h"

namespace gazette::store::postgres {

namespace {

// Positions skipped between two parts, so a phrase never spans the end of one and the start
// of the next (the title's last word and the keywords' first).
constexpr int kPartGap = 1;

std::string escaped(const std::string& text, char quote) {
  std::string out;
  for (char c : text) {
    if (c == quote || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// A phrase's words' index terms, each word as an alternation: ('a' | 'b') <-> 'c'.
std::string phrase_literal(const std::vector<std::vector<std::string>>& words) {
  std::string literal;
  for (const auto& terms : words) {
    std::string word;
    for (const auto& term : terms) word += (word.empty() ? "" : " | ") + quoted_lexeme(term);
    if (terms.size() > 1) word = "(" + word + ")";
    literal += (literal.empty() ? "" : " <-> ") + word;
  }
  return words.size() > 1 ? "(" + literal + ")" : literal;
}

// A part's weight in bm25, by its code in search_postings' places (A title … D body), as SQLite's
// rank weighs its columns.
constexpr int kPartWeights[] = {10, 5, 3, 1};
constexpr int kPartsPerPosition = 4;

// The posting of `term` from its places ("12A"…): one per position, under the heaviest part
// written there, as tsvector input keeps a lexeme's positions (a clamped position is shared).
TermPosting term_posting(const std::string& term, const std::vector<std::string>& places) {
  std::map<int, int> parts;  // position → part code (0 title … 3 body), the lowest wins
  for (const auto& place : places) {
    int position = std::stoi(place.substr(0, place.size() - 1));
    int part = place.back() - 'A';
    auto [at, added] = parts.emplace(position, part);
    if (!added) at->second = std::min(at->second, part);
  }
  TermPosting posting{term, 0, "{"};
  for (const auto& [position, part] : parts) {
    posting.frequency += kPartWeights[part];
    if (posting.places.size() > 1) posting.places += ',';
    posting.places += std::to_string(position * kPartsPerPosition + part);
  }
  posting.places += '}';
  return posting;
}

}  // namespace

std::string quoted_lexeme(const std::string& term) {
  std::string quoted(1, '\'');
  quoted += escaped(term, '\'');
  quoted += '\'';
  return quoted;
}

std::string text_array(const std::vector<std::string>& items) {
  std::string literal = "{";
  for (const auto& item : items)
    literal += (literal.size() > 1 ? ",\"" : "\"") + escaped(item, '"') + "\"";
  return literal + "}";
}

DocumentVector document_vector(text::IndexStemmer& stemmer, const SearchDocument& document) {
  struct Part {
    const std::string& text;
    char weight;
  };
  // Title first: its positions are never clamped by a long body.
  const Part parts[] = {
      {document.title, 'A'}, {document.keywords, 'B'}, {document.lead, 'C'}, {document.body, 'D'}};
  std::map<std::string, std::vector<std::string>> positions;  // term → "12A"…
  DocumentVector vector;
  int position = 0;
  for (const auto& part : parts) {
    text::for_each_word(part.text, [&](const text::Word& word) {
      position = std::min(position + 1, kMaxVectorPosition);
      ++vector.length;
      auto at = std::to_string(position) + part.weight;
      stemmer.stems(word.folded, [&](const std::string& stem, bool) {
        auto& places = positions[stem];
        if (places.size() < kMaxLexemePositions) places.push_back(at);
        return true;
      });
      return true;
    });
    position = std::min(position + kPartGap, kMaxVectorPosition);
  }
  for (const auto& [term, places] : positions) {
    vector.terms.push_back(term);
    vector.postings.push_back(term_posting(term, places));
    if (!vector.literal.empty()) vector.literal += ' ';
    vector.literal += quoted_lexeme(term) + ':';
    std::string head_places;
    for (std::size_t i = 0; i < places.size(); ++i) {
      vector.literal += (i ? "," : "") + places[i];
      if (places[i].back() != 'D') head_places += (head_places.empty() ? "" : ",") + places[i];
    }
    if (head_places.empty()) continue;
    if (!vector.head.empty()) vector.head += ' ';
    vector.head += quoted_lexeme(term) + ':' + head_places;
  }
  return vector;
}

QueryTerms query_terms(text::IndexStemmer& stemmer,
                       const std::vector<std::vector<std::string>>& phrases) {
  QueryTerms query;
  for (const auto& phrase : phrases) {
    std::vector<std::vector<std::string>> words;
    for (const auto& given : phrase) {
      text::for_each_word(given, [&](const text::Word& word) {
        words.push_back(stemmer.terms(word.folded));
        for (const auto& term : words.back()) query.terms.push_back(term);
        return true;
      });
    }
    if (words.empty()) continue;
    query.literal += (query.literal.empty() ? "" : " & ") + phrase_literal(words);
    query.groups.push_back(std::move(words));
  }
  return query;
}

}  // namespace gazette::store::postgres

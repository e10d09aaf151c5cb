// The PostgreSQL search index's terms, made in C++ from the word rules of src/text/ (the ones
// SQLite's FTS5 tokenizer applies): a document's tsvector and a query's tsquery, both written as
// literals of terms already folded and stemmed. No text search configuration touches them, so
// both backends split, fold and stem every word alike, « État » and « etat » included.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "store/discovery_store.h"
#include "text/index_stemmer.h"

namespace gazette::store::postgres {

/// tsvector positions stop at this (PostgreSQL's limit): later words share the last one.
constexpr int kMaxVectorPosition = 16383;
/// PostgreSQL keeps at most this many positions of one lexeme in a tsvector.
constexpr std::size_t kMaxLexemePositions = 256;

/// One term's places in a document, as search_postings holds them (migration 0008).
struct TermPosting {
  std::string term;
  int frequency = 0;   // its places weighted by part: title 10, keywords 5, lead 3, body 1
  std::string places;  // an integer[] literal of position × 4 + part (0 title … 3 body)
};

/// A document as the index holds it.
struct DocumentVector {
  std::string literal;  // a tsvector literal: 'stem':1A,7D …
  std::string head;     // the same of the title, keywords and lead only (what ranking reads)
  int length = 0;       // its words, in all parts (bm25's document length)
  std::vector<std::string> terms;     // its distinct terms
  std::vector<TermPosting> postings;  // per term of `terms`, its places as the tsvector keeps them
};

/// The terms of `document`'s parts, weighted A (title), B (keywords), C (lead), D (body); each
/// word at one position under its French and its English stem (and the same without the body).
DocumentVector document_vector(text::IndexStemmer& stemmer, const SearchDocument& document);

/// A query: every phrase must match, a phrase's words in order, each word under any of its
/// index terms.
struct QueryTerms {
  std::string literal;             // a tsquery literal; empty: nothing to find
  std::vector<std::string> terms;  // every index term of the query (to mark snippets)
  /// Per phrase, per word, its index terms.
  std::vector<std::vector<std::vector<std::string>>> groups;
};

/// The query of `phrases` (each word split as text/words splits it: a "word" holding no
/// letter or digit adds nothing; an empty phrase is skipped).
QueryTerms query_terms(text::IndexStemmer& stemmer,
                       const std::vector<std::vector<std::string>>& phrases);

/// A quoted tsvector/tsquery lexeme (quotes and backslashes escaped).
std::string quoted_lexeme(const std::string& term);

/// A PostgreSQL text[] literal of `items`.
std::string text_array(const std::vector<std::string>& items);

}  // namespace gazette::store::postgres

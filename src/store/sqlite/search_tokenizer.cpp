// The "gazette" FTS5 tokenizer (see SQLite's "Custom Tokenizers"). Each word is emitted as its
// French stem, and its English stem as a colocated token when that differs: the index then
// serves a French or an English site (or a French site quoting English) without a rebuild
// when the language setting changes. At query time colocated tokens are alternatives, so a
// query word matches a document word when either stem agrees.
#include "store/sqlite/search_tokenizer.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "store/ranking/bm25.h"
#include "store/sqlite/database.h"
#include "store/sqlite/indexed_documents.h"
#include "text/words.h"

namespace gazette::store::sqlite {

namespace {

// One per FTS5 table per connection, so its stemmers are used by one thread at a time.
using Tokenizer = text::IndexStemmer;

int create(void*, const char**, int, Fts5Tokenizer** out) {
  try {
    *out = reinterpret_cast<Fts5Tokenizer*>(new Tokenizer());
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (const std::exception&) {
    return SQLITE_ERROR;
  }
}

void destroy(Fts5Tokenizer* tokenizer) {
  delete reinterpret_cast<Tokenizer*>(tokenizer);
}

int tokenize(Fts5Tokenizer* handle, void* context, int flags, const char* input, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  auto& tokenizer = *reinterpret_cast<Tokenizer*>(handle);
  int rc = SQLITE_OK;
  try {
    if ((flags & FTS5_TOKENIZE_QUERY) && length > 0 && input[0] == kIndexTermMarker) {
      // An index term the store looked up itself: one token, as it is.
      return emit(context, 0, input + 1, length - 1, 0, length);
    }
    if (flags & FTS5_TOKENIZE_AUX) {
      // snippet() and highlight() tokenize a column only to map the positions of its matches
      // to byte offsets: they never compare the tokens, so the words need neither folding nor
      // stemming (which took most of a snippet's time: 0.3 ms for an article's body). The
      // positions are the same: one token per word, colocated stems not counted.
      text::for_each_word_span(std::string_view(input, static_cast<std::size_t>(length)),
                               [&](std::size_t begin, std::size_t end) {
                                 rc = emit(context, 0, input + begin, static_cast<int>(end - begin),
                                           static_cast<int>(begin), static_cast<int>(end));
                                 return rc == SQLITE_OK;
                               });
      return rc;
    }
    text::for_each_word(
        std::string_view(input, static_cast<std::size_t>(length)), [&](const text::Word& word) {
          return tokenizer.stems(word.folded, [&](const std::string& stem, bool colocated) {
            rc = emit(context, colocated ? FTS5_TOKEN_COLOCATED : 0, stem.data(),
                      static_cast<int>(stem.size()), static_cast<int>(word.begin),
                      static_cast<int>(word.end));
            return rc == SQLITE_OK;
          });
        });
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (const std::exception&) {
    return SQLITE_ERROR;
  }
  return rc;
}

// Column weights of ranking (title, lead, body, keywords), passed by the caller after the
// arguments of its own; the rank of migrations/0002 is bm25(10.0, 3.0, 1.0, 5.0).
constexpr int kColumns = 4;
// A word has two index terms at most (its French and English stems).
constexpr int kMaxAlternatives = 4;

// The weighted count of the row's places holding any of phrases [first, first + count): the
// index terms of one word, looked up as `"stem1" OR "stem2"`. A place holding both counts once,
// as it does when FTS5 matches the word's colocated stems itself: bm25's "f(q, D)".
int weighted_frequency(const Fts5ExtensionApi* api, Fts5Context* context, int first, int count,
                       const double (&weights)[kColumns], double& frequency) {
  struct Place {
    Fts5PhraseIter iterator;
    int column = -1;
    int offset = -1;
    bool before(const Place& other) const {
      return column < other.column || (column == other.column && offset < other.offset);
    }
  };
  Place places[kMaxAlternatives];
  count = std::min(count, kMaxAlternatives);
  for (int i = 0; i < count; ++i) {
    int rc = api->xPhraseFirst(context, first + i, &places[i].iterator, &places[i].column,
                               &places[i].offset);
    if (rc != SQLITE_OK) return rc;
  }
  frequency = 0;
  // Each phrase's places come in order (column, then offset): merge them.
  for (;;) {
    int next = -1;
    for (int i = 0; i < count; ++i)
      if (places[i].column >= 0 && (next < 0 || places[i].before(places[next]))) next = i;
    if (next < 0) return SQLITE_OK;
    auto [column, offset] = std::pair(places[next].column, places[next].offset);
    if (column < kColumns) frequency += weights[column];
    for (int i = 0; i < count; ++i) {
      while (places[i].column == column && places[i].offset == offset)
        api->xPhraseNext(context, &places[i].iterator, &places[i].column, &places[i].offset);
    }
  }
}

bool read_weights(sqlite3_value** argv, double (&weights)[kColumns]) {
  for (int column = 0; column < kColumns; ++column)
    weights[column] = sqlite3_value_double(argv[column]);
  return true;
}

// phrase_weight(search_index, w0, w1, w2, w3): for a query of one word's index terms, the
// word's weighted count in the row (w0 for each place in the title, …). Related articles read
// it once per word for the documents holding it, and score them in memory.
void phrase_weight(const Fts5ExtensionApi* api, Fts5Context* context, sqlite3_context* result,
                   int argc, sqlite3_value** argv) {
  if (argc != kColumns) {
    sqlite3_result_error(result, "phrase_weight: expects 4 column weights", -1);
    return;
  }
  double weights[kColumns];
  read_weights(argv, weights);
  double frequency = 0;
  int rc = weighted_frequency(api, context, 0, api->xPhraseCount(context), weights, frequency);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  sqlite3_result_double(result, frequency);
}

// search_rank(search_index, context, w0, w1, w2, w3): FTS5's bm25() with column weights w0…w3
// — the same formula, constants and order of operations as SQLite's fts5_aux.c, so the same
// scores — but positive (higher is better), over the reader's phrases (SearchRankContext's
// groups) rather than FTS5's, and with each document's length read from the context's snapshot
// rather than from FTS5's docsize table: that lookup, a statement run for every row, was 90 %
// of bm25()'s time. The idf of each phrase comes with the context, counted beforehand.
void search_rank(const Fts5ExtensionApi* api, Fts5Context* context, sqlite3_context* result,
                 int argc, sqlite3_value** argv) {
  const auto* rank = argc == 1 + kColumns ? static_cast<const SearchRankContext*>(
                                                sqlite3_value_pointer(argv[0], kSearchRankPointer))
                                          : nullptr;
  if (!rank || !rank->snapshot || rank->idf.size() != rank->group_sizes.size()) {
    sqlite3_result_error(result, "search_rank: expects a SearchRankContext and 4 weights", -1);
    return;
  }
  double weights[kColumns];
  read_weights(argv + 1, weights);
  int length = 0;
  int rc = SQLITE_OK;
  if (const auto* document = rank->snapshot->find(api->xRowid(context)))
    length = document->length;
  else
    rc = api->xColumnSize(context, -1, &length);  // not in the snapshot: cannot happen
  double average_length =
      static_cast<double>(rank->snapshot->tokens) / static_cast<double>(rank->snapshot->rows);
  double score = 0;
  int first = 0;
  for (std::size_t group = 0; rc == SQLITE_OK && group < rank->group_sizes.size(); ++group) {
    double frequency = 0;
    rc = weighted_frequency(api, context, first, rank->group_sizes[group], weights, frequency);
    first += rank->group_sizes[group];
    score +=
        rank->idf[group] * bm25_saturation(frequency, static_cast<double>(length), average_length);
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  sqlite3_result_double(result, score);
}

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
    return nullptr;
  sqlite3_bind_pointer(statement, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(statement);
  sqlite3_finalize(statement);
  return api;
}

}  // namespace

std::size_t DocumentTermTally::number_of(const std::string& term) {
  auto [found, added] = term_numbers_.try_emplace(term, terms_.size());
  if (added) {
    terms_.push_back(term);
    counts_.push_back(0);
    last_document_.push_back(0);
  }
  return found->second;
}

void DocumentTermTally::add(std::initializer_list<std::string_view> texts, std::int64_t documents) {
  ++document_;  // numbered from 1: last_document_ starts at 0, no document
  for (auto source : texts) {
    text::for_each_word(source, [&](const text::Word& word) {
      auto known = word_terms_.find(word.folded);
      if (known == word_terms_.end()) {
        std::vector<std::size_t> terms;
        stemmer_.stems(word.folded, [&](const std::string& stem, bool) {
          terms.push_back(number_of(stem));
          return true;
        });
        known = word_terms_.emplace(word.folded, std::move(terms)).first;
      }
      for (auto term : known->second) {
        if (last_document_[term] == document_) continue;
        last_document_[term] = document_;
        counts_[term] += documents;
      }
      return true;
    });
  }
}

void register_search_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_of(db);
  // Debian's libsqlite3 is built with FTS5; without it search cannot work at all.
  if (!api || api->iVersion < 2) throw DatabaseError("SQLite was built without FTS5");
  static fts5_tokenizer methods{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "gazette", nullptr, &methods, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "phrase_weight", nullptr, phrase_weight, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "search_rank", nullptr, search_rank, nullptr) != SQLITE_OK)
    throw DatabaseError(std::string("cannot register the search tokenizer: ") + sqlite3_errmsg(db));
}

}  // namespace gazette::store::sqlite

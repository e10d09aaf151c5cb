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

#include "discovery/words/stemmer.h"
#include "discovery/words/words.h"
#include "store/sqlite/database.h"

namespace gazette::store::sqlite {

namespace {

// One per FTS5 table per connection, so its stemmers are used by one thread at a time.
using Tokenizer = IndexStemmer;

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

int tokenize(Fts5Tokenizer* handle, void* context, int /*flags*/, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  auto& tokenizer = *reinterpret_cast<Tokenizer*>(handle);
  int rc = SQLITE_OK;
  try {
    discovery::for_each_word(
        std::string_view(text, static_cast<std::size_t>(length)), [&](const discovery::Word& word) {
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

// matched_phrases(search_index): which phrases of the MATCH expression occur in the row, as a
// bit mask (bit i for phrase i; phrases past 62 are not reported) — for related articles,
// which of an article's distinctive words another one shares.
void matched_phrases(const Fts5ExtensionApi* api, Fts5Context* context, sqlite3_context* result,
                     int, sqlite3_value**) {
  constexpr int kMaxReported = 62;  // bits of a positive 64-bit integer
  sqlite3_int64 matched = 0;
  for (int phrase = 0; phrase < api->xPhraseCount(context) && phrase < kMaxReported; ++phrase) {
    Fts5PhraseIter iterator;
    int column = -1;
    int offset = -1;
    int rc = api->xPhraseFirst(context, phrase, &iterator, &column, &offset);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
    if (column >= 0) matched |= sqlite3_int64{1} << phrase;
  }
  sqlite3_result_int64(result, matched);
}

// related_rank(search_index, scored, w0, w1, w2, w3): FTS5's bm25() with column weights w0…w3,
// over the first `scored` phrases of the MATCH expression only. Related articles look up an
// article's words as `(w1 OR … OR wn) AND (e1 OR … OR ek)`, where the e are copies of its
// heaviest words: the rows scored are then those holding one of those (far fewer than those
// holding any word), while the score stays bm25 over every word looked up, each counted once.
// Same formula and constants as SQLite's fts5_aux.c.
struct RelatedRankData {
  double average_length = 0;
  std::vector<double> idf;  // per scored phrase
};

constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.75;

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* rows) {
  ++*static_cast<sqlite3_int64*>(rows);
  return SQLITE_OK;
}

void related_rank(const Fts5ExtensionApi* api, Fts5Context* context, sqlite3_context* result,
                  int argc, sqlite3_value** argv) {
  constexpr int kColumns = 4;
  if (argc != 1 + kColumns) {
    sqlite3_result_error(result, "related_rank: expects the scored phrases and 4 weights", -1);
    return;
  }
  int scored = std::min(sqlite3_value_int(argv[0]), api->xPhraseCount(context));
  auto* data = static_cast<RelatedRankData*>(api->xGetAuxdata(context, 0));
  int rc = SQLITE_OK;
  if (!data) {
    // Once per query: the inverse document frequency of each scored phrase, as bm25() has it.
    auto fresh = std::make_unique<RelatedRankData>();
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    rc = api->xRowCount(context, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(context, -1, &tokens);
    fresh->average_length = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1;
    for (int phrase = 0; rc == SQLITE_OK && phrase < scored; ++phrase) {
      sqlite3_int64 hits = 0;
      rc = api->xQueryPhrase(context, phrase, &hits, count_row);
      double idf =
          std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
      fresh->idf.push_back(idf > 0 ? idf : 1e-6);
    }
    if (rc == SQLITE_OK) {
      data = fresh.release();
      rc =
          api->xSetAuxdata(context, data, [](void* p) { delete static_cast<RelatedRankData*>(p); });
    }
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  double weights[kColumns];
  for (int column = 0; column < kColumns; ++column)
    weights[column] = sqlite3_value_double(argv[1 + column]);
  // Phrase by phrase rather than xInst: xInstCount would first gather and sort every instance
  // of every phrase, the required copies included.
  std::vector<double> frequency(static_cast<std::size_t>(scored), 0.0);
  for (int phrase = 0; rc == SQLITE_OK && phrase < scored; ++phrase) {
    Fts5PhraseIter iterator;
    int column = -1;
    int offset = -1;
    rc = api->xPhraseFirst(context, phrase, &iterator, &column, &offset);
    for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(context, &iterator, &column, &offset))
      if (column < kColumns) frequency[static_cast<std::size_t>(phrase)] += weights[column];
  }
  int length = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(context, -1, &length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  double score = 0;
  double norm = kBm25K1 * (1 - kBm25B + kBm25B * length / data->average_length);
  for (int phrase = 0; phrase < scored; ++phrase) {
    double f = frequency[static_cast<std::size_t>(phrase)];
    score += data->idf[static_cast<std::size_t>(phrase)] * (f * (kBm25K1 + 1)) / (f + norm);
  }
  sqlite3_result_double(result, -score);  // like bm25(): lower is better
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
  for (auto text : texts) {
    discovery::for_each_word(text, [&](const discovery::Word& word) {
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
      api->xCreateFunction(api, "matched_phrases", nullptr, matched_phrases, nullptr) !=
          SQLITE_OK ||
      api->xCreateFunction(api, "related_rank", nullptr, related_rank, nullptr) != SQLITE_OK)
    throw DatabaseError(std::string("cannot register the search tokenizer: ") + sqlite3_errmsg(db));
}

}  // namespace gazette::store::sqlite

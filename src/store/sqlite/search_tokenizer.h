// The FTS5 tokenizer "gazette" of the search index (migrations/0002): the words of
// discovery/words, each indexed under its French and its English Snowball stem.
#pragma once

#include <sqlite3.h>

namespace gazette::store::sqlite {

/// Registers the "gazette" FTS5 tokenizer on `db`, and the auxiliary function
/// matched_phrases(search_index) (a bit mask of the query's phrases a row holds) and
/// related_rank(search_index, scored, weights…) (bm25 over the first `scored` phrases). Every connection
/// needs it before it touches search_index, the migration that creates the table included.
void register_search_tokenizer(sqlite3* db);

}  // namespace gazette::store::sqlite

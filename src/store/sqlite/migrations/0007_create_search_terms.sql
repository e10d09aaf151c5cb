-- Related articles: how many indexed documents hold each index term, kept up to date by every
-- write of search_index (SqliteDiscoveryStore::write_search_documents, in the same
-- transaction). search_vocabulary gives the same count, but by walking the term's whole
-- doclist: about 2 ms for a word of most articles at 100,000 articles, most of the time of a
-- related list, which looks up every word of its article.
CREATE TABLE search_terms (
  term       TEXT PRIMARY KEY,
  documents  INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO search_terms (term, documents) SELECT term, doc FROM search_vocabulary;

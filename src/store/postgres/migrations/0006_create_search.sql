-- Discovery on PostgreSQL: the search index, which articles it holds, and the related articles
-- computed for each article (SQLite's migrations 0002, 0007 and 0009).
--
-- One row per indexed (published) article. `terms` is a tsvector built in C++ from the word rules
-- of src/text/ (store/postgres/search_vector.h): every word folded (case, accents, ligatures)
-- and indexed under its French and its English Snowball stem at the same position, weighted by
-- part — A title, B keywords, C lead, D body — so search ranks title above keywords above lead
-- above body, as SQLite's bm25 weights do (10, 5, 3, 1). The terms are already index terms:
-- they are written and queried as tsvector and tsquery literals, never through a text search
-- configuration, so PostgreSQL and SQLite split, fold and stem word for word alike.
-- The parts are kept as plain text for snippets and related articles.
CREATE TABLE search_documents (
  article_id          bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  indexed_updated_at  bigint NOT NULL,
  analyzer_version    integer NOT NULL,
  related_computed    boolean NOT NULL DEFAULT false,
  published_at        bigint NOT NULL,
  title               text NOT NULL,
  lead                text NOT NULL,
  body                text NOT NULL,
  keywords            text NOT NULL,
  -- Words in all parts, as FTS5 counts a document's length (bm25 of related articles).
  length              integer NOT NULL,
  terms               tsvector NOT NULL,
  -- The terms of the title, keywords and lead alone, as in `terms`: what ranking reads of
  -- every match. `terms` is long (the body) and stored out of line, compressed: reading it for
  -- each of a word's 5,000 matches cost 1.5 s at 100,000 articles; this stays in the row.
  head                tsvector NOT NULL
);
CREATE INDEX search_documents_terms ON search_documents USING gin (terms);
CREATE INDEX search_documents_without_related ON search_documents (related_computed, article_id);
CREATE INDEX search_documents_by_date ON search_documents (published_at DESC, article_id DESC);

-- How many indexed documents hold each index term, kept by every write of search_documents in
-- the same transaction: related articles' inverse document frequencies, and search's test for
-- words in half the articles or more (their matches all tie and come newest first, as on SQLite).
-- A term no document holds any more stays, at 0.
CREATE TABLE search_terms (
  term       text COLLATE "C" PRIMARY KEY,
  documents  bigint NOT NULL
);

-- "You may also like": the articles computed for article_id, best first.
CREATE TABLE related_articles (
  article_id  bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position    integer NOT NULL,
  related_id  bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  score       double precision NOT NULL,
  PRIMARY KEY (article_id, position)
);
-- Which lists name an article, to recompute them when it changes or disappears.
CREATE INDEX related_articles_by_related ON related_articles (related_id, article_id);

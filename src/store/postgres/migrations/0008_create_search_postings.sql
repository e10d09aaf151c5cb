-- The search index's postings: for each index term, the documents holding it, kept by every
-- write of search_documents in the same transaction (store/postgres/search_vector.h). Related
-- articles read a word's documents here by the primary key instead of matching and unnesting
-- every holder's tsvector (3.7 s a list at 100,000 articles).
--
-- `frequency` is the term's weighted frequency in the document (title ×10, keywords ×5, lead ×3,
-- body ×1, as SQLite's bm25 weighs its columns), one per position, as the tsvector keeps them.
-- `places` are those positions, each as position × 4 + part (0 title … 3 body): a word under two
-- stems counts each place once, the union of its terms' places. `length` is the document's
-- (search_documents.length), kept here so a word's postings are read without a join.
CREATE TABLE search_postings (
  term        text COLLATE "C" NOT NULL,
  article_id  bigint NOT NULL REFERENCES search_documents(article_id) ON DELETE CASCADE,
  frequency   integer NOT NULL,
  length      integer NOT NULL,
  places      integer[] NOT NULL,
  PRIMARY KEY (term, article_id)
);
-- A document's postings, to replace them when it is indexed again.
CREATE INDEX search_postings_by_article ON search_postings (article_id);

-- The documents indexed before this migration, from their tsvectors.
INSERT INTO search_postings (term, article_id, frequency, length, places)
SELECT u.lexeme, d.article_id,
       sum(CASE x.w WHEN 'A' THEN 10 WHEN 'B' THEN 5 WHEN 'C' THEN 3 ELSE 1 END),
       min(d.length),
       array_agg(x.p * 4 + CASE x.w WHEN 'A' THEN 0 WHEN 'B' THEN 1 WHEN 'C' THEN 2 ELSE 3 END
                 ORDER BY x.p)
FROM search_documents d, unnest(d.terms) u, unnest(u.positions, u.weights) AS x(p, w)
GROUP BY u.lexeme, d.article_id;

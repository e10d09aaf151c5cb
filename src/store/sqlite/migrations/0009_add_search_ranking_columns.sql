-- Search and related articles rank every document that matches, so what ranking reads of each
-- one is kept in memory by each process (store/sqlite/indexed_documents.h), refreshed from what
-- changed since it last looked: reading it per match from SQLite cost more than the matching.
--
-- published_at: the article's, as indexed (a change of date re-indexes the article), so ranking
-- never reads an articles row, whose body makes it several pages long.
ALTER TABLE search_documents ADD COLUMN published_at INTEGER NOT NULL DEFAULT 0;
UPDATE search_documents
  SET published_at = (SELECT a.published_at FROM articles a WHERE a.id = article_id);

-- generation: the index write that last wrote the document, so a process reads only the
-- documents written since the generation it holds.
ALTER TABLE search_documents ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
CREATE INDEX search_documents_by_generation ON search_documents (generation);

-- The generation of the whole index: one more for each write (documents added, changed or
-- removed), read at every search — a change shows in search at once.
CREATE TABLE search_index_generation (
  singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
  generation  INTEGER NOT NULL
);
INSERT INTO search_index_generation (singleton, generation) VALUES (1, 1);

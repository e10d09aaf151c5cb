-- Discovery: the full-text search index, its vocabulary (document frequencies for related
-- articles), which articles it holds, and the related articles computed for each article.

-- One row per published article, rowid = articles.id. Columns in bm25() weight order:
-- title, lead, body (plain text of body_html), keywords (tags, categories, author, section).
-- The "gazette" tokenizer folds case and accents and stems in French and English (see
-- store/sqlite/search_tokenizer.cpp); every connection registers it when it opens.
CREATE VIRTUAL TABLE search_index USING fts5(
  title, lead, body, keywords,
  tokenize = 'gazette',
  detail = full
);

-- Term → how many documents hold it, for the IDF of related articles.
CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_index, 'row');

-- What the index holds of each article: the article's updated_at and the analyzer version it
-- was indexed with (so `gazette serve` can catch up with writes it did not see, or with a new
-- analyzer), and whether its related articles were computed since.
CREATE TABLE search_documents (
  article_id        INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  indexed_updated_at INTEGER NOT NULL,
  analyzer_version  INTEGER NOT NULL,
  related_computed  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX search_documents_without_related ON search_documents (related_computed, article_id);

-- "You may also like": the articles computed for article_id, best first.
CREATE TABLE related_articles (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  related_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  score       REAL NOT NULL,
  PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
-- Which lists name an article, to recompute them when it changes or disappears.
CREATE INDEX related_articles_by_related ON related_articles (related_id, article_id);

-- rank is bm25 with the column weights: a word in the title counts ten times one in the body,
-- keywords (tags, names) five times, the lead three times.
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0, 5.0)');

-- Co-bylines and author pages. An article's first author stays articles.author_id (every
-- listing's index reads it); the others follow in article_coauthors, in byline order. A guest
-- author is an author no account points at. Authors gain the role their page shows under the
-- name (« Correspondante à Beyrouth ») and their links elsewhere, one address per line (the
-- `sameAs` of their JSON-LD Person).
ALTER TABLE authors ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE authors ADD COLUMN links TEXT NOT NULL DEFAULT '';

CREATE TABLE article_coauthors (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  author_id   INTEGER NOT NULL REFERENCES authors(id),
  PRIMARY KEY (article_id, author_id)
);
-- An author's page lists the articles they co-signed too.
CREATE INDEX article_coauthors_by_author ON article_coauthors (author_id, article_id);
-- Each revision keeps who signed it after the first author, one "slug<TAB>name" per line, so a
-- restored revision brings its byline back.
ALTER TABLE article_revisions ADD COLUMN coauthors TEXT NOT NULL DEFAULT '';

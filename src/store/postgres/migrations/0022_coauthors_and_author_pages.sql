-- Co-bylines and author pages (SQLite's migration 0023). An article's first author stays
-- articles.author_id; the others follow in article_coauthors, in byline order. A guest author is
-- an author no account points at. Authors gain their role (« Correspondante à Beyrouth ») and
-- their links elsewhere, one address per line (the `sameAs` of their JSON-LD Person).
ALTER TABLE authors ADD COLUMN role text NOT NULL DEFAULT '';
ALTER TABLE authors ADD COLUMN links text NOT NULL DEFAULT '';

CREATE TABLE article_coauthors (
  article_id  bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position    integer NOT NULL,
  author_id   bigint NOT NULL REFERENCES authors(id),
  PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_coauthors_by_author ON article_coauthors (author_id, article_id);
-- Each revision keeps who signed it after the first author, one "slug<TAB>name" per line, so a
-- restored revision brings its byline back.
ALTER TABLE article_revisions ADD COLUMN coauthors text NOT NULL DEFAULT '';

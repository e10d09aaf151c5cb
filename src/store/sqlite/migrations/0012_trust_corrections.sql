-- Corrections in the open: each save of a published article says what kind of change it is
-- (typo, update, correction, clarification, retraction) and, for all but a typo, why. The
-- revision keeps what the editor said; `article_changes` keeps the public ones, whoever wrote
-- them (the newsroom or `gazette publish`), for the article's « Ce qui a changé » box and the
-- site's /corrections/ list. Times are Unix seconds (UTC).

ALTER TABLE article_revisions ADD COLUMN change_kind TEXT NOT NULL DEFAULT 'typo';
ALTER TABLE article_revisions ADD COLUMN change_note TEXT NOT NULL DEFAULT '';

CREATE TABLE article_changes (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('update', 'correction', 'clarification', 'retraction')),
  note        TEXT NOT NULL,
  changed_at  INTEGER NOT NULL
);
CREATE INDEX article_changes_by_article ON article_changes (article_id, id);
-- /corrections/ lists the site's corrections newest first.
CREATE INDEX article_changes_by_time ON article_changes (changed_at DESC, id DESC);

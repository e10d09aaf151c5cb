-- Corrections in the open, as SQLite's migration 0012: each save of a published article says
-- what kind of change it is and, for all but a typo, why. The revision keeps what the editor
-- said; `article_changes` keeps the public ones, whoever wrote them, for the article's « Ce qui
-- a changé » box and the site's /corrections/ list. Times are Unix seconds (UTC).

ALTER TABLE article_revisions ADD COLUMN change_kind text NOT NULL DEFAULT 'typo';
ALTER TABLE article_revisions ADD COLUMN change_note text NOT NULL DEFAULT '';

CREATE TABLE article_changes (
  id          bigserial PRIMARY KEY,
  article_id  bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('update', 'correction', 'clarification', 'retraction')),
  note        text NOT NULL,
  changed_at  bigint NOT NULL
);
CREATE INDEX article_changes_by_article ON article_changes (article_id, id);
CREATE INDEX article_changes_by_time ON article_changes (changed_at DESC, id DESC);

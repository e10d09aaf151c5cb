-- Live coverage (« En direct ») of an article and its entries (store/live_store.h). Times are
-- Unix seconds (UTC). Entries are deleted by marking them, so open pages hear of the deletion.

CREATE TABLE live_coverage (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER
);

CREATE TABLE live_entries (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  author_id      INTEGER NOT NULL REFERENCES authors(id),
  body_markdown  TEXT NOT NULL,
  body_html      TEXT NOT NULL,  -- rendered and sanitised when saved
  image_id       INTEGER REFERENCES media(id),
  image_caption  TEXT NOT NULL DEFAULT '',
  image_credit   TEXT NOT NULL DEFAULT '',
  image_alt      TEXT NOT NULL DEFAULT '',
  key_event      INTEGER NOT NULL DEFAULT 0,
  pinned         INTEGER NOT NULL DEFAULT 0,
  created_at     INTEGER NOT NULL,
  edited_at      INTEGER,
  deleted_at     INTEGER
);

-- The page reads an article's entries newest first.
CREATE INDEX live_entries_by_article ON live_entries (article_id, created_at DESC, id DESC);

-- Live coverage (« En direct ») of an article and its entries (store/live_store.h; SQLite's
-- migration 0011). Times are Unix seconds (UTC). Entries are deleted by marking them, so open
-- pages hear of the deletion.

CREATE TABLE live_coverage (
  article_id  bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  started_at  bigint NOT NULL,
  ended_at    bigint
);

CREATE TABLE live_entries (
  id             bigserial PRIMARY KEY,
  article_id     bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  author_id      bigint NOT NULL REFERENCES authors(id),
  body_markdown  text NOT NULL,
  body_html      text NOT NULL,  -- rendered and sanitised when saved
  image_id       bigint REFERENCES media(id),
  image_caption  text NOT NULL DEFAULT '',
  image_credit   text NOT NULL DEFAULT '',
  image_alt      text NOT NULL DEFAULT '',
  key_event      boolean NOT NULL DEFAULT false,
  pinned         boolean NOT NULL DEFAULT false,
  created_at     bigint NOT NULL,
  edited_at      bigint,
  deleted_at     bigint
);

-- The page reads an article's entries newest first.
CREATE INDEX live_entries_by_article ON live_entries (article_id, created_at DESC, id DESC);

-- Embargo preview links (store/preview_link_store.h): a scheduled article shown to a partner
-- before its time. Only the SHA-256 of a link's token is kept; a revoked link keeps its row so
-- the editor sees what was handed out. Times are Unix seconds (UTC).
CREATE TABLE preview_links (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL UNIQUE,
  label       TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  revoked_at  INTEGER
);
CREATE INDEX preview_links_by_article ON preview_links (article_id);

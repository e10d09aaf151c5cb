-- Embargo preview links (SQLite's migration 0016, store/preview_link_store.h): only the SHA-256
-- of a link's token is kept; a revoked link keeps its row. Times are Unix seconds (UTC).
CREATE TABLE preview_links (
  id          bigserial PRIMARY KEY,
  article_id  bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  token_hash  text COLLATE "C" NOT NULL UNIQUE,
  label       text COLLATE "C" NOT NULL,
  created_at  bigint NOT NULL,
  revoked_at  bigint
);
CREATE INDEX preview_links_by_article ON preview_links (article_id);

-- WordPress imports: which WordPress item became which article (so a second import of the same
-- file changes nothing), and the old permalinks that now answer 301 to their Gazette page.

CREATE TABLE wxr_items (
  source      TEXT NOT NULL,      -- the export's base site URL: WordPress ids are per site
  item_key    TEXT NOT NULL,      -- "id:123" (wp:post_id), or "guid:…" when the file has no id
  article_id  INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  PRIMARY KEY (source, item_key)
) WITHOUT ROWID;

CREATE TABLE wxr_comments (
  source      TEXT NOT NULL,
  wp_id       INTEGER NOT NULL,   -- wp:comment_id
  comment_id  INTEGER REFERENCES comments(id) ON DELETE SET NULL,
  PRIMARY KEY (source, wp_id)
) WITHOUT ROWID;

-- An old path (with its query, e.g. "/?p=123") and where it lives now.
CREATE TABLE redirects (
  from_path  TEXT PRIMARY KEY,
  to_path    TEXT NOT NULL
) WITHOUT ROWID;

-- Sticky posts: WordPress's "keep at the top of the front page", kept as a mark on the article.
CREATE TABLE sticky_articles (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);

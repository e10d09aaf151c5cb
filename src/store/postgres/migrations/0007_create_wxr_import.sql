-- WordPress imports (SQLite's migration 0006): which WordPress item became which article (so a
-- second import of the same file changes nothing), which comment each WordPress comment became,
-- and the old permalinks that now answer 301 to their Gazette page. (Sticky posts are in 0002.)

CREATE TABLE wxr_items (
  source      text NOT NULL,  -- the export's base site URL: WordPress ids are per site
  item_key    text NOT NULL,  -- "id:123" (wp:post_id), or "guid:…" when the file has no id
  article_id  bigint REFERENCES articles(id) ON DELETE SET NULL,
  PRIMARY KEY (source, item_key)
);

-- comment_id names a row of comments; no foreign key, so this migration does not depend on the
-- comments' own (an id left behind by a deleted comment maps a WordPress comment to nothing).
CREATE TABLE wxr_comments (
  source      text NOT NULL,
  wp_id       bigint NOT NULL,  -- wp:comment_id
  comment_id  bigint,
  PRIMARY KEY (source, wp_id)
);

-- An old path (with its query, e.g. "/?p=123", percent-escapes decoded) and where it lives now.
-- from_path is bytea: a decoded escape may be any byte (%FF, %00), which text refuses, and a
-- request for such a path must find nothing rather than fail.
CREATE TABLE redirects (
  from_path  bytea PRIMARY KEY,
  to_path    text NOT NULL
);

-- Reader comments, their moderation, the articles whose comments an editor closed, and the
-- per-site comment settings (the form-signing key among them). Times are Unix seconds (UTC).

CREATE TABLE comments (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  -- Deleting a comment moves its replies up first (see SqliteCommentStore::delete_comments).
  parent_id    INTEGER REFERENCES comments(id) ON DELETE SET NULL,
  author_name  TEXT NOT NULL,
  author_email TEXT NOT NULL,           -- lower-cased; never shown to readers
  author_url   TEXT NOT NULL DEFAULT '',
  body         TEXT NOT NULL,           -- plain text; rendered with escaping, never as markup
  status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
  spam_reason  TEXT NOT NULL DEFAULT '',
  ip           TEXT NOT NULL DEFAULT '',
  user_agent   TEXT NOT NULL DEFAULT '',
  avatar_key   TEXT NOT NULL,
  by_staff     INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);

-- The article page reads its approved comments in order; duplicates are looked up per article.
CREATE INDEX comments_by_article ON comments (article_id, status, created_at, id);
-- Moderation lists by status, newest first.
CREATE INDEX comments_by_status ON comments (status, created_at DESC, id DESC);
-- "Known commenter" and erase-by-e-mail.
CREATE INDEX comments_by_email ON comments (author_email, status);
-- The per-address rate limit.
CREATE INDEX comments_by_ip ON comments (ip, created_at);
CREATE INDEX comments_by_parent ON comments (parent_id);

-- A row here means an editor closed the article's comments.
CREATE TABLE comment_closed_articles (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  closed_at   INTEGER NOT NULL
);

CREATE TABLE comment_settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

-- Reader comments, their moderation, the articles whose comments an editor closed, the
-- per-site comment settings (the form-signing key among them) and the form tokens already used
-- (SQLite's migrations 0004 and 0008). Times are Unix seconds (UTC).

CREATE TABLE comments (
  id            bigserial PRIMARY KEY,
  article_id    bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  -- Deleting a comment moves its replies up first (see PostgresCommentStore::delete_comments).
  parent_id     bigint REFERENCES comments(id) ON DELETE SET NULL,
  author_name   text COLLATE "C" NOT NULL,
  author_email  text COLLATE "C" NOT NULL,  -- lower-cased; never shown to readers
  author_url    text NOT NULL DEFAULT '',
  body          text NOT NULL,              -- plain text; rendered with escaping, never as markup
  status        text NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
  spam_reason   text NOT NULL DEFAULT '',
  ip            text NOT NULL DEFAULT '',
  user_agent    text NOT NULL DEFAULT '',
  avatar_key    text NOT NULL,
  by_staff      boolean NOT NULL DEFAULT false,
  created_at    bigint NOT NULL,
  updated_at    bigint NOT NULL
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
  article_id  bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  closed_at   bigint NOT NULL
);

CREATE TABLE comment_settings (
  key    text PRIMARY KEY,
  value  text NOT NULL
);

-- A comment form token is good for one comment: once used, it is kept here until it would have
-- expired anyway (too old to be accepted).
CREATE TABLE used_form_tokens (
  token       text PRIMARY KEY,
  expires_at  bigint NOT NULL
);
CREATE INDEX used_form_tokens_by_expiry ON used_form_tokens (expires_at);

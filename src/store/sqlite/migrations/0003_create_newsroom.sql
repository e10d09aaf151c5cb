-- The newsroom: accounts and their sessions, every saved version of an article (with the version
-- counter that detects concurrent edits), and the resized copies of uploaded images.
-- Times are Unix seconds (UTC).

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('contributor', 'author', 'editor', 'admin')),
  password_hash  TEXT NOT NULL,              -- libsodium's argon2id string (salt and cost inside)
  author_id      INTEGER NOT NULL UNIQUE REFERENCES authors(id),  -- the user's byline
  created_at     INTEGER NOT NULL
);

-- The cookie carries a random token; only its SHA-256 is kept, so a copy of the database opens
-- no session.
CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Optimistic concurrency: a newsroom save names the version it started from and is refused when
-- the article has moved on. Newsroom writes set the version themselves; any other writer
-- (`gazette publish`, an import) changes content without knowing of it, so this trigger bumps
-- it for them. The scheduler only flips `status`, which is not listed: an article going live
-- does not turn the edit open in someone's browser into a conflict.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER articles_version_after_outside_write
AFTER UPDATE OF slug, title, lead, body_markdown, published_at, author_id, section_id, image_id,
                image_caption, image_alt ON articles
WHEN NEW.version = OLD.version
BEGIN
  UPDATE articles SET version = OLD.version + 1 WHERE id = NEW.id;
END;

-- The scheduler looks for scheduled articles that are due.
CREATE INDEX articles_by_status ON articles (status, published_at);

-- Every newsroom save, as a snapshot of what the editor saw (names, not ids, so a renamed or
-- deleted term does not change history). `applied` is 0 for a save refused because someone
-- else saved first: it is kept so that nothing anyone wrote is lost.
CREATE TABLE article_revisions (
  id              INTEGER PRIMARY KEY,
  article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  article_version INTEGER NOT NULL,
  applied         INTEGER NOT NULL,
  user_id         INTEGER REFERENCES users(id) ON DELETE SET NULL,
  user_name       TEXT NOT NULL,
  saved_at        INTEGER NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  slug            TEXT NOT NULL,
  title           TEXT NOT NULL,
  lead            TEXT NOT NULL,
  body_markdown   TEXT NOT NULL,
  status          TEXT NOT NULL,
  published_at    INTEGER NOT NULL,
  section_slug    TEXT NOT NULL,
  section_name    TEXT NOT NULL,
  author_slug     TEXT NOT NULL,
  author_name     TEXT NOT NULL,
  categories      TEXT NOT NULL,  -- names, one per line, in the editor's order
  tags            TEXT NOT NULL,
  image_name      TEXT,           -- the media name under /media/
  image_caption   TEXT NOT NULL,
  image_alt       TEXT NOT NULL
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id DESC);

-- Resized copies of an uploaded image for `srcset`. Each copy is itself a row of `media` (so
-- /media/NAME serves it unchanged); this table says whose copy it is and how wide.
CREATE TABLE media_variants (
  original_id  INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  variant_id   INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  PRIMARY KEY (original_id, variant_id)
) WITHOUT ROWID;

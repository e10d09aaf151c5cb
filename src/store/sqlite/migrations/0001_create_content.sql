-- The first schema: site settings, people, the terms that organise articles, media, articles.
-- Times are Unix seconds (UTC); each page formats them in the site's time zone.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE media (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,      -- the file name under /media/, content-addressed
  sha256      TEXT NOT NULL UNIQUE,
  mime_type   TEXT NOT NULL,
  width       INTEGER NOT NULL,
  height      INTEGER NOT NULL,
  byte_size   INTEGER NOT NULL,
  bytes       BLOB NOT NULL,             -- in the database, so every node of a site sees it
  created_at  INTEGER NOT NULL
);

CREATE TABLE authors (
  id        INTEGER PRIMARY KEY,
  slug      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  bio       TEXT NOT NULL DEFAULT '',
  image_id  INTEGER REFERENCES media(id)
);

CREATE TABLE sections (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  position     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE categories (
  id         INTEGER PRIMARY KEY,
  slug       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  parent_id  INTEGER REFERENCES categories(id)
);

CREATE TABLE tags (
  id    INTEGER PRIMARY KEY,
  slug  TEXT NOT NULL UNIQUE,
  name  TEXT NOT NULL
);

CREATE TABLE articles (
  id             INTEGER PRIMARY KEY,
  slug           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  lead           TEXT NOT NULL DEFAULT '',
  body_markdown  TEXT NOT NULL DEFAULT '',
  body_html      TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL CHECK (status IN ('draft', 'review', 'scheduled', 'published')),
  published_at   INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  author_id      INTEGER NOT NULL REFERENCES authors(id),
  section_id     INTEGER NOT NULL REFERENCES sections(id),
  image_id       INTEGER REFERENCES media(id),
  image_caption  TEXT NOT NULL DEFAULT '',
  image_alt      TEXT NOT NULL DEFAULT ''
);

-- Listings read "published, newest first", overall and per section or author.
CREATE INDEX articles_by_date ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_by_section ON articles (section_id, status, published_at DESC, id DESC);
CREATE INDEX articles_by_author ON articles (author_id, status, published_at DESC, id DESC);

CREATE TABLE article_categories (
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  category_id  INTEGER NOT NULL REFERENCES categories(id),
  position     INTEGER NOT NULL,
  PRIMARY KEY (article_id, category_id)
) WITHOUT ROWID;
CREATE INDEX article_categories_by_category ON article_categories (category_id, article_id);

CREATE TABLE article_tags (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id      INTEGER NOT NULL REFERENCES tags(id),
  position    INTEGER NOT NULL,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

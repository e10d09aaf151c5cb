-- Content, as SQLite's migrations 0001, 0003 (article versions, media variants) and 0006
-- (pins) left it: site settings, people, the terms that organise articles, media with their
-- bytes (bytea: every node serves every image), articles. Times are Unix seconds (UTC).
-- Names are compared and sorted byte-wise (COLLATE "C"), as SQLite does, whatever the
-- cluster's locale.

CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE media (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  sha256      text NOT NULL UNIQUE,
  mime_type   text NOT NULL,
  width       integer NOT NULL,
  height      integer NOT NULL,
  byte_size   bigint NOT NULL,
  bytes       bytea NOT NULL,
  created_at  bigint NOT NULL
);

CREATE TABLE media_variants (
  original_id  bigint NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  variant_id   bigint NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  PRIMARY KEY (original_id, variant_id)
);

CREATE TABLE authors (
  id        bigserial PRIMARY KEY,
  slug      text NOT NULL UNIQUE,
  name      text COLLATE "C" NOT NULL,
  bio       text NOT NULL DEFAULT '',
  image_id  bigint REFERENCES media(id)
);

CREATE TABLE sections (
  id           bigserial PRIMARY KEY,
  slug         text NOT NULL UNIQUE,
  name         text COLLATE "C" NOT NULL,
  description  text NOT NULL DEFAULT '',
  position     bigint NOT NULL DEFAULT 0
);

CREATE TABLE categories (
  id         bigserial PRIMARY KEY,
  slug       text NOT NULL UNIQUE,
  name       text COLLATE "C" NOT NULL,
  parent_id  bigint REFERENCES categories(id) ON DELETE SET NULL
);

CREATE TABLE tags (
  id    bigserial PRIMARY KEY,
  slug  text NOT NULL UNIQUE,
  name  text COLLATE "C" NOT NULL
);

CREATE TABLE articles (
  id             bigserial PRIMARY KEY,
  slug           text NOT NULL UNIQUE,
  title          text NOT NULL,
  lead           text NOT NULL DEFAULT '',
  body_markdown  text NOT NULL DEFAULT '',
  body_html      text NOT NULL DEFAULT '',
  status         text NOT NULL CHECK (status IN ('draft', 'review', 'scheduled', 'published')),
  published_at   bigint NOT NULL,
  updated_at     bigint NOT NULL,
  author_id      bigint NOT NULL REFERENCES authors(id),
  section_id     bigint NOT NULL REFERENCES sections(id),
  image_id       bigint REFERENCES media(id),
  image_caption  text NOT NULL DEFAULT '',
  image_alt      text NOT NULL DEFAULT '',
  -- Optimistic concurrency for the newsroom: writers that do not set it bump it when the
  -- content changed (the article writer's UPDATE does what SQLite's trigger does).
  version        bigint NOT NULL DEFAULT 1
);
CREATE INDEX articles_by_date ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_by_section ON articles (section_id, status, published_at DESC, id DESC);
CREATE INDEX articles_by_author ON articles (author_id, status, published_at DESC, id DESC);

CREATE TABLE article_categories (
  article_id   bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  category_id  bigint NOT NULL REFERENCES categories(id),
  position     integer NOT NULL,
  PRIMARY KEY (article_id, category_id)
);
CREATE INDEX article_categories_by_category ON article_categories (category_id, article_id);

CREATE TABLE article_tags (
  article_id  bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id      bigint NOT NULL REFERENCES tags(id),
  position    integer NOT NULL,
  PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

CREATE TABLE sticky_articles (
  article_id  bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);

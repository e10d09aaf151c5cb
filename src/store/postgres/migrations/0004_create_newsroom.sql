-- The newsroom's history, as SQLite's migration 0003 left it (accounts, sessions, article
-- versions and media variants are in 0002 and 0003 here): every newsroom save, as a snapshot of
-- what the editor saw (names, not ids, so a renamed or deleted term does not change history).
-- `applied` is false for a save refused because someone else saved first: it is kept so that
-- nothing anyone wrote is lost. Times are Unix seconds (UTC).

-- The scheduler looks for scheduled articles that are due.
CREATE INDEX articles_by_status ON articles (status, published_at);

CREATE TABLE article_revisions (
  id               bigserial PRIMARY KEY,
  article_id       bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  article_version  bigint NOT NULL,
  applied          boolean NOT NULL,
  user_id          bigint REFERENCES users(id) ON DELETE SET NULL,
  user_name        text NOT NULL,
  saved_at         bigint NOT NULL,
  note             text NOT NULL DEFAULT '',
  slug             text NOT NULL,
  title            text NOT NULL,
  lead             text NOT NULL,
  body_markdown    text NOT NULL,
  status           text NOT NULL,
  published_at     bigint NOT NULL,
  section_slug     text NOT NULL,
  section_name     text COLLATE "C" NOT NULL,
  author_slug      text NOT NULL,
  author_name      text COLLATE "C" NOT NULL,
  categories       text NOT NULL,  -- names, one per line, in the editor's order
  tags             text NOT NULL,
  image_name       text,           -- the media name under /media/
  image_caption    text NOT NULL,
  image_alt        text NOT NULL
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id DESC);

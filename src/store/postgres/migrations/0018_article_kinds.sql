-- What kind of piece an article is, as SQLite's migration 0019: news (the default, and what
-- every article written before is), analysis, opinion, review, background, fact-check,
-- sponsored or live; sponsored content names its sponsor. Kept on the article's row, so the
-- page that shows the label reads it with the article. Revisions keep both.

ALTER TABLE articles ADD COLUMN kind text NOT NULL DEFAULT 'news' CHECK (kind IN ('news',
  'analysis', 'opinion', 'review', 'background', 'fact-check', 'sponsored', 'live'));
ALTER TABLE articles ADD COLUMN sponsor text NOT NULL DEFAULT '';

ALTER TABLE article_revisions ADD COLUMN kind text NOT NULL DEFAULT 'news';
ALTER TABLE article_revisions ADD COLUMN sponsor text NOT NULL DEFAULT '';

-- /types/{kind}/ lists a kind's published articles newest first.
CREATE INDEX articles_by_kind ON articles (kind, status, published_at DESC, id DESC);

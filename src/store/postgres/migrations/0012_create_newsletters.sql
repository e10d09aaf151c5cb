-- Newsletters: readers' subscriptions (double opt-in), the mail queue with its retries, and the
-- sending settings (SQLite's migration 0013). Times are Unix seconds (UTC).

CREATE TABLE newsletter_subscriptions (
  id            bigserial PRIMARY KEY,
  email         text COLLATE "C" NOT NULL,  -- lower-cased; never shown to readers or authors
  scope         text COLLATE "C" NOT NULL CHECK (scope IN ('all', 'section', 'author')),
  scope_slug    text COLLATE "C" NOT NULL DEFAULT '',
  created_at    bigint NOT NULL,
  confirmed_at  bigint,
  UNIQUE (email, scope, scope_slug)
);

-- `issue` names the message ("confirm:12", "digest:2026-12-04", "breaking:42"): the unique key
-- keeps one message from being sent twice to one address.
CREATE TABLE mail_queue (
  id               bigserial PRIMARY KEY,
  recipient        text COLLATE "C" NOT NULL,
  issue            text COLLATE "C" NOT NULL,
  subject          text NOT NULL,
  text_body        text NOT NULL,
  html_body        text NOT NULL,
  unsubscribe_url  text NOT NULL DEFAULT '',
  status           text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'bounced')),
  attempts         bigint NOT NULL DEFAULT 0,
  next_attempt_at  bigint NOT NULL,
  claimed_until    bigint NOT NULL DEFAULT 0,
  last_error       text NOT NULL DEFAULT '',
  created_at       bigint NOT NULL,
  sent_at          bigint,
  UNIQUE (recipient, issue)
);

CREATE INDEX mail_queue_due ON mail_queue (status, next_attempt_at);
CREATE INDEX mail_queue_recent ON mail_queue (created_at DESC, id DESC);

CREATE TABLE newsletter_settings (
  key    text COLLATE "C" PRIMARY KEY,
  value  text NOT NULL
);

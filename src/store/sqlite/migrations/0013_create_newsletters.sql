-- Newsletters: readers' subscriptions (double opt-in), the mail queue with its retries, and the
-- sending settings (SMTP server, sender, rate). Times are Unix seconds (UTC).

CREATE TABLE newsletter_subscriptions (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL,           -- lower-cased; never shown to readers or authors
  scope         TEXT NOT NULL CHECK (scope IN ('all', 'section', 'author')),
  scope_slug    TEXT NOT NULL DEFAULT '',  -- the section or author; '' for 'all'
  created_at    INTEGER NOT NULL,
  confirmed_at  INTEGER,                 -- NULL until the reader followed the confirmation link
  UNIQUE (email, scope, scope_slug)
);

-- One row per message to one address. `issue` names what it is ("confirm:12",
-- "digest:2026-12-04", "breaking:42"): the unique key is what keeps a message from being sent
-- twice to one address, whoever enqueues it and however often.
CREATE TABLE mail_queue (
  id               INTEGER PRIMARY KEY,
  recipient        TEXT NOT NULL,
  issue            TEXT NOT NULL,
  subject          TEXT NOT NULL,
  text_body        TEXT NOT NULL,
  html_body        TEXT NOT NULL,
  unsubscribe_url  TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'bounced')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  claimed_until    INTEGER NOT NULL DEFAULT 0,  -- a sender holds the row until then
  last_error       TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  sent_at          INTEGER,
  UNIQUE (recipient, issue)
);

CREATE INDEX mail_queue_due ON mail_queue (status, next_attempt_at);
CREATE INDEX mail_queue_recent ON mail_queue (created_at DESC, id DESC);

CREATE TABLE newsletter_settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

-- What limits abuse must remember across processes and restarts: failed sign-ins, and the
-- comment form tokens already used. Both hold only recent rows: each write forgets the ended
-- ones. Times are Unix seconds (UTC).

-- Failed sign-ins per key ("account:EMAIL" in lower case, "address:IP"), in fixed windows: a
-- window opens with a key's first failure; past its length the key starts again from zero.
CREATE TABLE sign_in_failures (
  key             TEXT PRIMARY KEY,
  window_started  INTEGER NOT NULL,
  failures        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sign_in_failures_by_window ON sign_in_failures (window_started);

-- A comment form token is good for one comment: once used, it is kept here until it would have
-- expired anyway (too old to be accepted).
CREATE TABLE used_form_tokens (
  token       TEXT PRIMARY KEY,
  expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX used_form_tokens_by_expiry ON used_form_tokens (expires_at);

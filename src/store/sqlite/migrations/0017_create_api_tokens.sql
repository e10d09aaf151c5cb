-- Content API tokens (store/api_token_store.h): an account's write tokens and the admins' read
-- keys. Only the SHA-256 of a token is kept; a revoked token keeps its row. Times are Unix
-- seconds (UTC).
CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash    TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  scope         TEXT NOT NULL CHECK (scope IN ('write', 'read')),
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER,
  revoked_at    INTEGER
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

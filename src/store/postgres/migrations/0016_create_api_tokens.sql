-- Content API tokens (SQLite's migration 0017, store/api_token_store.h): only the SHA-256 of
-- a token is kept; a revoked token keeps its row. Times are Unix seconds (UTC).
CREATE TABLE api_tokens (
  id            bigserial PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash    text COLLATE "C" NOT NULL UNIQUE,
  name          text COLLATE "C" NOT NULL,
  scope         text COLLATE "C" NOT NULL CHECK (scope IN ('write', 'read')),
  created_at    bigint NOT NULL,
  last_used_at  bigint,
  revoked_at    bigint
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

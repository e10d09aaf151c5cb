-- Newsroom accounts, their sessions, and failed sign-ins (SQLite's migrations 0003 and 0008),
-- shared by every node through the database. E-mails are unique whatever the case of their
-- ASCII letters (SQLite's COLLATE NOCASE): lower() under the "C" collation folds ASCII only.
CREATE TABLE users (
  id             bigserial PRIMARY KEY,
  email          text COLLATE "C" NOT NULL,
  name           text COLLATE "C" NOT NULL,
  role           text NOT NULL CHECK (role IN ('contributor', 'author', 'editor', 'admin')),
  password_hash  text NOT NULL,
  author_id      bigint NOT NULL UNIQUE REFERENCES authors(id),
  created_at     bigint NOT NULL
);
CREATE UNIQUE INDEX users_by_email ON users (lower(email));

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  bigint NOT NULL,
  expires_at  bigint NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE sign_in_failures (
  key             text PRIMARY KEY,
  window_started  bigint NOT NULL,
  failures        bigint NOT NULL
);
CREATE INDEX sign_in_failures_by_window ON sign_in_failures (window_started);

-- The change log: each write's announcements (store::WriteTransaction::announce), written in
-- the write's own transaction, which also sends NOTIFY gazette_changes with the entry's id, so
-- every node hears of a committed change and none of a rolled-back one.
CREATE TABLE change_log (
  id         bigserial PRIMARY KEY,
  origin     text NOT NULL,
  payload    text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX change_log_created_at ON change_log (created_at);

-- Every write's cache dependencies, so that each server process (and, later, each node) drops
-- the pages another process's write changed: `gazette publish` beside `gazette serve`.
CREATE TABLE change_log (
  id            INTEGER PRIMARY KEY,
  origin        TEXT NOT NULL,     -- the process that wrote it; it skips its own entries
  dependencies  TEXT NOT NULL,     -- space-separated names, or '*' for every page
  created_at    INTEGER NOT NULL
);

-- Webhooks (store/webhook_store.h): the addresses admins register, the queue of deliveries to
-- them with the last answer of each, and whether private networks may be posted to. Times are
-- Unix seconds (UTC).
CREATE TABLE webhooks (
  id          INTEGER PRIMARY KEY,
  url         TEXT NOT NULL,
  events      TEXT NOT NULL,  -- event names joined by spaces
  secret      TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE TABLE webhook_deliveries (
  id                INTEGER PRIMARY KEY,
  webhook_id        INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  event             TEXT NOT NULL,
  payload           TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'delivered', 'failed')),
  attempts          INTEGER NOT NULL DEFAULT 0,
  created_at        INTEGER NOT NULL,
  next_attempt_at   INTEGER NOT NULL,
  claimed_until     INTEGER NOT NULL DEFAULT 0,
  delivered_at      INTEGER,
  response_status   INTEGER NOT NULL DEFAULT 0,
  response_excerpt  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'queued';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id);
CREATE TABLE webhook_settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);

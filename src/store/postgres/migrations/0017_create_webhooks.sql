-- Webhooks (SQLite's migration 0018, store/webhook_store.h): the addresses admins register,
-- the queue of deliveries to them with the last answer of each, and whether private networks
-- may be posted to. Times are Unix seconds (UTC).
CREATE TABLE webhooks (
  id          bigserial PRIMARY KEY,
  url         text NOT NULL,
  events      text NOT NULL,  -- event names joined by spaces
  secret      text NOT NULL,
  created_at  bigint NOT NULL
);
CREATE TABLE webhook_deliveries (
  id                bigserial PRIMARY KEY,
  webhook_id        bigint NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  event             text NOT NULL,
  payload           text NOT NULL,
  status            text NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'delivered', 'failed')),
  attempts          bigint NOT NULL DEFAULT 0,
  created_at        bigint NOT NULL,
  next_attempt_at   bigint NOT NULL,
  claimed_until     bigint NOT NULL DEFAULT 0,
  delivered_at      bigint,
  response_status   bigint NOT NULL DEFAULT 0,
  response_excerpt  text NOT NULL DEFAULT ''
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'queued';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id);
CREATE TABLE webhook_settings (
  key    text PRIMARY KEY,
  value  text NOT NULL
);

-- The change log carries events (JSON: content/event_codec.h) instead of cache dependency names,
-- and each entry is written in the transaction of the write it announces
-- (store::WriteTransaction::announce), so a write and the news of it commit together. Entries
-- written before read as "every page may have changed", which is always safe.
ALTER TABLE change_log RENAME COLUMN dependencies TO payload;

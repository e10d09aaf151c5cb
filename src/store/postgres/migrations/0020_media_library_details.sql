-- The media library's own caption, credit and alt text of each image (SQLite's migration 0021,
-- store/media_store.h): edited once on the library's page, offered wherever the image is
-- inserted. Empty: none.
ALTER TABLE media ADD COLUMN caption text NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN credit text NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN alt text NOT NULL DEFAULT '';

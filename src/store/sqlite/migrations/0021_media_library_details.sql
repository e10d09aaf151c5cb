-- The media library's own caption, credit and alt text of each image (store/media_store.h):
-- edited once on the library's page, offered wherever the image is inserted. Empty: none.
ALTER TABLE media ADD COLUMN caption TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN credit TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN alt TEXT NOT NULL DEFAULT '';

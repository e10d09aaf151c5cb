-- Where the subject of each photo is, in percent of its width and height (SQLite's migration
-- 0022, content::FocalPoint): set in the media library, read with the photo so every crop on the
-- reader pages keeps it in frame. 50/50, the middle, is what crops showed before.
ALTER TABLE media ADD COLUMN focal_x integer NOT NULL DEFAULT 50 CHECK (focal_x BETWEEN 0 AND 100);
ALTER TABLE media ADD COLUMN focal_y integer NOT NULL DEFAULT 50 CHECK (focal_y BETWEEN 0 AND 100);

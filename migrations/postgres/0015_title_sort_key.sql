-- Titles sort by a key the program folds (lower case, accents and umlauts spelled out in ASCII),
-- compared byte by byte: the same order on SQLite and PostgreSQL, whatever the database's
-- collation. Filled for existing titles when the migration runs (Store::migrate).
ALTER TABLE practice_texts ADD COLUMN sort_key TEXT;

-- The bytes of attachments live in the database, in chunks of 256 KiB, so that every server of
-- an instance sees every file and a backup of the database holds them. Named by SHA-256: the
-- same file is stored once. Files kept in the data directory before are moved in at start.
CREATE TABLE file_chunks (
    sha256 TEXT NOT NULL,
    n      INTEGER NOT NULL,
    data   BLOB NOT NULL,
    PRIMARY KEY (sha256, n)
);

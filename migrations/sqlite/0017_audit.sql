-- The change log is also the audit log: where each change came from (the client's address, or
-- "command line"), and indexes to read it by person and by date.
ALTER TABLE changes ADD COLUMN origin TEXT;
CREATE INDEX changes_actor ON changes(actor_id, seq);
CREATE INDEX changes_at ON changes(at);

-- The desk says what is new since a member's last visit: when the account was last seen (noted
-- at most every five minutes) and where the current visit's "new" begins (the last time it was
-- seen before a pause of an hour or more).
ALTER TABLE users ADD COLUMN seen_at BIGINT;
ALTER TABLE users ADD COLUMN visit_since BIGINT;

-- An account an admin erased: its address is replaced by a placeholder that cannot receive mail
-- and its secrets are gone; its contributions stay, shown as a former member's.
ALTER TABLE users ADD COLUMN erased_at BIGINT;

-- Personal API tokens expire (the owner chooses 30, 90 or 365 days at creation); tokens made
-- before this migration expire 90 days after they were made.
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
UPDATE api_tokens SET expires_at = created_at + 90 * 86400;

-- Calendar-feed tokens are stored hashed like every other secret. The plain ones kept so far
-- cannot be turned into hashes by SQL on both databases, so they are dropped: members make a
-- new address on "My visits".
DELETE FROM calendar_tokens;
ALTER TABLE calendar_tokens RENAME COLUMN token TO token_hash;

-- Sign-in attempts, counted in the database so that every server sees the same numbers.
-- An attempt is written (under the write lock) before the password is checked, and removed
-- when it succeeds, so that parallel tries cannot all pass the limit before any failure counts.
CREATE TABLE login_attempts (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    at  BIGINT NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts(key, at);

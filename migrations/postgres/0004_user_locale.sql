-- Each account's interface language, for e-mail notices in the recipient's own language.
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';

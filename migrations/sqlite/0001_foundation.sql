-- The foundation: settings, the change log, the directory and accounts (SQLite).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every write appends here in the same transaction; search, feeds and notices follow it.
CREATE TABLE changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         BIGINT NOT NULL,
    entity     TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    kind       TEXT NOT NULL,
    actor_id   BIGINT
);

CREATE TABLE countries (
    code    TEXT PRIMARY KEY,
    name_de TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE cities (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    country    TEXT NOT NULL REFERENCES countries(code),
    name       TEXT NOT NULL,
    name_de    TEXT,
    name_fr    TEXT,
    name_en    TEXT,
    lat        DOUBLE PRECISION,
    lon        DOUBLE PRECISION,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE themes (
    key      TEXT PRIMARY KEY,
    label_de TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    position BIGINT NOT NULL
);

-- languages and themes hold ",de,fr," style lists: codes are [a-z0-9-] only, so LIKE is exact.
CREATE TABLE organisations (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    city_id       BIGINT NOT NULL REFERENCES cities(id),
    website       TEXT,
    languages     TEXT NOT NULL,
    themes        TEXT NOT NULL,
    original_lang TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX organisations_city ON organisations(city_id);
CREATE INDEX organisations_name ON organisations(name_key);

-- One row per language of an organisation's description; status original, human, machine or outdated.
CREATE TABLE organisation_texts (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    lang            TEXT NOT NULL,
    description     TEXT NOT NULL,
    status          TEXT NOT NULL,
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, lang)
);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    role_title      TEXT,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    languages       TEXT NOT NULL,
    themes          TEXT NOT NULL,
    email           TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX people_organisation ON people(organisation_id);
CREATE INDEX people_name ON people(name_key);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    password_hash   TEXT,
    role            TEXT NOT NULL,
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE invitations (
    token_hash      TEXT PRIMARY KEY,
    email           TEXT NOT NULL,
    role            TEXT NOT NULL,
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE CASCADE,
    invited_by      BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    accepted_at     BIGINT
);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

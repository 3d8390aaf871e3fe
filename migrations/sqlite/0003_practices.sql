-- Good practices (SQLite): the record, its owners and contacts, its texts per language and field,
-- its revisions and its workflow history.
CREATE TABLE practices (
    id             INTEGER PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    ref            TEXT UNIQUE,
    city_id        BIGINT NOT NULL REFERENCES cities(id),
    original_lang  TEXT NOT NULL,
    status         TEXT NOT NULL,
    period_start   TEXT,
    period_end     TEXT,
    ongoing        BIGINT NOT NULL,
    themes         TEXT NOT NULL,
    target_groups  TEXT NOT NULL,
    links          TEXT NOT NULL,
    source         TEXT,
    version        BIGINT NOT NULL,
    reviewer_id    BIGINT REFERENCES users(id) ON DELETE SET NULL,
    review_opinion TEXT,
    recommended    BIGINT NOT NULL,
    opinion_public BIGINT NOT NULL,
    created_by     BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    published_at   BIGINT
);
CREATE INDEX practices_city ON practices(city_id);
CREATE INDEX practices_status ON practices(status, published_at);

CREATE TABLE practice_organisations (
    practice_id     BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    PRIMARY KEY (practice_id, organisation_id)
);
CREATE INDEX practice_organisations_org ON practice_organisations(organisation_id);

CREATE TABLE practice_contacts (
    practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
    person_id   BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (practice_id, person_id)
);

-- One row per language and field; status original, human, machine or outdated; based_on is the
-- practice version whose original the text was written from.
CREATE TABLE practice_texts (
    practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    field       TEXT NOT NULL,
    body        TEXT NOT NULL,
    status      TEXT NOT NULL,
    based_on    BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (practice_id, lang, field)
);

-- Every save keeps the whole record as JSON.
CREATE TABLE practice_revisions (
    id          INTEGER PRIMARY KEY,
    practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
    version     BIGINT NOT NULL,
    user_id     BIGINT REFERENCES users(id) ON DELETE SET NULL,
    at          BIGINT NOT NULL,
    snapshot    TEXT NOT NULL,
    UNIQUE (practice_id, version)
);

-- Every workflow step, with who did it and an optional note (the review opinion).
CREATE TABLE practice_events (
    id          INTEGER PRIMARY KEY,
    practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
    at          BIGINT NOT NULL,
    user_id     BIGINT REFERENCES users(id) ON DELETE SET NULL,
    step        TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    note        TEXT
);
CREATE INDEX practice_events_practice ON practice_events(practice_id, id);

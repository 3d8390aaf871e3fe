-- Calls for exchanges: a coordinator's call over some placements with a deadline; members'
-- requests with ranked preferences; the allocation as proposed or changed by hand. Visits
-- granted in a call remember it.
CREATE TABLE calls (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    deadline     TEXT NOT NULL,
    status       TEXT NOT NULL,
    created_by   BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    published_at BIGINT
);

CREATE TABLE call_placements (
    call_id      BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    placement_id BIGINT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    PRIMARY KEY (call_id, placement_id)
);

CREATE TABLE call_requests (
    id                      INTEGER PRIMARY KEY,
    call_id                 BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    visitor_id              BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    visitor_organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    possible_start          TEXT NOT NULL,
    possible_end            TEXT NOT NULL,
    languages               TEXT NOT NULL,
    themes                  TEXT NOT NULL,
    goal                    TEXT NOT NULL,
    created_at              BIGINT NOT NULL,
    updated_at              BIGINT NOT NULL,
    UNIQUE (call_id, visitor_id)
);

CREATE TABLE call_preferences (
    request_id   BIGINT NOT NULL REFERENCES call_requests(id) ON DELETE CASCADE,
    rank         BIGINT NOT NULL,
    placement_id BIGINT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    PRIMARY KEY (request_id, rank)
);

CREATE TABLE call_assignments (
    request_id   BIGINT PRIMARY KEY REFERENCES call_requests(id) ON DELETE CASCADE,
    call_id      BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    placement_id BIGINT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    window_start TEXT NOT NULL,
    window_end   TEXT NOT NULL,
    points       BIGINT NOT NULL,
    by_hand      BIGINT NOT NULL
);
CREATE INDEX call_assignments_call ON call_assignments(call_id);

ALTER TABLE visits ADD COLUMN call_id BIGINT REFERENCES calls(id) ON DELETE SET NULL;

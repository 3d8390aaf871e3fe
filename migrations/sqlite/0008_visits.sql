-- Visits of the exchange programme: a member's request (for a placement, or open with no
-- placement yet) and its lifecycle. A visit that holds a place remembers the window it holds it
-- in by its dates, so that a host's later change of windows does not move it.
CREATE TABLE visits (
    id                      INTEGER PRIMARY KEY,
    placement_id            BIGINT REFERENCES placements(id) ON DELETE CASCADE,
    visitor_id              BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    visitor_organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    status                  TEXT NOT NULL,
    possible_start          TEXT NOT NULL,
    possible_end            TEXT NOT NULL,
    length_days             BIGINT NOT NULL,
    themes                  TEXT NOT NULL,
    cities                  TEXT NOT NULL,
    languages               TEXT NOT NULL,
    goal                    TEXT NOT NULL,
    window_start            TEXT,
    window_end              TEXT,
    start_date              TEXT,
    end_date                TEXT,
    start_time              TEXT,
    end_time                TEXT,
    meeting_point           TEXT NOT NULL,
    agenda                  TEXT NOT NULL,
    sequence                BIGINT NOT NULL,
    created_at              BIGINT NOT NULL,
    updated_at              BIGINT NOT NULL
);
CREATE INDEX visits_placement ON visits(placement_id, window_start, status);
CREATE INDEX visits_visitor ON visits(visitor_id);
CREATE INDEX visits_status ON visits(status);

-- The timeline: every step with who took it and the message or reason given.
CREATE TABLE visit_events (
    id       INTEGER PRIMARY KEY,
    visit_id BIGINT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    step     TEXT NOT NULL,
    status   TEXT NOT NULL,
    actor_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    message  TEXT NOT NULL,
    at       BIGINT NOT NULL
);
CREATE INDEX visit_events_visit ON visit_events(visit_id, id);

-- The agreement checklist both sides confirm before a visit is scheduled. Built-in items have a
-- key (their text is in the message files); items a coordinator adds have their own texts.
CREATE TABLE checklist_items (
    id       INTEGER PRIMARY KEY,
    item_key TEXT,
    label_de TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    position BIGINT NOT NULL,
    active   BIGINT NOT NULL
);
INSERT INTO checklist_items (item_key, label_de, label_fr, label_en, position, active) VALUES
    ('employer', '', '', '', 1, 1),
    ('confidentiality', '', '', '', 2, 1),
    ('data-protection', '', '', '', 3, 1),
    ('insurance', '', '', '', 4, 1);

CREATE TABLE visit_confirmations (
    visit_id BIGINT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    item_id  BIGINT NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
    side     TEXT NOT NULL,
    user_id  BIGINT REFERENCES users(id) ON DELETE SET NULL,
    at       BIGINT NOT NULL,
    PRIMARY KEY (visit_id, item_id, side)
);

-- The visitor's learning report, the host's view on it, and the follow-up three months later.
CREATE TABLE visit_reports (
    visit_id    BIGINT PRIMARY KEY REFERENCES visits(id) ON DELETE CASCADE,
    saw         TEXT NOT NULL,
    worked      TEXT NOT NULL,
    take_home   TEXT NOT NULL,
    practices   TEXT NOT NULL,
    intention   TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    host_view   TEXT NOT NULL,
    published   BIGINT NOT NULL,
    follow_up_at BIGINT NOT NULL,
    reminded_at BIGINT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX visit_reports_follow_up ON visit_reports(follow_up_at);

-- Each member's private calendar feed: a secret token in the feed's address, which they can reset.
CREATE TABLE calendar_tokens (
    user_id    BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token      TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

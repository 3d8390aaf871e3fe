-- Placements of the exchange programme: a host organisation's offer of a visit or job-shadowing
-- stay, with the periods ("windows") when it is possible. Lists (languages, themes, practices)
-- are stored comma-separated like the practices' themes.
CREATE TABLE placements (
    id              INTEGER PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    city_id         BIGINT NOT NULL REFERENCES cities(id),
    lang            TEXT NOT NULL,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL,
    practical       TEXT NOT NULL,
    accessibility   TEXT NOT NULL,
    length_days     BIGINT NOT NULL,
    capacity        BIGINT NOT NULL,
    languages       TEXT NOT NULL,
    themes          TEXT NOT NULL,
    practices       TEXT NOT NULL,
    contact_id      BIGINT REFERENCES people(id) ON DELETE SET NULL,
    status          TEXT NOT NULL,
    version         BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX placements_organisation ON placements(organisation_id);
CREATE INDEX placements_city ON placements(city_id);

CREATE TABLE placement_windows (
    placement_id BIGINT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    position     BIGINT NOT NULL,
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL,
    PRIMARY KEY (placement_id, position)
);

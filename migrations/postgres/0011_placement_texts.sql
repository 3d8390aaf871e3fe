-- Translations of placements: one row per language other than the original, with a status
-- (human, machine, or outdated once the original texts change).
CREATE TABLE placement_texts (
    placement_id  BIGINT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    lang          TEXT NOT NULL,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL,
    practical     TEXT NOT NULL,
    accessibility TEXT NOT NULL,
    status        TEXT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (placement_id, lang)
);

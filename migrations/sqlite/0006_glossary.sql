-- The glossary: concepts with a definition per language and related concepts (a list of keys),
-- and their terms per language in order (position 0 is the preferred term).
CREATE TABLE glossary_concepts (
    key           TEXT PRIMARY KEY,
    domain        TEXT NOT NULL,
    definition_de TEXT NOT NULL,
    definition_fr TEXT NOT NULL,
    definition_en TEXT NOT NULL,
    definition_lb TEXT NOT NULL,
    related       TEXT NOT NULL,
    updated_at    BIGINT NOT NULL
);

CREATE TABLE glossary_terms (
    concept  TEXT NOT NULL REFERENCES glossary_concepts(key) ON DELETE CASCADE,
    lang     TEXT NOT NULL,
    position BIGINT NOT NULL,
    term     TEXT NOT NULL,
    PRIMARY KEY (concept, lang, position)
);

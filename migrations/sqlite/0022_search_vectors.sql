-- Vectors of the optional embedding model: one per practice and language, of its title and
-- summary. Derived data, kept so that a rebuilt index (or another server) does not compute them
-- again: `model` names the model's weights and `source` the embedded text (a hash), so a vector
-- of another model or of an older text is computed anew. The vector is little-endian f32.
CREATE TABLE search_vectors (
    kind TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    lang TEXT NOT NULL,
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (kind, owner_id, lang)
);

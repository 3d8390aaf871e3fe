-- The bilingual lexicon of the language bridge: each row one translation of a word, filed under
-- the word's search key (the word as the search analyzes it) so that every form finds it.
-- Replaced whole by `passerelle lexicon import`.
CREATE TABLE lexicon (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    src_lang TEXT NOT NULL,
    src_key TEXT NOT NULL,
    src_word TEXT NOT NULL,
    dst_lang TEXT NOT NULL,
    dst_word TEXT NOT NULL,
    weight DOUBLE PRECISION NOT NULL
);
CREATE INDEX lexicon_key ON lexicon(src_lang, src_key);

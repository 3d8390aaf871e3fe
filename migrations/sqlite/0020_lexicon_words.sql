-- The lexicon's word lists: each word of a language with its frequency (Zipf scale). German
-- compounds are split where their parts are more frequent than the whole. Replaced whole, with
-- the translations, by `passerelle lexicon import`.
CREATE TABLE lexicon_words (
    lang TEXT NOT NULL,
    word TEXT NOT NULL,
    zipf DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (lang, word)
);

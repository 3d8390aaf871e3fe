-- Coordinators' corrections of the lexicon, filed like its translations: a translation added
-- (removed = 0), or one of the lexicon's removed as a wrong sense (removed = 1). Kept
-- apart from the lexicon, so that `passerelle lexicon import` leaves them in place.
CREATE TABLE lexicon_corrections (
    src_lang TEXT NOT NULL,
    src_key TEXT NOT NULL,
    src_word TEXT NOT NULL,
    dst_lang TEXT NOT NULL,
    dst_word TEXT NOT NULL,
    removed BIGINT NOT NULL,
    PRIMARY KEY (src_lang, src_key, dst_lang, dst_word)
);

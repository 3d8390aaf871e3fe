-- Pickers look practices up by their folded title in any language.
CREATE INDEX practice_texts_sort_key ON practice_texts(sort_key) WHERE sort_key IS NOT NULL;

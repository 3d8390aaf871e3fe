-- The language a learning report is written in (for readers' `lang` and for search).
ALTER TABLE visit_reports ADD COLUMN lang TEXT NOT NULL DEFAULT '';

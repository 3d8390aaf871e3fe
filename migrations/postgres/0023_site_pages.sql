-- The site's own pages (imprint, privacy notice), written by administrators per interface
-- language. A page without a row shows the built-in text of its language.
CREATE TABLE site_pages (
    page TEXT NOT NULL,
    lang TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (page, lang)
);

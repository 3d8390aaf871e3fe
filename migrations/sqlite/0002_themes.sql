-- The initial theme taxonomy; coordinators can extend it.
INSERT INTO themes (key, label_de, label_fr, label_en, position) VALUES
 ('language', 'Sprache', 'Langue', 'Language', 1),
 ('education', 'Bildung', 'Éducation', 'Education', 2),
 ('employment', 'Arbeit und Beschäftigung', 'Emploi', 'Employment', 3),
 ('housing', 'Wohnen', 'Logement', 'Housing', 4),
 ('neighbourhood', 'Nachbarschaft und Stadtteil', 'Quartier et voisinage', 'Neighbourhood', 5),
 ('participation', 'Beteiligung', 'Participation', 'Participation', 6),
 ('youth', 'Jugend', 'Jeunesse', 'Youth', 7),
 ('health', 'Gesundheit', 'Santé', 'Health', 8),
 ('women', 'Frauen', 'Femmes', 'Women', 9),
 ('anti-discrimination', 'Antidiskriminierung', 'Lutte contre les discriminations', 'Anti-discrimination', 10),
 ('culture', 'Kultur', 'Culture', 'Culture', 11),
 ('sport', 'Sport', 'Sport', 'Sport', 12),
 ('counselling', 'Beratung', 'Conseil et accompagnement', 'Counselling', 13),
 ('civic-education', 'Politische Bildung', 'Éducation civique', 'Civic education', 14),
 ('urban-development', 'Stadtentwicklung', 'Développement urbain', 'Urban development', 15);

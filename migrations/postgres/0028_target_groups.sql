-- Target groups become a small translatable taxonomy, like themes: practices keep their keys
-- (still a JSON array) and what fits no group as a note in the practice's language. Both
-- taxonomies gain "other names" (separated by ";") that imported free text is matched against.
ALTER TABLE themes ADD COLUMN synonyms TEXT NOT NULL DEFAULT '';

CREATE TABLE target_groups (
    key      TEXT PRIMARY KEY,
    label_de TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    synonyms TEXT NOT NULL DEFAULT '',
    position BIGINT NOT NULL
);

INSERT INTO target_groups (key, label_de, label_fr, label_en, synonyms, position) VALUES
 ('migrants', 'Zugewanderte', 'Personnes immigrées', 'Migrants',
  'Migrantinnen und Migranten; Migranten; Eingewanderte; Menschen mit Migrationsgeschichte; Menschen mit Migrationshintergrund; Personnes issues de l’immigration; Immigrés; Migrants; Personnes migrantes; Immigrants; Residents with a migration background; Migranten a Migrantinnen; Auslännesch Awunner; Ausländische Einwohner; Habitants étrangers; Foreign residents', 1),
 ('newcomers', 'Neuzugewanderte', 'Primo-arrivants', 'Newcomers',
  'Neu Zugewanderte; Neuankommende; Neuzugezogene; Nouveaux arrivants; Nouveaux habitants étrangers; Nouveaux habitants; Recently arrived migrants; Neiukommener; Nei Awunner', 2),
 ('refugees', 'Geflüchtete', 'Personnes réfugiées', 'Refugees and asylum seekers',
  'Flüchtlinge; Asylsuchende; Asylbewerber; Schutzsuchende; Réfugiés; Demandeurs d’asile; Demandeurs de protection internationale; Refugees; Asylum seekers; Applicants for international protection; Beneficiaries of international protection; Geflüchtete in Gemeinschaftsunterkünften; Flüchtlingen', 3),
 ('women', 'Frauen', 'Femmes', 'Women',
  'Migrantinnen; Zugewanderte Frauen; Frauen mit Migrationsgeschichte; Frauen mit Migrationshintergrund; Femmes immigrées; Femmes migrantes; Migrant women; Immigrant women; Fraen', 4),
 ('children', 'Kinder', 'Enfants', 'Children',
  'Grundschulkinder; Kita-Kinder; Mehrsprachige Kinder; Schulkinder; Élèves du primaire; Jeunes enfants; Kanner', 5),
 ('young-people', 'Jugendliche und junge Erwachsene', 'Jeunes', 'Young people',
  'Jugendliche; Junge Erwachsene; Junge Volljährige; Junge Menschen; Jeunes adultes; Adolescents; Jeunes filles; Jeunes d’origine étrangère; Lycéens; Youth; Young adults; Teenagers; Jugendlecher; Jonker', 6),
 ('families', 'Eltern und Familien', 'Parents et familles', 'Parents and families',
  'Eltern; Familien; Mütter; Väter; Neu zugezogene Eltern; Mütter mit kleinen Kindern; Zugewanderte Familien; Parents; Familles; Mères; Pères; Parents d’élèves; Parents immigrés; Familles immigrées; Mères de jeunes enfants; Families; Mothers; Fathers; Elteren; Familljen', 7),
 ('older-people', 'Ältere Menschen', 'Personnes âgées', 'Older people',
  'Senioren; Seniorinnen und Senioren; Ältere Zugewanderte; Personnes âgées immigrées; Immigrés âgés; Retraités; Retraités isolés; Anciens travailleurs migrants; Seniors; Elderly people; Older migrants; Eeler Leit', 8),
 ('jobseekers', 'Arbeitsuchende', 'Demandeurs d’emploi', 'Jobseekers',
  'Arbeitslose; Erwerbslose; Wiedereinsteigerinnen und Wiedereinsteiger; Langzeitarbeitslose; Chômeurs; Personnes en recherche d’emploi; Unemployed people; Job seekers; Aarbechtssichend', 9),
 ('skilled-migrants', 'Zugewanderte Fachkräfte', 'Travailleurs qualifiés immigrés', 'Skilled migrants',
  'Fachkräfte; Ausländische Fachkräfte; Zugewanderte mit ausländischem Berufsabschluss; Arbeitsuchende mit ausländischem Abschluss; Menschen mit ausländischen Abschlüssen; Professionnels qualifiés; Personnes diplômées à l’étranger; Skilled workers; People with foreign qualifications', 10),
 ('language-learners', 'Sprachlernende', 'Apprenants en langue', 'Language learners',
  'Menschen mit geringen Sprachkenntnissen; Zugewanderte mit geringen Deutschkenntnissen; Deutschlernende; Kursteilnehmende; Apprenants; Personnes peu à l’aise en français; Habitants qui parlent peu français; People with limited language skills; Learners; Erwuessener, déi Lëtzebuergesch léieren', 11),
 ('residents', 'Bewohnerinnen und Bewohner', 'Habitants', 'Residents',
  'Bewohner; Anwohnende; Nachbarschaft; Nachbarn; Stadtteilbewohner; Bewohnerinnen und Bewohner von Trier-West; Habitants de toutes origines; Habitants des quartiers prioritaires; Habitants du quartier; Voisins; Residents of all nationalities; Neighbours; Neue Mieterinnen und Mieter; Awunner', 12),
 ('volunteers', 'Ehrenamtliche', 'Bénévoles', 'Volunteers',
  'Freiwillige; Engagierte; Berufserfahrene Ehrenamtliche; Ehrenamtliche Vormünder; Lycéens bénévoles; Volontaires; Student volunteers; Fräiwëlleger; Benevoler', 13),
 ('associations', 'Vereine und Initiativen', 'Associations', 'Associations and community groups',
  'Vereine; Migrantenvereine; Migrantenorganisationen; Initiativen; Religiöse Gemeinden; Associations de migrants; Associations locales; Clubs sportifs; Local associations; Migrant organisations; Community groups; Sports clubs; Veräiner', 14),
 ('public-staff', 'Verwaltung und Fachkräfte', 'Administrations et professionnels', 'Public services and professionals',
  'Stadtverwaltung; Verwaltung; Behörden; Beschäftigte der Verwaltung; Beratungsstellen; Beratungsstellen und Behörden; Stadtplanung; Fachkräfte der Integrationsarbeit; Services municipaux; Agents publics; Professionnels; City staff; City staff with public contact; Staff of city integration services; Public employees; Gemengeverwaltung', 15),
 ('schools', 'Schulen und Lehrkräfte', 'Écoles et enseignants', 'Schools and teachers',
  'Schulen; Lehrkräfte; Lehrerinnen und Lehrer; Kitas; Écoles; Enseignants; Écoles élémentaires; Établissements scolaires; Schools; Teachers; Schoulen; Enseignanten', 16),
 ('employers', 'Betriebe und Arbeitgeber', 'Employeurs', 'Employers',
  'Betriebe; Unternehmen; Arbeitgeber; Arbeitgeberinnen und Arbeitgeber; Entreprises; Employers; Businesses; Companies; Betriber', 17),
 ('students', 'Studierende', 'Étudiants', 'Students',
  'Studenten; Studierende aus dem Ausland; Internationale Studierende; Studieninteressierte; Étudiants étrangers; Étudiantes et étudiants; International students; Prospective students', 18);

ALTER TABLE practices ADD COLUMN target_group_note TEXT NOT NULL DEFAULT '';

-- Practices written before: their free text is matched against the taxonomy once, when the
-- program next migrates (the rows listed here), and what fits no group becomes the note.
CREATE TABLE target_groups_to_sort (practice_id BIGINT PRIMARY KEY);
INSERT INTO target_groups_to_sort (practice_id) SELECT id FROM practices WHERE target_groups <> '[]';

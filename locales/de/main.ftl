# Passerelle — deutsche Oberflächentexte. Die Schlüssel müssen in de, fr und en identisch sein.

## Layout
skip-to-content = Zum Hauptinhalt springen
skip-to-search = Zur Suche springen
nav-label = Hauptnavigation
nav-organisations = Organisationen
nav-people = Personen
nav-cities = Städte
nav-countries = Länder
nav-account = Mein Konto
nav-invite = Einladen
nav-users = Konten
nav-login = Anmelden
nav-logout = Abmelden
search-label = Praxisbeispiele, Organisationen und Personen durchsuchen
search-placeholder = In jeder Sprache …
search-button = Suchen
lang-switch-label = Sprache
locale-name-de = Deutsch
locale-name-fr = Français
locale-name-en = English
breadcrumb-label = Navigationspfad
footer-text = Passerelle — der Arbeitsbereich des QuattroPole-Netzwerks zu Migration, Partizipation und Bürgerschaft.
footer-api = Offene API
pagination-label = Seiten
pagination-prev = Vorherige Seite
pagination-next = Nächste Seite
pagination-page = Seite { $page }
select-choose = — Bitte auswählen —
select-none = — Keine Angabe —
form-required-note = Mit * markierte Felder sind Pflichtfelder.
form-errors-title = Bitte korrigieren Sie Folgendes:

## Home
home-title = Passerelle: voneinander lernen über Grenzen hinweg
home-intro = Stadtverwaltungen und Vereine aus Luxemburg, Metz, Saarbrücken und Trier teilen, was sich bei Integration und Partizipation bewährt hat, besuchen sich gegenseitig und lernen voneinander.
home-cities = Städte des Netzwerks
home-all-organisations = Alle { $count } Organisationen

## Counts
count-organisations = { $count ->
    [one] { $count } Organisation
   *[other] { $count } Organisationen
}
count-people = { $count ->
    [one] { $count } Person
   *[other] { $count } Personen
}
count-cities = { $count ->
    [one] { $count } Stadt
   *[other] { $count } Städte
}

## Organisations
organisations-title = Organisationen
organisations-new = Neue Organisation
organisation-edit-title = { $name } bearbeiten
organisation-about = Über die Organisation
organisation-no-description = Noch keine Beschreibung.
organisation-practices = Praxisbeispiele dieser Organisation
organisation-people = Personen
organisation-no-people = Noch keine Personen eingetragen.
organisation-manage = Verwalten
organisation-translations = Sprachfassungen der Beschreibung
lang-notice-untranslated = Original auf { $original } — noch keine deutsche Übersetzung.
lang-notice-partly = Teilweise ins Deutsche übersetzt: Die unten markierten Teile stehen im Original ({ $original }).
lang-section-original = Nur auf { $lang }
translate-title = Beschreibung von { $name } übersetzen
translate-choose = Übersetzung in
translate-into = Übersetzung ({ $lang })
translate-original = Original ({ $lang })
filters-title = Filter
filters-apply = Filter anwenden
filter-any = Alle
filter-q = Name enthält
filter-city = Stadt
filter-country = Land
filter-kind = Art
filter-circle = Kreis
filter-language = Sprache
filter-theme = Thema
hint-slug = Teil der Webadresse: Kleinbuchstaben, Ziffern und Bindestriche. Wenn Sie das Feld leer lassen, wird es aus dem Namen gebildet.
hint-markdown = Markdown: *kursiv*, **fett**, Listen mit „-“, Links als [Text](https://…).
country-organisations = Organisationen in diesem Land
city-own-name = Name in der Landessprache
action-add = Hinzufügen
city-new = Neue Stadt
city-edit-title = { $name } bearbeiten
country-new = Neues Land
country-edit-title = Land { $code } bearbeiten
city-coordinates = Koordinaten

## Kinds, circles, statuses, roles
kind-city_administration = Stadtverwaltung
kind-advisory_council = Ausländerbeirat
kind-association = Verein
kind-housing_cooperative = Wohnungsgenossenschaft
kind-school = Schule oder Bildungseinrichtung
kind-other = Sonstige
circle-inner = Innerer Kreis (Rathäuser)
circle-extended = Erweiterter Kreis
status-original = Original
status-human = von einer Person übersetzt
status-machine = maschinelle Übersetzung
status-outdated = veraltet (das Original wurde geändert)
role-admin = Administration
role-coordinator = Koordination
role-editor = Redaktion
role-member = Mitglied

## People
people-title = Personen
people-new = Person hinzufügen
person-edit-title = { $name } bearbeiten
person-no-email = Keine E-Mail-Adresse angegeben.
person-email-members-only = Nur für angemeldete Mitglieder sichtbar.

## Actions and notices
action-edit = Bearbeiten
action-change = Ändern
hint-term-key = Kleinbuchstaben, Ziffern und Bindestriche (z. B. „older-people“). Ein Schlüssel bleibt: Mit einem vorhandenen Schlüssel wird dieser Eintrag umbenannt.
action-save = Speichern
action-delete = Löschen
action-translate = Übersetzen
notice-saved = Ihre Änderungen wurden gespeichert.
notice-created = Angelegt.
notice-deleted = Gelöscht.
notice-signed-in = Sie sind angemeldet.
notice-signed-out = Sie sind abgemeldet.
notice-password-changed = Ihr Passwort wurde geändert. Andere Sitzungen wurden abgemeldet.
notice-translated = Die Übersetzung wurde gespeichert.
notice-token-revoked = Der Token wurde widerrufen.
notice-welcome = Willkommen bei Passerelle! Ihr Konto ist eingerichtet.

## Accounts
login-title = Anmelden
login-button = Anmelden
login-invitation-only = Konten werden auf Einladung der Koordination des Netzwerks angelegt.
account-title = Mein Konto
account-password-title = Passwort ändern
account-password-button = Passwort ändern
account-tokens-title = API-Token
account-tokens-intro = Mit persönlichen Token können Programme die API in Ihrem Namen nutzen: Senden Sie dazu „Authorization: Bearer <token>“.
account-tokens-caption = Ihre API-Token
account-token-created = Ihr neuer Token. Kopieren Sie ihn jetzt: Er wird nicht noch einmal angezeigt.
account-token-last-used = Zuletzt verwendet
account-token-never = nie
account-keep-tokens = Meine API-Schlüssel weiter gelten lassen (sonst enden sie mit dem alten Passwort)
account-token-expires = Gültig bis
account-token-expired = abgelaufen am { $date }
account-token-days-30 = 30 Tage
account-token-days-90 = 90 Tage
account-token-days-365 = ein Jahr
field-expires = Gültig für
error-token-lifetime = { $field }: Wählen Sie 30 Tage, 90 Tage oder ein Jahr.
account-token-actions = Aktionen
account-token-create = Token erstellen
account-token-revoke = { $name } widerrufen
invite-title = Jemanden einladen
invite-intro = Der Einladungslink ist 7 Tage gültig und kann einmal verwendet werden.
invite-button = Einladung erstellen
invite-created = Einladung für { $email } erstellt. Geben Sie diesen Link weiter:
invite-sent = Einladung an { $email } gesendet. Der Link, falls er benötigt wird:
accept-title = Einladung annehmen
accept-intro = Sie sind mit der Rolle „{ $role }“ zu Passerelle eingeladen. Wählen Sie ein Passwort, um Ihr Konto anzulegen.
accept-button = Mein Konto anlegen
nav-audit = Protokoll
audit-title = Änderungsprotokoll
audit-intro = Jede Änderung mit Person, Zeitpunkt und Herkunft, die neueste zuerst. Änderungen werden für die eingestellte Aufbewahrungsfrist gespeichert.
audit-caption = Änderungen
audit-count = { $count ->
    [one] { $count } Änderung
   *[other] { $count } Änderungen
}
audit-when = Wann
audit-who = Wer
audit-origin = Woher
audit-what = Was
audit-change = Änderung
audit-command-line = Kommandozeile
audit-server = der Server selbst
audit-no-account = kein Konto
audit-former-account = ehemaliges Konto { $id }
audit-kind-create = angelegt
audit-kind-update = geändert
audit-kind-delete = entfernt
field-person = Person (E-Mail-Adresse)
field-entity = Was (practice, organisation, person, user, placement, visit …)
field-since = Von
field-until = Bis
data-title = Meine Daten
data-intro = Alles, was Passerelle über Sie speichert, Tabelle für Tabelle: Ihr Konto, Ihr Verzeichniseintrag, Ihre Sitzungen und Schlüssel (ohne deren Geheimnisse), was Sie geschrieben, begutachtet, angefragt und geändert haben. Laden Sie es als Datei herunter.
data-download = Alles als JSON herunterladen
account-data-link = Alle meine Daten ansehen und herunterladen
data-table-users = Ihr Konto
data-table-people = Ihr Eintrag im Verzeichnis
data-table-sessions = Ihre Sitzungen
data-table-api_tokens = Ihre API-Schlüssel
data-table-calendar_tokens = Ihre Kalenderadresse
data-table-invitations = Einladungen, die Sie verschickt haben
data-table-practices = Praxisbeispiele, die Sie geschrieben haben
data-table-practices_reviewed = Praxisbeispiele, die Sie begutachtet haben
data-table-practice_revisions = Fassungen, die Sie gespeichert haben
data-table-practice_events = Schritte, die Sie in Begutachtungen getan haben
data-table-attachments = Dateien, die Sie angehängt haben
data-table-visits = Besuche, die Sie angefragt haben
data-table-visit_events = Schritte, die Sie bei Besuchen getan haben
data-table-visit_confirmations = Vereinbarungspunkte, die Sie bestätigt haben
data-table-calls = Ausschreibungen, die Sie eröffnet haben
data-table-call_requests = Ihre Anfragen in Ausschreibungen
data-table-changes = Ihre Änderungen (das Protokoll)
data-table-notices = Ihre Benachrichtigungen
data-table-notice_choices = Wie Sie von Benachrichtigungen erfahren
users-title = Konten
users-caption = Alle Konten mit ihrer Rolle
users-change-role = Rolle und Organisation
users-role-of = Rolle von { $email }
users-organisation-of = Organisation von { $email }

## Field labels
field-name = Name
field-slug = Adresskürzel
field-kind = Art
field-city = Stadt
field-country = Land
field-website = Website
field-languages = Sprachen
field-themes = Themen
field-lang = Sprache der Beschreibung
field-description = Beschreibung
field-translation = Übersetzung
field-role = Funktion oder Titel
field-organisation = Organisation
field-email = E-Mail-Adresse
field-password = Passwort
field-password_confirm = Passwort wiederholen
field-current_password = Aktuelles Passwort
field-token-name = Name des Tokens
field-code = Ländercode
field-name_de = Deutscher Name
field-name_fr = Französischer Name
field-name_en = Englischer Name
field-lat = Breitengrad
field-lon = Längengrad

## Field errors (each names the field)
error-required = { $field }: Dieses Feld ist ein Pflichtfeld.
error-too-long = { $field }: höchstens { $max } Zeichen.
error-too-short = { $field }: mindestens { $min } Zeichen.
error-slug = { $field }: Verwenden Sie nur Kleinbuchstaben, Ziffern und einzelne Bindestriche, nicht am Anfang oder am Ende.
error-email = { $field }: Geben Sie eine E-Mail-Adresse wie name@example.org ein.
error-url = { $field }: Geben Sie eine Webadresse ein, die mit https:// oder http:// beginnt.
error-choice = { $field }: Wählen Sie einen der angebotenen Werte.
error-language = { $field }: „{ $value }“ ist kein uns bekannter Sprachcode.
error-country-code = { $field }: Verwenden Sie den zweistelligen ISO-Code, z. B. LU, FR oder DE.
error-control-char = { $field }: enthält unsichtbare Steuerzeichen.
error-number = { $field }: Geben Sie eine Zahl ein.
error-range = { $field }: muss zwischen -{ $max } und { $max } liegen.
error-password-mismatch = { $field }: Die beiden Passwörter stimmen nicht überein.
error-password-wrong = { $field }: Das ist nicht Ihr aktuelles Passwort.
error-editor-needs-organisation = { $field }: Ein Konto mit der Rolle Redaktion braucht die Organisation, die es bearbeitet.
error-taken = { $field }: wird bereits von einem anderen Eintrag verwendet.
error-unknown-city = { $field }: Diese Stadt gibt es im Verzeichnis nicht.
error-unknown-country = { $field }: Dieses Land gibt es im Verzeichnis nicht.
error-unknown-organisation = { $field }: Diese Organisation gibt es im Verzeichnis nicht.
error-unknown-theme = { $field }: „{ $value }“ ist kein Thema der Themenliste.
error-invisible = { $field }: nur sichtbare Zeichen in einer Zeile, ohne Zeilenumbrüche oder unsichtbare Zeichen.
error-term-taken = { $field }: „{ $value }“ bezeichnet schon den Eintrag „{ $other }“.
error-login-failed = { $field }: E-Mail-Adresse oder Passwort ist falsch.
error-login-rate-limited = { $field }: Zu viele fehlgeschlagene Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal.
error-account-exists = { $field }: Es gibt bereits ein Konto mit dieser Adresse.
error-own-role = { $field }: Sie können sich Ihre eigene Administrationsrolle nicht selbst entziehen.
error-translation-original = { $field }: Das ist die Originalsprache. Bearbeiten Sie stattdessen die Organisation.
error-api-json-required = Senden Sie den Inhalt als JSON mit „Content-Type: application/json“.
error-api-json-malformed = Der Inhalt ist kein gültiges JSON: { $detail }
error-api-query = Ein Parameter der Adresse hat die falsche Form: { $detail }
error-api-json-shape = Das JSON hat nicht die erwartete Struktur: { $detail }

error-import-json = { $field }: Diese Zeile ist kein JSON-Objekt ({ $detail }).
error-import-csv = { $field }: Diese Zeile lässt sich nicht lesen ({ $detail }).
error-import-column = { $field }: Die Datei hat keine Spalte mit diesem Namen.
error-import-city-country = { $field }: Diese Stadt liegt in { $value }, nicht im angegebenen Land.
error-import-duplicate = { $field }: wie in Zeile { $line }.
field-line = Zeile
field-fields = Felder
field-translations = Übersetzungen
field-step = Schritt

## Error pages
error-back-home = Zurück zur Startseite
error-page-not-found-title = Seite nicht gefunden
error-page-not-found = Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben oder gelöscht.
error-page-invalid-title = Ungültige Eingabe
error-page-invalid = Die Anfrage enthielt ungültige Werte.
error-page-forbidden-title = Nicht erlaubt
error-page-forbidden = Mit Ihrem Konto ist diese Aktion nicht erlaubt.
error-page-unauthorized-title = Bitte melden Sie sich an
error-page-unauthorized = Diese Seite ist nur für angemeldete Mitglieder.
error-page-too-many-requests-title = Zu viele Versuche
error-page-too-many-requests = Zu viele Versuche. Bitte warten Sie eine Minute.
error-page-busy-title = Gerade beschäftigt
error-page-busy = Eine andere Änderung (etwa ein großer Import) schreibt gerade in den Katalog. Ihre Änderung wurde nicht gespeichert. Bitte versuchen Sie es in einer halben Minute noch einmal.
error-page-conflict-title = Derzeit nicht möglich
error-page-conflict = Die Anfrage widerspricht dem gespeicherten Stand.
error-city-has-organisations = In dieser Stadt gibt es noch Organisationen, Praxisbeispiele oder Hospitationsangebote. Verschieben oder löschen Sie diese zuerst.
error-country-has-cities = Dieses Land hat noch Städte. Löschen Sie diese zuerst.
error-page-internal-title = Etwas ist schiefgelaufen
error-page-internal = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es später noch einmal.
error-page-payload-too-large-title = Zu groß
error-page-payload-too-large = Die Anfrage ist größer, als diese Adresse annimmt. Formulare und API-Aufrufe höchstens 2 MB, Dateien höchstens die Upload-Grenze, Anmeldeformulare weniger.
error-api-csrf = Abgelehnt: Ein Aufruf mit dem Sitzungs-Cookie muss von den eigenen Seiten dieser Website kommen (als JSON oder mit dem Header X-CSRF-Token), oder verwenden Sie einen persönlichen API-Schlüssel.
error-owners-staff-only = { $field }: Nur die Koordination fügt andere Organisationen als Eigentümer hinzu oder entfernt sie (Eigentümer bearbeiten die Praxis und lesen ihre Entwürfe); Ihre eigene Organisation bleibt Eigentümerin.
error-move-organisation = { $field }: Nur die Koordination verlegt eine Organisation in eine andere Stadt (die Stadt entscheidet, wer ihre Praxisbeispiele begutachten darf).
error-page-csrf-title = Formular abgelaufen
error-page-csrf = Das Formular konnte nicht angenommen werden, weil sein Sicherheitstoken fehlt oder abgelaufen ist. Gehen Sie zurück, laden Sie die Seite neu und senden Sie das Formular noch einmal.

## Practices
nav-practices = Praxisbeispiele
practices-title = Gute Praxis
practices-intro = Was die Städte und Vereine des Netzwerks tun, wie es funktioniert und ob es gewirkt hat – in Ihrer Sprache, wo übersetzt.
practices-feed = Atom-Feed neuer Praxisbeispiele
practices-new = Neues Praxisbeispiel
count-practices = { $count ->
    [one] { $count } Praxisbeispiel
   *[other] { $count } Praxisbeispiele
}
filter-lang = Originalsprache
filter-target_group = Zielgruppe
sort-label = Reihenfolge
sort-newest = Neueste zuerst
sort-title = Nach Titel
filter-status = Status
practice-status-draft = Entwurf
practice-status-submitted = Zur Begutachtung eingereicht
practice-status-in_review = In Begutachtung
practice-status-changes_requested = Änderungen erbeten
practice-status-published = Veröffentlicht
practice-status-archived = Archiviert
practice-step-submit = Zur Begutachtung einreichen
practice-step-start_review = Begutachtung begonnen
practice-step-request_changes = Änderungen erbitten
practice-step-recommend = Veröffentlichung empfehlen
practice-step-publish = Veröffentlichen
practice-step-archive = Archivieren
practice-step-republish = Wieder veröffentlichen
lang-notice-machine = Dieser Text wurde maschinell übersetzt und noch nicht von einer Person geprüft.
lang-original-link = Original lesen ({ $lang })
lang-notice-outdated = Das Original wurde geändert, nachdem diese Übersetzung entstand.
practice-period = Zeitraum
practice-period-since = seit { $start }
practice-period-until = bis { $end }
practice-period-ongoing = laufend
practice-others = Weitere Praxisbeispiele dieser Organisationen
practice-similar = Ähnliche Praxisbeispiele, in allen Sprachen
practice-opinion = Kollegiale Begutachtung
practice-workflow = Begutachtung und Veröffentlichung
practice-status = Status
practice-revisions = Versionen
practice-take-review = Dieses Praxisbeispiel begutachten
practice-assign-review = Begutachtung zuweisen
practice-opinion-public = Das Gutachten darf mit dem Praxisbeispiel veröffentlicht werden
practice-history = Verlauf
practice-translate-title = „{ $title }“ übersetzen
practice-edit-title = „{ $title }“ bearbeiten
practice-conflict-title = Jemand hat dieses Praxisbeispiel gespeichert, während Sie es bearbeitet haben
practice-conflict-intro = Nichts ist verloren. Vergleichen Sie unten beide Fassungen, übernehmen Sie ins Formular, was bleiben soll, und speichern Sie erneut.
practice-conflict-caption = Die gespeicherte Fassung und Ihre, Feld für Feld
practice-conflict-field = Feld
practice-conflict-theirs = Gespeicherte Fassung
practice-conflict-mine = Ihre Fassung
practice-version = Version
practice-saved-at = Gespeichert
practice-changed-fields = Geänderte Felder
field-title = Titel
field-summary = Zusammenfassung
field-context = Ausgangslage und Problem
field-approach = Vorgehen
field-results = Ergebnisse und Belege
field-evaluation = Bewertung
field-resources = Ressourcen und Finanzierung
field-transferability = Übertragbarkeit
field-organisations = Organisationen
field-contacts = Ansprechpersonen
field-target_groups = Zielgruppen
field-links = Links
field-source = Quelle
field-ref = Kennung
field-period_start = Beginn
field-period_end = Ende
field-ongoing = Läuft noch
field-opinion = Gutachten
field-reviewer = E-Mail-Adresse der begutachtenden Person
hint-summary = Zwei bis vier Sätze: was es ist, für wen, und was es bewirkt.
hint-context = Welche Lage oder welches Problem war der Anlass?
hint-approach = Wie funktioniert es, Schritt für Schritt?
hint-results = Was hat sich verändert? Auch aus Sicht der Menschen, für die es gedacht ist.
hint-evaluation = Was hat funktioniert, was nicht; was man tun und lassen sollte.
hint-resources = Personal, Räume, Partner und Finanzierung, die es braucht.
hint-transferability = Was bräuchte eine andere Stadt, um es zu übernehmen?
hint-links = Eine Webadresse pro Zeile.
error-sentences = { $field }: Schreiben Sie zwei bis vier Sätze (hier sind es { $count }).
error-date = { $field }: Geben Sie ein Jahr, einen Monat oder einen Tag an, etwa 2008, 2008-05 oder 2008-05-13.
error-period-order = { $field }: Das Ende liegt vor dem Beginn.
error-period-ongoing = { $field }: Ein laufendes Praxisbeispiel hat kein Ende.
error-too-many = { $field }: höchstens { $max } Einträge.
error-ref = { $field }: ohne Leerzeichen oder unsichtbare Zeichen.
error-unknown-value = { $field }: „{ $value }“ steht nicht im Verzeichnis.
error-not-your-organisation = { $field }: Nennen Sie eine Organisation, für die Sie schreiben.
error-unknown-account = { $field }: Es gibt kein Konto mit dieser Adresse.
error-reviewer-same-city = { $field }: Begutachtende kommen aus einer anderen Stadt und einer anderen Organisation als das Praxisbeispiel.
error-practice-changed = Jemand hat dieses Praxisbeispiel inzwischen gespeichert.
error-step-not-possible = Dieser Schritt ist nicht mehr möglich: Das Praxisbeispiel ist schon weiter.

import-title = Praxisbeispiele importieren
import-intro = Laden Sie eine JSON-Lines- oder CSV-Datei hoch. Die ganze Datei wird zuerst geprüft; ist eine Zeile fehlerhaft, wird nichts gespeichert und jedes Problem aufgelistet.
import-file = Datei (.jsonl oder .csv)
import-file-hint = Felder wie im README: mindestens title, lang, city, country und summary.
import-dry-run = Nur prüfen, nichts speichern
import-publish = Neue Praxisbeispiele sofort veröffentlichen
import-button = Importieren
import-written = Die Datei wurde importiert.
import-checked = Die Datei ist in Ordnung (noch nichts gespeichert).
import-counts-new = Neu: { $count }.
import-counts-updated = Aktualisiert: { $count }.
import-counts-cities = Neue Städte: { $count }.
import-problems = { $count ->
    [one] { $count } Problem gefunden
   *[other] { $count } Probleme gefunden
}
import-nothing-written = Es wurde nichts gespeichert. Korrigieren Sie die Datei und laden Sie sie erneut hoch.
warning-sentences = { $field }: { $count ->
    [one] { $count } Satz
   *[other] { $count } Sätze
}, wo das Formular zwei bis vier verlangt; so übernommen.
import-warnings = { $count ->
    [one] { $count } Hinweis: Das Praxisbeispiel wird so übernommen
   *[other] { $count } Hinweise: Die Praxisbeispiele werden so übernommen
}
import-warnings-caption = Hinweise nach Zeile
import-listed = Die ersten { $count } sind aufgeführt.
import-problems-caption = Probleme nach Zeile
import-problem = Problem
import-choose-file = Datei: Wählen Sie eine nicht leere .jsonl- oder .csv-Datei.
import-not-utf8 = Datei: Die Datei muss UTF-8-Text sein.
export-label = Alle Praxisbeispiele herunterladen, die Sie sehen können:

practice-attachments = Anhänge
attachment-upload = Datei anhängen
attachment-delete = { $name } entfernen
field-file = Datei
hint-file = PDF, Bilder (PNG, JPEG, WebP), OpenDocument- oder Office-Dokumente, reiner Text; höchstens 20 MB.
size-kb = { $size } KB
error-file-empty = { $field }: Wählen Sie eine Datei, die nicht leer ist.
error-file-type = { $field }: Diese Dateiart ({ $value }) wird nicht angenommen. Angenommen werden PDF, PNG, JPEG, WebP, OpenDocument, Office-Dokumente und reiner Text.
error-file-too-large = { $field }: höchstens { $max } MB.
mime-application-pdf = PDF
mime-image-png = PNG-Bild
mime-image-jpeg = JPEG-Bild
mime-image-webp = WebP-Bild
mime-application-vnd-oasis-opendocument-text = OpenDocument-Text
mime-application-vnd-oasis-opendocument-spreadsheet = OpenDocument-Tabelle
mime-application-vnd-oasis-opendocument-presentation = OpenDocument-Präsentation
mime-application-vnd-openxmlformats-officedocument-wordprocessingml-document = Word-Dokument
mime-application-vnd-openxmlformats-officedocument-spreadsheetml-sheet = Excel-Tabelle
mime-application-vnd-openxmlformats-officedocument-presentationml-presentation = PowerPoint-Präsentation
mime-text-plain = Text
mime-text-csv = CSV-Tabelle

machine-intro = Eine Maschine kann fehlende oder veraltete Felder vorübersetzen; ihre Entwürfe bleiben gekennzeichnet, bis eine Person sie speichert.
machine-button = Maschinelle Entwürfe anfordern
notice-machine-drafts = { $count ->
    [one] { $count } Feld wurde maschinell vorübersetzt.
   *[other] { $count } Felder wurden maschinell vorübersetzt.
}
error-machine-failed = Der Dienst für maschinelle Übersetzung hat nicht richtig geantwortet. Es wurde nichts geändert.
error-machine-timeout = Der Dienst für maschinelle Übersetzung hat zu lange gebraucht. Es wurde nichts geändert.

themes-title = Themen
themes-intro = Die Themen, unter denen Praxisbeispiele und Organisationen eingeordnet sind, mit ihren Namen in jeder Sprache.
themes-caption = Die Themen-Taxonomie
themes-add = Thema hinzufügen oder umbenennen
themes-add-intro = Mit einem vorhandenen Schlüssel benennen Sie dieses Thema um.
field-target_group_note = Weitere Zielgruppen
hint-target-group-note = Gruppen, die nicht in der Liste stehen, in der Sprache der Praxis, durch Semikolons getrennt.
target-groups-title = Zielgruppen
target-groups-intro = Die Gruppen, für die Praxisbeispiele gedacht sind, mit ihren Namen in jeder Sprache. Importierter Text, der eine Gruppe oder einen ihrer anderen Namen nennt, wird ihr zugeordnet; der Rest bleibt als Hinweis beim Praxisbeispiel.
target-groups-caption = Die Zielgruppen-Taxonomie
target-groups-add = Zielgruppe hinzufügen oder umbenennen
target-groups-add-intro = Mit einem vorhandenen Schlüssel wird diese Gruppe umbenannt.
field-synonyms = Andere Namen
hint-synonyms = In jeder Sprache, durch Semikolons getrennt. Importierter Text, der einem davon (oder einem Namen oben) entspricht, wird diesem Eintrag zugeordnet.
field-key = Schlüssel
field-label_de = Deutscher Name
field-label_fr = Französischer Name
field-label_en = Englischer Name

revisions-compare = Zwei Versionen vergleichen
revisions-from = Ältere Version
revisions-to = Neuere Version
revisions-compare-button = Vergleichen
revisions-between = Unterschiede zwischen Version { $from } und Version
revisions-same = Diese beiden Versionen sind gleich.
revisions-removed = entfernt:
revisions-added = hinzugefügt:
revisions-unchanged = { $count ->
    [one] … { $count } Absatz unverändert …
   *[other] … { $count } Absätze unverändert …
}

## Languages
language-de = Deutsch
language-fr = Französisch
language-en = Englisch
language-lb = Luxemburgisch
language-pt = Portugiesisch
language-it = Italienisch
language-es = Spanisch
language-nl = Niederländisch
language-pl = Polnisch
language-ro = Rumänisch
language-ru = Russisch
language-tr = Türkisch
language-ar = Arabisch
language-fa = Persisch
language-uk = Ukrainisch
language-sq = Albanisch
language-sr = Serbisch
language-hr = Kroatisch
language-bs = Bosnisch
language-ku = Kurdisch
language-ti = Tigrinya
language-so = Somali

## E-mail
mail-practice-subject = Passerelle: „{ $title }“ – { $step }
mail-practice-body = Guten Tag,

    beim Praxisbeispiel „{ $title }“ gibt es einen neuen Schritt: { $step }. Der Stand ist jetzt: { $status }.

    { $link }
mail-invitation-subject = Ihre Einladung zu Passerelle
mail-invitation-body = Guten Tag,

    Sie wurden zu Passerelle eingeladen, dem Arbeitsbereich des QuattroPole-Netzwerks zu Migration, Partizipation und Bürgerschaft.

    Öffnen Sie diesen Link innerhalb von 7 Tagen, um Ihr Passwort festzulegen:
    { $link }

    Falls Sie diese Einladung nicht erwartet haben, können Sie diese Nachricht einfach ignorieren.

## Search and glossary
nav-search = Suche
nav-glossary = Glossar
search-title = Suche
search-title-for = Suche: { $q }
search-hint = In jeder Sprache: Eine deutsche Suche findet auch französische, englische und luxemburgische Texte.
search-total = { $count ->
    [one] { $count } Treffer
   *[other] { $count } Treffer
}
search-did-you-mean = Keine Treffer. Meinten Sie:
search-expanded = Auch gesucht nach den Glossarbegriffen:
search-facets-label = Treffer eingrenzen
search-facet-type = Art
search-facet-city = Stadt
search-facet-country = Land
search-facet-theme = Thema
search-facet-in = Verfügbar auf
search-type-practice = Gute Praxis
search-type-organisation = Organisation
search-type-report = Lernbericht
search-type-placement = Hospitation
search-type-person = Person
search-badge-original = Original auf { $lang }
search-badge-in = Auf { $lang }
glossary-title = Glossar
glossary-intro = Das Vokabular unseres Arbeitsfelds auf Deutsch, Französisch, Englisch und Luxemburgisch. Die Suche nutzt es, um Texte in anderen Sprachen zu finden.
glossary-new = Neuer Begriff
glossary-edit-title = Begriff { $key } bearbeiten
glossary-langs-label = Sprache der Begriffe
glossary-letters-label = Anfangsbuchstabe
glossary-letter = Begriffe mit { $letter }
glossary-count = { $count ->
    [one] { $count } Begriff
   *[other] { $count } Begriffe
}
glossary-download = Das ganze Glossar herunterladen:
glossary-domain = Bereich
glossary-preferred = Vorzugsbenennung
glossary-alternatives = Auch
glossary-definition = Definition
glossary-related = Verwandte Begriffe
glossary-back = Zurück zum Glossar
glossary-terms-hint = Eine Benennung pro Zeile; die erste ist die Vorzugsbenennung.
glossary-in-text = Glossarbegriffe in diesem Text
glossary-in-text-more = Zum Begriff
glossary-in-text-hint = Begriffe aus dem Glossar, die in dieser Praxis vorkommen, mit ihren Entsprechungen in den anderen Sprachen.
filter-domain = Bereich
field-domain = Bereich
field-terms_de = Deutsche Benennungen
field-terms_fr = Französische Benennungen
field-terms_en = Englische Benennungen
field-terms_lb = Luxemburgische Benennungen
field-definition_de = Deutsche Definition
field-definition_fr = Französische Definition
field-definition_en = Englische Definition
field-definition_lb = Luxemburgische Definition
field-related = Verwandte Begriffe (Schlüssel, durch Kommas getrennt)
field-q = Suche
field-limit = Seitengröße
field-offset = Versatz
error-term-too-long = { $field }: jede Benennung höchstens { $max } Zeichen.
error-related-key = { $field }: „{ $value }“ ist kein Begriffsschlüssel (Kleinbuchstaben, Ziffern und Bindestriche).
error-related-self = { $field }: Ein Begriff kann nicht mit sich selbst verwandt sein.
error-unknown-concept = { $field }: Im Glossar gibt es keinen Begriff „{ $value }“.
error-import-turtle = { $field }: Das Turtle kann nicht gelesen werden ({ $detail }).
error-range-limit = { $field }: muss zwischen 0 und { $max } liegen.
glossary-domain-migration-asylum = Migration und Asyl
glossary-domain-integration-participation = Integration und Teilhabe
glossary-domain-language-education = Sprache und Bildung
glossary-domain-employment-qualification = Arbeit und Qualifizierung
glossary-domain-housing-neighbourhood = Wohnen und Quartier
glossary-domain-health = Gesundheit
glossary-domain-social-services = Soziale Dienste
glossary-domain-administration-local-government = Verwaltung und Kommune
glossary-domain-cross-border = Leben über Grenzen

# Hospitationsangebote (Austauschprogramm)
field-windows = Mögliche Zeiträume
field-capacity = Gäste pro Zeitraum
field-length_days = Dauer eines Aufenthalts in Tagen
field-practical = Praktische Hinweise
field-accessibility = Barrierefreiheit
field-practices = Zugehörige Praxisbeispiele
field-contact = Ansprechperson
error-number-range = { $field }: Bitte eine ganze Zahl von { $min } bis { $max } angeben.
error-window-date = { $field }: Zeitraum { $window } braucht einen ersten und einen letzten Tag in der Form 2027-05-03.
error-window-order = { $field }: Zeitraum { $window } endet, bevor er beginnt.
error-window-too-short = { $field }: Zeitraum { $window } ist kürzer als ein Aufenthalt ({ $days } Tage).
error-window-overlap = { $field }: Zeitraum { $window } überschneidet sich mit einem anderen Zeitraum.
field-status = Status
error-day = { $field }: Bitte einen Tag in der Form 2027-05-03 angeben.
field-from = Möglich ab
field-to = Möglich bis
nav-placements = Hospitationen
placements-title = Hospitationen und Besuche
placements-intro = Gastgebende Organisationen bieten Besuche und Hospitationen an. Wählen Sie ein Thema, einen Ort, eine Sprache oder die passenden Daten.
placements-calendar = Kalender der möglichen Zeiträume (iCalendar)
placements-new = Hospitation anbieten
placements-count = { $count ->
    [one] { $count } Angebot
   *[other] { $count } Angebote
}
placement-period = { $start } bis { $end }
placement-status-open = Offen für Anfragen
placement-status-closed = Geschlossen
placement-host = Gastgeber
placement-what = Was die Gäste sehen und tun
placement-edit = Angebot bearbeiten
placement-windows-hint = Die Zeiträume, in denen ein Aufenthalt möglich ist, jeweils mit erstem und letztem Tag. Nicht benötigte Zeilen bleiben leer.
placement-window-start = Zeitraum { $n }: erster Tag
placement-window-end = Zeitraum { $n }: letzter Tag
placement-practical-hint = Wie man über die Grenze anreist, was übernommen wird (Fahrt, Verpflegung, Unterkunft) und was nicht.
placement-feed-entry = { $days ->
    [one] Möglicher Zeitraum für einen Aufenthalt von { $days } Tag.
   *[other] Möglicher Zeitraum für einen Aufenthalt von { $days } Tagen.
}

## Visits: requests, lifecycle, checklist, reports
nav-visits = Meine Besuche
visits-title = Meine Besuche
visits-intro = Ihre Anfragen für Besuche bei anderen Organisationen und die Besuche, die Ihre Organisation empfängt. Jede Besuchsseite zeigt den Stand und den nächsten Schritt.
visits-new-open = Offene Anfrage stellen
visits-find-placement = Hospitation finden
visits-count = { $count ->
    [one] { $count } Besuch
   *[other] { $count } Besuche
}
visits-as-visitor = Als Gast
visits-as-host = Als Gastgeber
visits-none = Bisher keine.
visit-visitor-from = Gast von { $organisation }
visits-calendar-title = Ihr Kalender
visits-calendar-intro = Mit einer privaten Adresse zeigt Ihr Kalenderprogramm Ihre geplanten Besuche als Gastgeber und als Gast. Geben Sie sie nicht weiter: Wer die Adresse kennt, kann den Kalender lesen.
visits-calendar-address = Private Kalenderadresse
visits-calendar-reset = Neue Adresse erzeugen (die alte gilt dann nicht mehr)
visits-calendar-once = Diese Adresse wird nur jetzt angezeigt: Kopieren Sie sie in Ihr Kalenderprogramm. Passerelle speichert nur einen Fingerabdruck davon.
visits-calendar-made = Sie haben Ihre private Adresse am { $date } erstellt. Sie wird nur beim Erstellen angezeigt: Wenn Sie sie wieder brauchen, erstellen Sie eine neue (die alte funktioniert dann nicht mehr).
visits-calendar-make = Meine private Kalenderadresse erstellen
visits-calendar-name = Passerelle-Besuche
visit-request-title = Besuch anfragen
visit-request-for = Ihre Anfrage für:
visit-request-open-intro = Nicht das Richtige gefunden? Sagen Sie, was Sie lernen möchten, wann und wo; die Plattform schlägt passende Hospitationen vor, und Gastgeber sehen Ihre Anfrage.
visit-request-send = Anfrage senden
visit-possible-dates = Ihre möglichen Termine
visit-possible-dates-hint = Der erste und der letzte Tag, an dem Sie kommen könnten. Der Aufenthalt selbst kann kürzer sein.
visit-requested-dates = Mögliche Termine des Besuchs
visit-goal-hint = Was Sie lernen möchten und warum es für Ihre Arbeit wichtig ist. Das liest der Gastgeber zuerst.
visit-open-request = Offene Anfrage
visit-status = Stand
visit-visitor = Gast
visit-days = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
}
visit-window = Reservierter Zeitraum
visit-days-fixed = Termin des Besuchs
visit-times = von { $start } bis { $end } Uhr
visit-languages-spoken = Gesprochene Sprachen
visit-suggestions-title = Passende Hospitationen
visit-suggestions-intro = Nach Eignung geordnet, mit den Gründen. Wählen Sie eine aus, um Ihre Anfrage an den Gastgeber zu senden.
visit-fit-points = Eignung { $points } Punkte
visit-choose = Diese Hospitation anfragen
visit-answer-title = Anfrage beantworten
visit-accept = Zusagen
visit-decline = Anfrage ablehnen
visit-checklist-title = Vereinbarungen
visit-checklist-intro = Beide Seiten bestätigen jeden Punkt, bevor der Besuch terminiert wird.
visit-checklist-item = Punkt
visit-confirmed = Bestätigt
visit-not-confirmed = Noch nicht
visit-checklist-mine = Was Ihre Seite bestätigt
visit-checklist-confirm = Bestätigungen speichern
visit-schedule-title = Besuch terminieren
visit-schedule-intro = Legen Sie die Tage innerhalb des reservierten Zeitraums, den Treffpunkt und das Programm fest. Beide Seiten werden benachrichtigt, und der Besuch erscheint in ihren Kalender-Abonnements.
visit-schedule = Terminieren
visit-after-title = Nach dem Besuch
visit-complete = Der Besuch hat stattgefunden
visit-report-write = Lernbericht schreiben
visit-report-edit = Lernbericht ändern
visit-report-title = Lernbericht
visit-report-intro = Was haben Sie gesehen, was hat funktioniert, und was möchten Sie mitnehmen? Mitglieder des Netzwerks lesen die Berichte; Sie können Ihren auch für alle veröffentlichen.
visit-outcome-hint = Einige Zeit nach dem Besuch: Was ist daraus geworden?
visit-report-publish = Diesen Bericht für alle veröffentlichen (sonst nur für Mitglieder)
visit-cancel-title = Besuch absagen
visit-cancel = Besuch absagen
visit-cancel-intro = Eine Absage lässt sich nicht zurücknehmen: Beide Seiten erfahren es mit Ihrer Begründung, und der Besuch verschwindet aus ihren Kalendern. Für einen neuen Besuch braucht es eine neue Anfrage.
visit-timeline-title = Verlauf
visit-status-open = Offene Anfrage
visit-status-requested = Angefragt
visit-status-accepted = Zugesagt
visit-status-declined = Abgesagt
visit-status-scheduled = Terminiert
visit-status-done = Stattgefunden
visit-status-reported = Bericht geschrieben
visit-status-cancelled = Storniert
visit-step-request = Anfrage gesendet
visit-step-accept = zugesagt
visit-step-decline = abgesagt
visit-step-schedule = terminiert
visit-step-complete = hat stattgefunden
visit-step-report = Lernbericht geschrieben
visit-step-cancel = storniert
visit-event-open = Offene Anfrage gestellt
visit-event-request = Anfrage gesendet
visit-event-accept = Zugesagt
visit-event-decline = Abgesagt
visit-event-schedule = Terminiert
visit-event-complete = Hat stattgefunden
visit-event-report = Lernbericht geschrieben
visit-event-cancel = Storniert
visit-done-requested = Ihre Anfrage wurde gesendet.
visit-done-accept = Die Anfrage ist zugesagt; ein Platz ist für den Gast reserviert.
visit-done-decline = Die Anfrage ist abgesagt.
visit-done-complete = Der Besuch ist als stattgefunden vermerkt.
visit-done-cancel = Der Besuch ist storniert.
visit-done-schedule = Der Besuch ist terminiert; beide Seiten werden benachrichtigt, und er erscheint in ihren Kalender-Abonnements.
visit-done-report = Der Lernbericht ist gespeichert.
visit-done-checklist = Ihre Bestätigungen sind gespeichert.
visit-done-host-view = Die Sicht des Gastgebers ist gespeichert.
visit-done-calendar = Ihr Kalender hat eine neue Adresse.
visit-calendar-summary = Besuch: { $title } ({ $host }, Gast von { $visitor })
intention-none = Keine Pläne
intention-consider = Wird geprüft
intention-pilot = Wird erprobt
intention-adopt = Wird übernommen
reason-themes = Gemeinsame Themen: { $themes }
reason-language = Eine gemeinsame Sprache: { $languages }
reason-city = In einer Stadt, die Sie bevorzugen
reason-cross-border = Über eine Grenze hinweg
reason-few-visits = { $visits ->
    [0] Ein Gastgeber, der noch keinen Besuch hatte
    [one] Ein Gastgeber mit erst { $visits } Besuch
   *[other] Ein Gastgeber mit erst { $visits } Besuchen
}
reason-preference = Ihre Wahl Nummer { $rank }
reason-dates = Möglich { $period }
reports-title = Lernberichte
reports-intro = Was Gäste bei ihren Besuchen gelernt haben und was sie damit vorhaben.
reports-count = { $count ->
    [one] { $count } Bericht
   *[other] { $count } Berichte
}
report-published = Veröffentlicht
report-members-only = Nur für Mitglieder
report-to-visit = Zum Besuch
checklist-settings-title = Vereinbarungen
checklist-settings-intro = Die Punkte, die beide Seiten jedes Besuchs bestätigen, bevor er terminiert wird. Ein Punkt, der nicht mehr verlangt wird, bleibt bei Besuchen erhalten, die ihn bestätigt haben.
checklist-change = Ändern
checklist-active = Wird verlangt
checklist-inactive = Wird nicht mehr verlangt
checklist-activate = Wieder verlangen
checklist-deactivate = Nicht mehr verlangen
checklist-add-title = Punkt hinzufügen
checklist-add-hint = Schreiben Sie den Punkt in möglichst vielen Sprachen; jeder liest seine eigene oder eine andere.
checklist-item-employer = Der Arbeitgeber des Gastes ist mit dem Besuch einverstanden.
checklist-item-confidentiality = Der Gast behandelt vertraulich, was er über einzelne Fälle erfährt.
checklist-item-data-protection = Personenbezogene Daten, die der Gast sehen kann, sind geschützt (Datenschutzbelehrung erfolgt).
checklist-item-insurance = Der Gast ist für den Besuch versichert (Unfall und Haftpflicht).
placement-request = Besuch anfragen
placement-request-login = Melden Sie sich an, um einen Besuch anzufragen.
placement-requests-title = Anfragen für diese Hospitation
placement-suggested-title = Offene Anfragen, die passen würden
placement-suggested-intro = Mitglieder, die noch keine Hospitation gewählt haben und deren Wünsche zu dieser passen. Schreiben Sie ihnen.
field-start = Erster Tag
field-end = Letzter Tag
field-start_time = Treffpunkt-Uhrzeit am ersten Tag
field-end_time = Ende am letzten Tag
field-meeting_point = Treffpunkt
field-agenda = Programm
field-goal = Was Sie lernen möchten
field-cities = Bevorzugte Städte
field-placement = Hospitation
field-placements = Hospitationen, für die die Ausschreibung gilt
field-message = Nachricht
field-step_message = Nachricht an den Gast (freiwillig)
field-cancel_message = Grund der Absage
field-checklist = Vereinbarungen
field-saw = Was ich gesehen habe
field-worked = Was funktioniert hat
field-take_home = Was ich mitnehmen möchte
field-intention = Was ich damit vorhabe
field-outcome = Was daraus geworden ist
field-host_view = Die Sicht des Gastgebers
field-text_de = Text auf Deutsch
field-text_fr = Text auf Französisch
field-text_en = Text auf Englisch
error-day-past = { $field }: Dieser Tag liegt in der Vergangenheit.
error-day-order = { $field }: Der letzte Tag liegt vor dem ersten.
error-span-too-long = { $field }: höchstens { $days } Tage ab dem ersten Tag.
error-visit-own-organisation = { $field }: Das ist eine Hospitation Ihrer eigenen Organisation; fragen Sie einen anderen Gastgeber an.
error-visit-longer-than-windows = { $field }: Ein Aufenthalt dauert hier { $days } Tage, länger als jeder Zeitraum der Hospitation.
error-visit-no-window-in-dates = { $field }: Ihre Termine enthalten keine { $days } Tage innerhalb eines Zeitraums der Hospitation.
error-visit-dates-too-short = { $field }: Ihre Termine müssen die { $days } Tage des Aufenthalts enthalten.
error-visit-outside-window = { $field }: Der Besuch muss im reservierten Zeitraum liegen, { $start } bis { $end }.
error-visit-too-long = { $field }: Der Besuch ist länger als die { $days } Tage der Hospitation.
error-time = { $field }: Bitte eine Uhrzeit wie 09:30 angeben.
error-time-order = { $field }: Das Ende liegt vor dem Beginn.
error-checklist-incomplete = { $field }: Zuerst müssen beide Seiten jeden Punkt bestätigen.
error-placement-closed = { $field }: Diese Hospitation nimmt zurzeit keine Anfragen an.
error-visit-step-not-possible = Dieser Schritt ist nicht mehr möglich: Der Besuch ist schon weiter.
error-window-full = Jeder Zeitraum, der zu diesem Besuch passt, ist voll; es können keine weiteren Gäste zugesagt werden.
error-visit-not-started = Der Besuch hat noch nicht begonnen.
mail-visit-subject = Besuch „{ $title }“: { $step }
mail-visit-body = Guten Tag,

    beim Besuch „{ $title }“ ({ $host }) gibt es einen neuen Schritt: { $step }. Der Stand ist jetzt: { $status }.

    { $message }

    Zum Besuch und zum nächsten Schritt:
    { $link }

    Passerelle
mail-follow-up-subject = Was ist aus Ihrem Besuch „{ $title }“ geworden?
mail-follow-up-body = Guten Tag,

    vor drei Monaten haben Sie einen Lernbericht über Ihren Besuch „{ $title }“ geschrieben. Was ist daraus geworden? Haben Sie etwas erprobt oder übernommen? Ihre Antwort hilft anderen im Netzwerk.

    Ergänzen Sie Ihren Bericht:
    { $link }

    Passerelle

## Calls for exchanges
calls-title = Ausschreibungen
calls-intro = Die Koordination schreibt mehrere Hospitationen gemeinsam aus. Bis zum Stichtag stellen Mitglieder je eine Anfrage mit bis zu fünf Hospitationen in ihrer Reihenfolge und ihren möglichen Terminen. Danach werden die Plätze fair über die Städte verteilt, und alle werden benachrichtigt.
calls-new = Ausschreibung eröffnen
calls-open = Ausschreibung eröffnen
calls-none = Noch keine Ausschreibungen.
calls-link = Ausschreibungen
call-deadline-on = Anfragen bis { $day }
call-counts = { $placements } Hospitationen, { $requests } Anfragen
call-status-open = Offen
call-status-closed = Anfragen geschlossen, Verteilung folgt
call-status-proposed = Verteilung vorgeschlagen
call-status-published = Verteilung veröffentlicht
call-review = Verteilung
call-close-now = Ausschreibung jetzt schließen
call-placements = Hospitationen dieser Ausschreibung
call-granted = Sie haben einen Platz.
call-to-visit = Zu Ihrem Besuch
call-not-granted = Diesmal gab es für Ihre Anfrage keinen Platz.
call-request-title = Ihre Anfrage
call-request-change = Ihre Anfrage ändern
call-request-intro = Wählen Sie bis zu fünf Hospitationen, die liebste zuerst, und nennen Sie die Tage, an denen Sie kommen könnten. Bis zum Stichtag können Sie Ihre Anfrage ändern.
call-choice = Wahl { $n }
call-no-choice = (keine)
call-request-send = Anfrage senden
call-login = Melden Sie sich an, um eine Anfrage zu stellen.
call-review-intro = Die Verteilung vergibt so viele Plätze wie möglich, nie über die Kapazität eines Zeitraums hinaus und nur innerhalb der Termine der Anfragenden; dabei maximiert sie die gesamte Eignung (Rang der Wahl, gemeinsame Themen und Sprache, Besuche über die Grenze, Gastgeber mit wenigen Besuchen) und hält die Anteile der Städte an den vergebenen Plätzen nah beieinander. Sie können sie von Hand ändern und dann veröffentlichen.
call-run = Verteilung berechnen
call-run-again = Verteilung neu berechnen (Änderungen von Hand gehen verloren)
call-shares = Anteil vergebener Plätze je Stadt
call-requested = Anfragen
call-granted-count = Vergeben
call-rate = Quote
call-requests = Anfragen
call-placed = Platz
call-by-hand = von Hand
call-not-placed = Kein Platz
call-change-place = Platz
call-no-place = Kein Platz
call-publish-intro = Beim Veröffentlichen wird jede Anfrage mit Platz zu einem zugesagten Besuch, und alle Anfragenden und Gastgeber werden benachrichtigt.
call-publish = Verteilung veröffentlichen
call-publish-ask = Zuteilung veröffentlichen…
call-confirm-publish = Die Zuteilung von „{ $title }“ veröffentlichen?
call-confirm-publish-body = { $count ->
    [one] { $granted } von { $count } Anfrage erhält einen Platz und wird ein zugesagter Besuch.
   *[other] { $granted } von { $count } Anfragen erhalten einen Platz und werden zugesagte Besuche.
}
call-confirm-publish-after = Die anderen erfahren, dass es diesmal keinen Platz gibt. Alle Anfragenden und Gastgebenden werden benachrichtigt, und die Zuteilung lässt sich danach nicht mehr ändern.
call-summary = { $granted } von { $requests } Anfragen haben einen Platz; gesamte Eignung { $fit } Punkte.
call-no-city = Ohne Stadt
call-why-own = die eigene Organisation der Anfragenden
call-why-longer = ein Aufenthalt dort ist länger als jeder Zeitraum
call-why-dates = kein Zeitraum innerhalb der Termine der Anfragenden
call-why-taken = die Plätze gingen an andere Anfragen
call-done-requested = Ihre Anfrage ist gespeichert.
call-done-closed = Die Ausschreibung ist geschlossen; die Verteilung kann berechnet werden.
call-done-allocated = Die Verteilung ist vorgeschlagen.
call-done-assigned = Die Änderung ist gespeichert.
call-done-published = Die Verteilung ist veröffentlicht; alle wurden benachrichtigt.
field-deadline = Stichtag für Anfragen
field-preferences = Ihre Wahl
field-choice = Platz
error-preference-twice = { $field }: { $value } ist zweimal gewählt.
error-preference-own = { $field }: „{ $value }“ ist eine Hospitation Ihrer eigenen Organisation.
error-preference-not-in-call = { $field }: { $value } gehört nicht zu dieser Ausschreibung.
error-placement-closed-named = { $field }: { $value } nimmt zurzeit keine Anfragen an.
error-call-not-open = Diese Ausschreibung nimmt keine Anfragen mehr an.
error-import-file-changed = Die Datei hat sich während des Imports geändert; nichts wurde geschrieben. Bitte erneut importieren.
error-import-data-changed = Etwas, worauf der Import aufbaut, wurde währenddessen von jemand anderem geändert; nichts wurde geschrieben. Bitte erneut importieren.
error-call-not-allocatable = Die Verteilung kann jetzt nicht geändert werden: Die Ausschreibung ist noch offen oder schon veröffentlicht.
error-choice-not-possible = { $field }: Diese Anfrage kann dort keinen Platz bekommen.
mail-call-not-granted-subject = Ausschreibung „{ $title }“: diesmal kein Platz
mail-call-not-granted-body = Guten Tag,

    die Plätze der Ausschreibung „{ $title }“ sind verteilt. Diesmal gab es für Ihre Anfrage keinen Platz; andere Hospitationen nehmen vielleicht noch direkt Anfragen an.

    { $link }

    Passerelle

## Exchange matrix
matrix-link = Austauschmatrix
matrix-title = Grenzüberschreitende Austauschmatrix
matrix-intro = Besuche zwischen den Städten des Netzwerks: von der Stadt des Gastes (Zeilen) zur Stadt des Gastgebers (Spalten). Jede Zelle nennt die stattgefundenen, dann die geplanten Besuche (zugesagt oder terminiert).
matrix-totals = { $done } Besuche haben stattgefunden, { $planned } sind geplant.
matrix-none = Noch keine Besuche.
matrix-desc = Ein Raster der Städte: Jede Zelle zeigt die stattgefundenen und geplanten Besuche von der Stadt ihrer Zeile zur Stadt ihrer Spalte. Die Tabelle darunter enthält dieselben Zahlen.
matrix-legend = In jeder Zelle: stattgefundene Besuche · geplante Besuche. Dunklere Zellen haben mehr Besuche.
matrix-table-caption = Besuche von der Stadt des Gastes (Zeilen) zur Stadt des Gastgebers (Spalten)
matrix-from-to = Von ↓ / nach →
matrix-done = { $count } stattgefunden
matrix-planned = { $count } geplant
matrix-cell = Von { $from } nach { $to }: { $done } stattgefunden, { $planned } geplant

placement-translations = Sprachfassungen
placement-translate = Hospitation übersetzen
placement-translate-intro = Schreiben Sie die Texte der Hospitation in einer anderen Sprache. Das Original ist auf { $lang }; ändert es sich, gelten Übersetzungen als veraltet.
placement-translate-original = Die Originaltexte

error-placement-translation-original = { $field }: Das ist die Sprache des Originals; bearbeiten Sie stattdessen die Hospitation.
visits-others = Weitere Besuche im Netzwerk (als Koordination)
error-visit-dates-passed = Die Tage dieser Anfrage sind alle vorbei; stellen Sie eine neue.
error-call-changed = Eine Hospitation dieser Ausschreibung hat seit der Verteilung ihre Zeiträume geändert; berechnen Sie die Verteilung neu.
error-assign-half = { $field }: Geben Sie die Hospitation und den ersten Tag ihres Zeitraums an, oder keines von beiden.
former-member = ehemaliges Mitglied
field-confirm = Bestätigung
notice-erased = Die Person wurde gelöscht. Was sie beigetragen hat, bleibt als Beitrag eines ehemaligen Mitglieds erhalten.
users-erased = Gelöscht; Beiträge bleiben als die eines ehemaligen Mitglieds.
users-erase = { $email } löschen …
person-erase = { $name } löschen (Recht auf Löschung) …
erase-title = { $who } löschen
erase-intro = Die Löschung ist für eine Person, die vergessen werden möchte. Sie lässt sich nicht rückgängig machen. Ihre Beiträge zum Bestand des Netzwerks bleiben, ohne ihren Namen.
erase-removed-heading = Endgültig entfernt
erase-removes-account = Das Konto { $email }: Adresse, Passwort, Sitzungen, API-Schlüssel, Kalenderadresse, Einladungen und die Client-Adressen seiner Änderungen.
erase-removes-person = Der Verzeichniseintrag { $name } ({ $organisation }): Name, Funktion, Adresse, Sprachen und Themen sowie die Kontaktangaben, die die Person bei Praxisbeispielen und Hospitationsplätzen nennen.
erase-removes-history = Ihr Name aus allen früheren Fassungen eines Praxisbeispiels und aus der Suche.
erase-kept-heading = Erhalten, als Beitrag eines ehemaligen Mitglieds
erase-keeps-nothing = Unter einem Konto hat die Person nichts beigetragen.
erase-keeps-note = Texte, die andere über die Person geschrieben haben (Gutachten, Berichte), werden nicht umgeschrieben; nennen sie die Person, ändern Sie sie von Hand.
erase-keeps-practices = { $count ->
    [one] { $count } Praxisbeispiel, das sie geschrieben hat
   *[other] { $count } Praxisbeispiele, die sie geschrieben hat
}
erase-keeps-practices_reviewed = { $count ->
    [one] { $count } Praxisbeispiel, das sie begutachtet hat
   *[other] { $count } Praxisbeispiele, die sie begutachtet hat
}
erase-keeps-practice_revisions = { $count ->
    [one] { $count } Fassung eines Praxisbeispiels, die sie gespeichert hat
   *[other] { $count } Fassungen von Praxisbeispielen, die sie gespeichert hat
}
erase-keeps-visits = { $count ->
    [one] { $count } Besuch, um den sie gebeten hat
   *[other] { $count } Besuche, um die sie gebeten hat
}
erase-keeps-call_requests = { $count ->
    [one] { $count } Anfrage in einer Ausschreibung
   *[other] { $count } Anfragen in Ausschreibungen
}
erase-keeps-changes = { $count ->
    [one] { $count } Eintrag im Änderungsprotokoll
   *[other] { $count } Einträge im Änderungsprotokoll
}
erase-keeps-invitations = { $count ->
    [one] { $count } Einladung, die sie verschickt hat
   *[other] { $count } Einladungen, die sie verschickt hat
}
erase-keeps-practice_events = { $count ->
    [one] { $count } Arbeitsschritt an einem Praxisbeispiel (etwa ein Gutachten)
   *[other] { $count } Arbeitsschritte an Praxisbeispielen (etwa Gutachten)
}
erase-keeps-attachments = { $count ->
    [one] { $count } Datei, die sie angehängt hat
   *[other] { $count } Dateien, die sie angehängt hat
}
erase-keeps-visit_events = { $count ->
    [one] { $count } Schritt bei einem Besuch
   *[other] { $count } Schritte bei Besuchen
}
erase-keeps-visit_confirmations = { $count ->
    [one] { $count } bestätigter Punkt einer Checkliste
   *[other] { $count } bestätigte Punkte von Checklisten
}
erase-keeps-calls = { $count ->
    [one] { $count } Ausschreibung, die sie eröffnet hat
   *[other] { $count } Ausschreibungen, die sie eröffnet hat
}
erase-ended-heading = Beendet, weil niemand es zu Ende führen würde
erase-ends-reviews = { $count ->
    [one] { $count } Begutachtung, die sie übernommen hatte, wartet wieder auf jemanden, ohne ihr Gutachten
   *[other] { $count } Begutachtungen, die sie übernommen hatte, warten wieder auf jemanden, ohne ihr Gutachten
}
erase-ends-visits = { $count ->
    [one] { $count } Besuch, um den sie gebeten hat, wird abgesagt; die Gastgeber erfahren es
   *[other] { $count } Besuche, um die sie gebeten hat, werden abgesagt; die Gastgeber erfahren es
}
erase-ends-call_requests = { $count ->
    [one] { $count } Anfrage in einer noch nicht vergebenen Ausschreibung wird zurückgezogen
   *[other] { $count } Anfragen in noch nicht vergebenen Ausschreibungen werden zurückgezogen
}
error-erase-last-admin = { $field }: Dies ist das letzte Administrationskonto; ernennen Sie zuerst eine andere Person zur Administratorin oder zum Administrator.
practice-step-release_review = Begutachtung zurückgegeben (die Person hat das Netzwerk verlassen)
erase-confirm-label = Zur Bestätigung „{ $text }“ eingeben
erase-button = Endgültig löschen
error-erase-self = { $field }: Sie können Ihr eigenes Konto nicht löschen; das muss eine andere Administratorin oder ein anderer Administrator tun.
error-erase-confirm = { $field }: Geben Sie den angezeigten Text genau ein, um zu bestätigen, dass diese Person gelöscht werden soll.
error-range-page = { $field }: muss zwischen 1 und { $max } liegen.
field-type = Art

# The lexicon of the language bridge.
field-src_lang = Sprache des Worts
field-src_word = Wort
field-dst_lang = Sprache der Übersetzung
field-dst_word = Übersetzung
field-weight = Gewicht
error-lexicon-unreadable = { $field }: Die Datei lässt sich ab hier nicht lesen (eine abgeschnittene komprimierte Datei oder Text, der kein UTF-8 ist).
error-lexicon-columns = { $field }: Jede Zeile braucht fünf durch Tabulatoren getrennte Spalten: src_lang, src_word, dst_lang, dst_word, weight (in einer Wortliste nach der Zeile „lang word zipf“ drei: lang, word, zipf).
error-lexicon-same-language = { $field }: Eine Übersetzung muss in eine andere Sprache als die des Worts gehen.
error-lexicon-weight = { $field }: Geben Sie eine Zahl von null oder mehr an.
error-lexicon-empty = { $field }: Die Datei enthält keine Übersetzung, die eine Suche nutzen könnte.
error-lexicon-word = { $field }: Ein Eintrag der Wortliste ist ein einzelnes Wort aus Buchstaben, ohne Leerzeichen, Ziffern oder Bindestriche.
error-lexicon-zipf = { $field }: Geben Sie die Häufigkeit als Zahl von 0 bis 9 an (Zipf-Skala).
lexicon-title = Lexikon der Sprachbrücke
lexicon-title-for = Übersetzungen von „{ $word }“
lexicon-intro = Zu jedem Wort einer Anfrage sucht die Suche auch nach seinen Übersetzungen in die anderen Sprachen: den drei wahrscheinlichsten je Sprache aus dem Lexikon. Schlagen Sie ein Wort nach, um sie zu sehen; entfernen Sie eine falsche Bedeutung oder ergänzen Sie eine fehlende Übersetzung. Eine Korrektur ändert sofort die Suche aller Leserinnen und Leser im ganzen Netzwerk und bleibt erhalten, wenn ein neues Lexikon eingespielt wird; das Protokoll hält fest, wer sie vorgenommen hat.
lexicon-look-up = Nachschlagen
lexicon-none = Das Lexikon kennt keine Übersetzung dieses Worts. Ergänzen Sie unten eine.
lexicon-caption = Übersetzungen nach Sprache; die Suche nutzt die als genutzt markierten.
lexicon-col-lang = Sprache
lexicon-col-translation = Übersetzung
lexicon-col-state = In der Suche
lexicon-col-action = Ändern
lexicon-from-form = eingetragen unter „{ $word }“
lexicon-state-used = genutzt
lexicon-state-unused = nicht genutzt (weniger wahrscheinlich)
lexicon-state-added = von einer Koordinatorin oder einem Koordinator ergänzt, zuerst genutzt
lexicon-state-removed = von einer Koordinatorin oder einem Koordinator entfernt, nicht genutzt
lexicon-remove = „{ $text }“ entfernen
lexicon-restore = „{ $text }“ wieder nutzen
lexicon-add-title = Übersetzung ergänzen
lexicon-add = Hinzufügen
admin-lexicon-manage = Übersetzungen des Lexikons ansehen und korrigieren
error-lexicon-no-key = { $field }: Schlagen Sie ein einzelnes Wort nach, das kein Füllwort ist; andere schlägt keine Suche nach.
lexicon-state-added-unused = von einer Koordinatorin oder einem Koordinator ergänzt, nicht genutzt (drei andere Ergänzungen gehen vor)
lexicon-correct = korrigieren
field-action = Korrektur
field-zipf = Häufigkeit (Zipf-Skala)
error-lexicon-characters = { $field }: Entfernen Sie Semikolons, Steuerzeichen und unsichtbare Zeichen.
error-lexicon-no-words = { $field }: Die Übersetzung enthält kein Wort, nach dem eine Suche suchen kann (nur Füllwörter oder Zeichen).
error-lexicon-not-listed = { $field }: Diese Übersetzung ist für das Wort nicht verzeichnet; es gibt nichts zu entfernen oder zurückzunehmen.
audit-kind-add = ergänzt
audit-kind-remove = entfernt
audit-kind-restore = zurückgenommen
audit-kind-import = eingespielt
audit-kind-save = gespeichert
audit-kind-host-view = vom Gastgeber gelesen
audit-kind-close = geschlossen
audit-kind-request = angefragt
audit-kind-allocation = Plätze vergeben
audit-kind-translate = übersetzt
audit-kind-withdraw = zurückgezogen
audit-kind-erase = gelöscht (personenbezogene Daten)
audit-kind-checklist = Checkliste geändert
audit-kind-accept = angenommen
audit-kind-decline = abgelehnt
audit-kind-schedule = terminiert
audit-kind-complete = abgeschlossen
audit-kind-report = berichtet
audit-kind-cancel = abgesagt
audit-kind-open = geöffnet
audit-kind-proposed = Vergabe vorgeschlagen
audit-kind-published = Vergabe veröffentlicht
search-most-words = Gezeigt werden die Treffer mit den meisten Ihrer Wörter.
search-every-match = Auch Treffer mit nur einigen Ihrer Wörter zeigen
search-translated = Auch nach diesen Übersetzungen Ihrer Wörter gesucht (aus dem Wörterbuch):
search-translation-remove = ohne „{ $text }“ suchen
search-translations-removed = Auf Ihren Wunsch weggelassen:
search-translation-restore = wieder nach „{ $text }“ suchen
field-without = Weggelassene Übersetzungen
error-search-without = { $field }: Nennen Sie höchstens { $max } Übersetzungen als Sprache:Text, getrennt durch Semikolons.
admin-lexicon-missing = Das Wörterbuch ist nicht installiert: Die Suche findet Wörter nur in der Sprache, in der sie geschrieben sind, und über Sprachen hinweg nur mit dem Glossar. Erstellen Sie es mit scripts/lexicon/fetch und laden Sie es mit passerelle lexicon import DATEI.
admin-lexicon-size = { $count ->
    [one] Die Suche überbrückt Sprachen mit einem Wörterbuch von { $count } Übersetzung.
   *[other] Die Suche überbrückt Sprachen mit einem Wörterbuch von { $count } Übersetzungen.
}
admin-embeddings-on = { $count ->
    [one] Die Suche findet auch Texte ähnlicher Bedeutung: Das Sprachmodell kennt { $count } Praxisbeispiel.
   *[other] Die Suche findet auch Texte ähnlicher Bedeutung: Das Sprachmodell kennt { $count } Praxisbeispiele.
}
admin-embeddings-off = Kein Sprachmodell eingerichtet: Die Suche findet Wörter, nicht Bedeutungen. Holen Sie es mit scripts/embeddings/fetch und starten Sie den Server mit --embeddings .tools/embeddings.
admin-embeddings-working = Das Sprachmodell liest noch den Katalog: Bis es fertig ist, werden die Praxisbeispiele, die es noch nicht erreicht hat, nur über ihre Wörter gefunden.
admin-embeddings-failed = Das Sprachmodell konnte nicht den ganzen Katalog lesen (siehe das Protokoll des Servers); es versucht es beim nächsten Start oder Import erneut. Bis dahin werden die Praxisbeispiele, die es nicht erreicht hat, nur über ihre Wörter gefunden.
search-by-meaning = über die Bedeutung gefunden, ohne Ihre Wörter

## Dates (the network's local time)
date-day = { $day }. { $month } { $year }
date-month = { $month } { $year }
date-moment = { $day }, { $time } Uhr
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Navigation
nav-menu = Menü
nav-reports = Lernberichte
nav-calls = Ausschreibungen
nav-exchange = Austauschmatrix
scroll-table = Tabelle: { $name }

## Home and desk
home-what = Hier finden Sie erprobte Praxisbeispiele in Ihrer Sprache, auch wenn sie in einer anderen geschrieben wurden, bewerben sich um Hospitationen bei einer Partnerstadt und lesen, was andere dabei gelernt haben.
home-search-label = Wonach suchen Sie?
home-search-hint = In jeder Sprache, mit Ihren eigenen Worten, zum Beispiel „Sprachkurs für Eltern“ oder „conseil des étrangers“.
home-latest-practices = Neue Praxisbeispiele
home-no-practices = Noch ist kein Praxisbeispiel veröffentlicht.
home-all-practices = { $count ->
    [one] { $count } Praxisbeispiel
   *[other] Alle { $count } Praxisbeispiele
}
home-published-on = veröffentlicht am { $day }
home-open-placements = Offene Hospitationen
home-no-placements = Zurzeit ist keine Hospitation ausgeschrieben.
home-all-placements = Alle Hospitationen
home-open-calls = Laufende Ausschreibungen
home-no-calls = Zurzeit läuft keine Ausschreibung.
home-all-calls = Alle Ausschreibungen
desk-title = Mein Arbeitsplatz
desk-tasks = { $count ->
    [0] Nichts wartet auf Sie
    [one] { $count } Aufgabe wartet auf Sie
   *[other] { $count } Aufgaben warten auf Sie
}
desk-no-tasks = Zurzeit ist nichts zu tun. Neues aus dem Netzwerk finden Sie unten.
desk-task-review = wartet auf eine Begutachtung aus einer anderen Stadt
desk-task-finish-review = Ihr Gutachten steht noch aus
desk-task-publish = empfohlen: bereit zur Veröffentlichung
desk-task-submit = Entwurf: zur Begutachtung einreichen, wenn er fertig ist
desk-task-revise = Änderungen erbeten: überarbeiten und erneut einreichen
desk-task-answer = Besuchsanfrage: bitte annehmen oder ablehnen
desk-task-schedule = angenommen: Termin, Programm und Treffpunkt festlegen
desk-task-confirm = Checkliste: Ihre Punkte bestätigen
desk-task-report = Besuch erfolgt: Lernbericht schreiben
desk-task-call = Ausschreibung: Anfragen bis { $day }

## Workflow notices
notice-review-taken = Sie begutachten dieses Praxisbeispiel jetzt. Schreiben Sie Ihr Gutachten unten.
notice-review-assigned = Die Begutachtung ist vergeben; die Person sieht sie auf ihrem Arbeitsplatz.
notice-step-submit = Eingereicht: Jemand aus einer anderen Stadt wird es begutachten. Bis dahin ist es nicht öffentlich.
notice-step-request-changes = Ihre Bitte um Änderungen ist gespeichert; die Autorinnen und Autoren sehen sie.
notice-step-recommend = Ihre Empfehlung ist gespeichert; eine Koordination kann es nun veröffentlichen.
notice-step-publish = Veröffentlicht: Das Praxisbeispiel ist jetzt für alle sichtbar.
notice-step-archive = Archiviert: Es bleibt lesbar, gilt aber nicht mehr als aktuell.
notice-step-republish = Wieder veröffentlicht.

## Imprint and privacy notice
site-title-imprint = Impressum
site-title-privacy = Datenschutz
site-edit = Diese Seite bearbeiten
site-back = Zurück zur Seite, ohne zu speichern
site-edit-intro = Schreiben Sie die Seite in jeder Sprache (Markdown). Eine leere Sprache zeigt den Text einer anderen Sprache oder, wenn keiner geschrieben ist, den mitgelieferten Text.
site-built-in = Dies ist der Text, den Passerelle mitbringt. Der Betreiber dieser Website hat noch keinen eigenen geschrieben.
site-imprint-default =
    Diese Seite nennt, wer diese Passerelle-Website betreibt: die Organisation, ihre Anschrift, einen Kontakt und die inhaltlich verantwortliche Person.

    Der Betreiber hat sie noch nicht ausgefüllt. Seine Administratorinnen und Administratoren schreiben sie unter „Diese Seite bearbeiten“.
site-privacy-default =
    ## Was Passerelle speichert

    - **Ihr Konto**: Ihre E-Mail-Adresse, Ihr Passwort nur als argon2id-Hash, Ihre Rolle und Organisation.
    - **Cookies**: `passerelle_session`, solange Sie angemeldet sind (höchstens 14 Tage), und `passerelle_csrf`, das Formulare schützt. Keine anderen Cookies, kein Tracking, keine Werbung, nichts von anderen Websites.
    - **Was Sie schreiben** (Praxisbeispiele, Hospitationen, Besuchsanfragen, Berichte) mit seiner Geschichte, und ein Änderungsprotokoll mit der Adresse des Geräts, von dem sie kamen, zur Sicherheit.

    ## Ihre Rechte

    Unter „Mein Konto“ laden Sie alles herunter, was über Sie gespeichert ist. Eine Administratorin oder ein Administrator löscht Ihr Konto auf Wunsch: Ihr Name verschwindet, Ihre Beiträge bleiben ohne ihn.

    ## Verantwortlich

    Der im Impressum genannte Betreiber. Dies ist der Hinweis, den Passerelle mitbringt; der Betreiber kann ihn durch einen eigenen ersetzen.
field-de = Deutsch
field-fr = Französisch
field-en = Englisch
practice-history-staff = Koordination des Netzwerks
## Benachrichtigungen
nav-notices = Benachrichtigungen
nav-unread = { $count } ungelesen
nav-notices-unread = { $count ->
    [one] { $count } ungelesene Benachrichtigung
   *[other] { $count } ungelesene Benachrichtigungen
}
inbox-title = Benachrichtigungen
inbox-empty = Noch keine Benachrichtigungen. Wenn etwas Sie betrifft – eine Praxis, die Sie geschrieben haben, wird begutachtet, ein Besuch, den Sie angefragt haben, wird beantwortet, die Plätze einer Ausschreibung, an der Sie teilgenommen haben, werden vergeben –, erscheint es hier.
inbox-summary = { $count ->
    [one] { $count } Benachrichtigung
   *[other] { $count } Benachrichtigungen
}, davon { $unread } ungelesen.
inbox-new = Neu
inbox-read-all = Alle als gelesen markieren
inbox-all-read = Alle Benachrichtigungen sind als gelesen markiert.
inbox-choices-title = Wie Sie davon erfahren
inbox-choices-intro = Jede Benachrichtigung bleibt hier. Wählen Sie für jede Art, ob Sie zusätzlich sofort eine E-Mail möchten oder eine E-Mail am Tag mit allem vom Vortag (nach 7 Uhr verschickt).
inbox-choices-save = Auswahl speichern
inbox-mail-off = Diese Website verschickt keine E-Mails (kein Mailserver eingerichtet): Ihre Benachrichtigungen finden Sie nur hier.
inbox-delivery-app = Nur hier
inbox-delivery-email = Hier und sofort per E-Mail
inbox-delivery-digest = Hier und in einer täglichen E-Mail
field-practice = Praxisbeispiele, die ich schreibe, begutachte oder koordiniere
field-visit = Besuche, die ich mache oder empfange
field-call = Ergebnisse von Ausschreibungen, an denen ich teilnehme
field-report = Fragen zu meinen Lernberichten
inbox-practice-submit = „{ $title }“ wurde zur Begutachtung eingereicht.
inbox-practice-start_review = „{ $title }“ wird jetzt begutachtet.
inbox-practice-request_changes = Für „{ $title }“ wurden Änderungen erbeten.
inbox-practice-recommend = „{ $title }“ wurde zur Veröffentlichung empfohlen.
inbox-practice-publish = „{ $title }“ wurde veröffentlicht.
inbox-practice-archive = „{ $title }“ wurde archiviert.
inbox-practice-republish = „{ $title }“ wurde wieder veröffentlicht.
inbox-visit = Besuch „{ $title }“ ({ $host }): { $step }.
inbox-call-not-granted = Ausschreibung „{ $title }“: Für Ihre Anfrage gab es diesmal keinen Platz.
inbox-follow-up = Was ist aus Ihrem Besuch „{ $title }“ geworden? Ergänzen Sie Ihren Lernbericht.
mail-digest-subject = Passerelle: { $count ->
    [one] { $count } Benachrichtigung
   *[other] { $count } Benachrichtigungen
}
mail-digest-body = Guten Tag,

    das ist auf Passerelle geschehen, was Sie betrifft:

    { $lines }

    Alle Ihre Benachrichtigungen: { $link }
    Sie erhalten diese E-Mail einmal am Tag; auf derselben Seite können Sie das ändern.

    Passerelle
admin-mail-off = E-Mail ist aus: Es ist kein Mailserver eingerichtet (PASSERELLE_SMTP_URL). Einladungen zeigen einen Link, den Sie selbst weitergeben, und Benachrichtigungen gibt es nur in der Anwendung.
## Pickers
hint-pick-organisations = Eine Organisation pro Feld, mit ihrem Namen wie im Verzeichnis; Ihr Browser schlägt beim Tippen Namen vor. Leeren Sie ein Feld, um einen Eintrag zu entfernen.
hint-pick-contacts = Eine Person pro Feld, mit ihrem Namen wie im Verzeichnis. Leeren Sie ein Feld, um einen Eintrag zu entfernen.
hint-pick-practices = Ein Praxisbeispiel pro Feld, mit seinem Titel wie auf seiner Seite (in jeder Sprache). Leeren Sie ein Feld, um einen Eintrag zu entfernen.
hint-pick-contact = Die Ansprechperson, mit ihrem Namen wie im Verzeichnis.
error-pick-unknown = { $field }: Nichts heißt „{ $value }“. Schreiben Sie den Namen wie im Verzeichnis, oder wählen Sie einen der vorgeschlagenen Namen.
error-pick-ambiguous = { $field }: Mehrere Einträge heißen „{ $value }“. Bitten Sie die Koordination, sie zu unterscheiden.
desk-more = { $count ->
    [one] Das { $count } Praxisbeispiel „{ $status }“
   *[other] Alle { $count } Praxisbeispiele „{ $status }“
}

action-cancel = Abbrechen
practice-status-ready = Bereit zur Veröffentlichung
practice-opinion-next = Schreiben Sie Ihr Gutachten für die Autorinnen und Autoren und bitten Sie dann um Änderungen oder empfehlen Sie die Veröffentlichung; nach einer Empfehlung veröffentlicht eine Koordinatorin oder ein Koordinator das Praxisbeispiel. Bis dahin können Sie Ihr Gutachten ändern.
practice-confirm-publish = „{ $title }“ veröffentlichen?
practice-confirm-publish-body = Alle können es dann lesen, auch Suchmaschinen, mit den vorhandenen Übersetzungen. Autorinnen, Autoren und Gutachtende werden benachrichtigt. Später kann es archiviert, aber nicht zurückgezogen werden.
practice-confirm-archive = „{ $title }“ archivieren?
practice-confirm-archive-body = Es bleibt lesbar, gilt aber als nicht mehr aktuell und erscheint nicht mehr in den Listen aktueller Praxisbeispiele. Eine Koordinatorin oder ein Koordinator kann es wieder veröffentlichen.
practice-locked-review = Dieses Praxisbeispiel liegt bei einer Gutachterin oder einem Gutachter aus einer anderen Stadt und kann jetzt nicht geändert werden. Werden Änderungen erbeten, können Sie es wieder bearbeiten; nach der Veröffentlichung ändern es die Koordinierenden.
practice-locked-published = Dieses Praxisbeispiel ist veröffentlicht: Nur die Koordinierenden ändern es jetzt. Schreiben Sie ihnen, wenn etwas zu korrigieren ist.
practice-attachments-locked = Dateien können hinzugefügt oder entfernt werden, solange das Praxisbeispiel bearbeitet werden kann (siehe „Begutachtung und Veröffentlichung“).
calls-edit = Ausschreibung bearbeiten
call-confirm-close = „{ $title }“ jetzt schließen?
call-confirm-close-body = Mitglieder können keine Anfragen mehr senden oder ändern; die bisherigen Anfragen gehen in die Zuteilung. Eine geschlossene Ausschreibung kann nicht wieder geöffnet werden.
error-call-placement-asked = { $field }: { $value } wurde bereits angefragt und bleibt deshalb in der Ausschreibung.
place-delete-city-hint = Eine Stadt kann gelöscht werden, sobald keine Organisation, kein Praxisbeispiel und kein Hospitationsangebot mehr in ihr ist.
place-delete-country-hint = Ein Land kann gelöscht werden, sobald es keine Städte mehr hat.
login-forgot = Passwort vergessen?
forgot-title = Passwort vergessen?
forgot-intro = Geben Sie die Adresse an, mit der Sie sich anmelden. Gehört sie zu einem Konto, senden wir einen Link, mit dem Sie ein neues Passwort wählen; er gilt einmal, eine Stunde lang.
forgot-button = Link zusenden
forgot-sent = Wenn ein Konto diese Adresse nutzt, ist ein Link unterwegs. Er gilt einmal, eine Stunde lang; sehen Sie auch im Spam-Ordner nach.
forgot-back = Zurück zur Anmeldung
forgot-no-mail = Diese Website versendet keine E-Mails. Wenden Sie sich an eine Administratorin oder einen Administrator des Netzwerks: Sie können Ihnen einen Link zum Festlegen eines neuen Passworts erstellen.
reset-title = Neues Passwort wählen
reset-intro = Danach sind Sie hier angemeldet; alle anderen Sitzungen und API-Schlüssel dieses Kontos enden.
reset-button = Neues Passwort speichern
reset-issued-title = Link zum Zurücksetzen für { $email }
reset-issued-intro = Geben Sie diesen Link persönlich oder per privater Nachricht an die Person weiter. Er gilt einmal, 24 Stunden lang, und wird nur jetzt angezeigt; mit ihm wählt die Person ein neues Passwort.
reset-issued-back = Zurück zu den Konten
users-reset = Link zum Zurücksetzen für { $email } erstellen
mail-reset-subject = Neues Passwort für Passerelle
mail-reset-body = Guten Tag,

    jemand – vermutlich Sie – hat für diese Adresse ein neues Passwort bei Passerelle angefordert.

    Öffnen Sie diesen Link innerhalb einer Stunde, um es festzulegen (er gilt einmal):
    { $link }

    Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.
error-reset-no-mail = Diese Website versendet keine E-Mails; bitten Sie eine Administratorin oder einen Administrator um einen Link.
audit-kind-reset-link = Link zum Zurücksetzen erstellt
desk-news = Neu seit dem { $when }
desk-news-none = Seitdem gibt es nichts Neues im Netzwerk; das Neueste steht unten.
desk-news-practices = { $count ->
    [one] { $count } Praxisbeispiel veröffentlicht
   *[other] { $count } Praxisbeispiele veröffentlicht
}
desk-news-placements = { $count ->
    [one] { $count } neues Hospitationsangebot
   *[other] { $count } neue Hospitationsangebote
}
desk-news-calls = { $count ->
    [one] { $count } neue Ausschreibung
   *[other] { $count } neue Ausschreibungen
}
desk-news-reports = { $count ->
    [one] { $count } neuer Lernbericht
   *[other] { $count } neue Lernberichte
}
practice-locked-submitted = Dieses Praxisbeispiel wartet auf eine Gutachterin oder einen Gutachter aus einer anderen Stadt und kann jetzt nicht geändert werden. Werden Änderungen erbeten, können Sie es wieder bearbeiten; nach der Veröffentlichung ändern es die Koordinierenden.
reset-gone = Dieser Link wurde bereits verwendet, ist abgelaufen oder unvollständig. Fordern Sie einen neuen an.
reset-gone-title = Dieser Link gilt nicht mehr

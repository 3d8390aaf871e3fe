# Passerelle — English interface messages. Keys must be identical in de, fr and en.

## Layout
skip-to-content = Skip to main content
skip-to-search = Skip to search
nav-label = Main navigation
nav-organisations = Organisations
nav-people = People
nav-cities = Cities
nav-countries = Countries
nav-account = My account
nav-invite = Invite
nav-users = Accounts
nav-login = Sign in
nav-logout = Sign out
search-label = Search practices, organisations and people
search-placeholder = In any language…
search-button = Search
lang-switch-label = Language
locale-name-de = Deutsch
locale-name-fr = Français
locale-name-en = English
breadcrumb-label = Breadcrumb
footer-text = Passerelle — the workspace of the QuattroPole network on migration, participation and citizenship.
footer-api = Open API
pagination-label = Pages
pagination-prev = Previous page
pagination-next = Next page
pagination-page = Page { $page }
select-choose = — Please choose —
select-none = — None —
form-required-note = Fields marked with * are required.
form-errors-title = Please correct the following:

## Home
home-title = Passerelle: learning from each other across borders
home-intro = City administrations and associations of Luxembourg, Metz, Saarbrücken and Trier share what works in integration and participation, visit each other and learn from each other.
home-cities = Cities of the network
home-all-organisations = All { $count } organisations

## Counts
count-organisations = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
count-people = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
count-cities = { $count ->
    [one] { $count } city
   *[other] { $count } cities
}

## Organisations
organisations-title = Organisations
organisations-new = New organisation
organisation-edit-title = Edit { $name }
organisation-about = About
organisation-no-description = No description yet.
organisation-practices = Good practices of this organisation
organisation-people = People
organisation-no-people = No people listed yet.
organisation-manage = Manage
organisation-translations = Language versions of the description
lang-notice-untranslated = Original in { $original } — no translation into English yet.
lang-notice-partly = Partly translated into English: the parts marked below are shown in the original ({ $original }).
lang-section-original = Only in { $lang }
translate-title = Translate the description of { $name }
translate-choose = Translate into
translate-into = Translation into { $lang }
translate-original = Original ({ $lang })
filters-title = Filter
filters-apply = Apply filters
filter-any = Any
filter-q = Name contains
filter-city = City
filter-country = Country
filter-kind = Kind
filter-circle = Circle
filter-language = Language
filter-theme = Theme
hint-slug = Part of the web address: lowercase letters, digits and hyphens. Left empty, it is made from the name.
hint-markdown = Markdown: *italic*, **bold**, lists with “-”, links as [text](https://…).
country-organisations = Organisations in this country
city-own-name = Local name
action-add = Add
city-new = New city
city-edit-title = Edit { $name }
country-new = New country
country-edit-title = Edit country { $code }
city-coordinates = Coordinates

## Kinds, circles, statuses, roles
kind-city_administration = City administration
kind-advisory_council = Advisory council
kind-association = Association
kind-housing_cooperative = Housing cooperative
kind-school = School or training centre
kind-other = Other
circle-inner = Inner circle (city halls)
circle-extended = Extended circle
status-original = original
status-human = translated by a person
status-machine = machine translation
status-outdated = outdated (the original has changed)
role-admin = Administrator
role-coordinator = Coordinator
role-editor = Editor
role-member = Member

## People
people-title = People
people-new = Add a person
person-edit-title = Edit { $name }
person-no-email = No e-mail address given.
person-email-members-only = Visible to signed-in members only.

## Actions and notices
action-edit = Edit
action-change = Change
hint-term-key = Lowercase letters, digits and hyphens (e.g. “older-people”). A key stays: giving an existing key renames that entry.
action-save = Save
action-delete = Delete
action-translate = Translate
notice-saved = Your changes have been saved.
notice-created = Created.
notice-deleted = Deleted.
notice-signed-in = You are signed in.
notice-signed-out = You are signed out.
notice-password-changed = Your password has been changed. Other sessions have been signed out.
notice-translated = The translation has been saved.
notice-token-revoked = The token has been revoked.
notice-welcome = Welcome to Passerelle! Your account is ready.

## Accounts
login-title = Sign in
login-button = Sign in
login-invitation-only = Accounts are created by invitation from the network's coordinators.
account-title = My account
account-password-title = Change password
account-password-button = Change password
account-tokens-title = API tokens
account-tokens-intro = Personal tokens let programs use the API in your name: send “Authorization: Bearer <token>”.
account-tokens-caption = Your API tokens
account-token-created = Your new token. Copy it now: it will not be shown again.
account-token-last-used = Last used
account-token-never = never
account-keep-tokens = Keep my API tokens working (otherwise they stop with the old password)
account-token-expires = Expires
account-token-expired = expired on { $date }
account-token-days-30 = 30 days
account-token-days-90 = 90 days
account-token-days-365 = one year
field-expires = Valid for
error-token-lifetime = { $field }: choose 30 days, 90 days or one year.
account-token-actions = Actions
account-token-create = Create token
account-token-revoke = Revoke { $name }
invite-title = Invite someone
invite-intro = The invitation link is valid for 7 days and can be used once.
invite-button = Create invitation
invite-created = Invitation for { $email } created. Pass on this link:
invite-sent = Invitation sent to { $email }. The link, in case it is needed:
accept-title = Accept your invitation
accept-intro = You are invited to Passerelle as { $role }. Choose a password to create your account.
accept-button = Create my account
nav-audit = Audit log
audit-title = Audit log
audit-intro = Every change with who made it, when and from where, newest first. Changes are kept for the configured retention period.
audit-caption = Changes
audit-count = { $count ->
    [one] { $count } change
   *[other] { $count } changes
}
audit-when = When
audit-who = Who
audit-origin = From where
audit-what = What
audit-change = Change
audit-command-line = command line
audit-server = the server itself
audit-no-account = no account
audit-former-account = former account { $id }
audit-kind-create = created
audit-kind-update = changed
audit-kind-delete = removed
field-person = Person (e-mail address)
field-entity = What (practice, organisation, person, user, placement, visit…)
field-since = From
field-until = Until
data-title = My data
data-intro = Everything Passerelle holds about you, table by table: your account, your directory entry, your sessions and tokens (without their secrets), what you wrote, reviewed, asked for and changed. Download it as a file to keep.
data-download = Download everything as JSON
account-data-link = See and download all my data
data-table-users = Your account
data-table-people = Your entry in the directory
data-table-sessions = Your sessions
data-table-api_tokens = Your API tokens
data-table-calendar_tokens = Your calendar address
data-table-invitations = Invitations you sent
data-table-practices = Practices you wrote
data-table-practices_reviewed = Practices you reviewed
data-table-practice_revisions = Versions of practices you saved
data-table-practice_events = Steps you took in reviews
data-table-attachments = Files you attached
data-table-visits = Visits you asked for
data-table-visit_events = Steps you took on visits
data-table-visit_confirmations = Agreement items you confirmed
data-table-calls = Calls you opened
data-table-call_requests = Your requests in calls
data-table-changes = Changes you made (the audit log)
data-table-notices = Your notifications
data-table-notice_choices = How you hear of notifications
users-title = Accounts
users-caption = All accounts with their role
users-change-role = Role and organisation
users-role-of = Role of { $email }
users-organisation-of = Organisation of { $email }

## Field labels
field-name = Name
field-slug = Web address name
field-kind = Kind
field-city = City
field-country = Country
field-website = Website
field-languages = Languages
field-themes = Themes
field-lang = Language of the description
field-description = Description
field-translation = Translation
field-role = Role or title
field-organisation = Organisation
field-email = E-mail address
field-password = Password
field-password_confirm = Repeat the password
field-current_password = Current password
field-token-name = Token name
field-code = Country code
field-name_de = German name
field-name_fr = French name
field-name_en = English name
field-lat = Latitude
field-lon = Longitude

## Field errors (each names the field)
error-required = { $field }: this field is required.
error-too-long = { $field }: at most { $max } characters.
error-too-short = { $field }: at least { $min } characters.
error-slug = { $field }: use only lowercase letters, digits and single hyphens, not at the start or end.
error-email = { $field }: enter an e-mail address like name@example.org.
error-url = { $field }: enter a web address starting with https:// or http://.
error-choice = { $field }: choose one of the offered values.
error-language = { $field }: “{ $value }” is not a language code we know.
error-country-code = { $field }: use the two-letter ISO code, e.g. LU, FR or DE.
error-control-char = { $field }: contains invisible control characters.
error-number = { $field }: enter a number.
error-range = { $field }: must be between -{ $max } and { $max }.
error-password-mismatch = { $field }: the two passwords are not the same.
error-password-wrong = { $field }: this is not your current password.
error-editor-needs-organisation = { $field }: an editor needs the organisation they edit.
error-taken = { $field }: already used by another entry.
error-unknown-city = { $field }: no such city in the directory.
error-unknown-country = { $field }: no such country in the directory.
error-unknown-organisation = { $field }: no such organisation in the directory.
error-unknown-theme = { $field }: “{ $value }” is not a theme of the taxonomy.
error-invisible = { $field }: use visible letters on one line, without line breaks or invisible characters.
error-term-taken = { $field }: “{ $value }” already names the entry “{ $other }”.
error-login-failed = { $field }: e-mail address or password is wrong.
error-login-rate-limited = { $field }: too many failed attempts. Please wait a minute and try again.
error-account-exists = { $field }: an account with this address already exists.
error-own-role = { $field }: you cannot take away your own administrator role.
error-translation-original = { $field }: this is the original language; edit the organisation instead.
error-api-json-required = Send the body as JSON with “Content-Type: application/json”.
error-api-json-malformed = The body is not valid JSON: { $detail }
error-api-query = A parameter of the address has the wrong form: { $detail }
error-api-json-shape = The JSON does not have the expected shape: { $detail }

error-import-json = { $field }: this line is not a JSON object ({ $detail }).
error-import-csv = { $field }: this row cannot be read ({ $detail }).
error-import-column = { $field }: the file has no column with this name.
error-import-city-country = { $field }: this city is in { $value }, not in the given country.
error-import-duplicate = { $field }: the same as on line { $line }.
field-line = Line
field-fields = Fields
field-translations = Translations
field-step = Step

## Error pages
error-back-home = Back to the start page
error-page-not-found-title = Page not found
error-page-not-found = There is no page at this address. It may have been moved or deleted.
error-page-invalid-title = Invalid input
error-page-invalid = The request contained invalid values.
error-page-forbidden-title = Not allowed
error-page-forbidden = Your account may not do this.
error-page-unauthorized-title = Please sign in
error-page-unauthorized = This page is for signed-in members.
error-page-too-many-requests-title = Too many attempts
error-page-too-many-requests = Too many attempts. Please wait a minute.
error-page-busy-title = Busy right now
error-page-busy = Another change (such as a large import) is being written to the catalogue. Your change was not saved. Please try again in half a minute.
error-page-conflict-title = Not possible right now
error-page-conflict = The request conflicts with what is stored.
error-city-has-organisations = Organisations, practices or placements are still in this city. Move or delete them first.
error-country-has-cities = This country still has cities. Delete them first.
error-page-internal-title = Something went wrong
error-page-internal = Something went wrong on our side. Please try again later.
error-page-payload-too-large-title = Too large
error-page-payload-too-large = The request is larger than this address accepts. Forms and API calls take at most 2 MB, files at most the upload limit, and sign-in forms less.
error-api-csrf = Refused: a call with the session cookie must come from this site's own pages (send it as JSON, or with the X-CSRF-Token header), or use a personal API token.
error-owners-staff-only = { $field }: only coordinators add or remove other organisations as owners (owners edit the practice and read its drafts); your own organisation stays an owner.
error-move-organisation = { $field }: only coordinators move an organisation to another city (the city decides who may review its practices).
error-page-csrf-title = Form expired
error-page-csrf = The form could not be accepted because its security token is missing or expired. Go back, reload the page and send it again.

## Practices
nav-practices = Practices
practices-title = Good practices
practices-intro = What the cities and associations of the network do, how it works and whether it worked — in your language where translated.
practices-feed = Atom feed of new practices
practices-new = New practice
count-practices = { $count ->
    [one] { $count } practice
   *[other] { $count } practices
}
filter-lang = Original language
filter-target_group = Target group
sort-label = Order
sort-newest = Newest first
sort-title = By title
filter-status = Status
practice-status-draft = Draft
practice-status-submitted = Submitted for review
practice-status-in_review = In review
practice-status-changes_requested = Changes requested
practice-status-published = Published
practice-status-archived = Archived
practice-step-submit = Submit for review
practice-step-start_review = Review started
practice-step-request_changes = Request changes
practice-step-recommend = Recommend publication
practice-step-publish = Publish
practice-step-archive = Archive
practice-step-republish = Publish again
lang-notice-machine = This text was translated by a machine and not yet checked by a person.
lang-original-link = Read the original ({ $lang })
lang-notice-outdated = The original has changed since this translation was made.
practice-period = Period
practice-period-since = since { $start }
practice-period-until = until { $end }
practice-period-ongoing = ongoing
practice-others = Other practices of these organisations
practice-similar = Similar practices, in every language
practice-opinion = Peer review
practice-workflow = Review and publication
practice-status = Status
practice-revisions = Revisions
practice-take-review = Review this practice
practice-assign-review = Assign the review
practice-opinion-public = The opinion may be published with the practice
practice-history = History
practice-translate-title = Translate “{ $title }”
practice-edit-title = Edit “{ $title }”
practice-conflict-title = Someone saved this practice while you were editing
practice-conflict-intro = Nothing was lost. Compare both versions below, merge what you want to keep into the form, and save again.
practice-conflict-caption = The saved version and yours, field by field
practice-conflict-field = Field
practice-conflict-theirs = Saved version
practice-conflict-mine = Your version
practice-version = Version
practice-saved-at = Saved
practice-changed-fields = Changed fields
field-title = Title
field-summary = Summary
field-context = Context and problem
field-approach = Approach
field-results = Results and evidence
field-evaluation = Evaluation
field-resources = Resources and funding
field-transferability = Transferability
field-organisations = Organisations
field-contacts = Contacts
field-target_groups = Target groups
field-links = Links
field-source = Source
field-ref = Reference
field-period_start = Start
field-period_end = End
field-ongoing = Still running
field-opinion = Opinion
field-reviewer = Reviewer's e-mail address
hint-summary = Two to four sentences: what it is, for whom, and what it achieves.
hint-context = Which situation or problem led to it?
hint-approach = How does it work, step by step?
hint-results = What changed? Include the view of the people it is for.
hint-evaluation = What worked, what did not; do's and don'ts.
hint-resources = Staff, rooms, partners and funding it needs.
hint-transferability = What would another city need to copy it?
hint-links = One web address per line.
error-sentences = { $field }: write two to four sentences (this has { $count }).
error-date = { $field }: write a year, a month or a day, like 2008, 2008-05 or 2008-05-13.
error-period-order = { $field }: the end comes before the start.
error-period-ongoing = { $field }: a practice that is still running has no end.
error-too-many = { $field }: at most { $max } entries.
error-ref = { $field }: no spaces or invisible characters.
error-unknown-value = { $field }: “{ $value }” is not in the directory.
error-not-your-organisation = { $field }: include an organisation you write for.
error-unknown-account = { $field }: no account with this address.
error-reviewer-same-city = { $field }: reviewers come from another city and another organisation than the practice.
error-practice-changed = Someone saved this practice in the meantime.
error-step-not-possible = This step is not possible any more: the practice has moved on.

import-title = Import practices
import-intro = Upload a JSON Lines or CSV file. The whole file is checked first; if any line is bad, nothing is written and every problem is listed.
import-file = File (.jsonl or .csv)
import-file-hint = Fields as in the README: title, lang, city, country and summary at least.
import-dry-run = Only check, write nothing
import-publish = Publish new practices at once
import-button = Import
import-written = The file was imported.
import-checked = The file is fine (nothing written yet).
import-counts-new = New: { $count }.
import-counts-updated = Updated: { $count }.
import-counts-cities = New cities: { $count }.
import-problems = { $count ->
    [one] { $count } problem found
   *[other] { $count } problems found
}
import-nothing-written = Nothing was written. Correct the file and upload it again.
warning-sentences = { $field }: { $count ->
    [one] { $count } sentence
   *[other] { $count } sentences
}, where the form asks for two to four; kept as imported.
import-warnings = { $count ->
    [one] { $count } note: the practice is imported as it is
   *[other] { $count } notes: the practices are imported as they are
}
import-warnings-caption = Notes by line
import-listed = The first { $count } are listed.
import-problems-caption = Problems by line
import-problem = Problem
import-choose-file = File: choose a .jsonl or .csv file that is not empty.
import-not-utf8 = File: the file must be UTF-8 text.
export-label = Download all practices you can see:

practice-attachments = Attachments
attachment-upload = Attach the file
attachment-delete = Remove { $name }
field-file = File
hint-file = PDF, images (PNG, JPEG, WebP), OpenDocument or Office documents, plain text; at most 20 MB.
size-kb = { $size } KB
error-file-empty = { $field }: choose a file that is not empty.
error-file-type = { $field }: this kind of file ({ $value }) is not accepted. Accepted: PDF, PNG, JPEG, WebP, OpenDocument, Office documents, plain text.
error-file-too-large = { $field }: at most { $max } MB.
mime-application-pdf = PDF
mime-image-png = PNG image
mime-image-jpeg = JPEG image
mime-image-webp = WebP image
mime-application-vnd-oasis-opendocument-text = OpenDocument text
mime-application-vnd-oasis-opendocument-spreadsheet = OpenDocument spreadsheet
mime-application-vnd-oasis-opendocument-presentation = OpenDocument presentation
mime-application-vnd-openxmlformats-officedocument-wordprocessingml-document = Word document
mime-application-vnd-openxmlformats-officedocument-spreadsheetml-sheet = Excel spreadsheet
mime-application-vnd-openxmlformats-officedocument-presentationml-presentation = PowerPoint presentation
mime-text-plain = text
mime-text-csv = CSV table

machine-intro = A machine can draft the fields that are missing or outdated; its drafts are marked until a person saves them.
machine-button = Ask for machine drafts
notice-machine-drafts = { $count ->
    [one] { $count } field was drafted by the machine.
   *[other] { $count } fields were drafted by the machine.
}
error-machine-failed = The machine translation service did not answer properly. Nothing was changed.
error-machine-timeout = The machine translation service took too long. Nothing was changed.

themes-title = Themes
themes-intro = The themes practices and organisations are filed under, with their names in each language.
themes-caption = The theme taxonomy
themes-add = Add or rename a theme
themes-add-intro = Give an existing key to rename that theme.
field-target_group_note = Other target groups
hint-target-group-note = Groups not in the list, in the practice’s language, separated by semicolons.
target-groups-title = Target groups
target-groups-intro = The groups practices are written for, with their names in each language. Imported text that names a group or one of its other names is filed under it; the rest is kept as a note on the practice.
target-groups-caption = The target group taxonomy
target-groups-add = Add or rename a target group
target-groups-add-intro = Give an existing key to rename that group.
field-synonyms = Other names
hint-synonyms = In any language, separated by semicolons. Imported text that matches one of them (or a name above) is filed under this entry.
field-key = Key
field-label_de = German name
field-label_fr = French name
field-label_en = English name

revisions-compare = Compare two versions
revisions-from = Older version
revisions-to = Newer version
revisions-compare-button = Compare
revisions-between = Differences between version { $from } and version
revisions-same = These two versions are the same.
revisions-removed = removed:
revisions-added = added:
revisions-unchanged = { $count ->
    [one] … { $count } paragraph unchanged …
   *[other] … { $count } paragraphs unchanged …
}

## Languages
language-de = German
language-fr = French
language-en = English
language-lb = Luxembourgish
language-pt = Portuguese
language-it = Italian
language-es = Spanish
language-nl = Dutch
language-pl = Polish
language-ro = Romanian
language-ru = Russian
language-tr = Turkish
language-ar = Arabic
language-fa = Persian
language-uk = Ukrainian
language-sq = Albanian
language-sr = Serbian
language-hr = Croatian
language-bs = Bosnian
language-ku = Kurdish
language-ti = Tigrinya
language-so = Somali

## E-mail
mail-practice-subject = Passerelle: “{ $title }” — { $step }
mail-practice-body = Hello,

    the good practice “{ $title }” has moved on: { $step }. It is now: { $status }.

    { $link }
mail-invitation-subject = Your invitation to Passerelle
mail-invitation-body = Hello,

    you have been invited to Passerelle, the workspace of the QuattroPole network on migration, participation and citizenship.

    Open this link within 7 days to choose your password:
    { $link }

    If you did not expect this invitation, you can ignore this message.

## Search and glossary
nav-search = Search
nav-glossary = Glossary
search-title = Search
search-title-for = Search: { $q }
search-hint = In any language: a French query also finds German, English and Luxembourgish texts.
search-total = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
search-did-you-mean = No results. Did you mean:
search-expanded = Also searched for the glossary terms:
search-facets-label = Narrow the results
search-facet-type = Type
search-facet-city = City
search-facet-country = Country
search-facet-theme = Theme
search-facet-in = Available in
search-type-practice = Good practice
search-type-organisation = Organisation
search-type-report = Learning report
search-type-placement = Visit or job shadowing
search-type-person = Person
search-badge-original = Original in { $lang }
search-badge-in = In { $lang }
glossary-title = Glossary
glossary-intro = The vocabulary of our field in German, French, English and Luxembourgish. Search uses it to find texts written in another language.
glossary-new = New concept
glossary-edit-title = Edit concept { $key }
glossary-langs-label = Language of the terms
glossary-letters-label = First letter
glossary-letter = Terms starting with { $letter }
glossary-count = { $count ->
    [one] { $count } term
   *[other] { $count } terms
}
glossary-download = Download the whole glossary:
glossary-domain = Domain
glossary-preferred = Preferred term
glossary-alternatives = Also called
glossary-definition = Definition
glossary-related = Related concepts
glossary-back = Back to the glossary
glossary-terms-hint = One term per line; the first is the preferred term.
glossary-in-text = Terms from the glossary in this text
glossary-in-text-more = Concept page
glossary-in-text-hint = Glossary terms used in this practice, with their equivalents in the other languages.
filter-domain = Domain
field-domain = Domain
field-terms_de = German terms
field-terms_fr = French terms
field-terms_en = English terms
field-terms_lb = Luxembourgish terms
field-definition_de = German definition
field-definition_fr = French definition
field-definition_en = English definition
field-definition_lb = Luxembourgish definition
field-related = Related concepts (keys, separated by commas)
field-q = Search
field-limit = Page size
field-offset = Offset
error-term-too-long = { $field }: each term at most { $max } characters.
error-related-key = { $field }: “{ $value }” is not a concept key (lowercase letters, digits and hyphens).
error-related-self = { $field }: a concept cannot be related to itself.
error-unknown-concept = { $field }: there is no concept “{ $value }” in the glossary.
error-import-turtle = { $field }: the Turtle cannot be read ({ $detail }).
error-range-limit = { $field }: must be between 0 and { $max }.
glossary-domain-migration-asylum = Migration and asylum
glossary-domain-integration-participation = Integration and participation
glossary-domain-language-education = Language and education
glossary-domain-employment-qualification = Employment and qualification
glossary-domain-housing-neighbourhood = Housing and neighbourhood
glossary-domain-health = Health
glossary-domain-social-services = Social services
glossary-domain-administration-local-government = Administration and local government
glossary-domain-cross-border = Cross-border life

# Placements (exchange programme)
field-windows = Possible periods
field-capacity = Visitors per period
field-length_days = Length of a stay in days
field-practical = Practical notes
field-accessibility = Accessibility
field-practices = Related practices
field-contact = Contact person
error-number-range = { $field }: write a whole number from { $min } to { $max }.
error-window-date = { $field }: period { $window } needs a first and a last day written like 2027-05-03.
error-window-order = { $field }: period { $window } ends before it begins.
error-window-too-short = { $field }: period { $window } is shorter than one stay ({ $days } days).
error-window-overlap = { $field }: period { $window } overlaps another period.
field-status = Status
error-day = { $field }: write a day like 2027-05-03.
field-from = Possible from
field-to = Possible until
nav-placements = Placements
placements-title = Visits and job shadowing
placements-intro = Host organisations offer visits and job-shadowing stays ("Hospitationen"). Choose a theme, a place, a language or the dates that suit you.
placements-calendar = Calendar of the possible periods (iCalendar)
placements-new = Offer a placement
placements-count = { $count ->
    [one] { $count } placement
   *[other] { $count } placements
}
placement-period = { $start } to { $end }
placement-status-open = Open for requests
placement-status-closed = Closed
placement-host = Host
placement-what = What the visitor will see and do
placement-edit = Edit the placement
placement-windows-hint = The periods when a stay is possible: a first and a last day each. Leave the rows you do not need empty.
placement-window-start = Period { $n }: first day
placement-window-end = Period { $n }: last day
placement-practical-hint = How to get there across the border, what is covered (travel, meals, accommodation) and what is not.
placement-feed-entry = { $days ->
    [one] Possible period for a stay of { $days } day.
   *[other] Possible period for a stay of { $days } days.
}

## Visits: requests, lifecycle, checklist, reports
nav-visits = My visits
visits-title = My visits
visits-intro = Your requests to visit other organisations, and the visits your organisation hosts. Each visit page shows where it stands and what you can do next.
visits-new-open = Make an open request
visits-find-placement = Find a placement
visits-count = { $count ->
    [one] { $count } visit
   *[other] { $count } visits
}
visits-as-visitor = As visitor
visits-as-host = As host
visits-none = None so far.
visit-visitor-from = Visitor from { $organisation }
visits-calendar-title = Your calendar
visits-calendar-intro = A private address lets your calendar program show your scheduled visits, as host and as visitor. Keep it to yourself: anyone with the address can read the calendar.
visits-calendar-address = Private calendar address
visits-calendar-reset = Make a new address (the old one stops working)
visits-calendar-once = This address is shown only now: copy it into your calendar program. Passerelle keeps only a fingerprint of it.
visits-calendar-made = You made your private address on { $date }. It is shown only when it is made: if you need it again, make a new one (the old one then stops working).
visits-calendar-make = Make my private calendar address
visits-calendar-name = Passerelle visits
visit-request-title = Ask to visit
visit-request-for = Your request for:
visit-request-open-intro = Not found the right placement? Say what you would like to learn, when and where; the platform suggests placements that fit, and hosts see your request.
visit-request-send = Send the request
visit-possible-dates = Your possible dates
visit-possible-dates-hint = The first and last day you could come. The stay itself can be shorter.
visit-requested-dates = Possible dates of the visit
visit-goal-hint = What you want to learn, and why it matters for your work. The host reads this first.
visit-open-request = Open request
visit-status = Status
visit-visitor = Visitor
visit-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
visit-window = Period held
visit-days-fixed = Dates of the visit
visit-times = from { $start } to { $end }
visit-languages-spoken = Languages spoken
visit-suggestions-title = Placements that fit your request
visit-suggestions-intro = Ranked by how well they fit, with the reasons. Choose one to send your request to its host.
visit-fit-points = fit { $points } points
visit-choose = Request this placement
visit-answer-title = Answer the request
visit-accept = Accept
visit-decline = Decline the request
visit-checklist-title = Agreement checklist
visit-checklist-intro = Both sides confirm every item before the visit is scheduled.
visit-checklist-item = Item
visit-confirmed = Confirmed
visit-not-confirmed = Not yet
visit-checklist-mine = What your side confirms
visit-checklist-confirm = Save the confirmations
visit-schedule-title = Schedule the visit
visit-schedule-intro = Fix the dates within the period held, where to meet and the programme. Both sides are notified, and the visit appears in their calendar feeds.
visit-schedule = Schedule
visit-after-title = After the visit
visit-complete = The visit took place
visit-report-write = Write the learning report
visit-report-edit = Change the learning report
visit-report-title = Learning report
visit-report-intro = What did you see, what worked, and what do you want to take home? Members of the network read reports; you may also publish yours for everyone.
visit-outcome-hint = Some time after the visit: what came of it?
visit-report-publish = Publish this report for everyone (otherwise members only)
visit-cancel-title = Cancel the visit
visit-cancel = Cancel the visit
visit-cancel-intro = Cancelling cannot be undone: both sides are told, with your reason, and the visit leaves their calendars. A new visit needs a new request.
visit-timeline-title = Timeline
visit-status-open = Open request
visit-status-requested = Requested
visit-status-accepted = Accepted
visit-status-declined = Declined
visit-status-scheduled = Scheduled
visit-status-done = Done
visit-status-reported = Reported
visit-status-cancelled = Cancelled
visit-step-request = request sent
visit-step-accept = accepted
visit-step-decline = declined
visit-step-schedule = scheduled
visit-step-complete = done
visit-step-report = learning report written
visit-step-cancel = cancelled
visit-event-open = Open request made
visit-event-request = Request sent
visit-event-accept = Accepted
visit-event-decline = Declined
visit-event-schedule = Scheduled
visit-event-complete = Took place
visit-event-report = Learning report written
visit-event-cancel = Cancelled
visit-done-requested = Your request has been sent.
visit-done-accept = The request is accepted; a place is held for the visitor.
visit-done-decline = The request is declined.
visit-done-complete = The visit is recorded as done.
visit-done-cancel = The visit is cancelled.
visit-done-schedule = The visit is scheduled; both sides are notified, and it appears in their calendar feeds.
visit-done-report = The learning report is saved.
visit-done-checklist = Your confirmations are saved.
visit-done-host-view = The host's view is saved.
visit-done-calendar = Your calendar has a new address.
visit-calendar-summary = Visit: { $title } ({ $host }, visitor from { $visitor })
intention-none = No plans
intention-consider = Considering it
intention-pilot = Piloting it
intention-adopt = Adopting it
reason-themes = Shared themes: { $themes }
reason-language = A shared language: { $languages }
reason-city = In a city you prefer
reason-cross-border = Across a border
reason-few-visits = { $visits ->
    [0] A host that has had no visits yet
    [one] A host with only { $visits } visit so far
   *[other] A host with only { $visits } visits so far
}
reason-preference = Your choice number { $rank }
reason-dates = Possible { $period }
reports-title = Learning reports
reports-intro = What visitors learned on their visits, and what they mean to do with it.
reports-count = { $count ->
    [one] { $count } report
   *[other] { $count } reports
}
report-published = Published
report-members-only = Members only
report-to-visit = Go to the visit
checklist-settings-title = Agreement checklist
checklist-settings-intro = The items both sides of every visit confirm before it is scheduled. An item no longer asked for stays on visits that confirmed it.
checklist-change = Change
checklist-active = Asked for
checklist-inactive = No longer asked for
checklist-activate = Ask for it again
checklist-deactivate = No longer ask for it
checklist-add-title = Add an item
checklist-add-hint = Write the item in as many languages as you can; readers see their own language, or another one.
checklist-item-employer = The visitor's employer approves the visit.
checklist-item-confidentiality = The visitor keeps confidential what they learn about individual cases.
checklist-item-data-protection = Personal data the visitor may see is protected (data-protection briefing given).
checklist-item-insurance = The visitor is insured for the visit (accident and liability).
placement-request = Ask to visit
placement-request-login = Sign in to ask to visit.
placement-requests-title = Requests for this placement
placement-suggested-title = Open requests that would fit
placement-suggested-intro = Members who have not chosen a placement yet and whose wishes fit this one. Write to them.
field-start = First day
field-end = Last day
field-start_time = Meeting time on the first day
field-end_time = End time on the last day
field-meeting_point = Meeting point
field-agenda = Programme
field-goal = What you want to learn
field-cities = Preferred cities
field-placement = Placement
field-placements = Placements the call covers
field-message = Message
field-step_message = Message to the visitor (optional)
field-cancel_message = Reason for cancelling
field-checklist = Agreement checklist
field-saw = What I saw
field-worked = What worked
field-take_home = What I want to take home
field-intention = What I mean to do with it
field-outcome = What came of it
field-host_view = The host's view
field-text_de = Text in German
field-text_fr = Text in French
field-text_en = Text in English
error-day-past = { $field }: this day is in the past.
error-day-order = { $field }: the last day is before the first.
error-span-too-long = { $field }: at most { $days } days from the first day.
error-visit-own-organisation = { $field }: this is your own organisation's placement; ask another host.
error-visit-longer-than-windows = { $field }: a stay here takes { $days } days, longer than every period of the placement.
error-visit-no-window-in-dates = { $field }: your dates do not hold { $days } days within any period of the placement.
error-visit-dates-too-short = { $field }: your dates must hold the { $days } days of the stay.
error-visit-outside-window = { $field }: the visit must lie within the period held, { $start } to { $end }.
error-visit-too-long = { $field }: the visit is longer than the placement's { $days } days.
error-time = { $field }: write a time like 09:30.
error-time-order = { $field }: the end is before the start.
error-checklist-incomplete = { $field }: both sides must confirm every item first.
error-placement-closed = { $field }: this placement takes no requests now.
error-visit-step-not-possible = This step is not possible any more: the visit has moved on.
error-window-full = Every period that fits this visit is full; no more visitors can be accepted.
error-visit-not-started = The visit has not started yet.
mail-visit-subject = Visit "{ $title }": { $step }
mail-visit-body = Hello,

    the visit "{ $title }" ({ $host }) has moved on: { $step }. It now stands at: { $status }.

    { $message }

    See the visit and what to do next:
    { $link }

    Passerelle
mail-follow-up-subject = What came of your visit "{ $title }"?
mail-follow-up-body = Hello,

    three months ago you wrote a learning report on your visit "{ $title }". What came of it? Did you try something out, or take it up? Your answer helps others in the network.

    Add it to your report:
    { $link }

    Passerelle

## Calls for exchanges
calls-title = Calls for exchanges
calls-intro = A coordinator opens a call over several placements. Until the deadline, members send one request each, ranking up to five placements, with their possible dates. Afterwards the places are allocated fairly across the cities, and everyone is told.
calls-new = Open a call
calls-open = Open the call
calls-none = No calls yet.
calls-link = Calls for exchanges
call-deadline-on = Requests until { $day }
call-counts = { $placements } placements, { $requests } requests
call-status-open = Open
call-status-closed = Closed for requests, allocation to come
call-status-proposed = Allocation proposed
call-status-published = Allocation published
call-review = Allocation
call-close-now = Close the call now
call-placements = Placements in this call
call-granted = You have a place.
call-to-visit = Go to your visit
call-not-granted = This time there was no place for your request.
call-request-title = Your request
call-request-change = Change your request
call-request-intro = Rank up to five placements, first choice first, and give the days you could come. You can change your request until the deadline.
call-choice = Choice { $n }
call-no-choice = (none)
call-request-send = Send the request
call-login = Sign in to send a request.
call-review-intro = The allocation grants as many requests as the places allow, never above a period's capacity and only within a requester's dates; among those, it maximises the total fit (preference rank, shared themes and language, visits across a border, hosts with few visits) while keeping the cities' shares of granted requests close. You can change it by hand, then publish it.
call-run = Run the allocation
call-run-again = Run the allocation again (changes by hand are lost)
call-shares = Share of granted requests per city
call-requested = Requests
call-granted-count = Granted
call-rate = Rate
call-requests = Requests
call-placed = Placed
call-by-hand = by hand
call-not-placed = Not placed
call-change-place = Place
call-no-place = Not placed
call-publish-intro = Publishing turns each placed request into an accepted visit and tells every requester and host.
call-publish = Publish the allocation
call-publish-ask = Publish the allocation…
call-confirm-publish = Publish the allocation of “{ $title }”?
call-confirm-publish-body = { $count ->
    [one] { $granted } of { $count } request gets a place and becomes an accepted visit.
   *[other] { $granted } of { $count } requests get a place and become accepted visits.
}
call-confirm-publish-after = The others hear that there is no place this time. Every requester and host is notified, and the allocation cannot be changed afterwards.
call-summary = { $granted } of { $requests } requests placed; total fit { $fit } points.
call-no-city = Without a city
call-why-own = the requester's own organisation
call-why-longer = a stay there is longer than every period
call-why-dates = no period within the requester's dates
call-why-taken = the places went to other requests
call-done-requested = Your request is saved.
call-done-closed = The call is closed; the allocation can run.
call-done-allocated = The allocation is proposed.
call-done-assigned = The change is saved.
call-done-published = The allocation is published; everyone has been told.
field-deadline = Deadline for requests
field-preferences = Your preferences
field-choice = Place
error-preference-twice = { $field }: { $value } is chosen twice.
error-preference-own = { $field }: "{ $value }" is your own organisation's placement.
error-preference-not-in-call = { $field }: { $value } is not a placement of this call.
error-placement-closed-named = { $field }: { $value } takes no requests now.
error-call-not-open = This call takes no requests any more.
error-import-file-changed = The file changed while it was being imported; nothing was written. Please import it again.
error-import-data-changed = Something the import depends on was changed by someone else while it ran; nothing was written. Please import again.
error-call-not-allocatable = The allocation cannot be changed now: the call is still open, or already published.
error-choice-not-possible = { $field }: this request cannot be placed there.
mail-call-not-granted-subject = Call "{ $title }": no place this time
mail-call-not-granted-body = Hello,

    the places of the call "{ $title }" have been allocated. This time there was no place for your request; other placements may still take requests directly.

    { $link }

    Passerelle

## Exchange matrix
matrix-link = Exchange matrix
matrix-title = Cross-border exchange matrix
matrix-intro = Visits between the network's cities: from the visitor's city (rows) to the host's city (columns). Each cell gives the visits done, then those planned (accepted or scheduled).
matrix-totals = { $done } visits done, { $planned } planned.
matrix-none = No visits yet.
matrix-desc = A grid of the cities: each cell shows visits done and planned from the city of its row to the city of its column. The table below gives the same figures.
matrix-legend = In each cell: visits done · visits planned. Darker cells have more visits.
matrix-table-caption = Visits from the visitor's city (rows) to the host's city (columns)
matrix-from-to = From ↓ / to →
matrix-done = { $count } done
matrix-planned = { $count } planned
matrix-cell = From { $from } to { $to }: { $done } done, { $planned } planned

placement-translations = Language versions
placement-translate = Translate the placement
placement-translate-intro = Write the placement's texts in another language. The original is in { $lang }; a change to it marks translations as outdated.
placement-translate-original = The original texts

error-placement-translation-original = { $field }: this is the language of the original; edit the placement instead.
visits-others = Other visits in the network (as coordinator)
error-visit-dates-passed = The days of this request have all passed; make a new one.
error-call-changed = A placement of this call has changed its periods since the allocation; run the allocation again.
error-assign-half = { $field }: give both the placement and the first day of its period, or neither.
former-member = former member
field-confirm = Confirmation
notice-erased = The person was erased. What they contributed stays, shown as a former member's.
users-erased = Erased; contributions kept as a former member's.
users-erase = Erase { $email }…
person-erase = Erase { $name } (right to erasure)…
erase-title = Erase { $who }
erase-intro = Erasure is for a person who asks to be forgotten. It cannot be undone. Their contributions to the network's record stay, without their name.
erase-removed-heading = Removed for good
erase-removes-account = The account { $email }: its address, password, sessions, API tokens, calendar address, invitations and the client addresses of its changes.
erase-removes-person = The directory entry { $name } ({ $organisation }): name, role, address, languages and themes, and the contact lines that name them on practices and placements.
erase-removes-history = Their name from every earlier version of a practice, and from search.
erase-kept-heading = Kept, shown as a former member's
erase-keeps-nothing = There is nothing they contributed under an account.
erase-keeps-note = Texts that other people wrote about them (review opinions, reports) are not rewritten; change them by hand if they name the person.
erase-keeps-practices = { $count ->
    [one] { $count } practice they wrote
   *[other] { $count } practices they wrote
}
erase-keeps-practices_reviewed = { $count ->
    [one] { $count } practice they reviewed
   *[other] { $count } practices they reviewed
}
erase-keeps-practice_revisions = { $count ->
    [one] { $count } version of a practice they saved
   *[other] { $count } versions of practices they saved
}
erase-keeps-visits = { $count ->
    [one] { $count } visit they asked for
   *[other] { $count } visits they asked for
}
erase-keeps-call_requests = { $count ->
    [one] { $count } request in a call
   *[other] { $count } requests in calls
}
erase-keeps-changes = { $count ->
    [one] { $count } entry in the audit log
   *[other] { $count } entries in the audit log
}
erase-keeps-invitations = { $count ->
    [one] { $count } invitation they sent
   *[other] { $count } invitations they sent
}
erase-keeps-practice_events = { $count ->
    [one] { $count } workflow step they took on a practice (such as a review)
   *[other] { $count } workflow steps they took on practices (such as reviews)
}
erase-keeps-attachments = { $count ->
    [one] { $count } file they attached
   *[other] { $count } files they attached
}
erase-keeps-visit_events = { $count ->
    [one] { $count } step they took on a visit
   *[other] { $count } steps they took on visits
}
erase-keeps-visit_confirmations = { $count ->
    [one] { $count } checklist item they confirmed
   *[other] { $count } checklist items they confirmed
}
erase-keeps-calls = { $count ->
    [one] { $count } call they opened
   *[other] { $count } calls they opened
}
erase-ended-heading = Ended, because nobody would finish it
erase-ends-reviews = { $count ->
    [one] { $count } review they had taken goes back to waiting for a reviewer, without their opinion
   *[other] { $count } reviews they had taken go back to waiting for a reviewer, without their opinion
}
erase-ends-visits = { $count ->
    [one] { $count } visit they asked for is cancelled; its host is told
   *[other] { $count } visits they asked for are cancelled; their hosts are told
}
erase-ends-call_requests = { $count ->
    [one] { $count } request in a call not yet allocated is withdrawn
   *[other] { $count } requests in calls not yet allocated are withdrawn
}
error-erase-last-admin = { $field }: this is the last admin account; make someone else an admin first.
practice-step-release_review = Review handed back (the reviewer left the network)
erase-confirm-label = To confirm, type “{ $text }”
erase-button = Erase for good
error-erase-self = { $field }: you cannot erase your own account; another admin must do it.
error-erase-confirm = { $field }: type the text shown exactly, to confirm that this person is to be erased.
error-range-page = { $field }: must be between 1 and { $max }.
field-type = Type

# The lexicon of the language bridge.
field-src_lang = Language of the word
field-src_word = Word
field-dst_lang = Language of the translation
field-dst_word = Translation
field-weight = Weight
error-lexicon-unreadable = { $field }: the file cannot be read from here on (a truncated compressed file, or text that is not UTF-8).
error-lexicon-columns = { $field }: each line needs five columns separated by tabs: src_lang, src_word, dst_lang, dst_word, weight (in a word list, after the line “lang word zipf”, three: lang, word, zipf).
error-lexicon-same-language = { $field }: a translation must be into another language than the word's.
error-lexicon-weight = { $field }: write a number of zero or more.
error-lexicon-empty = { $field }: the file holds no translation a search could use.
error-lexicon-word = { $field }: an entry of a word list is a single word of letters, without spaces, digits or hyphens.
error-lexicon-zipf = { $field }: write the frequency as a number from 0 to 9 (Zipf scale).
lexicon-title = Lexicon of the language bridge
lexicon-title-for = Translations of “{ $word }”
lexicon-intro = For each word of a query, the search also looks for its translations into the other languages: the three most likely per language, from the lexicon. Look a word up to see them; remove a wrong sense, or add a missing translation. A correction changes every reader's search across the network at once, and it is kept when a new lexicon is imported; the audit log records who made it.
lexicon-look-up = Look up
lexicon-none = The lexicon has no translation of this word. Add one below.
lexicon-caption = Translations, by language; the search uses those marked as used.
lexicon-col-lang = Language
lexicon-col-translation = Translation
lexicon-col-state = In the search
lexicon-col-action = Change
lexicon-from-form = filed under “{ $word }”
lexicon-state-used = used
lexicon-state-unused = not used (less likely)
lexicon-state-added = added by a coordinator, used first
lexicon-state-removed = removed by a coordinator, not used
lexicon-remove = Remove “{ $text }”
lexicon-restore = Use “{ $text }” again
lexicon-add-title = Add a translation
lexicon-add = Add the translation
admin-lexicon-manage = See and correct the lexicon's translations
error-lexicon-no-key = { $field }: look up one word that is not a stop word; no search looks up the others.
lexicon-state-added-unused = added by a coordinator, not used (three other additions come first)
lexicon-correct = correct
field-action = Correction
field-zipf = Frequency (Zipf scale)
error-lexicon-characters = { $field }: remove the semicolons, control characters and invisible characters.
error-lexicon-no-words = { $field }: the translation holds no word a search can look for (only stop words or signs).
error-lexicon-not-listed = { $field }: this translation is not listed for the word, so there is nothing to remove or to take back.
audit-kind-add = added
audit-kind-remove = removed
audit-kind-restore = taken back
audit-kind-import = imported
audit-kind-save = saved
audit-kind-host-view = read by the host
audit-kind-close = closed
audit-kind-request = requested
audit-kind-allocation = places allocated
audit-kind-translate = translated
audit-kind-withdraw = withdrawn
audit-kind-erase = erased (personal data)
audit-kind-checklist = checklist changed
audit-kind-accept = accepted
audit-kind-decline = declined
audit-kind-schedule = scheduled
audit-kind-complete = completed
audit-kind-report = reported
audit-kind-cancel = cancelled
audit-kind-open = opened
audit-kind-proposed = allocation proposed
audit-kind-published = allocation published
search-most-words = Showing the results with most of your words.
search-every-match = Also show results with only some of your words
search-translated = Also searched for these translations of your words (from the lexicon):
search-translation-remove = search without “{ $text }”
search-translations-removed = Left out at your request:
search-translation-restore = search for “{ $text }” again
field-without = Translations left out
error-search-without = { $field }: name at most { $max } translations as language:text, separated by semicolons.
admin-lexicon-missing = The lexicon is not installed: search finds words only in the language they are written in, and across languages only through the glossary. Build it with scripts/lexicon/fetch, then run passerelle lexicon import FILE.
admin-lexicon-size = { $count ->
    [one] Search crosses languages with a lexicon of { $count } translation.
   *[other] Search crosses languages with a lexicon of { $count } translations.
}
admin-embeddings-on = { $count ->
    [one] Search also finds texts of similar meaning: the language model knows { $count } practice.
   *[other] Search also finds texts of similar meaning: the language model knows { $count } practices.
}
admin-embeddings-off = No language model is configured: search finds words, not meanings. Fetch it with scripts/embeddings/fetch and start the server with --embeddings .tools/embeddings.
admin-embeddings-working = The language model is still reading the catalogue: until it has finished, the practices it has not reached yet are found by their words only.
admin-embeddings-failed = The language model could not read the whole catalogue (see the server's log); it tries again at the next start or import. Until then, the practices it did not reach are found by their words only.
search-by-meaning = found by its meaning, without your words

## Dates (the network's local time)
date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
date-moment = { $day }, { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Navigation
nav-menu = Menu
nav-reports = Learning reports
nav-calls = Calls
nav-exchange = Exchange matrix
scroll-table = Table: { $name }

## Home and desk
home-what = Here you find proven practices in your language, even when they were written in another, apply for job-shadowing placements in a partner city and read what others learned there.
home-search-label = What are you looking for?
home-search-hint = In any language, in your own words, for example “language course for parents” or “conseil des étrangers”.
home-latest-practices = New practices
home-no-practices = No practice is published yet.
home-all-practices = { $count ->
    [one] { $count } practice
   *[other] All { $count } practices
}
home-published-on = published on { $day }
home-open-placements = Open placements
home-no-placements = No placement is offered at the moment.
home-all-placements = All placements
home-open-calls = Open calls
home-no-calls = No call is open.
home-all-calls = All calls
desk-title = My desk
desk-tasks = { $count ->
    [0] Nothing awaits you
    [one] { $count } task awaits you
   *[other] { $count } tasks await you
}
desk-no-tasks = Nothing to do right now. What is new in the network is below.
desk-task-review = waits for a reviewer from another city
desk-task-finish-review = your opinion is due
desk-task-publish = recommended: ready to publish
desk-task-submit = draft: hand it in for review when it is ready
desk-task-revise = changes requested: revise and hand it in again
desk-task-answer = visit request: accept or decline it
desk-task-schedule = accepted: set the dates, agenda and meeting point
desk-task-confirm = checklist: confirm your items
desk-task-report = visit done: write the learning report
desk-task-call = call: requests until { $day }

## Workflow notices
notice-review-taken = You are now reviewing this practice. Give your opinion below.
notice-review-assigned = The review is assigned; its reviewer sees it on their desk.
notice-step-submit = Handed in: someone from another city will review it. Until then it is not public.
notice-step-request-changes = Your request for changes is saved; the authors see it.
notice-step-recommend = Your recommendation is saved; a coordinator can now publish it.
notice-step-publish = Published: the practice is now visible to everyone.
notice-step-archive = Archived: it stays readable but is no longer considered current.
notice-step-republish = Published again.

## Imprint and privacy notice
site-title-imprint = Imprint
site-title-privacy = Privacy
site-edit = Edit this page
site-back = Back to the page without saving
site-edit-intro = Write the page in each language (Markdown). A language left empty shows the text of another language, or the built-in text when none is written.
site-built-in = This is the text Passerelle comes with. The operator of this site has not written its own yet.
site-imprint-default =
    This page names who runs this Passerelle site: the organisation, its address, a contact and the person responsible for the content.

    The operator has not filled it in yet. Its administrators write it under “Edit this page”.
site-privacy-default =
    ## What Passerelle keeps

    - **Your account**: your e-mail address, your password only as an argon2id hash, your role and organisation.
    - **Cookies**: `passerelle_session` while you are signed in (at most 14 days), and `passerelle_csrf`, which protects forms. No other cookies, no tracking, no advertising, nothing loaded from other sites.
    - **What you write** (practices, placements, visit requests, reports) with its history, and a log of changes with the address of the device they came from, for security.

    ## Your rights

    Under “My account” you download everything kept about you. An administrator erases your account on request: your name goes, your contributions stay without it.

    ## Who is responsible

    The operator named in the imprint. This is the notice Passerelle comes with; the operator may replace it with their own.
field-de = German
field-fr = French
field-en = English
practice-history-staff = network coordination
## Notifications
nav-notices = Notifications
nav-unread = { $count } unread
nav-notices-unread = { $count ->
    [one] { $count } unread notification
   *[other] { $count } unread notifications
}
inbox-title = Notifications
inbox-empty = No notifications yet. When something concerns you — a practice you wrote is reviewed, a visit you asked for is answered, a call you took part in is allocated — it appears here.
inbox-summary = { $count ->
    [one] { $count } notification
   *[other] { $count } notifications
}, { $unread } unread.
inbox-new = New
inbox-read-all = Mark all as read
inbox-all-read = All notifications are marked as read.
inbox-choices-title = How you hear of them
inbox-choices-intro = Every notification is kept here. For each kind, choose whether you also want an e-mail at once, or one e-mail a day with everything of the day before (sent after 7 a.m.).
inbox-choices-save = Save my choices
inbox-mail-off = This site sends no e-mail (no mail server is configured): your notifications are kept here only.
inbox-delivery-app = Here only
inbox-delivery-email = Here and by e-mail at once
inbox-delivery-digest = Here and in a daily e-mail
field-practice = Practices I wrote, review or coordinate
field-visit = Visits I make or host
field-call = Results of calls I took part in
field-report = Questions about my learning reports
inbox-practice-submit = “{ $title }” was handed in for review.
inbox-practice-start_review = “{ $title }” is now being reviewed.
inbox-practice-request_changes = Changes were requested for “{ $title }”.
inbox-practice-recommend = “{ $title }” was recommended for publication.
inbox-practice-publish = “{ $title }” was published.
inbox-practice-archive = “{ $title }” was archived.
inbox-practice-republish = “{ $title }” was published again.
inbox-visit = Visit “{ $title }” ({ $host }): { $step }.
inbox-call-not-granted = Call “{ $title }”: no place for your request this time.
inbox-follow-up = What came of your visit “{ $title }”? Add it to your learning report.
mail-digest-subject = Passerelle: { $count ->
    [one] { $count } notification
   *[other] { $count } notifications
}
mail-digest-body = Hello,

    this is what happened on Passerelle that concerns you:

    { $lines }

    All your notifications: { $link }
    You receive this e-mail once a day; you can change that on the same page.

    Passerelle
admin-mail-off = E-mail is off: no mail server is configured (PASSERELLE_SMTP_URL). Invitations show a link to pass on yourself, and notifications are kept in the app only.
## Pickers
hint-pick-organisations = One organisation per box, by its name as in the directory; your browser suggests names as you type. Empty a box to remove one.
hint-pick-contacts = One person per box, by their name as in the directory. Empty a box to remove one.
hint-pick-practices = One practice per box, by its title as on its page (in any language). Empty a box to remove one.
hint-pick-contact = The person to ask, by their name as in the directory.
error-pick-unknown = { $field }: nothing is called “{ $value }”. Write the name as the directory shows it, or choose one of the names offered.
error-pick-ambiguous = { $field }: several entries are called “{ $value }”. Ask a coordinator to tell them apart.
desk-more = { $count ->
    [one] The { $count } practice “{ $status }”
   *[other] All { $count } practices “{ $status }”
}

action-cancel = Cancel
practice-status-ready = Ready to publish
practice-opinion-next = Write your opinion for the authors, then either ask them for changes or recommend publication; after a recommendation a coordinator publishes the practice. You can change your opinion until then.
practice-confirm-publish = Publish “{ $title }”?
practice-confirm-publish-body = Everyone will be able to read it, search engines included, with the translations it has. Its authors and reviewer are told. Later it can be archived, but not unpublished.
practice-confirm-archive = Archive “{ $title }”?
practice-confirm-archive-body = It stays readable but is marked as no longer current and leaves the lists of current practices. A coordinator can publish it again.
practice-locked-review = This practice is with a reviewer from another city, so it cannot be changed now. If the reviewer asks for changes you can edit it again; once it is published, coordinators make changes.
practice-locked-published = This practice is published: only coordinators change it now. Write to them if something needs correcting.
practice-attachments-locked = Files can be added or removed while the practice can be edited (see “Review and publication”).
calls-edit = Edit the call
call-confirm-close = Close “{ $title }” now?
call-confirm-close-body = Members can no longer send or change requests; the requests so far go to the allocation. A closed call cannot be opened again.
error-call-placement-asked = { $field }: someone has already asked for { $value }, so it stays in the call.
place-delete-city-hint = A city can be deleted once no organisation, practice or placement is in it.
place-delete-country-hint = A country can be deleted once it has no cities.
login-forgot = Forgot your password?
forgot-title = Forgot your password?
forgot-intro = Give the address you sign in with. If it belongs to an account, we send a link to choose a new password; it works once, for an hour.
forgot-button = Send me a link
forgot-sent = If an account uses this address, a link is on its way. It works once, for an hour; look in the spam folder too.
forgot-back = Back to sign-in
forgot-no-mail = This site sends no e-mail. Ask an administrator of the network: they can make a link for you to choose a new password.
reset-title = Choose a new password
reset-intro = Afterwards you are signed in here; every other session and API token of this account ends.
reset-button = Set the new password
reset-issued-title = Reset link for { $email }
reset-issued-intro = Pass this link on to its owner in person or by a private message. It works once, for 24 hours, and is shown only now; it lets its owner choose a new password.
reset-issued-back = Back to the accounts
users-reset = Make a reset link for { $email }
mail-reset-subject = Choose a new Passerelle password
mail-reset-body = Hello,

    someone — probably you — asked for a new password for this address on Passerelle.

    Open this link within an hour to choose it (it works once):
    { $link }

    If you did not ask for it, ignore this message: your password stays as it is.
error-reset-no-mail = This site sends no e-mail; ask an administrator for a reset link.
audit-kind-reset-link = reset link made
desk-news = New since { $when }
desk-news-none = Nothing new in the network since then; the latest is below.
desk-news-practices = { $count ->
    [one] { $count } practice published
   *[other] { $count } practices published
}
desk-news-placements = { $count ->
    [one] { $count } new placement
   *[other] { $count } new placements
}
desk-news-calls = { $count ->
    [one] { $count } new call for exchanges
   *[other] { $count } new calls for exchanges
}
desk-news-reports = { $count ->
    [one] { $count } new learning report
   *[other] { $count } new learning reports
}
practice-locked-submitted = This practice waits for a reviewer from another city, so it cannot be changed now. If the reviewer asks for changes you can edit it again; once it is published, coordinators make changes.
reset-gone = This link was already used, has expired, or is not complete. Ask for a new one.
reset-gone-title = This link no longer works

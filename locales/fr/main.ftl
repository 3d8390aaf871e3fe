# Passerelle — textes de l’interface en français. Les clés doivent être identiques dans de, fr et en.

## Layout
skip-to-content = Aller au contenu principal
skip-to-search = Aller à la recherche
nav-label = Navigation principale
nav-organisations = Organisations
nav-people = Personnes
nav-cities = Villes
nav-countries = Pays
nav-account = Mon compte
nav-invite = Inviter
nav-users = Comptes
nav-login = Se connecter
nav-logout = Se déconnecter
search-label = Rechercher pratiques, organisations et personnes
search-placeholder = Dans toutes les langues…
search-button = Rechercher
lang-switch-label = Langue
locale-name-de = Deutsch
locale-name-fr = Français
locale-name-en = English
breadcrumb-label = Fil d’Ariane
footer-text = Passerelle — l’espace de travail du réseau QuattroPole consacré à la migration, à la participation et à la citoyenneté.
footer-api = API ouverte
pagination-label = Pages
pagination-prev = Page précédente
pagination-next = Page suivante
pagination-page = Page { $page }
select-choose = — Veuillez choisir —
select-none = — Aucun —
form-required-note = Les champs marqués d’un * sont obligatoires.
form-errors-title = Veuillez corriger les points suivants :

## Home
home-title = Passerelle : apprendre les uns des autres par-delà les frontières
home-intro = Les administrations municipales et les associations de Luxembourg, Metz, Sarrebruck et Trèves partagent ce qui fonctionne en matière d’intégration et de participation, se rendent visite et apprennent les unes des autres.
home-cities = Villes du réseau
home-all-organisations = Toutes les organisations ({ $count })

## Counts
count-organisations = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
count-people = { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
count-cities = { $count ->
    [one] { $count } ville
   *[other] { $count } villes
}

## Organisations
organisations-title = Organisations
organisations-new = Nouvelle organisation
organisation-edit-title = Modifier { $name }
organisation-about = À propos
organisation-no-description = Pas encore de description.
organisation-practices = Bonnes pratiques de cette organisation
organisation-people = Personnes
organisation-no-people = Aucune personne n’est encore inscrite.
organisation-manage = Gérer
organisation-translations = Versions linguistiques de la description
lang-notice-untranslated = Original en { $original } — pas encore de traduction française.
lang-notice-partly = Traduction française partielle : les parties signalées ci-dessous restent dans la langue d’origine ({ $original }).
lang-section-original = Seulement en { $lang }
translate-title = Traduire la description de { $name }
translate-choose = Traduire en
translate-into = Traduction en { $lang }
translate-original = Original ({ $lang })
filters-title = Filtrer
filters-apply = Appliquer les filtres
filter-any = Tous
filter-q = Le nom contient
filter-city = Ville
filter-country = Pays
filter-kind = Type
filter-circle = Cercle
filter-language = Langue
filter-theme = Thème
hint-slug = Partie de l’adresse web : lettres minuscules, chiffres et traits d’union. Si vous laissez ce champ vide, il est créé à partir du nom.
hint-markdown = Markdown : *italique*, **gras**, listes avec « - », liens sous la forme [texte](https://…).
country-organisations = Organisations dans ce pays
city-own-name = Nom local
action-add = Ajouter
city-new = Nouvelle ville
city-edit-title = Modifier { $name }
country-new = Nouveau pays
country-edit-title = Modifier le pays { $code }
city-coordinates = Coordonnées

## Kinds, circles, statuses, roles
kind-city_administration = Administration municipale
kind-advisory_council = Conseil consultatif des étrangers
kind-association = Association
kind-housing_cooperative = Coopérative d’habitation
kind-school = École ou centre de formation
kind-other = Autre
circle-inner = Cercle restreint (hôtels de ville)
circle-extended = Cercle élargi
status-original = original
status-human = traduit par une personne
status-machine = traduction automatique
status-outdated = obsolète (l’original a été modifié)
role-admin = Administration
role-coordinator = Coordination
role-editor = Rédaction
role-member = Membre

## People
people-title = Personnes
people-new = Ajouter une personne
person-edit-title = Modifier { $name }
person-no-email = Aucune adresse e-mail indiquée.
person-email-members-only = Visible uniquement par les membres, après connexion.

## Actions and notices
action-edit = Modifier
action-change = Modifier
hint-term-key = Lettres minuscules, chiffres et traits d’union (par ex. « older-people »). Une clé ne change pas : une clé existante renomme cette entrée.
action-save = Enregistrer
action-delete = Supprimer
action-translate = Traduire
notice-saved = Vos modifications ont été enregistrées.
notice-created = Création effectuée.
notice-deleted = Suppression effectuée.
notice-signed-in = Vous êtes connecté à votre compte.
notice-signed-out = Vous êtes déconnecté de votre compte.
notice-password-changed = Votre mot de passe a été modifié. Vos autres sessions ont été déconnectées.
notice-translated = La traduction a été enregistrée.
notice-token-revoked = Le jeton a été révoqué.
notice-welcome = Bienvenue sur Passerelle ! Votre compte est prêt.

## Accounts
login-title = Se connecter
login-button = Se connecter
login-invitation-only = Les comptes sont créés sur invitation de l’équipe de coordination du réseau.
account-title = Mon compte
account-password-title = Modifier le mot de passe
account-password-button = Modifier le mot de passe
account-tokens-title = Jetons d’API
account-tokens-intro = Les jetons personnels permettent à des programmes d’utiliser l’API en votre nom : envoyez « Authorization: Bearer <token> ».
account-tokens-caption = Vos jetons d’API
account-token-created = Votre nouveau jeton. Copiez-le maintenant : il ne sera plus affiché.
account-token-last-used = Dernière utilisation
account-token-never = jamais
account-keep-tokens = Garder mes clés d’API valides (sinon elles cessent avec l’ancien mot de passe)
account-token-expires = Expire le
account-token-expired = expirée le { $date }
account-token-days-30 = 30 jours
account-token-days-90 = 90 jours
account-token-days-365 = un an
field-expires = Valable
error-token-lifetime = { $field } : choisissez 30 jours, 90 jours ou un an.
account-token-actions = Actions
account-token-create = Créer un jeton
account-token-revoke = Révoquer { $name }
invite-title = Inviter une personne
invite-intro = Le lien d’invitation est valable 7 jours et ne peut être utilisé qu’une seule fois.
invite-button = Créer l’invitation
invite-created = Invitation pour { $email } créée. Transmettez ce lien :
invite-sent = Invitation envoyée à { $email }. Le lien, si nécessaire :
accept-title = Accepter votre invitation
accept-intro = Vous avez reçu une invitation à rejoindre Passerelle avec le rôle « { $role } ». Choisissez un mot de passe pour créer votre compte.
accept-button = Créer mon compte
nav-audit = Journal
audit-title = Journal des modifications
audit-intro = Chaque modification avec son auteur, sa date et sa provenance, la plus récente en premier. Les modifications sont conservées pendant la durée configurée.
audit-caption = Modifications
audit-count = { $count ->
    [one] { $count } modification
   *[other] { $count } modifications
}
audit-when = Quand
audit-who = Qui
audit-origin = D’où
audit-what = Quoi
audit-change = Modification
audit-command-line = ligne de commande
audit-server = le serveur lui-même
audit-no-account = aucun compte
audit-former-account = ancien compte { $id }
audit-kind-create = créé
audit-kind-update = modifié
audit-kind-delete = supprimé
field-person = Personne (adresse e-mail)
field-entity = Quoi (practice, organisation, person, user, placement, visit…)
field-since = Du
field-until = Au
data-title = Mes données
data-intro = Tout ce que Passerelle conserve à votre sujet, table par table : votre compte, votre fiche dans l’annuaire, vos sessions et clés (sans leurs secrets), ce que vous avez rédigé, évalué, demandé et modifié. Téléchargez-le pour le garder.
data-download = Tout télécharger en JSON
account-data-link = Voir et télécharger toutes mes données
data-table-users = Votre compte
data-table-people = Votre fiche dans l’annuaire
data-table-sessions = Vos sessions
data-table-api_tokens = Vos clés d’API
data-table-calendar_tokens = Votre adresse d’agenda
data-table-invitations = Invitations que vous avez envoyées
data-table-practices = Pratiques que vous avez rédigées
data-table-practices_reviewed = Pratiques que vous avez relues
data-table-practice_revisions = Versions de pratiques que vous avez enregistrées
data-table-practice_events = Étapes d’évaluation que vous avez franchies
data-table-attachments = Fichiers que vous avez joints
data-table-visits = Visites que vous avez demandées
data-table-visit_events = Étapes de visites que vous avez franchies
data-table-visit_confirmations = Points d’accord que vous avez confirmés
data-table-calls = Appels que vous avez ouverts
data-table-call_requests = Vos demandes dans les appels
data-table-changes = Vos modifications (le journal)
data-table-notices = Vos notifications
data-table-notice_choices = Comment vous êtes informé·e des notifications
users-title = Comptes
users-caption = Tous les comptes avec leur rôle
users-change-role = Rôle et organisation
users-role-of = Rôle de { $email }
users-organisation-of = Organisation de { $email }

## Field labels
field-name = Nom
field-slug = Identifiant d’adresse
field-kind = Type
field-city = Ville
field-country = Pays
field-website = Site web
field-languages = Langues
field-themes = Thèmes
field-lang = Langue de la description
field-description = Description
field-translation = Traduction
field-role = Fonction ou titre
field-organisation = Organisation
field-email = Adresse e-mail
field-password = Mot de passe
field-password_confirm = Répétez le mot de passe
field-current_password = Mot de passe actuel
field-token-name = Nom du jeton
field-code = Code pays
field-name_de = Nom allemand
field-name_fr = Nom français
field-name_en = Nom anglais
field-lat = Latitude
field-lon = Longitude

## Field errors (each names the field)
error-required = { $field } : ce champ est obligatoire.
error-too-long = { $field } : { $max } caractères au maximum.
error-too-short = { $field } : au moins { $min } caractères.
error-slug = { $field } : utilisez uniquement des lettres minuscules, des chiffres et des traits d’union simples, ni au début ni à la fin.
error-email = { $field } : saisissez une adresse e-mail comme nom@example.org.
error-url = { $field } : saisissez une adresse web commençant par https:// ou http://.
error-choice = { $field } : choisissez l’une des valeurs proposées.
error-language = { $field } : « { $value } » n’est pas un code de langue connu.
error-country-code = { $field } : utilisez le code ISO à deux lettres, par exemple LU, FR ou DE.
error-control-char = { $field } : contient des caractères de contrôle invisibles.
error-number = { $field } : saisissez un nombre.
error-range = { $field } : doit être compris entre -{ $max } et { $max }.
error-password-mismatch = { $field } : les deux mots de passe ne sont pas identiques.
error-password-wrong = { $field } : ce n’est pas votre mot de passe actuel.
error-editor-needs-organisation = { $field } : un compte avec le rôle Rédaction doit être rattaché à l’organisation qu’il modifie.
error-taken = { $field } : déjà utilisé par une autre entrée.
error-unknown-city = { $field } : cette ville ne figure pas dans l’annuaire.
error-unknown-country = { $field } : ce pays ne figure pas dans l’annuaire.
error-unknown-organisation = { $field } : cette organisation ne figure pas dans l’annuaire.
error-unknown-theme = { $field } : « { $value } » ne fait pas partie de la liste des thèmes.
error-invisible = { $field } : uniquement des caractères visibles sur une seule ligne, sans retour à la ligne ni caractère invisible.
error-term-taken = { $field } : « { $value } » désigne déjà l’entrée « { $other } ».
error-login-failed = { $field } : l’adresse e-mail ou le mot de passe est incorrect.
error-login-rate-limited = { $field } : trop de tentatives échouées. Veuillez patienter une minute, puis réessayer.
error-account-exists = { $field } : un compte existe déjà avec cette adresse.
error-own-role = { $field } : vous ne pouvez pas vous retirer à vous-même le rôle d’administration.
error-translation-original = { $field } : il s’agit de la langue d’origine ; modifiez plutôt l’organisation.
error-api-json-required = Envoyez le corps de la requête en JSON avec « Content-Type: application/json ».
error-api-json-malformed = Le corps de la requête n’est pas un JSON valide : { $detail }
error-api-query = Un paramètre de l’adresse n’a pas la bonne forme : { $detail }
error-api-json-shape = Le JSON n’a pas la structure attendue : { $detail }

error-import-json = { $field } : cette ligne n’est pas un objet JSON ({ $detail }).
error-import-csv = { $field } : cette ligne est illisible ({ $detail }).
error-import-column = { $field } : le fichier n’a pas de colonne de ce nom.
error-import-city-country = { $field } : cette ville se trouve en { $value }, pas dans le pays indiqué.
error-import-duplicate = { $field } : identique à la ligne { $line }.
field-line = Ligne
field-fields = Champs
field-translations = Traductions
field-step = Étape

## Error pages
error-back-home = Retour à la page d’accueil
error-page-not-found-title = Page introuvable
error-page-not-found = Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée ou supprimée.
error-page-invalid-title = Saisie non valide
error-page-invalid = La requête contenait des valeurs non valides.
error-page-forbidden-title = Action non autorisée
error-page-forbidden = Votre compte n’a pas l’autorisation d’effectuer cette action.
error-page-unauthorized-title = Veuillez vous connecter
error-page-unauthorized = Cette page est réservée aux membres. Veuillez vous connecter pour y accéder.
error-page-too-many-requests-title = Trop de tentatives
error-page-too-many-requests = Trop de tentatives. Veuillez patienter une minute.
error-page-busy-title = Occupé pour l’instant
error-page-busy = Une autre modification (par exemple une importation volumineuse) est en cours d’écriture dans le catalogue. Votre modification n’a pas été enregistrée. Veuillez réessayer dans une demi-minute.
error-page-conflict-title = Impossible pour le moment
error-page-conflict = La demande est en conflit avec les données enregistrées.
error-city-has-organisations = Des organisations, pratiques ou offres d’immersion se trouvent encore dans cette ville. Déplacez-les ou supprimez-les d’abord.
error-country-has-cities = Ce pays compte encore des villes. Supprimez-les d’abord.
error-page-internal-title = Une erreur s’est produite
error-page-internal = Une erreur s’est produite de notre côté. Veuillez réessayer plus tard.
error-page-payload-too-large-title = Trop volumineux
error-page-payload-too-large = La requête dépasse ce que cette adresse accepte. Formulaires et appels à l’API : 2 Mo au plus ; fichiers : la limite des envois ; formulaires de connexion : moins.
error-api-csrf = Refusé : un appel avec le cookie de session doit venir des pages de ce site (en JSON ou avec l’en-tête X-CSRF-Token), sinon utilisez une clé d’API personnelle.
error-owners-staff-only = { $field } : seule la coordination ajoute ou retire d’autres organisations propriétaires (les propriétaires modifient la pratique et lisent ses brouillons) ; votre organisation reste propriétaire.
error-move-organisation = { $field } : seule la coordination déplace une organisation dans une autre ville (la ville décide qui peut évaluer ses pratiques).
error-page-csrf-title = Formulaire expiré
error-page-csrf = Le formulaire n’a pas pu être accepté, car son jeton de sécurité est absent ou a expiré. Revenez en arrière, rechargez la page et envoyez à nouveau le formulaire.

## Practices
nav-practices = Bonnes pratiques
practices-title = Bonnes pratiques
practices-intro = Ce que font les villes et les associations du réseau, comment cela fonctionne et si cela a marché – dans votre langue lorsqu’une traduction existe.
practices-feed = Flux Atom des nouvelles pratiques
practices-new = Nouvelle pratique
count-practices = { $count ->
    [one] { $count } pratique
   *[other] { $count } pratiques
}
filter-lang = Langue d’origine
filter-target_group = Public cible
sort-label = Ordre
sort-newest = Les plus récentes d’abord
sort-title = Par titre
filter-status = Statut
practice-status-draft = Brouillon
practice-status-submitted = Soumise à relecture
practice-status-in_review = En relecture
practice-status-changes_requested = Modifications demandées
practice-status-published = Publiée
practice-status-archived = Archivée
practice-step-submit = Soumettre à relecture
practice-step-start_review = Relecture commencée
practice-step-request_changes = Demander des modifications
practice-step-recommend = Recommander la publication
practice-step-publish = Publier
practice-step-archive = Archiver
practice-step-republish = Publier à nouveau
lang-notice-machine = Ce texte a été traduit automatiquement et n’a pas encore été vérifié par une personne.
lang-original-link = Lire l’original ({ $lang })
lang-notice-outdated = L’original a été modifié depuis cette traduction.
practice-period = Période
practice-period-since = depuis { $start }
practice-period-until = jusqu’en { $end }
practice-period-ongoing = en cours
practice-others = Autres pratiques de ces organisations
practice-similar = Pratiques semblables, dans toutes les langues
practice-opinion = Relecture par les pairs
practice-workflow = Relecture et publication
practice-status = Statut
practice-revisions = Versions
practice-take-review = Relire cette pratique
practice-assign-review = Confier la relecture
practice-opinion-public = L’avis peut être publié avec la pratique
practice-history = Historique
practice-translate-title = Traduire « { $title } »
practice-edit-title = Modifier « { $title } »
practice-conflict-title = Quelqu’un a enregistré cette pratique pendant que vous la modifiiez
practice-conflict-intro = Rien n’est perdu. Comparez les deux versions ci-dessous, reportez dans le formulaire ce que vous voulez garder, puis enregistrez à nouveau.
practice-conflict-caption = La version enregistrée et la vôtre, champ par champ
practice-conflict-field = Champ
practice-conflict-theirs = Version enregistrée
practice-conflict-mine = Votre version
practice-version = Version
practice-saved-at = Enregistrée
practice-changed-fields = Champs modifiés
field-title = Titre
field-summary = Résumé
field-context = Contexte et problème
field-approach = Démarche
field-results = Résultats et preuves
field-evaluation = Évaluation
field-resources = Moyens et financement
field-transferability = Transférabilité
field-organisations = Organisations
field-contacts = Personnes de contact
field-target_groups = Publics cibles
field-links = Liens
field-source = Source
field-ref = Référence
field-period_start = Début
field-period_end = Fin
field-ongoing = Toujours en cours
field-opinion = Avis
field-reviewer = Adresse e-mail de la personne qui relit
hint-summary = Deux à quatre phrases : ce que c’est, pour qui, et ce que cela apporte.
hint-context = Quelle situation ou quel problème en est à l’origine ?
hint-approach = Comment cela fonctionne-t-il, étape par étape ?
hint-results = Qu’est-ce qui a changé ? Y compris du point de vue des personnes concernées.
hint-evaluation = Ce qui a marché, ce qui n’a pas marché ; ce qu’il faut faire et éviter.
hint-resources = Personnel, locaux, partenaires et financement nécessaires.
hint-transferability = De quoi une autre ville aurait-elle besoin pour la reprendre ?
hint-links = Une adresse web par ligne.
error-sentences = { $field } : écrivez deux à quatre phrases (il y en a { $count }).
error-date = { $field } : indiquez une année, un mois ou un jour, par exemple 2008, 2008-05 ou 2008-05-13.
error-period-order = { $field } : la fin précède le début.
error-period-ongoing = { $field } : une pratique toujours en cours n’a pas de fin.
error-too-many = { $field } : au plus { $max } entrées.
error-ref = { $field } : sans espaces ni caractères invisibles.
error-unknown-value = { $field } : « { $value } » ne figure pas dans l’annuaire.
error-not-your-organisation = { $field } : indiquez une organisation pour laquelle vous écrivez.
error-unknown-account = { $field } : aucun compte n’a cette adresse.
error-reviewer-same-city = { $field } : la relecture est confiée à une personne d’une autre ville et d’une autre organisation que la pratique.
error-practice-changed = Quelqu’un a enregistré cette pratique entre-temps.
error-step-not-possible = Cette étape n’est plus possible : la pratique a déjà avancé.

import-title = Importer des pratiques
import-intro = Téléversez un fichier JSON Lines ou CSV. Le fichier entier est d’abord vérifié ; si une ligne est incorrecte, rien n’est enregistré et chaque problème est listé.
import-file = Fichier (.jsonl ou .csv)
import-file-hint = Champs comme dans le README : au moins title, lang, city, country et summary.
import-dry-run = Vérifier seulement, ne rien enregistrer
import-publish = Publier tout de suite les nouvelles pratiques
import-button = Importer
import-written = Le fichier a été importé.
import-checked = Le fichier est correct (rien n’est encore enregistré).
import-counts-new = Nouvelles : { $count }.
import-counts-updated = Mises à jour : { $count }.
import-counts-cities = Nouvelles villes : { $count }.
import-problems = { $count ->
    [one] { $count } problème trouvé
   *[other] { $count } problèmes trouvés
}
import-nothing-written = Rien n’a été enregistré. Corrigez le fichier et téléversez-le à nouveau.
warning-sentences = { $field } : { $count ->
    [one] { $count } phrase
   *[other] { $count } phrases
}, là où le formulaire en demande deux à quatre ; repris tel quel.
import-warnings = { $count ->
    [one] { $count } remarque : la pratique est importée telle quelle
   *[other] { $count } remarques : les pratiques sont importées telles quelles
}
import-warnings-caption = Remarques par ligne
import-listed = Les { $count } premiers sont listés.
import-problems-caption = Problèmes par ligne
import-problem = Problème
import-choose-file = Fichier : choisissez un fichier .jsonl ou .csv non vide.
import-not-utf8 = Fichier : le fichier doit être du texte UTF-8.
export-label = Télécharger toutes les pratiques que vous pouvez voir :

practice-attachments = Pièces jointes
attachment-upload = Joindre le fichier
attachment-delete = Retirer { $name }
field-file = Fichier
hint-file = PDF, images (PNG, JPEG, WebP), documents OpenDocument ou Office, texte brut ; 20 Mo au plus.
size-kb = { $size } Ko
error-file-empty = { $field } : choisissez un fichier qui n’est pas vide.
error-file-type = { $field } : ce type de fichier ({ $value }) n’est pas accepté. Sont acceptés : PDF, PNG, JPEG, WebP, OpenDocument, documents Office, texte brut.
error-file-too-large = { $field } : { $max } Mo au plus.
mime-application-pdf = PDF
mime-image-png = image PNG
mime-image-jpeg = image JPEG
mime-image-webp = image WebP
mime-application-vnd-oasis-opendocument-text = texte OpenDocument
mime-application-vnd-oasis-opendocument-spreadsheet = tableur OpenDocument
mime-application-vnd-oasis-opendocument-presentation = présentation OpenDocument
mime-application-vnd-openxmlformats-officedocument-wordprocessingml-document = document Word
mime-application-vnd-openxmlformats-officedocument-spreadsheetml-sheet = tableur Excel
mime-application-vnd-openxmlformats-officedocument-presentationml-presentation = présentation PowerPoint
mime-text-plain = texte
mime-text-csv = tableau CSV

machine-intro = Une machine peut proposer une traduction des champs manquants ou obsolètes ; ses propositions restent signalées jusqu’à ce qu’une personne les enregistre.
machine-button = Demander une traduction automatique
notice-machine-drafts = { $count ->
    [one] { $count } champ a été traduit automatiquement.
   *[other] { $count } champs ont été traduits automatiquement.
}
error-machine-failed = Le service de traduction automatique n’a pas répondu correctement. Rien n’a été modifié.
error-machine-timeout = Le service de traduction automatique a mis trop de temps. Rien n’a été modifié.

themes-title = Thèmes
themes-intro = Les thèmes sous lesquels sont classées les pratiques et les organisations, avec leur nom dans chaque langue.
themes-caption = La taxonomie des thèmes
themes-add = Ajouter ou renommer un thème
themes-add-intro = Une clé existante renomme ce thème.
field-target_group_note = Autres publics
hint-target-group-note = Publics absents de la liste, dans la langue de la pratique, séparés par des points-virgules.
target-groups-title = Publics cibles
target-groups-intro = Les publics auxquels s’adressent les pratiques, avec leur nom dans chaque langue. Un texte importé qui nomme un public ou l’un de ses autres noms y est rattaché ; le reste est conservé comme note sur la pratique.
target-groups-caption = La taxonomie des publics cibles
target-groups-add = Ajouter ou renommer un public cible
target-groups-add-intro = Indiquez une clé existante pour renommer ce public.
field-synonyms = Autres noms
hint-synonyms = Dans n’importe quelle langue, séparés par des points-virgules. Un texte importé qui correspond à l’un d’eux (ou à un nom ci-dessus) est rattaché à cette entrée.
field-key = Clé
field-label_de = Nom allemand
field-label_fr = Nom français
field-label_en = Nom anglais

revisions-compare = Comparer deux versions
revisions-from = Version la plus ancienne
revisions-to = Version la plus récente
revisions-compare-button = Comparer
revisions-between = Différences entre la version { $from } et la version
revisions-same = Ces deux versions sont identiques.
revisions-removed = supprimé :
revisions-added = ajouté :
revisions-unchanged = { $count ->
    [one] … { $count } paragraphe inchangé …
   *[other] … { $count } paragraphes inchangés …
}

## Languages
language-de = allemand
language-fr = français
language-en = anglais
language-lb = luxembourgeois
language-pt = portugais
language-it = italien
language-es = espagnol
language-nl = néerlandais
language-pl = polonais
language-ro = roumain
language-ru = russe
language-tr = turc
language-ar = arabe
language-fa = persan
language-uk = ukrainien
language-sq = albanais
language-sr = serbe
language-hr = croate
language-bs = bosnien
language-ku = kurde
language-ti = tigrigna
language-so = somali

## E-mail
mail-practice-subject = Passerelle : « { $title } » – { $step }
mail-practice-body = Bonjour,

    la bonne pratique « { $title } » a avancé : { $step }. Son statut est maintenant : { $status }.

    { $link }
mail-invitation-subject = Votre invitation à Passerelle
mail-invitation-body = Bonjour,

    Vous avez reçu une invitation à rejoindre Passerelle, l’espace de travail du réseau QuattroPole consacré à la migration, à la participation et à la citoyenneté.

    Ouvrez ce lien dans un délai de 7 jours pour choisir votre mot de passe :
    { $link }

    Si vous n’attendiez pas cette invitation, vous pouvez simplement ignorer ce message.

## Search and glossary
nav-search = Recherche
nav-glossary = Glossaire
search-title = Recherche
search-title-for = Recherche : { $q }
search-hint = Dans toutes les langues : une recherche en français trouve aussi les textes allemands, anglais et luxembourgeois.
search-total = { $count ->
    [one] { $count } résultat
   *[other] { $count } résultats
}
search-did-you-mean = Aucun résultat. Vouliez-vous dire :
search-expanded = Recherche étendue aux termes du glossaire :
search-facets-label = Affiner les résultats
search-facet-type = Type
search-facet-city = Ville
search-facet-country = Pays
search-facet-theme = Thème
search-facet-in = Disponible en
search-type-practice = Bonne pratique
search-type-organisation = Organisation
search-type-report = Rapport d’apprentissage
search-type-placement = Stage d'observation
search-type-person = Personne
search-badge-original = Original en { $lang }
search-badge-in = En { $lang }
glossary-title = Glossaire
glossary-intro = Le vocabulaire de notre domaine en allemand, français, anglais et luxembourgeois. La recherche s’en sert pour trouver des textes écrits dans une autre langue.
glossary-new = Nouveau concept
glossary-edit-title = Modifier le concept { $key }
glossary-langs-label = Langue des termes
glossary-letters-label = Première lettre
glossary-letter = Termes commençant par { $letter }
glossary-count = { $count ->
    [one] { $count } terme
   *[other] { $count } termes
}
glossary-download = Télécharger tout le glossaire :
glossary-domain = Domaine
glossary-preferred = Terme privilégié
glossary-alternatives = Aussi
glossary-definition = Définition
glossary-related = Concepts liés
glossary-back = Retour au glossaire
glossary-terms-hint = Un terme par ligne ; le premier est le terme privilégié.
glossary-in-text = Termes du glossaire dans ce texte
glossary-in-text-more = Page du concept
glossary-in-text-hint = Les termes du glossaire présents dans cette pratique, avec leurs équivalents dans les autres langues.
filter-domain = Domaine
field-domain = Domaine
field-terms_de = Termes allemands
field-terms_fr = Termes français
field-terms_en = Termes anglais
field-terms_lb = Termes luxembourgeois
field-definition_de = Définition allemande
field-definition_fr = Définition française
field-definition_en = Définition anglaise
field-definition_lb = Définition luxembourgeoise
field-related = Concepts liés (clés séparées par des virgules)
field-q = Recherche
field-limit = Taille de page
field-offset = Décalage
error-term-too-long = { $field } : chaque terme au plus { $max } caractères.
error-related-key = { $field } : « { $value } » n’est pas une clé de concept (minuscules, chiffres et traits d’union).
error-related-self = { $field } : un concept ne peut pas être lié à lui-même.
error-unknown-concept = { $field } : le glossaire ne contient pas de concept « { $value } ».
error-import-turtle = { $field } : le Turtle est illisible ({ $detail }).
error-range-limit = { $field } : doit être entre 0 et { $max }.
glossary-domain-migration-asylum = Migration et asile
glossary-domain-integration-participation = Intégration et participation
glossary-domain-language-education = Langue et éducation
glossary-domain-employment-qualification = Emploi et qualification
glossary-domain-housing-neighbourhood = Logement et quartier
glossary-domain-health = Santé
glossary-domain-social-services = Services sociaux
glossary-domain-administration-local-government = Administration et collectivités
glossary-domain-cross-border = Vie transfrontalière

# Offres d'accueil (programme d'échanges)
field-windows = Périodes possibles
field-capacity = Visiteurs par période
field-length_days = Durée d'un séjour en jours
field-practical = Informations pratiques
field-accessibility = Accessibilité
field-practices = Pratiques liées
field-contact = Personne de contact
error-number-range = { $field } : indiquez un nombre entier de { $min } à { $max }.
error-window-date = { $field } : la période { $window } doit avoir un premier et un dernier jour écrits comme 2027-05-03.
error-window-order = { $field } : la période { $window } se termine avant de commencer.
error-window-too-short = { $field } : la période { $window } est plus courte qu'un séjour ({ $days } jours).
error-window-overlap = { $field } : la période { $window } chevauche une autre période.
field-status = Statut
error-day = { $field } : indiquez un jour sous la forme 2027-05-03.
field-from = Possible à partir du
field-to = Possible jusqu’au
nav-placements = Stages d'observation
placements-title = Visites et stages d'observation
placements-intro = Des organisations d'accueil proposent des visites et des stages d'observation. Choisissez un thème, un lieu, une langue ou les dates qui vous conviennent.
placements-calendar = Calendrier des périodes possibles (iCalendar)
placements-new = Proposer un accueil
placements-count = { $count ->
    [one] { $count } offre
   *[other] { $count } offres
}
placement-period = du { $start } au { $end }
placement-status-open = Ouvert aux demandes
placement-status-closed = Fermé
placement-host = Organisation d'accueil
placement-what = Ce que la personne accueillie verra et fera
placement-edit = Modifier l'offre
placement-windows-hint = Les périodes où un séjour est possible, chacune avec un premier et un dernier jour. Laissez vides les lignes inutiles.
placement-window-start = Période { $n } : premier jour
placement-window-end = Période { $n } : dernier jour
placement-practical-hint = Comment venir en passant la frontière, ce qui est pris en charge (trajet, repas, hébergement) et ce qui ne l'est pas.
placement-feed-entry = { $days ->
    [one] Période possible pour un séjour de { $days } jour.
   *[other] Période possible pour un séjour de { $days } jours.
}

## Visits: requests, lifecycle, checklist, reports
nav-visits = Mes visites
visits-title = Mes visites
visits-intro = Vos demandes de visite auprès d’autres organisations et les visites que votre organisation accueille. Chaque page de visite montre où elle en est et ce que vous pouvez faire ensuite.
visits-new-open = Faire une demande ouverte
visits-find-placement = Trouver un stage d’observation
visits-count = { $count ->
    [one] { $count } visite
   *[other] { $count } visites
}
visits-as-visitor = Comme visiteur
visits-as-host = Comme hôte
visits-none = Aucune pour l’instant.
visit-visitor-from = Visiteur de { $organisation }
visits-calendar-title = Votre agenda
visits-calendar-intro = Une adresse privée permet à votre logiciel d’agenda d’afficher vos visites programmées, comme hôte et comme visiteur. Gardez-la pour vous : quiconque la connaît peut lire l’agenda.
visits-calendar-address = Adresse privée de l’agenda
visits-calendar-reset = Créer une nouvelle adresse (l’ancienne cesse de fonctionner)
visits-calendar-once = Cette adresse n’est affichée que maintenant : copiez-la dans votre agenda. Passerelle n’en garde qu’une empreinte.
visits-calendar-made = Vous avez créé votre adresse privée le { $date }. Elle n’est affichée qu’à sa création : si vous en avez de nouveau besoin, créez-en une nouvelle (l’ancienne cesse alors de fonctionner).
visits-calendar-make = Créer mon adresse d’agenda privée
visits-calendar-name = Visites Passerelle
visit-request-title = Demander une visite
visit-request-for = Votre demande pour :
visit-request-open-intro = Pas trouvé le bon stage ? Dites ce que vous voulez apprendre, quand et où ; la plateforme propose les stages qui conviennent, et les hôtes voient votre demande.
visit-request-send = Envoyer la demande
visit-possible-dates = Vos dates possibles
visit-possible-dates-hint = Le premier et le dernier jour où vous pourriez venir. Le séjour lui-même peut être plus court.
visit-requested-dates = Dates possibles de la visite
visit-goal-hint = Ce que vous voulez apprendre et pourquoi c’est important pour votre travail. L’hôte le lit en premier.
visit-open-request = Demande ouverte
visit-status = État
visit-visitor = Visiteur
visit-days = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
visit-window = Période réservée
visit-days-fixed = Dates de la visite
visit-times = de { $start } à { $end }
visit-languages-spoken = Langues parlées
visit-suggestions-title = Stages qui correspondent à votre demande
visit-suggestions-intro = Classés selon leur adéquation, avec les raisons. Choisissez-en un pour envoyer votre demande à son hôte.
visit-fit-points = adéquation { $points } points
visit-choose = Demander ce stage
visit-answer-title = Répondre à la demande
visit-accept = Accepter
visit-decline = Refuser la demande
visit-checklist-title = Accords préalables
visit-checklist-intro = Les deux parties confirment chaque point avant que la visite soit programmée.
visit-checklist-item = Point
visit-confirmed = Confirmé
visit-not-confirmed = Pas encore
visit-checklist-mine = Ce que votre partie confirme
visit-checklist-confirm = Enregistrer les confirmations
visit-schedule-title = Programmer la visite
visit-schedule-intro = Fixez les jours dans la période réservée, le lieu de rendez-vous et le programme. Les deux parties sont notifiées, et la visite apparaît dans leurs abonnements d’agenda.
visit-schedule = Programmer
visit-after-title = Après la visite
visit-complete = La visite a eu lieu
visit-report-write = Rédiger le rapport d’apprentissage
visit-report-edit = Modifier le rapport d’apprentissage
visit-report-title = Rapport d’apprentissage
visit-report-intro = Qu’avez-vous vu, qu’est-ce qui a fonctionné, et que voulez-vous rapporter chez vous ? Les membres du réseau lisent les rapports ; vous pouvez aussi publier le vôtre pour tous.
visit-outcome-hint = Quelque temps après la visite : qu’en est-il advenu ?
visit-report-publish = Publier ce rapport pour tous (sinon réservé aux membres)
visit-cancel-title = Annuler la visite
visit-cancel = Annuler la visite
visit-cancel-intro = Une annulation est définitive : les deux parties en sont informées, avec votre motif, et la visite disparaît de leurs agendas. Une nouvelle visite demande une nouvelle demande.
visit-timeline-title = Historique
visit-status-open = Demande ouverte
visit-status-requested = Demandée
visit-status-accepted = Acceptée
visit-status-declined = Refusée
visit-status-scheduled = Programmée
visit-status-done = Effectuée
visit-status-reported = Rapport rédigé
visit-status-cancelled = Annulée
visit-step-request = demande envoyée
visit-step-accept = acceptée
visit-step-decline = refusée
visit-step-schedule = programmée
visit-step-complete = effectuée
visit-step-report = rapport d’apprentissage rédigé
visit-step-cancel = annulée
visit-event-open = Demande ouverte faite
visit-event-request = Demande envoyée
visit-event-accept = Acceptée
visit-event-decline = Refusée
visit-event-schedule = Programmée
visit-event-complete = A eu lieu
visit-event-report = Rapport d’apprentissage rédigé
visit-event-cancel = Annulée
visit-done-requested = Votre demande a été envoyée.
visit-done-accept = La demande est acceptée ; une place est réservée au visiteur.
visit-done-decline = La demande est refusée.
visit-done-complete = La visite est enregistrée comme effectuée.
visit-done-cancel = La visite est annulée.
visit-done-schedule = La visite est programmée ; les deux parties sont notifiées, et elle apparaît dans leurs abonnements d’agenda.
visit-done-report = Le rapport d’apprentissage est enregistré.
visit-done-checklist = Vos confirmations sont enregistrées.
visit-done-host-view = Le point de vue de l’hôte est enregistré.
visit-done-calendar = Votre agenda a une nouvelle adresse.
visit-calendar-summary = Visite : { $title } ({ $host }, visiteur de { $visitor })
intention-none = Pas de projet
intention-consider = À l’étude
intention-pilot = En test
intention-adopt = Adopté
reason-themes = Thèmes communs : { $themes }
reason-language = Une langue commune : { $languages }
reason-city = Dans une ville que vous préférez
reason-cross-border = Par-delà une frontière
reason-few-visits = { $visits ->
    [0] Un hôte qui n’a encore reçu aucune visite
    [one] Un hôte qui n’a reçu que { $visits } visite
   *[other] Un hôte qui n’a reçu que { $visits } visites
}
reason-preference = Votre choix numéro { $rank }
reason-dates = Possible { $period }
reports-title = Rapports d’apprentissage
reports-intro = Ce que les visiteurs ont appris lors de leurs visites, et ce qu’ils comptent en faire.
reports-count = { $count ->
    [one] { $count } rapport
   *[other] { $count } rapports
}
report-published = Publié
report-members-only = Réservé aux membres
report-to-visit = Aller à la visite
checklist-settings-title = Accords préalables
checklist-settings-intro = Les points que les deux parties de chaque visite confirment avant qu’elle soit programmée. Un point qui n’est plus demandé reste sur les visites qui l’ont confirmé.
checklist-change = Modifier
checklist-active = Demandé
checklist-inactive = N’est plus demandé
checklist-activate = Le demander de nouveau
checklist-deactivate = Ne plus le demander
checklist-add-title = Ajouter un point
checklist-add-hint = Écrivez le point dans autant de langues que possible ; chacun lit la sienne, ou une autre.
checklist-item-employer = L’employeur du visiteur approuve la visite.
checklist-item-confidentiality = Le visiteur garde confidentiel ce qu’il apprend sur des cas individuels.
checklist-item-data-protection = Les données personnelles que le visiteur peut voir sont protégées (information sur la protection des données donnée).
checklist-item-insurance = Le visiteur est assuré pour la visite (accident et responsabilité civile).
placement-request = Demander une visite
placement-request-login = Connectez-vous pour demander une visite.
placement-requests-title = Demandes pour ce stage
placement-suggested-title = Demandes ouvertes qui conviendraient
placement-suggested-intro = Des membres qui n’ont pas encore choisi de stage et dont les souhaits correspondent à celui-ci. Écrivez-leur.
field-start = Premier jour
field-end = Dernier jour
field-start_time = Heure de rendez-vous le premier jour
field-end_time = Heure de fin le dernier jour
field-meeting_point = Lieu de rendez-vous
field-agenda = Programme
field-goal = Ce que vous voulez apprendre
field-cities = Villes préférées
field-placement = Stage
field-placements = Stages concernés par l’appel
field-message = Message
field-step_message = Message au visiteur (facultatif)
field-cancel_message = Motif de l’annulation
field-checklist = Accords préalables
field-saw = Ce que j’ai vu
field-worked = Ce qui a fonctionné
field-take_home = Ce que je veux rapporter chez moi
field-intention = Ce que je compte en faire
field-outcome = Ce qu’il en est advenu
field-host_view = Le point de vue de l’hôte
field-text_de = Texte en allemand
field-text_fr = Texte en français
field-text_en = Texte en anglais
error-day-past = { $field } : ce jour est passé.
error-day-order = { $field } : le dernier jour est avant le premier.
error-span-too-long = { $field } : au plus { $days } jours à partir du premier jour.
error-visit-own-organisation = { $field } : c’est un stage de votre propre organisation ; demandez à un autre hôte.
error-visit-longer-than-windows = { $field } : un séjour ici dure { $days } jours, plus que chaque période du stage.
error-visit-no-window-in-dates = { $field } : vos dates ne contiennent pas { $days } jours dans une période du stage.
error-visit-dates-too-short = { $field } : vos dates doivent contenir les { $days } jours du séjour.
error-visit-outside-window = { $field } : la visite doit se situer dans la période réservée, du { $start } au { $end }.
error-visit-too-long = { $field } : la visite est plus longue que les { $days } jours du stage.
error-time = { $field } : indiquez une heure comme 09:30.
error-time-order = { $field } : la fin est avant le début.
error-checklist-incomplete = { $field } : les deux parties doivent d’abord confirmer chaque point.
error-placement-closed = { $field } : ce stage n’accepte pas de demandes en ce moment.
error-visit-step-not-possible = Cette étape n’est plus possible : la visite a déjà avancé.
error-window-full = Toutes les périodes qui conviennent à cette visite sont complètes ; aucun autre visiteur ne peut être accepté.
error-visit-not-started = La visite n’a pas encore commencé.
mail-visit-subject = Visite « { $title } » : { $step }
mail-visit-body = Bonjour,

    la visite « { $title } » ({ $host }) a avancé : { $step }. Elle en est maintenant à : { $status }.

    { $message }

    Voir la visite et la suite :
    { $link }

    Passerelle
mail-follow-up-subject = Qu’est-il advenu de votre visite « { $title } » ?
mail-follow-up-body = Bonjour,

    il y a trois mois, vous avez rédigé un rapport d’apprentissage sur votre visite « { $title } ». Qu’en est-il advenu ? Avez-vous testé ou adopté quelque chose ? Votre réponse aide les autres membres du réseau.

    Complétez votre rapport :
    { $link }

    Passerelle

## Calls for exchanges
calls-title = Appels à échanges
calls-intro = La coordination ouvre un appel sur plusieurs stages. Jusqu’à la date limite, les membres envoient chacun une demande en classant jusqu’à cinq stages, avec leurs dates possibles. Ensuite les places sont réparties équitablement entre les villes, et chacun est informé.
calls-new = Ouvrir un appel
calls-open = Ouvrir l’appel
calls-none = Pas encore d’appel.
calls-link = Appels à échanges
call-deadline-on = Demandes jusqu’au { $day }
call-counts = { $placements } stages, { $requests } demandes
call-status-open = Ouvert
call-status-closed = Demandes closes, répartition à venir
call-status-proposed = Répartition proposée
call-status-published = Répartition publiée
call-review = Répartition
call-close-now = Clore l’appel maintenant
call-placements = Stages de cet appel
call-granted = Vous avez une place.
call-to-visit = Aller à votre visite
call-not-granted = Cette fois, il n’y a pas eu de place pour votre demande.
call-request-title = Votre demande
call-request-change = Modifier votre demande
call-request-intro = Classez jusqu’à cinq stages, le préféré en premier, et indiquez les jours où vous pourriez venir. Vous pouvez modifier votre demande jusqu’à la date limite.
call-choice = Choix { $n }
call-no-choice = (aucun)
call-request-send = Envoyer la demande
call-login = Connectez-vous pour envoyer une demande.
call-review-intro = La répartition attribue autant de places que possible, jamais au-delà de la capacité d’une période et seulement dans les dates des demandeurs ; parmi ces répartitions, elle maximise l’adéquation totale (rang du choix, thèmes et langue communs, visites par-delà une frontière, hôtes ayant reçu peu de visites) tout en gardant proches les parts des villes dans les places attribuées. Vous pouvez la modifier à la main, puis la publier.
call-run = Calculer la répartition
call-run-again = Recalculer la répartition (les modifications à la main sont perdues)
call-shares = Part des demandes retenues par ville
call-requested = Demandes
call-granted-count = Retenues
call-rate = Taux
call-requests = Demandes
call-placed = Place
call-by-hand = à la main
call-not-placed = Sans place
call-change-place = Place
call-no-place = Sans place
call-publish-intro = La publication transforme chaque demande retenue en visite acceptée et informe tous les demandeurs et les hôtes.
call-publish = Publier la répartition
call-publish-ask = Publier l’attribution…
call-confirm-publish = Publier l’attribution de « { $title } » ?
call-confirm-publish-body = { $count ->
    [one] { $granted } demande sur { $count } obtient une place et devient une visite acceptée.
   *[other] { $granted } demandes sur { $count } obtiennent une place et deviennent des visites acceptées.
}
call-confirm-publish-after = Les autres apprennent qu’il n’y a pas de place cette fois. Chaque demandeur et chaque accueillant est informé, et l’attribution ne peut plus être modifiée ensuite.
call-summary = { $granted } demandes sur { $requests } ont une place ; adéquation totale { $fit } points.
call-no-city = Sans ville
call-why-own = la propre organisation du demandeur
call-why-longer = un séjour y est plus long que chaque période
call-why-dates = aucune période dans les dates du demandeur
call-why-taken = les places sont allées à d’autres demandes
call-done-requested = Votre demande est enregistrée.
call-done-closed = L’appel est clos ; la répartition peut être calculée.
call-done-allocated = La répartition est proposée.
call-done-assigned = La modification est enregistrée.
call-done-published = La répartition est publiée ; chacun a été informé.
field-deadline = Date limite des demandes
field-preferences = Vos choix
field-choice = Place
error-preference-twice = { $field } : { $value } est choisi deux fois.
error-preference-own = { $field } : « { $value } » est un stage de votre propre organisation.
error-preference-not-in-call = { $field } : { $value } n’est pas un stage de cet appel.
error-placement-closed-named = { $field } : { $value } n’accepte pas de demandes en ce moment.
error-call-not-open = Cet appel n’accepte plus de demandes.
error-import-file-changed = Le fichier a changé pendant l’import ; rien n’a été enregistré. Veuillez l’importer à nouveau.
error-import-data-changed = Quelqu’un a modifié entre-temps un élément dont dépend l’import ; rien n’a été enregistré. Veuillez importer à nouveau.
error-call-not-allocatable = La répartition ne peut pas être modifiée maintenant : l’appel est encore ouvert, ou déjà publié.
error-choice-not-possible = { $field } : cette demande ne peut pas avoir de place là.
mail-call-not-granted-subject = Appel « { $title } » : pas de place cette fois
mail-call-not-granted-body = Bonjour,

    les places de l’appel « { $title } » ont été réparties. Cette fois, il n’y a pas eu de place pour votre demande ; d’autres stages acceptent peut-être encore des demandes directement.

    { $link }

    Passerelle

## Exchange matrix
matrix-link = Matrice des échanges
matrix-title = Matrice des échanges transfrontaliers
matrix-intro = Les visites entre les villes du réseau : de la ville du visiteur (lignes) vers la ville de l’hôte (colonnes). Chaque case donne les visites effectuées, puis celles prévues (acceptées ou programmées).
matrix-totals = { $done } visites effectuées, { $planned } prévues.
matrix-none = Pas encore de visite.
matrix-desc = Une grille des villes : chaque case montre les visites effectuées et prévues de la ville de sa ligne vers la ville de sa colonne. Le tableau ci-dessous donne les mêmes chiffres.
matrix-legend = Dans chaque case : visites effectuées · visites prévues. Les cases plus foncées ont plus de visites.
matrix-table-caption = Visites de la ville du visiteur (lignes) vers la ville de l’hôte (colonnes)
matrix-from-to = De ↓ / vers →
matrix-done = { $count } effectuées
matrix-planned = { $count } prévues
matrix-cell = De { $from } vers { $to } : { $done } effectuées, { $planned } prévues

placement-translations = Versions linguistiques
placement-translate = Traduire le stage
placement-translate-intro = Écrivez les textes du stage dans une autre langue. L’original est en { $lang } ; s’il change, les traductions sont marquées comme périmées.
placement-translate-original = Les textes originaux

error-placement-translation-original = { $field } : c’est la langue de l’original ; modifiez plutôt le stage.
visits-others = Autres visites du réseau (comme coordination)
error-visit-dates-passed = Les jours de cette demande sont tous passés ; faites-en une nouvelle.
error-call-changed = Un stage de cet appel a changé ses périodes depuis la répartition ; recalculez la répartition.
error-assign-half = { $field } : indiquez le stage et le premier jour de sa période, ou aucun des deux.
former-member = ancien membre
field-confirm = Confirmation
notice-erased = La personne a été effacée. Ses contributions restent, attribuées à un ancien membre.
users-erased = Effacé ; contributions gardées comme celles d’un ancien membre.
users-erase = Effacer { $email }…
person-erase = Effacer { $name } (droit à l’effacement)…
erase-title = Effacer { $who }
erase-intro = L’effacement est destiné à une personne qui demande à être oubliée. Il est définitif. Ses contributions au fonds commun du réseau restent, sans son nom.
erase-removed-heading = Supprimé définitivement
erase-removes-account = Le compte { $email } : adresse, mot de passe, sessions, jetons d’API, adresse de calendrier, invitations et adresses client de ses modifications.
erase-removes-person = La fiche d’annuaire { $name } ({ $organisation }) : nom, fonction, adresse, langues et thèmes, ainsi que les mentions de contact qui la nomment sur les pratiques et les offres d’immersion.
erase-removes-history = Son nom dans toutes les versions antérieures d’une pratique, et dans la recherche.
erase-kept-heading = Gardé, attribué à un ancien membre
erase-keeps-nothing = Cette personne n’a rien contribué sous un compte.
erase-keeps-note = Les textes que d’autres ont écrits à son sujet (avis, rapports) ne sont pas réécrits ; s’ils la nomment, modifiez-les à la main.
erase-keeps-practices = { $count ->
    [one] { $count } pratique qu’elle a rédigée
   *[other] { $count } pratiques qu’elle a rédigées
}
erase-keeps-practices_reviewed = { $count ->
    [one] { $count } pratique qu’elle a relue
   *[other] { $count } pratiques qu’elle a relues
}
erase-keeps-practice_revisions = { $count ->
    [one] { $count } version de pratique qu’elle a enregistrée
   *[other] { $count } versions de pratiques qu’elle a enregistrées
}
erase-keeps-visits = { $count ->
    [one] { $count } visite qu’elle a demandée
   *[other] { $count } visites qu’elle a demandées
}
erase-keeps-call_requests = { $count ->
    [one] { $count } demande dans un appel
   *[other] { $count } demandes dans des appels
}
erase-keeps-changes = { $count ->
    [one] { $count } entrée du journal d’audit
   *[other] { $count } entrées du journal d’audit
}
erase-keeps-invitations = { $count ->
    [one] { $count } invitation qu’elle a envoyée
   *[other] { $count } invitations qu’elle a envoyées
}
erase-keeps-practice_events = { $count ->
    [one] { $count } étape d’une pratique qu’elle a franchie (comme une relecture)
   *[other] { $count } étapes de pratiques qu’elle a franchies (comme des relectures)
}
erase-keeps-attachments = { $count ->
    [one] { $count } fichier qu’elle a joint
   *[other] { $count } fichiers qu’elle a joints
}
erase-keeps-visit_events = { $count ->
    [one] { $count } étape d’une visite
   *[other] { $count } étapes de visites
}
erase-keeps-visit_confirmations = { $count ->
    [one] { $count } point de liste de contrôle qu’elle a confirmé
   *[other] { $count } points de listes de contrôle qu’elle a confirmés
}
erase-keeps-calls = { $count ->
    [one] { $count } appel qu’elle a ouvert
   *[other] { $count } appels qu’elle a ouverts
}
erase-ended-heading = Arrêté, car personne ne le mènerait à terme
erase-ends-reviews = { $count ->
    [one] { $count } relecture qu’elle avait prise attend de nouveau une relectrice ou un relecteur, sans son avis
   *[other] { $count } relectures qu’elle avait prises attendent de nouveau une relectrice ou un relecteur, sans son avis
}
erase-ends-visits = { $count ->
    [one] { $count } visite qu’elle a demandée est annulée ; l’hôte en est informé
   *[other] { $count } visites qu’elle a demandées sont annulées ; les hôtes en sont informés
}
erase-ends-call_requests = { $count ->
    [one] { $count } demande dans un appel pas encore attribué est retirée
   *[other] { $count } demandes dans des appels pas encore attribués sont retirées
}
error-erase-last-admin = { $field } : c’est le dernier compte d’administration ; nommez d’abord une autre personne administratrice.
practice-step-release_review = Relecture rendue (la personne a quitté le réseau)
erase-confirm-label = Pour confirmer, saisissez « { $text } »
erase-button = Effacer définitivement
error-erase-self = { $field } : vous ne pouvez pas effacer votre propre compte ; un autre administrateur doit le faire.
error-erase-confirm = { $field } : saisissez exactement le texte affiché pour confirmer l’effacement de cette personne.
error-range-page = { $field } : doit être compris entre 1 et { $max }.
field-type = Type

# The lexicon of the language bridge.
field-src_lang = Langue du mot
field-src_word = Mot
field-dst_lang = Langue de la traduction
field-dst_word = Traduction
field-weight = Poids
error-lexicon-unreadable = { $field } : le fichier ne peut pas être lu à partir d’ici (fichier compressé tronqué, ou texte qui n’est pas en UTF-8).
error-lexicon-columns = { $field } : chaque ligne doit compter cinq colonnes séparées par des tabulations : src_lang, src_word, dst_lang, dst_word, weight (dans une liste de mots, après la ligne « lang word zipf », trois : lang, word, zipf).
error-lexicon-same-language = { $field } : une traduction doit être dans une autre langue que celle du mot.
error-lexicon-weight = { $field } : indiquez un nombre supérieur ou égal à zéro.
error-lexicon-empty = { $field } : le fichier ne contient aucune traduction utilisable par la recherche.
error-lexicon-word = { $field } : une entrée de liste de mots est un seul mot fait de lettres, sans espace, chiffre ni trait d’union.
error-lexicon-zipf = { $field } : indiquez la fréquence par un nombre de 0 à 9 (échelle de Zipf).
lexicon-title = Lexique de la passerelle entre les langues
lexicon-title-for = Traductions de « { $word } »
lexicon-intro = Pour chaque mot d’une requête, la recherche cherche aussi ses traductions dans les autres langues : les trois plus probables par langue, tirées du lexique. Cherchez un mot pour les voir ; retirez un sens erroné ou ajoutez une traduction qui manque. Une correction change aussitôt la recherche de tous les lecteurs du réseau et elle est conservée lors de l’import d’un nouveau lexique ; le journal d’audit indique qui l’a faite.
lexicon-look-up = Chercher
lexicon-none = Le lexique ne connaît aucune traduction de ce mot. Ajoutez-en une ci-dessous.
lexicon-caption = Traductions par langue ; la recherche utilise celles marquées comme utilisées.
lexicon-col-lang = Langue
lexicon-col-translation = Traduction
lexicon-col-state = Dans la recherche
lexicon-col-action = Modifier
lexicon-from-form = classée sous « { $word } »
lexicon-state-used = utilisée
lexicon-state-unused = non utilisée (moins probable)
lexicon-state-added = ajoutée par une coordinatrice ou un coordinateur, utilisée en premier
lexicon-state-removed = retirée par une coordinatrice ou un coordinateur, non utilisée
lexicon-remove = Retirer « { $text } »
lexicon-restore = Utiliser de nouveau « { $text } »
lexicon-add-title = Ajouter une traduction
lexicon-add = Ajouter la traduction
admin-lexicon-manage = Voir et corriger les traductions du lexique
error-lexicon-no-key = { $field } : cherchez un seul mot qui ne soit pas un mot vide ; la recherche ne consulte pas les autres.
lexicon-state-added-unused = ajoutée par une coordinatrice ou un coordinateur, non utilisée (trois autres ajouts passent avant)
lexicon-correct = corriger
field-action = Correction
field-zipf = Fréquence (échelle de Zipf)
error-lexicon-characters = { $field } : retirez les points-virgules, les caractères de contrôle et les caractères invisibles.
error-lexicon-no-words = { $field } : la traduction ne contient aucun mot que la recherche puisse chercher (seulement des mots vides ou des signes).
error-lexicon-not-listed = { $field } : cette traduction n’est pas répertoriée pour ce mot ; il n’y a rien à retirer ni à annuler.
audit-kind-add = ajouté
audit-kind-remove = retiré
audit-kind-restore = annulé
audit-kind-import = importé
audit-kind-save = enregistré
audit-kind-host-view = lu par l’accueillant
audit-kind-close = clôturé
audit-kind-request = demandé
audit-kind-allocation = places attribuées
audit-kind-translate = traduit
audit-kind-withdraw = retiré
audit-kind-erase = effacé (données personnelles)
audit-kind-checklist = liste de contrôle modifiée
audit-kind-accept = accepté
audit-kind-decline = refusé
audit-kind-schedule = planifié
audit-kind-complete = terminé
audit-kind-report = compte rendu déposé
audit-kind-cancel = annulé
audit-kind-open = ouvert
audit-kind-proposed = attribution proposée
audit-kind-published = attribution publiée
search-most-words = Résultats contenant la plupart de vos mots.
search-every-match = Afficher aussi les résultats avec une partie seulement de vos mots
search-translated = Recherche élargie à ces traductions de vos mots (tirées du lexique) :
search-translation-remove = rechercher sans « { $text } »
search-translations-removed = Écartées à votre demande :
search-translation-restore = rechercher de nouveau « { $text } »
field-without = Traductions écartées
error-search-without = { $field } : indiquez au plus { $max } traductions sous la forme langue:texte, séparées par des points-virgules.
admin-lexicon-missing = Le lexique n’est pas installé : la recherche ne trouve les mots que dans la langue où ils sont écrits, et d’une langue à l’autre seulement par le glossaire. Construisez-le avec scripts/lexicon/fetch, puis chargez-le avec passerelle lexicon import FICHIER.
admin-lexicon-size = { $count ->
    [one] La recherche passe d’une langue à l’autre grâce à un lexique de { $count } traduction.
   *[other] La recherche passe d’une langue à l’autre grâce à un lexique de { $count } traductions.
}
admin-embeddings-on = { $count ->
    [one] La recherche trouve aussi les textes de sens proche : le modèle de langue connaît { $count } pratique.
   *[other] La recherche trouve aussi les textes de sens proche : le modèle de langue connaît { $count } pratiques.
}
admin-embeddings-off = Aucun modèle de langue n’est configuré : la recherche trouve des mots, pas des sens. Obtenez-le avec scripts/embeddings/fetch et démarrez le serveur avec --embeddings .tools/embeddings.
admin-embeddings-working = Le modèle de langue lit encore le catalogue : jusqu’à ce qu’il ait fini, les pratiques qu’il n’a pas encore lues ne sont trouvées que par leurs mots.
admin-embeddings-failed = Le modèle de langue n’a pas pu lire tout le catalogue (voir le journal du serveur) ; il réessaiera au prochain démarrage ou à la prochaine importation. D’ici là, les pratiques qu’il n’a pas lues ne sont trouvées que par leurs mots.
search-by-meaning = trouvé par le sens, sans vos mots

## Dates (the network's local time)
date-day = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-month = { $month } { $year }
date-moment = { $day } à { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Navigation
nav-menu = Menu
nav-reports = Rapports
nav-calls = Appels
nav-exchange = Matrice des échanges
scroll-table = Tableau : { $name }

## Home and desk
home-what = Vous y trouvez des pratiques éprouvées dans votre langue, même écrites dans une autre, vous demandez des stages d’observation dans une ville partenaire et vous lisez ce que d’autres en ont appris.
home-search-label = Que cherchez-vous ?
home-search-hint = Dans n’importe quelle langue, avec vos propres mots, par exemple « cours de langue pour parents » ou « Ausländerbeirat ».
home-latest-practices = Nouvelles pratiques
home-no-practices = Aucune pratique n’est encore publiée.
home-all-practices = { $count ->
    [one] { $count } pratique
   *[other] Toutes les { $count } pratiques
}
home-published-on = publiée le { $day }
home-open-placements = Stages d’observation ouverts
home-no-placements = Aucun stage d’observation n’est proposé pour le moment.
home-all-placements = Tous les stages d’observation
home-open-calls = Appels en cours
home-no-calls = Aucun appel n’est en cours.
home-all-calls = Tous les appels
desk-title = Mon espace de travail
desk-tasks = { $count ->
    [0] Rien ne vous attend
    [one] { $count } tâche vous attend
   *[other] { $count } tâches vous attendent
}
desk-no-tasks = Rien à faire pour le moment. Les nouveautés du réseau sont ci-dessous.
desk-task-review = attend une relecture par une autre ville
desk-task-finish-review = votre avis est attendu
desk-task-publish = recommandée : prête à publier
desk-task-submit = brouillon : soumettre à relecture quand il est prêt
desk-task-revise = modifications demandées : réviser et soumettre de nouveau
desk-task-answer = demande de visite : acceptez-la ou refusez-la
desk-task-schedule = acceptée : fixer les dates, le programme et le lieu de rendez-vous
desk-task-confirm = liste de contrôle : confirmer vos points
desk-task-report = visite effectuée : rédiger le rapport d’apprentissage
desk-task-call = appel : demandes jusqu’au { $day }

## Workflow notices
notice-review-taken = Vous relisez maintenant cette pratique. Donnez votre avis ci-dessous.
notice-review-assigned = La relecture est attribuée ; la personne la voit dans son espace de travail.
notice-step-submit = Soumise : quelqu’un d’une autre ville va la relire. D’ici là, elle n’est pas publique.
notice-step-request-changes = Votre demande de modifications est enregistrée ; les auteurs la voient.
notice-step-recommend = Votre recommandation est enregistrée ; une coordination peut maintenant la publier.
notice-step-publish = Publiée : la pratique est maintenant visible par tous.
notice-step-archive = Archivée : elle reste lisible mais n’est plus considérée comme actuelle.
notice-step-republish = Publiée de nouveau.

## Imprint and privacy notice
site-title-imprint = Mentions légales
site-title-privacy = Confidentialité
site-edit = Modifier cette page
site-back = Revenir à la page sans enregistrer
site-edit-intro = Écrivez la page dans chaque langue (Markdown). Une langue laissée vide affiche le texte d’une autre langue, ou le texte fourni quand aucun n’est écrit.
site-built-in = Ceci est le texte fourni avec Passerelle. L’exploitant de ce site n’a pas encore écrit le sien.
site-imprint-default =
    Cette page indique qui exploite ce site Passerelle : l’organisation, son adresse, un contact et la personne responsable du contenu.

    L’exploitant ne l’a pas encore remplie. Ses administrateurs la rédigent sous « Modifier cette page ».
site-privacy-default =
    ## Ce que Passerelle conserve

    - **Votre compte** : votre adresse électronique, votre mot de passe uniquement sous forme d’empreinte argon2id, votre rôle et votre organisation.
    - **Cookies** : `passerelle_session` tant que vous êtes connecté (14 jours au plus), et `passerelle_csrf`, qui protège les formulaires. Aucun autre cookie, aucun pistage, aucune publicité, rien qui vienne d’autres sites.
    - **Ce que vous écrivez** (pratiques, stages d’observation, demandes de visite, rapports) avec son historique, et un journal des modifications avec l’adresse de l’appareil d’où elles viennent, pour la sécurité.

    ## Vos droits

    Sous « Mon compte », vous téléchargez tout ce qui est conservé à votre sujet. Un administrateur efface votre compte sur demande : votre nom disparaît, vos contributions restent sans lui.

    ## Responsable

    L’exploitant nommé dans les mentions légales. Ceci est la notice fournie avec Passerelle ; l’exploitant peut la remplacer par la sienne.
field-de = Allemand
field-fr = Français
field-en = Anglais
practice-history-staff = coordination du réseau
## Notifications
nav-notices = Notifications
nav-unread = { $count ->
    [one] { $count } non lue
   *[other] { $count } non lues
}
nav-notices-unread = { $count ->
    [one] { $count } notification non lue
   *[other] { $count } notifications non lues
}
inbox-title = Notifications
inbox-empty = Aucune notification pour l’instant. Quand quelque chose vous concerne – une pratique que vous avez écrite est relue, une visite que vous avez demandée reçoit une réponse, les places d’un appel auquel vous avez participé sont attribuées –, cela apparaît ici.
inbox-summary = { $count ->
    [one] { $count } notification
   *[other] { $count } notifications
}, dont { $unread ->
    [one] { $unread } non lue
   *[other] { $unread } non lues
}.
inbox-new = Nouvelle
inbox-read-all = Tout marquer comme lu
inbox-all-read = Toutes les notifications sont marquées comme lues.
inbox-choices-title = Comment vous en êtes informé·e
inbox-choices-intro = Chaque notification reste ici. Pour chaque type, choisissez si vous voulez aussi un e-mail immédiat, ou un e-mail par jour avec tout ce qui s’est passé la veille (envoyé après 7 h).
inbox-choices-save = Enregistrer mes choix
inbox-mail-off = Ce site n’envoie pas d’e-mail (aucun serveur de messagerie n’est configuré) : vos notifications sont conservées ici uniquement.
inbox-delivery-app = Ici seulement
inbox-delivery-email = Ici et par e-mail immédiatement
inbox-delivery-digest = Ici et dans un e-mail quotidien
field-practice = Pratiques que j’écris, relis ou coordonne
field-visit = Visites que je fais ou accueille
field-call = Résultats des appels auxquels je participe
field-report = Questions sur mes rapports d’apprentissage
inbox-practice-submit = « { $title } » a été soumise à relecture.
inbox-practice-start_review = « { $title } » est en cours de relecture.
inbox-practice-request_changes = Des modifications ont été demandées pour « { $title } ».
inbox-practice-recommend = « { $title } » a été recommandée pour publication.
inbox-practice-publish = « { $title } » a été publiée.
inbox-practice-archive = « { $title } » a été archivée.
inbox-practice-republish = « { $title } » a été publiée de nouveau.
inbox-visit = Visite « { $title } » ({ $host }) : { $step }.
inbox-call-not-granted = Appel « { $title } » : pas de place pour votre demande cette fois-ci.
inbox-follow-up = Qu’est-il advenu de votre visite « { $title } » ? Complétez votre rapport.
mail-digest-subject = Passerelle : { $count ->
    [one] { $count } notification
   *[other] { $count } notifications
}
mail-digest-body = Bonjour,

    voici ce qui s’est passé sur Passerelle et vous concerne :

    { $lines }

    Toutes vos notifications : { $link }
    Vous recevez cet e-mail une fois par jour ; vous pouvez changer cela sur la même page.

    Passerelle
admin-mail-off = L’e-mail est désactivé : aucun serveur de messagerie n’est configuré (PASSERELLE_SMTP_URL). Les invitations affichent un lien à transmettre vous-même, et les notifications restent dans l’application.
## Pickers
hint-pick-organisations = Une organisation par case, avec son nom tel qu’il figure dans l’annuaire ; votre navigateur propose des noms pendant la saisie. Videz une case pour retirer une entrée.
hint-pick-contacts = Une personne par case, avec son nom tel qu’il figure dans l’annuaire. Videz une case pour retirer une entrée.
hint-pick-practices = Une pratique par case, avec son titre tel qu’il figure sur sa page (dans n’importe quelle langue). Videz une case pour retirer une entrée.
hint-pick-contact = La personne à contacter, avec son nom tel qu’il figure dans l’annuaire.
error-pick-unknown = { $field } : rien ne s’appelle « { $value } ». Écrivez le nom tel que l’annuaire l’affiche, ou choisissez l’un des noms proposés.
error-pick-ambiguous = { $field } : plusieurs entrées s’appellent « { $value } ». Demandez à la coordination de les distinguer.
desk-more = { $count ->
    [one] La { $count } pratique « { $status } »
   *[other] Les { $count } pratiques « { $status } »
}

action-cancel = Annuler
practice-status-ready = Prête à publier
practice-opinion-next = Rédigez votre avis pour les auteurs, puis demandez-leur des modifications ou recommandez la publication ; après une recommandation, un coordinateur publie la pratique. Vous pouvez modifier votre avis jusque-là.
practice-confirm-publish = Publier « { $title } » ?
practice-confirm-publish-body = Tout le monde pourra la lire, moteurs de recherche compris, avec les traductions existantes. Ses auteurs et son relecteur en sont informés. Elle pourra ensuite être archivée, mais pas dépubliée.
practice-confirm-archive = Archiver « { $title } » ?
practice-confirm-archive-body = Elle reste lisible mais n’est plus considérée comme actuelle et quitte les listes des pratiques en cours. Un coordinateur peut la publier à nouveau.
practice-locked-review = Cette pratique est entre les mains d’un relecteur d’une autre ville et ne peut pas être modifiée maintenant. Si des modifications sont demandées, vous pourrez la modifier à nouveau ; une fois publiée, ce sont les coordinateurs qui la modifient.
practice-locked-published = Cette pratique est publiée : seuls les coordinateurs la modifient désormais. Écrivez-leur si quelque chose doit être corrigé.
practice-attachments-locked = Les fichiers peuvent être ajoutés ou retirés tant que la pratique peut être modifiée (voir « Relecture et publication »).
calls-edit = Modifier l’appel
call-confirm-close = Clore « { $title } » maintenant ?
call-confirm-close-body = Les membres ne peuvent plus envoyer ni modifier de demandes ; les demandes reçues passent à l’attribution. Un appel clos ne peut pas être rouvert.
error-call-placement-asked = { $field } : quelqu’un a déjà demandé { $value }, qui reste donc dans l’appel.
place-delete-city-hint = Une ville peut être supprimée lorsqu’elle ne compte plus aucune organisation, pratique ni offre d’immersion.
place-delete-country-hint = Un pays peut être supprimé lorsqu’il n’a plus de villes.
login-forgot = Mot de passe oublié ?
forgot-title = Mot de passe oublié ?
forgot-intro = Indiquez l’adresse avec laquelle vous vous connectez. Si elle appartient à un compte, nous envoyons un lien pour choisir un nouveau mot de passe ; il fonctionne une fois, pendant une heure.
forgot-button = M’envoyer un lien
forgot-sent = Si un compte utilise cette adresse, un lien est en route. Il fonctionne une fois, pendant une heure ; pensez à regarder dans les indésirables.
forgot-back = Retour à la connexion
forgot-no-mail = Ce site n’envoie pas de courriel. Adressez-vous à un administrateur du réseau : il peut vous créer un lien pour choisir un nouveau mot de passe.
reset-title = Choisir un nouveau mot de passe
reset-intro = Ensuite, vous êtes connecté ici ; toutes les autres sessions et clés d’API de ce compte prennent fin.
reset-button = Enregistrer le nouveau mot de passe
reset-issued-title = Lien de réinitialisation pour { $email }
reset-issued-intro = Transmettez ce lien à son titulaire en personne ou par message privé. Il fonctionne une fois, pendant 24 heures, et n’est affiché que maintenant ; il permet de choisir un nouveau mot de passe.
reset-issued-back = Retour aux comptes
users-reset = Créer un lien de réinitialisation pour { $email }
mail-reset-subject = Nouveau mot de passe pour Passerelle
mail-reset-body = Bonjour,

    quelqu’un – sans doute vous – a demandé un nouveau mot de passe pour cette adresse sur Passerelle.

    Ouvrez ce lien dans l’heure pour le choisir (il ne fonctionne qu’une fois) :
    { $link }

    Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.
error-reset-no-mail = Ce site n’envoie pas de courriel ; demandez un lien à un administrateur.
audit-kind-reset-link = lien de réinitialisation créé
desk-news = Nouveau depuis le { $when }
desk-news-none = Rien de nouveau dans le réseau depuis ; les dernières nouveautés sont ci-dessous.
desk-news-practices = { $count ->
    [one] { $count } pratique publiée
   *[other] { $count } pratiques publiées
}
desk-news-placements = { $count ->
    [one] { $count } nouvelle offre d’immersion
   *[other] { $count } nouvelles offres d’immersion
}
desk-news-calls = { $count ->
    [one] { $count } nouvel appel à échanges
   *[other] { $count } nouveaux appels à échanges
}
desk-news-reports = { $count ->
    [one] { $count } nouveau rapport d’apprentissage
   *[other] { $count } nouveaux rapports d’apprentissage
}
practice-locked-submitted = Cette pratique attend un relecteur d’une autre ville et ne peut pas être modifiée maintenant. Si des modifications sont demandées, vous pourrez la modifier à nouveau ; une fois publiée, ce sont les coordinateurs qui la modifient.
reset-gone = Ce lien a déjà servi, a expiré ou est incomplet. Demandez-en un nouveau.
reset-gone-title = Ce lien ne fonctionne plus

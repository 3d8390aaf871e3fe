//! Practice queries: the record, owners and contacts, texts per language and field, revisions
//! (optimistic locking by version) and the workflow history. Visibility is given by `app` as a
//! [`PracticeScope`]; storage only turns it into SQL. Writes are in `practice_writes`.

use crate::domain::catalogue::practice::PracticeStatus;
use crate::domain::permission::PracticeGround;
use crate::storage::{Conditions, Result, Store, Value, bind_all, list_pattern};

/// A practice with its city and its title in the reader's language (or the original).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PracticeRow {
    /// Id.
    pub id: i64,
    /// URL name.
    pub slug: String,
    /// External identifier.
    #[sqlx(rename = "ref")]
    pub reference: Option<String>,
    /// City id.
    pub city_id: i64,
    /// City slug.
    pub city_slug: String,
    /// Country code.
    pub country: String,
    /// Language of the original texts.
    pub original_lang: String,
    /// Workflow status (stored name).
    pub status: String,
    /// Start (YYYY[-MM[-DD]]).
    pub period_start: Option<String>,
    /// End.
    pub period_end: Option<String>,
    /// 1 when ongoing.
    pub ongoing: i64,
    /// Stored theme list.
    pub themes: String,
    /// Target group keys as a JSON array.
    pub target_groups: String,
    /// Target groups the taxonomy lacks, in the original language ('' when none).
    pub target_group_note: String,
    /// Links as a JSON array.
    pub links: String,
    /// Source.
    pub source: Option<String>,
    /// Version, raised by every save.
    pub version: i64,
    /// The reviewer's account id.
    pub reviewer_id: Option<i64>,
    /// The reviewer's opinion.
    pub review_opinion: Option<String>,
    /// 1 when the reviewer recommends publication.
    pub recommended: i64,
    /// 1 when the opinion is published with the practice.
    pub opinion_public: i64,
    /// The account that wrote it.
    pub created_by: Option<i64>,
    /// Created.
    pub created_at: i64,
    /// Last change.
    pub updated_at: i64,
    /// First publication.
    pub published_at: Option<i64>,
    /// Title in the reader's language, or the original title.
    pub title: String,
    /// The language of `title`.
    pub title_lang: String,
    /// Summary in the reader's language, or the original summary.
    pub summary: String,
    /// The language of `summary`.
    pub summary_lang: String,
}

/// One text of a practice.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PracticeTextRow {
    /// Language.
    pub lang: String,
    /// Field name (one of `TEXT_FIELDS`).
    pub field: String,
    /// Markdown.
    pub body: String,
    /// `original`, `human`, `machine` or `outdated`.
    pub status: String,
    /// The practice version the text was written from.
    pub based_on: i64,
}

/// A linked organisation or person: id, slug and name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkRow {
    /// Id.
    pub id: i64,
    /// URL name.
    pub slug: String,
    /// Name.
    pub name: String,
}

/// A saved revision.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RevisionRow {
    /// The version it recorded.
    pub version: i64,
    /// Who saved it.
    pub user_id: Option<i64>,
    /// When.
    pub at: i64,
    /// The record as JSON.
    pub snapshot: String,
}

/// A workflow step that happened.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
    /// When.
    pub at: i64,
    /// Who.
    pub user_id: Option<i64>,
    /// Which step.
    pub step: String,
    /// Status before.
    pub from_status: String,
    /// Status after.
    pub to_status: String,
    /// The note (a review opinion).
    pub note: Option<String>,
    /// The organisation of whoever took it (none for the network's staff without one; an
    /// account's address is never shown here).
    pub who: Option<String>,
}

/// Which practices a reader may see: the grounds of `domain::permission::practice_grounds`
/// (`None`: every practice) and who the reader is, for the grounds that name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PracticeScope {
    /// The ways the reader is allowed to read a practice; `None` for every practice.
    pub grounds: Option<&'static [PracticeGround]>,
    /// The reader's account.
    pub user_id: Option<i64>,
    /// The reader's organisation.
    pub organisation_id: Option<i64>,
    /// The city of that organisation.
    pub city_id: Option<i64>,
}

impl PracticeScope {
    /// Every practice (the command line, coordinators).
    pub const ALL: PracticeScope = PracticeScope {
        grounds: None,
        user_id: None,
        organisation_id: None,
        city_id: None,
    };
}

/// Filters of the practice list; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct PracticeFilter {
    /// City slug.
    pub city: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Theme key.
    pub theme: Option<String>,
    /// Original language.
    pub lang: Option<String>,
    /// Status (stored name).
    pub status: Option<String>,
    /// Owner organisation slug.
    pub organisation: Option<String>,
    /// A target group (exact tag).
    pub target_group: Option<String>,
    /// The order of the list.
    pub sort: PracticeSort,
}

/// The orders of the practice list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PracticeSort {
    /// Newest publication or change first.
    #[default]
    Newest,
    /// By title in the reader's language.
    Title,
}

/// Counts of matching practices per value, most frequent first.
#[derive(Debug, Clone, Default)]
pub struct PracticeFacets {
    /// City slug → count.
    pub cities: Vec<(String, i64)>,
    /// Country code → count.
    pub countries: Vec<(String, i64)>,
    /// Theme key → count.
    pub themes: Vec<(String, i64)>,
    /// Target group → count (the 30 most frequent).
    pub target_groups: Vec<(String, i64)>,
    /// Original language → count.
    pub langs: Vec<(String, i64)>,
    /// Status → count.
    pub statuses: Vec<(String, i64)>,
}

/// The status filter's name for practices in review that their reviewer recommends: what a
/// coordinator can publish now.
pub const READY_TO_PUBLISH: &str = "ready";
const READY_SQL: &str = "(p.status = 'in_review' AND p.recommended = 1)";

/// The `WHERE` clause of a scope and a filter.
pub(super) fn conditions(scope: PracticeScope, filter: &PracticeFilter) -> Conditions {
    let mut w = Conditions::default();
    if let Some(grounds) = scope.grounds {
        let mut any = Vec::with_capacity(grounds.len());
        for ground in grounds {
            any.push(match ground {
                PracticeGround::Published => {
                    format!("p.status = '{}'", PracticeStatus::Published.as_str())
                }
                PracticeGround::Reviewing => match scope.user_id {
                    Some(id) => format!("p.reviewer_id = {}", w.value(Value::Int(id))),
                    None => "1 = 0".to_owned(),
                },
                PracticeGround::SubmittedElsewhere => match scope.city_id {
                    Some(id) => format!(
                        "(p.status = '{}' AND p.city_id <> {})",
                        PracticeStatus::Submitted.as_str(),
                        w.value(Value::Int(id))
                    ),
                    None => "1 = 0".to_owned(),
                },
                PracticeGround::Owned => match scope.organisation_id {
                    Some(id) => format!(
                        "EXISTS (SELECT 1 FROM practice_organisations po WHERE po.practice_id = p.id \
                         AND po.organisation_id = {})",
                        w.value(Value::Int(id))
                    ),
                    None => "1 = 0".to_owned(),
                },
            });
        }
        w.always(&format!("({})", any.join(" OR ")));
    }
    // Target groups are a JSON array of keys: match one element exactly, the same on both
    // databases (SQLite's LIKE would ignore case, PostgreSQL's not): the list changes when the
    // quoted element is taken out of it.
    let group = filter
        .target_group
        .as_ref()
        .map(|g| serde_json::to_string(g).unwrap_or_default());
    if filter.status.as_deref() == Some(READY_TO_PUBLISH) {
        w.always(READY_SQL);
    }
    w.when("c.slug = ?", filter.city.clone())
        .when("c.country = ?", filter.country.clone())
        .when(
            "(',' || p.themes || ',') LIKE ? ESCAPE '\\'",
            filter.theme.as_deref().map(list_pattern),
        )
        .when("p.original_lang = ?", filter.lang.clone())
        .when(
            "p.status = ?",
            filter.status.clone().filter(|s| s != READY_TO_PUBLISH),
        )
        .when("REPLACE(p.target_groups, ?, '') <> p.target_groups", group)
        .when(
            // An IN list the owner index drives, not a subquery per practice.
            "p.id IN (SELECT po2.practice_id FROM practice_organisations po2 JOIN organisations o2 \
             ON o2.id = po2.organisation_id WHERE o2.slug = ?)",
            filter.organisation.clone(),
        );
    w
}

const STATUS_FACET: &str = "p.status || CASE WHEN p.status = 'in_review' AND p.recommended = 1 \
     THEN ',ready' ELSE '' END";

pub(super) fn select(reader: &str) -> String {
    format!(
        "SELECT p.id, p.slug, p.ref, p.city_id, c.slug AS city_slug, c.country, p.original_lang, p.status, \
         p.period_start, p.period_end, p.ongoing, p.themes, p.target_groups, p.target_group_note, p.links, p.source, p.version, \
         p.reviewer_id, p.review_opinion, p.recommended, p.opinion_public, p.created_by, p.created_at, p.updated_at, p.published_at, \
         COALESCE(tr.body, tor.body, '') AS title, CASE WHEN tr.body IS NULL THEN p.original_lang ELSE {reader} END AS title_lang, \
         COALESCE(sr.body, sor.body, '') AS summary, CASE WHEN sr.body IS NULL THEN p.original_lang ELSE {reader} END AS summary_lang \
         FROM practices p JOIN cities c ON c.id = p.city_id \
         LEFT JOIN practice_texts tr ON tr.practice_id = p.id AND tr.field = 'title' AND tr.lang = {reader} \
         LEFT JOIN practice_texts tor ON tor.practice_id = p.id AND tor.field = 'title' AND tor.lang = p.original_lang \
         LEFT JOIN practice_texts sr ON sr.practice_id = p.id AND sr.field = 'summary' AND sr.lang = {reader} \
         LEFT JOIN practice_texts sor ON sor.practice_id = p.id AND sor.field = 'summary' AND sor.lang = p.original_lang"
    )
}

impl Store {
    /// A page of practices in `scope` matching `filter`, in `filter.sort` order; and how many in all.
    pub async fn practices(
        &self,
        scope: PracticeScope,
        filter: &PracticeFilter,
        reader: &str,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<PracticeRow>, i64)> {
        let mut w = conditions(scope, filter);
        let where_sql = w.sql();
        let count_sql = format!(
            "SELECT COUNT(*) FROM practices p JOIN cities c ON c.id = p.city_id {where_sql}"
        );
        let (total,): (i64,) = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(count_sql)), w)
            .fetch_one(self.pool())
            .await?;
        let reader_param = w.value(Value::Text(reader.to_owned()));
        let limit_param = w.value(Value::Int(limit));
        let offset_param = w.value(Value::Int(offset));
        let sql = match filter.sort {
            // Pick the page by the practices' own columns first, then fetch texts for those rows only.
            PracticeSort::Newest => {
                let order = "COALESCE(p.published_at, p.updated_at) DESC, p.id DESC";
                format!(
                    "{} WHERE p.id IN (SELECT p.id FROM practices p JOIN cities c ON c.id = p.city_id {where_sql} \
                     ORDER BY {order} LIMIT {limit_param} OFFSET {offset_param}) ORDER BY {order}",
                    select(&reader_param)
                )
            }
            PracticeSort::Title => {
                // Byte order on both databases: PostgreSQL's own collation would order
                // differently from SQLite's (see `practice_writes::sort_key`).
                let bytes = match self.backend() {
                    crate::storage::Backend::Postgres => " COLLATE \"C\"",
                    crate::storage::Backend::Sqlite => "",
                };
                format!(
                    "{} {where_sql} ORDER BY COALESCE(tr.sort_key, tor.sort_key, ''){bytes}, p.id \
                     LIMIT {limit_param} OFFSET {offset_param}",
                    select(&reader_param)
                )
            }
        };
        let rows = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), w)
            .fetch_all(self.pool())
            .await?;
        Ok((rows, total))
    }

    /// How many practices in `scope` matching `filter` have each city, country, theme, target
    /// group, original language and status: one pass over the matching rows.
    pub async fn practice_facets(
        &self,
        scope: PracticeScope,
        filter: &PracticeFilter,
    ) -> Result<PracticeFacets> {
        let w = conditions(scope, filter);
        let mut f = PracticeFacets::default();
        // One grouped query per facet: the database counts, only distinct values travel. Themes
        // and target groups are lists, so their distinct combinations are split and summed here.
        for (column, target) in [
            ("c.slug", &mut f.cities),
            ("c.country", &mut f.countries),
            ("p.original_lang", &mut f.langs),
            // A recommended practice in review counts under both "in review" and "ready".
            (STATUS_FACET, &mut f.statuses),
            ("p.themes", &mut f.themes),
            ("p.target_groups", &mut f.target_groups),
        ] {
            let sql = format!(
                "SELECT {column}, COUNT(*) FROM practices p JOIN cities c ON c.id = p.city_id {} GROUP BY {column}",
                w.sql()
            );
            let rows: Vec<(String, i64)> = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), w)
                .fetch_all(self.pool())
                .await?;
            for (value, n) in rows {
                let keys = match column {
                    "p.themes" | STATUS_FACET => crate::storage::split_list(&value),
                    "p.target_groups" => {
                        serde_json::from_str::<Vec<String>>(&value).unwrap_or_default()
                    }
                    _ => vec![value],
                };
                for key in keys {
                    match target.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, total)) => *total += n,
                        None => target.push((key, n)),
                    }
                }
            }
            target.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        f.target_groups.truncate(30);
        Ok(f)
    }

    /// One practice by slug, titled for `reader`.
    pub async fn practice(&self, slug: &str, reader: &str) -> Result<PracticeRow> {
        let sql = format!("{} WHERE p.slug = $2", select("$1"));
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(reader)
            .bind(slug)
            .fetch_one(self.pool())
            .await?)
    }

    /// The slug of the practice with an external reference.
    pub async fn practice_slug_by_ref(&self, reference: &str) -> Result<String> {
        let (slug,): (String,) = sqlx::query_as("SELECT slug FROM practices WHERE ref = $1")
            .bind(reference)
            .fetch_one(self.pool())
            .await?;
        Ok(slug)
    }

    /// Every practice's id, slug, reference and version (for imports).
    pub async fn practice_keys(&self) -> Result<Vec<(i64, String, Option<String>, i64)>> {
        Ok(
            sqlx::query_as("SELECT id, slug, ref, version FROM practices")
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// Every text of a practice.
    pub async fn practice_texts(&self, id: i64) -> Result<Vec<PracticeTextRow>> {
        Ok(sqlx::query_as(
            "SELECT lang, field, body, status, based_on FROM practice_texts WHERE practice_id = $1 ORDER BY lang, field",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?)
    }

    /// The owner organisations.
    pub async fn practice_owners(&self, id: i64) -> Result<Vec<LinkRow>> {
        Ok(sqlx::query_as(
            "SELECT o.id, o.slug, o.name FROM practice_organisations po JOIN organisations o ON o.id = po.organisation_id \
             WHERE po.practice_id = $1 ORDER BY o.name_key",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?)
    }

    /// The owner organisations of each of `ids`, in one query (for lists).
    pub async fn owners_of_practices(
        &self,
        ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, Vec<LinkRow>>> {
        let mut out: std::collections::HashMap<i64, Vec<LinkRow>> = Default::default();
        if ids.is_empty() {
            return Ok(out);
        }
        let list = ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT po.practice_id, o.id, o.slug, o.name FROM practice_organisations po \
             JOIN organisations o ON o.id = po.organisation_id \
             WHERE po.practice_id IN ({list}) ORDER BY o.name_key"
        );
        let rows: Vec<(i64, i64, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        for (practice, id, slug, name) in rows {
            out.entry(practice)
                .or_default()
                .push(LinkRow { id, slug, name });
        }
        Ok(out)
    }

    /// The contact people.
    pub async fn practice_contacts(&self, id: i64) -> Result<Vec<LinkRow>> {
        Ok(sqlx::query_as(
            "SELECT pe.id, pe.slug, pe.name FROM practice_contacts pc JOIN people pe ON pe.id = pc.person_id \
             WHERE pc.practice_id = $1 ORDER BY pe.name_key",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Every revision, newest first.
    pub async fn practice_revisions(&self, id: i64) -> Result<Vec<RevisionRow>> {
        Ok(sqlx::query_as(
            "SELECT version, user_id, at, snapshot FROM practice_revisions WHERE practice_id = $1 ORDER BY version DESC",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?)
    }

    /// The workflow history, oldest first.
    pub async fn practice_events(&self, id: i64) -> Result<Vec<EventRow>> {
        Ok(sqlx::query_as(
            "SELECT e.at, e.user_id, e.step, e.from_status, e.to_status, e.note, \
             o.name AS who \
             FROM practice_events e LEFT JOIN users u ON u.id = e.user_id \
             LEFT JOIN organisations o ON o.id = u.organisation_id \
             WHERE e.practice_id = $1 ORDER BY e.id",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?)
    }
}

//! Placements of the exchange programme and their date windows.

use crate::domain::exchange::placement::Placement;

use crate::storage::{
    Conditions, Result, StorageError, Store, Value, WriteTx, bind_all, join_list, list_pattern, now,
};

/// A stored placement with its host's names.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlacementRow {
    /// Id.
    pub id: i64,
    /// URL name.
    pub slug: String,
    /// Host organisation.
    pub organisation_id: i64,
    /// Its URL name.
    pub organisation_slug: String,
    /// Its name.
    pub organisation_name: String,
    /// Host city.
    pub city_id: i64,
    /// Its URL name.
    pub city_slug: String,
    /// Its country code.
    pub country: String,
    /// Language of the texts.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Description (Markdown).
    pub description: String,
    /// Practical notes ("" when none).
    pub practical: String,
    /// Accessibility notes ("" when none).
    pub accessibility: String,
    /// Days per stay.
    pub length_days: i64,
    /// Visitors per window.
    pub capacity: i64,
    /// Working languages, comma-separated.
    pub languages: String,
    /// Theme keys, comma-separated.
    pub themes: String,
    /// Linked practice slugs, comma-separated.
    pub practices: String,
    /// Contact person.
    pub contact_id: Option<i64>,
    /// Its URL name.
    pub contact_slug: Option<String>,
    /// Its name.
    pub contact_name: Option<String>,
    /// open or closed.
    pub status: String,
    /// Raised by every save.
    pub version: i64,
    /// Last save.
    pub updated_at: i64,
}

/// A stored window: first and last day (YYYY-MM-DD).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WindowRow {
    /// Its placement.
    pub placement_id: i64,
    /// Order (by date).
    pub position: i64,
    /// First day.
    pub start_date: String,
    /// Last day.
    pub end_date: String,
}

/// A translation of a placement's texts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlacementTextRow {
    /// Its placement.
    pub placement_id: i64,
    /// Language.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Practical notes.
    pub practical: String,
    /// Accessibility notes.
    pub accessibility: String,
    /// human, machine or outdated.
    pub status: String,
}

/// Which placements to list; every field narrows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlacementFilter {
    /// Theme key.
    pub theme: Option<String>,
    /// City slug.
    pub city: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Working language code.
    pub language: Option<String>,
    /// With a window ending on or after this day (YYYY-MM-DD).
    pub from: Option<String>,
    /// With a window starting on or before this day (YYYY-MM-DD).
    pub to: Option<String>,
    /// open or closed.
    pub status: Option<String>,
    /// Host organisation slug.
    pub organisation: Option<String>,
    /// Included in this call (id).
    pub call: Option<String>,
}

const COLUMNS: &str = "p.id, p.slug, p.organisation_id, o.slug AS organisation_slug, o.name AS organisation_name, \
     p.city_id, c.slug AS city_slug, c.country, p.lang, p.title, p.description, p.practical, p.accessibility, \
     p.length_days, p.capacity, p.languages, p.themes, p.practices, p.contact_id, pe.slug AS contact_slug, \
     pe.name AS contact_name, p.status, p.version, p.updated_at \
     FROM placements p JOIN organisations o ON o.id = p.organisation_id JOIN cities c ON c.id = p.city_id \
     LEFT JOIN people pe ON pe.id = p.contact_id";

fn conditions(f: &PlacementFilter) -> Conditions {
    let mut w = Conditions::default();
    w.when("c.slug = ?", f.city.clone())
        .when("c.country = ?", f.country.clone())
        .when(
            "(',' || p.themes || ',') LIKE ? ESCAPE '\\'",
            f.theme.as_deref().map(list_pattern),
        )
        .when(
            "(',' || p.languages || ',') LIKE ? ESCAPE '\\'",
            f.language.as_deref().map(list_pattern),
        )
        .when("p.status = ?", f.status.clone())
        .when("o.slug = ?", f.organisation.clone())
        .when(
            "p.id IN (SELECT placement_id FROM call_placements WHERE CAST(call_id AS TEXT) = ?)",
            f.call.clone(),
        )
        .when(
            "p.id IN (SELECT placement_id FROM placement_windows WHERE end_date >= ?)",
            f.from.clone(),
        )
        .when(
            "p.id IN (SELECT placement_id FROM placement_windows WHERE start_date <= ?)",
            f.to.clone(),
        );
    w
}

impl Store {
    /// A page of placements matching `filter`, newest first, and how many match in all.
    pub async fn placements(
        &self,
        filter: &PlacementFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<PlacementRow>, i64)> {
        let mut w = conditions(filter);
        let where_sql = w.sql();
        let count_sql = format!(
            "SELECT COUNT(*) FROM placements p JOIN organisations o ON o.id = p.organisation_id \
             JOIN cities c ON c.id = p.city_id {where_sql}"
        );
        let (total,): (i64,) = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(count_sql)), w)
            .fetch_one(self.pool())
            .await?;
        let limit = w.value(Value::Int(limit));
        let offset = w.value(Value::Int(offset));
        let sql = format!(
            "SELECT {COLUMNS} {where_sql} ORDER BY p.updated_at DESC, p.id DESC LIMIT {limit} OFFSET {offset}"
        );
        let rows = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), w)
            .fetch_all(self.pool())
            .await?;
        Ok((rows, total))
    }

    /// One placement by its URL name.
    pub async fn placement(&self, slug: &str) -> Result<PlacementRow> {
        let sql = format!("SELECT {COLUMNS} WHERE p.slug = $1");
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(slug)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StorageError::NotFound)
    }

    /// The translations of some placements.
    pub async fn placement_texts(&self, ids: &[i64]) -> Result<Vec<PlacementTextRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = join_list(&ids.iter().map(i64::to_string).collect::<Vec<_>>());
        let sql = format!(
            "SELECT placement_id, lang, title, description, practical, accessibility, status \
             FROM placement_texts WHERE placement_id IN ({list}) ORDER BY placement_id, lang"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?)
    }

    /// The windows of some placements, in placement and date order.
    pub async fn placement_windows(&self, ids: &[i64]) -> Result<Vec<WindowRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = join_list(&ids.iter().map(i64::to_string).collect::<Vec<_>>());
        let sql = format!(
            "SELECT placement_id, position, start_date, end_date FROM placement_windows \
             WHERE placement_id IN ({list}) ORDER BY placement_id, position"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?)
    }
}

/// What a placement write needs beside the checked record.
#[derive(Debug, Clone, Copy)]
pub struct PlacementWrite<'a> {
    /// The record.
    pub placement: &'a Placement,
    /// Its URL name.
    pub slug: &'a str,
    /// Host organisation.
    pub organisation_id: i64,
    /// Host city (the organisation's).
    pub city_id: i64,
    /// Contact person.
    pub contact_id: Option<i64>,
}

/// Binds a placement's columns, in the order both the insert and the update name them
/// ($1 slug … $15 status, $16 the time of the write).
macro_rules! bind_placement {
    ($query:expr, $w:expr) => {{
        let w: &PlacementWrite<'_> = $w;
        let p = w.placement;
        $query
            .bind(w.slug)
            .bind(w.organisation_id)
            .bind(w.city_id)
            .bind(p.lang.code())
            .bind(&p.title)
            .bind(&p.description)
            .bind(p.practical.clone().unwrap_or_default())
            .bind(p.accessibility.clone().unwrap_or_default())
            .bind(i64::from(p.length_days))
            .bind(i64::from(p.capacity))
            .bind(join_list(
                &p.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
            ))
            .bind(join_list(
                &p.themes.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
            ))
            .bind(join_list(
                &p.practices.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            ))
            .bind(w.contact_id)
            .bind(p.status.as_str())
            .bind(now())
    }};
}

impl WriteTx {
    /// The id and city of an organisation.
    pub async fn organisation_and_city(&mut self, slug: &str) -> Result<(i64, i64)> {
        sqlx::query_as("SELECT id, city_id FROM organisations WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&mut *self.tx)
            .await?
            .ok_or(StorageError::NotFound)
    }

    /// The id of a person of one organisation.
    pub async fn person_of(&mut self, slug: &str, organisation_id: i64) -> Result<i64> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM people WHERE slug = $1 AND organisation_id = $2")
                .bind(slug)
                .bind(organisation_id)
                .fetch_optional(&mut *self.tx)
                .await?;
        row.map(|r| r.0).ok_or(StorageError::NotFound)
    }

    /// Whether a practice exists.
    pub async fn practice_exists(&mut self, slug: &str) -> Result<bool> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM practices WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&mut *self.tx)
            .await?;
        Ok(row.is_some())
    }

    /// Whether a placement has this URL name.
    pub async fn placement_slug_taken(&mut self, slug: &str) -> Result<bool> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM placements WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&mut *self.tx)
            .await?;
        Ok(row.is_some())
    }

    /// Writes a new placement; returns its id.
    pub async fn insert_placement(
        &mut self,
        w: &PlacementWrite<'_>,
        actor: Option<i64>,
    ) -> Result<i64> {
        let p = w.placement;
        let (id,): (i64,) = bind_placement!(sqlx::query_as(
            "INSERT INTO placements (slug, organisation_id, city_id, lang, title, description, practical, \
             accessibility, length_days, capacity, languages, themes, practices, contact_id, status, version, \
             created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $16) RETURNING id",
        ), w)
        .fetch_one(&mut *self.tx)
        .await?;
        self.write_windows(id, p).await?;
        self.record("placement", &id.to_string(), "create", actor)
            .await?;
        Ok(id)
    }

    /// Replaces a placement's record and windows.
    pub async fn update_placement(
        &mut self,
        id: i64,
        w: &PlacementWrite<'_>,
        actor: Option<i64>,
    ) -> Result<()> {
        let p = w.placement;
        // Translations of texts that change become outdated.
        let old: (String, String, String, String, String) = sqlx::query_as(
            "SELECT lang, title, description, practical, accessibility FROM placements WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&mut *self.tx)
        .await?;
        let new = (
            p.lang.code().to_owned(),
            p.title.clone(),
            p.description.clone(),
            p.practical.clone().unwrap_or_default(),
            p.accessibility.clone().unwrap_or_default(),
        );
        if old != new {
            sqlx::query(
                "UPDATE placement_texts SET status = 'outdated' WHERE placement_id = $1 AND lang <> $2",
            )
            .bind(id)
            .bind(p.lang.code())
            .execute(&mut *self.tx)
            .await?;
            sqlx::query("DELETE FROM placement_texts WHERE placement_id = $1 AND lang = $2")
                .bind(id)
                .bind(p.lang.code())
                .execute(&mut *self.tx)
                .await?;
        }
        bind_placement!(sqlx::query(
            "UPDATE placements SET slug = $1, organisation_id = $2, city_id = $3, lang = $4, title = $5, \
             description = $6, practical = $7, accessibility = $8, length_days = $9, capacity = $10, \
             languages = $11, themes = $12, practices = $13, contact_id = $14, status = $15, \
             version = version + 1, updated_at = $16 WHERE id = $17",
        ), w)
        .bind(id)
        .execute(&mut *self.tx)
        .await?;
        sqlx::query("DELETE FROM placement_windows WHERE placement_id = $1")
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        self.write_windows(id, p).await?;
        self.record("placement", &id.to_string(), "update", actor)
            .await
    }

    /// Writes a translation of a placement's texts.
    pub async fn put_placement_text(
        &mut self,
        id: i64,
        t: &crate::domain::exchange::placement::PlacementTranslation,
        status: &str,
        actor: Option<i64>,
    ) -> Result<()> {
        sqlx::query("DELETE FROM placement_texts WHERE placement_id = $1 AND lang = $2")
            .bind(id)
            .bind(t.lang.code())
            .execute(&mut *self.tx)
            .await?;
        sqlx::query(
            "INSERT INTO placement_texts (placement_id, lang, title, description, practical, accessibility, \
             status, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(t.lang.code())
        .bind(&t.title)
        .bind(&t.description)
        .bind(&t.practical)
        .bind(&t.accessibility)
        .bind(status)
        .bind(now())
        .execute(&mut *self.tx)
        .await?;
        self.record("placement", &id.to_string(), "translate", actor)
            .await
    }

    async fn write_windows(&mut self, id: i64, p: &Placement) -> Result<()> {
        for (i, span) in p.windows.iter().enumerate() {
            sqlx::query(
                "INSERT INTO placement_windows (placement_id, position, start_date, end_date) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(i as i64)
            .bind(span.start.to_string())
            .bind(span.end.to_string())
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(())
    }
}

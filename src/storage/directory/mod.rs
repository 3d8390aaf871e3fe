//! Directory queries: countries, cities and themes here; organisations and people in modules of
//! their own.

mod organisations;
mod people;
pub mod picks;

pub use organisations::{OrgFilter, OrganisationRow, OrganisationTextRow};
pub use people::{PeopleFilter, PersonRow};

use crate::domain::directory::{NewCity, NewTerm, Taxonomy, TermMatcher};

use crate::storage::{Result, StorageError, Store, WriteTx, now};

/// A country.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CountryRow {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// German name.
    pub name_de: String,
    /// French name.
    pub name_fr: String,
    /// English name.
    pub name_en: String,
}

/// A city, with how many organisations it has.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CityRow {
    /// Id.
    pub id: i64,
    /// URL name.
    pub slug: String,
    /// Country code.
    pub country: String,
    /// Own name.
    pub name: String,
    /// German name.
    pub name_de: Option<String>,
    /// French name.
    pub name_fr: Option<String>,
    /// English name.
    pub name_en: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Number of organisations in the city.
    pub organisations: i64,
    /// Number of practices and placements in the city (which keep it from being deleted).
    pub in_use: i64,
}

/// A term of a taxonomy (a theme or a target group).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TermRow {
    /// Key.
    pub key: String,
    /// German label.
    pub label_de: String,
    /// French label.
    pub label_fr: String,
    /// English label.
    pub label_en: String,
    /// Other names, `; `-separated.
    pub synonyms: String,
}

impl TermRow {
    /// Every name the term answers to: its labels and other names.
    pub fn names(&self) -> Vec<&str> {
        let mut names = vec![
            self.label_de.as_str(),
            self.label_fr.as_str(),
            self.label_en.as_str(),
        ];
        names.extend(crate::domain::directory::terms::split_synonyms(
            &self.synonyms,
        ));
        names
    }

    /// A matcher of free text over `terms`.
    pub fn matcher(terms: &[TermRow]) -> TermMatcher {
        TermMatcher::new(terms.iter().map(|t| (t.key.as_str(), t.names())))
    }
}

/// The table a taxonomy lives in.
fn table(t: Taxonomy) -> &'static str {
    match t {
        Taxonomy::Themes => "themes",
        Taxonomy::TargetGroups => "target_groups",
    }
}

impl Store {
    /// Every country, by code.
    pub async fn countries(&self) -> Result<Vec<CountryRow>> {
        Ok(
            sqlx::query_as("SELECT code, name_de, name_fr, name_en FROM countries ORDER BY code")
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// One country.
    pub async fn country(&self, code: &str) -> Result<CountryRow> {
        Ok(
            sqlx::query_as("SELECT code, name_de, name_fr, name_en FROM countries WHERE code = $1")
                .bind(code)
                .fetch_one(self.pool())
                .await?,
        )
    }

    /// Cities, optionally of one country, by name.
    pub async fn cities(&self, country: Option<&str>) -> Result<Vec<CityRow>> {
        Ok(sqlx::query_as(
            "SELECT c.id, c.slug, c.country, c.name, c.name_de, c.name_fr, c.name_en, c.lat, c.lon, \
             (SELECT COUNT(*) FROM organisations o WHERE o.city_id = c.id) AS organisations, \
             (SELECT COUNT(*) FROM practices p WHERE p.city_id = c.id) \
             + (SELECT COUNT(*) FROM placements l WHERE l.city_id = c.id) AS in_use \
             FROM cities c WHERE ($1 IS NULL OR c.country = $1) ORDER BY c.name",
        )
        .bind(country)
        .fetch_all(self.pool())
        .await?)
    }

    /// One city by slug.
    pub async fn city(&self, slug: &str) -> Result<CityRow> {
        Ok(sqlx::query_as(
            "SELECT c.id, c.slug, c.country, c.name, c.name_de, c.name_fr, c.name_en, c.lat, c.lon, \
             (SELECT COUNT(*) FROM organisations o WHERE o.city_id = c.id) AS organisations, \
             (SELECT COUNT(*) FROM practices p WHERE p.city_id = c.id) \
             + (SELECT COUNT(*) FROM placements l WHERE l.city_id = c.id) AS in_use \
             FROM cities c WHERE c.slug = $1",
        )
        .bind(slug)
        .fetch_one(self.pool())
        .await?)
    }

    /// A taxonomy in its order.
    pub async fn terms(&self, taxonomy: Taxonomy) -> Result<Vec<TermRow>> {
        let sql = format!(
            "SELECT key, label_de, label_fr, label_en, synonyms FROM {} ORDER BY position, key",
            table(taxonomy)
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?)
    }

    /// Every organisation's and person's slug with its id (for imports).
    pub async fn directory_keys(&self) -> Result<(Vec<(i64, String)>, Vec<(i64, String)>)> {
        let orgs = sqlx::query_as("SELECT id, slug FROM organisations")
            .fetch_all(self.pool())
            .await?;
        let people = sqlx::query_as("SELECT id, slug FROM people")
            .fetch_all(self.pool())
            .await?;
        Ok((orgs, people))
    }
}

impl WriteTx {
    /// Adds a term at the end of its taxonomy, or renames an existing one.
    pub async fn upsert_term(
        &mut self,
        taxonomy: Taxonomy,
        t: &NewTerm,
        actor: Option<i64>,
    ) -> Result<()> {
        let sql = format!(
            "INSERT INTO {0} (key, label_de, label_fr, label_en, synonyms, position) \
             VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(MAX(position), 0) + 1 FROM {0})) \
             ON CONFLICT (key) DO UPDATE SET label_de = $2, label_fr = $3, label_en = $4, synonyms = $5",
            table(taxonomy)
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(t.key.as_str())
            .bind(&t.labels[0])
            .bind(&t.labels[1])
            .bind(&t.labels[2])
            .bind(&t.synonyms)
            .execute(&mut *self.tx)
            .await?;
        let entity = match taxonomy {
            Taxonomy::Themes => "theme",
            Taxonomy::TargetGroups => "target_group",
        };
        self.record(entity, t.key.as_str(), "update", actor).await
    }

    /// Adds a country or renames an existing one.
    pub async fn upsert_country(&mut self, row: &CountryRow, actor: Option<i64>) -> Result<()> {
        sqlx::query(
            "INSERT INTO countries (code, name_de, name_fr, name_en) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (code) DO UPDATE SET name_de = $2, name_fr = $3, name_en = $4",
        )
        .bind(&row.code)
        .bind(&row.name_de)
        .bind(&row.name_fr)
        .bind(&row.name_en)
        .execute(&mut *self.tx)
        .await?;
        self.record("country", &row.code, "update", actor).await
    }

    /// Changes a city.
    pub async fn update_city(&mut self, id: i64, c: &NewCity, actor: Option<i64>) -> Result<()> {
        let n = sqlx::query(
            "UPDATE cities SET slug = $2, country = $3, name = $4, name_de = $5, name_fr = $6, name_en = $7, lat = $8, \
             lon = $9, updated_at = $10 WHERE id = $1",
        )
        .bind(id)
        .bind(c.slug.as_str())
        .bind(c.country.as_str())
        .bind(&c.name)
        .bind(&c.name_de)
        .bind(&c.name_fr)
        .bind(&c.name_en)
        .bind(c.lat)
        .bind(c.lon)
        .bind(now())
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StorageError::NotFound);
        }
        self.record("city", &id.to_string(), "update", actor).await
    }

    /// Removes a city (the database refuses while anything is in it).
    pub async fn delete_city(&mut self, id: i64, actor: Option<i64>) -> Result<()> {
        let n = sqlx::query("DELETE FROM cities WHERE id = $1")
            .bind(id)
            .execute(&mut *self.tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StorageError::NotFound);
        }
        self.record("city", &id.to_string(), "delete", actor).await
    }

    /// Removes a country (the database refuses while cities are in it).
    pub async fn delete_country(&mut self, code: &str, actor: Option<i64>) -> Result<()> {
        let n = sqlx::query("DELETE FROM countries WHERE code = $1")
            .bind(code)
            .execute(&mut *self.tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StorageError::NotFound);
        }
        self.record("country", code, "delete", actor).await
    }

    /// Adds a city and returns its id.
    pub async fn insert_city(&mut self, c: &NewCity, actor: Option<i64>) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO cities (slug, country, name, name_de, name_fr, name_en, lat, lon, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(c.slug.as_str())
        .bind(c.country.as_str())
        .bind(&c.name)
        .bind(&c.name_de)
        .bind(&c.name_fr)
        .bind(&c.name_en)
        .bind(c.lat)
        .bind(c.lon)
        .bind(now())
        .fetch_one(&mut *self.tx)
        .await?;
        self.record("city", &id.to_string(), "create", actor)
            .await?;
        Ok(id)
    }

    /// The id of a city by slug, inside this transaction.
    pub async fn city_id(&mut self, slug: &str) -> Result<i64> {
        let row: (i64,) = sqlx::query_as("SELECT id FROM cities WHERE slug = $1")
            .bind(slug)
            .fetch_one(&mut *self.tx)
            .await?;
        Ok(row.0)
    }

    /// Which of `keys` are not in `taxonomy`.
    pub async fn unknown_terms(
        &mut self,
        taxonomy: Taxonomy,
        keys: &[String],
    ) -> Result<Vec<String>> {
        let sql = format!("SELECT key FROM {} WHERE key = $1", table(taxonomy));
        let mut unknown = Vec::new();
        for key in keys {
            let found: Option<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(key)
                .fetch_optional(&mut *self.tx)
                .await?;
            if found.is_none() {
                unknown.push(key.clone());
            }
        }
        Ok(unknown)
    }

    async fn put_text(
        &mut self,
        id: i64,
        lang: &str,
        description: &str,
        status: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO organisation_texts (organisation_id, lang, description, status, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation_id, lang) \
             DO UPDATE SET description = $3, status = $4, updated_at = $5",
        )
        .bind(id)
        .bind(lang)
        .bind(description)
        .bind(status)
        .bind(now())
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}

//! Organisations of the directory: their rows, filters, translated texts and writes.

use crate::domain::directory::NewOrganisation;

use crate::storage::{
    Conditions, Result, StorageError, Store, WriteTx, bind_all, contains_pattern, join_list,
    list_pattern, name_key, now,
};

/// An organisation with its city.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisationRow {
    /// Id.
    pub id: i64,
    /// URL name.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Kind (stored name).
    pub kind: String,
    /// City id.
    pub city_id: i64,
    /// City slug.
    pub city_slug: String,
    /// Country code.
    pub country: String,
    /// Website.
    pub website: Option<String>,
    /// Stored language list.
    pub languages: String,
    /// Stored theme list.
    pub themes: String,
    /// Original language of the description.
    pub original_lang: String,
    /// Created, Unix seconds.
    pub created_at: i64,
    /// Last changed, Unix seconds.
    pub updated_at: i64,
}

/// One language version of an organisation's description.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisationTextRow {
    /// Language code.
    pub lang: String,
    /// Markdown text.
    pub description: String,
    /// `original`, `human`, `machine` or `outdated`.
    pub status: String,
    /// Last changed.
    pub updated_at: i64,
}

/// Filters of the organisation list; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct OrgFilter {
    /// City slug.
    pub city: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Kind.
    pub kind: Option<String>,
    /// Only city administrations (`Some(true)`) or only the others (`Some(false)`).
    pub inner_circle: Option<bool>,
    /// A language the organisation uses.
    pub language: Option<String>,
    /// A theme of expertise.
    pub theme: Option<String>,
    /// Part of the name, any case or accents.
    pub q: Option<String>,
}

const ORG_COLUMNS: &str = "o.id, o.slug, o.name, o.kind, o.city_id, c.slug AS city_slug, c.country, o.website, \
     o.languages, o.themes, o.original_lang, o.created_at, o.updated_at";

impl Store {
    /// A page of organisations matching `filter`, by name, and how many match in all.
    pub async fn organisations(
        &self,
        filter: &OrgFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<OrganisationRow>, i64)> {
        let mut w = Conditions::default();
        w.when("c.slug = ?", filter.city.clone())
            .when("c.country = ?", filter.country.clone())
            .when("o.kind = ?", filter.kind.clone())
            .when(
                "(',' || o.languages || ',') LIKE ? ESCAPE '\\'",
                filter.language.as_deref().map(list_pattern),
            )
            .when(
                "(',' || o.themes || ',') LIKE ? ESCAPE '\\'",
                filter.theme.as_deref().map(list_pattern),
            )
            .when(
                "o.name_key LIKE ? ESCAPE '\\'",
                filter.q.as_deref().map(contains_pattern),
            );
        match filter.inner_circle {
            Some(true) => w.always("o.kind = 'city_administration'"),
            Some(false) => w.always("o.kind <> 'city_administration'"),
            None => &mut w,
        };
        let (where_sql, next) = (w.sql(), w.next());
        let list_sql = format!(
            "SELECT {ORG_COLUMNS} FROM organisations o JOIN cities c ON c.id = o.city_id {where_sql} \
             ORDER BY o.name_key, o.id LIMIT ${next} OFFSET ${}",
            next + 1
        );
        let list = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(list_sql)), w);
        let rows = list.bind(limit).bind(offset).fetch_all(self.pool()).await?;
        // Without a place filter the count needs no join and reads one index.
        let join = if filter.city.is_some() || filter.country.is_some() {
            "JOIN cities c ON c.id = o.city_id"
        } else {
            ""
        };
        let count = bind_all!(
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM organisations o {join} {where_sql}"
            ))),
            w
        );
        let (total,): (i64,) = count.fetch_one(self.pool()).await?;
        Ok((rows, total))
    }

    /// One organisation by slug.
    pub async fn organisation(&self, slug: &str) -> Result<OrganisationRow> {
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organisations o JOIN cities c ON c.id = o.city_id WHERE o.slug = $1"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(slug)
            .fetch_one(self.pool())
            .await?)
    }

    /// One organisation by id.
    pub async fn organisation_by_id(&self, id: i64) -> Result<OrganisationRow> {
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organisations o JOIN cities c ON c.id = o.city_id WHERE o.id = $1"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_one(self.pool())
            .await?)
    }

    /// Every language version of an organisation's description.
    pub async fn organisation_texts(
        &self,
        organisation_id: i64,
    ) -> Result<Vec<OrganisationTextRow>> {
        Ok(sqlx::query_as(
            "SELECT lang, description, status, updated_at FROM organisation_texts WHERE organisation_id = $1 ORDER BY lang",
        )
        .bind(organisation_id)
        .fetch_all(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// The id of an organisation by slug, inside this transaction.
    pub async fn organisation_id(&mut self, slug: &str) -> Result<i64> {
        let row: (i64,) = sqlx::query_as("SELECT id FROM organisations WHERE slug = $1")
            .bind(slug)
            .fetch_one(&mut *self.tx)
            .await?;
        Ok(row.0)
    }

    /// Adds an organisation with its original description; returns its id.
    pub async fn insert_organisation(
        &mut self,
        o: &NewOrganisation,
        city_id: i64,
        actor: Option<i64>,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO organisations (slug, name, name_key, kind, city_id, website, languages, themes, original_lang, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
        )
        .bind(o.slug.as_str())
        .bind(&o.name)
        .bind(name_key(&o.name))
        .bind(o.kind.as_str())
        .bind(city_id)
        .bind(o.website.as_ref().map(|w| w.as_str()))
        .bind(join_list(&o.languages.iter().map(|l| l.code()).collect::<Vec<_>>()))
        .bind(join_list(&o.themes.iter().map(|t| t.as_str()).collect::<Vec<_>>()))
        .bind(o.lang.code())
        .bind(now())
        .fetch_one(&mut *self.tx)
        .await?;
        self.put_text(id, o.lang.code(), &o.description, "original")
            .await?;
        self.record("organisation", &id.to_string(), "create", actor)
            .await?;
        Ok(id)
    }

    /// Changes an organisation. When its original text changes, translations become `outdated`.
    pub async fn update_organisation(
        &mut self,
        id: i64,
        o: &NewOrganisation,
        city_id: i64,
        actor: Option<i64>,
    ) -> Result<()> {
        let old: Option<(String, String)> = sqlx::query_as(
            "SELECT t.lang, t.description FROM organisations o JOIN organisation_texts t \
             ON t.organisation_id = o.id AND t.lang = o.original_lang WHERE o.id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *self.tx)
        .await?;
        let changed = sqlx::query(
            "UPDATE organisations SET slug = $2, name = $3, name_key = $4, kind = $5, city_id = $6, website = $7, \
             languages = $8, themes = $9, original_lang = $10, updated_at = $11 WHERE id = $1",
        )
        .bind(id)
        .bind(o.slug.as_str())
        .bind(&o.name)
        .bind(name_key(&o.name))
        .bind(o.kind.as_str())
        .bind(city_id)
        .bind(o.website.as_ref().map(|w| w.as_str()))
        .bind(join_list(&o.languages.iter().map(|l| l.code()).collect::<Vec<_>>()))
        .bind(join_list(&o.themes.iter().map(|t| t.as_str()).collect::<Vec<_>>()))
        .bind(o.lang.code())
        .bind(now())
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StorageError::NotFound);
        }
        let text_changed = old
            .as_ref()
            .is_none_or(|(lang, text)| lang != o.lang.code() || text != &o.description);
        self.put_text(id, o.lang.code(), &o.description, "original")
            .await?;
        if text_changed {
            sqlx::query(
                "UPDATE organisation_texts SET status = 'outdated' WHERE organisation_id = $1 AND lang <> $2 \
                 AND status IN ('human', 'machine', 'original')",
            )
            .bind(id)
            .bind(o.lang.code())
            .execute(&mut *self.tx)
            .await?;
        }
        self.record("organisation", &id.to_string(), "update", actor)
            .await
    }

    /// Writes one language version of an organisation's description.
    pub async fn put_organisation_text(
        &mut self,
        id: i64,
        lang: &str,
        description: &str,
        status: &str,
        actor: Option<i64>,
    ) -> Result<()> {
        self.put_text(id, lang, description, status).await?;
        self.record("organisation", &id.to_string(), "update", actor)
            .await
    }

    /// Removes an organisation and its people.
    pub async fn delete_organisation(&mut self, id: i64, actor: Option<i64>) -> Result<()> {
        let n = sqlx::query("DELETE FROM organisations WHERE id = $1")
            .bind(id)
            .execute(&mut *self.tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StorageError::NotFound);
        }
        self.record("organisation", &id.to_string(), "delete", actor)
            .await
    }
}

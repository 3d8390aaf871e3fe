//! Directory queries: countries, cities, themes, organisations with their texts, and people.

use crate::domain::directory::{NewCity, NewOrganisation, NewPerson};

use crate::storage::{
    Conditions, Result, StorageError, Store, WriteTx, bind_all, contains_pattern, join_list,
    list_pattern, name_key, now,
};

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
}

/// A theme of the taxonomy.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ThemeRow {
    /// Key.
    pub key: String,
    /// German label.
    pub label_de: String,
    /// French label.
    pub label_fr: String,
    /// English label.
    pub label_en: String,
}

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

/// A person with their organisation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonRow {
    /// Id.
    pub id: i64,
    /// URL name.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Role or title.
    pub role_title: Option<String>,
    /// Organisation id.
    pub organisation_id: i64,
    /// Organisation slug.
    pub organisation_slug: String,
    /// Organisation name.
    pub organisation_name: String,
    /// City slug of the organisation.
    pub city_slug: String,
    /// Stored language list.
    pub languages: String,
    /// Stored theme list.
    pub themes: String,
    /// E-mail address.
    pub email: Option<String>,
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

/// Filters of the people list; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct PeopleFilter {
    /// The organisation's slug.
    pub organisation: Option<String>,
    /// The organisation's city slug.
    pub city: Option<String>,
    /// A language the person speaks.
    pub language: Option<String>,
    /// Part of the name, any case or accents.
    pub q: Option<String>,
}

const PERSON_SELECT: &str = "SELECT p.id, p.slug, p.name, p.role_title, p.organisation_id, o.slug AS organisation_slug, \
     o.name AS organisation_name, c.slug AS city_slug, p.languages, p.themes, p.email \
     FROM people p JOIN organisations o ON o.id = p.organisation_id JOIN cities c ON c.id = o.city_id";

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
             (SELECT COUNT(*) FROM organisations o WHERE o.city_id = c.id) AS organisations \
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
             (SELECT COUNT(*) FROM organisations o WHERE o.city_id = c.id) AS organisations \
             FROM cities c WHERE c.slug = $1",
        )
        .bind(slug)
        .fetch_one(self.pool())
        .await?)
    }

    /// The theme taxonomy in its order.
    pub async fn themes(&self) -> Result<Vec<ThemeRow>> {
        Ok(sqlx::query_as(
            "SELECT key, label_de, label_fr, label_en FROM themes ORDER BY position, key",
        )
        .fetch_all(self.pool())
        .await?)
    }

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

    /// People matching `filter`, by name; and how many match in all.
    pub async fn people(
        &self,
        filter: &PeopleFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<PersonRow>, i64)> {
        let mut w = Conditions::default();
        w.when("o.slug = ?", filter.organisation.clone())
            .when(
                "p.name_key LIKE ? ESCAPE '\\'",
                filter.q.as_deref().map(contains_pattern),
            )
            .when("c.slug = ?", filter.city.clone())
            .when(
                "(',' || p.languages || ',') LIKE ? ESCAPE '\\'",
                filter.language.as_deref().map(list_pattern),
            );
        let (where_sql, next) = (w.sql(), w.next());
        let count = bind_all!(
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM people p JOIN organisations o ON o.id = p.organisation_id \
             JOIN cities c ON c.id = o.city_id {where_sql}"
            ))),
            w
        );
        let (total,): (i64,) = count.fetch_one(self.pool()).await?;
        let sql = format!(
            "{PERSON_SELECT} {where_sql} ORDER BY p.name_key, p.id LIMIT ${next} OFFSET ${}",
            next + 1
        );
        let list = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), w);
        let rows = list.bind(limit).bind(offset).fetch_all(self.pool()).await?;
        Ok((rows, total))
    }

    /// The directory entries with address `email` (any case): one person's, for erasure.
    pub async fn people_with_email(&self, email: &str) -> Result<Vec<PersonRow>> {
        people_with_email(&mut *self.pool().acquire().await?, email).await
    }

    /// A person by URL name.
    pub async fn person(&self, slug: &str) -> Result<PersonRow> {
        let sql = format!("{PERSON_SELECT} WHERE p.slug = $1");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(slug)
            .fetch_one(self.pool())
            .await?)
    }
}

impl WriteTx {
    /// Adds a theme at the end of the taxonomy, or renames an existing one.
    pub async fn upsert_theme(
        &mut self,
        t: &crate::domain::directory::NewTheme,
        actor: Option<i64>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO themes (key, label_de, label_fr, label_en, position) \
             VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(position), 0) + 1 FROM themes)) \
             ON CONFLICT (key) DO UPDATE SET label_de = $2, label_fr = $3, label_en = $4",
        )
        .bind(t.key.as_str())
        .bind(&t.labels[0])
        .bind(&t.labels[1])
        .bind(&t.labels[2])
        .execute(&mut *self.tx)
        .await?;
        self.record("theme", t.key.as_str(), "update", actor).await
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

    /// Removes a city (the database refuses while organisations are in it).
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

    /// The id of an organisation by slug, inside this transaction.
    pub async fn organisation_id(&mut self, slug: &str) -> Result<i64> {
        let row: (i64,) = sqlx::query_as("SELECT id FROM organisations WHERE slug = $1")
            .bind(slug)
            .fetch_one(&mut *self.tx)
            .await?;
        Ok(row.0)
    }

    /// The id of a person by slug, inside this transaction.
    pub async fn person_id(&mut self, slug: &str) -> Result<i64> {
        let row: (i64,) = sqlx::query_as("SELECT id FROM people WHERE slug = $1")
            .bind(slug)
            .fetch_one(&mut *self.tx)
            .await?;
        Ok(row.0)
    }

    /// Which of `keys` are not in the theme taxonomy.
    pub async fn unknown_themes(&mut self, keys: &[String]) -> Result<Vec<String>> {
        let mut unknown = Vec::new();
        for key in keys {
            let found: Option<(String,)> = sqlx::query_as("SELECT key FROM themes WHERE key = $1")
                .bind(key)
                .fetch_optional(&mut *self.tx)
                .await?;
            if found.is_none() {
                unknown.push(key.clone());
            }
        }
        Ok(unknown)
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

    /// Adds a person; returns their id.
    pub async fn insert_person(
        &mut self,
        p: &NewPerson,
        organisation_id: i64,
        actor: Option<i64>,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO people (slug, name, name_key, role_title, organisation_id, languages, themes, email, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(p.slug.as_str())
        .bind(&p.name)
        .bind(name_key(&p.name))
        .bind(&p.role)
        .bind(organisation_id)
        .bind(join_list(&p.languages.iter().map(|l| l.code()).collect::<Vec<_>>()))
        .bind(join_list(&p.themes.iter().map(|t| t.as_str()).collect::<Vec<_>>()))
        .bind(p.email.as_ref().map(|e| e.as_str()))
        .bind(now())
        .fetch_one(&mut *self.tx)
        .await?;
        self.record("person", &id.to_string(), "create", actor)
            .await?;
        Ok(id)
    }

    /// Changes a person.
    pub async fn update_person(
        &mut self,
        id: i64,
        p: &NewPerson,
        organisation_id: i64,
        actor: Option<i64>,
    ) -> Result<()> {
        let n = sqlx::query(
            "UPDATE people SET slug = $2, name = $3, name_key = $4, role_title = $5, organisation_id = $6, \
             languages = $7, themes = $8, email = $9, updated_at = $10 WHERE id = $1",
        )
        .bind(id)
        .bind(p.slug.as_str())
        .bind(&p.name)
        .bind(name_key(&p.name))
        .bind(&p.role)
        .bind(organisation_id)
        .bind(join_list(&p.languages.iter().map(|l| l.code()).collect::<Vec<_>>()))
        .bind(join_list(&p.themes.iter().map(|t| t.as_str()).collect::<Vec<_>>()))
        .bind(p.email.as_ref().map(|e| e.as_str()))
        .bind(now())
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StorageError::NotFound);
        }
        self.record("person", &id.to_string(), "update", actor)
            .await
    }

    /// [`Store::people_with_email`], inside the transaction.
    pub async fn people_with_email(&mut self, email: &str) -> Result<Vec<PersonRow>> {
        people_with_email(&mut self.tx, email).await
    }

    /// Erases person `id` (URL name `slug`): removed from the directory, from the contacts of
    /// practices and placements, and from every practice revision, each rewritten by `scrub`
    /// (which returns the snapshot without them, or `None` when it does not name them).
    pub async fn erase_person(
        &mut self,
        id: i64,
        slug: &str,
        scrub: impl Fn(&str) -> Option<String>,
        actor: Option<i64>,
    ) -> Result<()> {
        let pattern = format!("%{}%", crate::storage::escape_like(slug));
        let revisions: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, snapshot FROM practice_revisions WHERE snapshot LIKE $1 ESCAPE '\\'",
        )
        .bind(pattern)
        .fetch_all(&mut *self.tx)
        .await?;
        for (revision, snapshot) in revisions {
            if let Some(scrubbed) = scrub(&snapshot) {
                sqlx::query("UPDATE practice_revisions SET snapshot = $2 WHERE id = $1")
                    .bind(revision)
                    .bind(scrubbed)
                    .execute(&mut *self.tx)
                    .await?;
            }
        }
        for sql in [
            "DELETE FROM practice_contacts WHERE person_id = $1",
            "UPDATE placements SET contact_id = NULL WHERE contact_id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *self.tx).await?;
        }
        self.delete_person(id, actor).await
    }

    /// Removes a person.
    pub async fn delete_person(&mut self, id: i64, actor: Option<i64>) -> Result<()> {
        let n = sqlx::query("DELETE FROM people WHERE id = $1")
            .bind(id)
            .execute(&mut *self.tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StorageError::NotFound);
        }
        self.record("person", &id.to_string(), "delete", actor)
            .await
    }
}

async fn people_with_email(conn: &mut sqlx::AnyConnection, email: &str) -> Result<Vec<PersonRow>> {
    let sql = format!("{PERSON_SELECT} WHERE LOWER(p.email) = LOWER($1) ORDER BY p.id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(email)
        .fetch_all(conn)
        .await?)
}

//! People of the directory: their rows, filters and writes, and their erasure.

use crate::domain::directory::NewPerson;

use crate::storage::{
    Conditions, Result, StorageError, Store, WriteTx, bind_all, contains_pattern, join_list,
    list_pattern, name_key, now,
};

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

async fn people_with_email(conn: &mut sqlx::AnyConnection, email: &str) -> Result<Vec<PersonRow>> {
    let sql = format!("{PERSON_SELECT} WHERE LOWER(p.email) = LOWER($1) ORDER BY p.id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(email)
        .fetch_all(conn)
        .await?)
}

impl Store {
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
    /// The id of a person by slug, inside this transaction.
    pub async fn person_id(&mut self, slug: &str) -> Result<i64> {
        let row: (i64,) = sqlx::query_as("SELECT id FROM people WHERE slug = $1")
            .bind(slug)
            .fetch_one(&mut *self.tx)
            .await?;
        Ok(row.0)
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

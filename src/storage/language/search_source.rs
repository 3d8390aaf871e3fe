//! What the search index is built from: published practices, organisations and people with
//! their texts, read in batches by id. Only SQL; `app` turns the rows into index documents.

use crate::storage::{Result, Store, placeholders};

/// An entity as the index needs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IndexRow {
    /// Id.
    pub id: i64,
    /// URL name.
    pub slug: String,
    /// Name (organisations and people) or empty.
    pub name: String,
    /// External reference (practices).
    #[sqlx(rename = "ref")]
    pub reference: Option<String>,
    /// City slug.
    pub city_slug: String,
    /// Country code.
    pub country: String,
    /// Original language.
    pub original_lang: String,
    /// Stored theme list.
    pub themes: String,
    /// Role (people), kind (organisations) or target groups (practices).
    pub extra: Option<String>,
    /// The organisation (people).
    pub parent_id: Option<i64>,
    /// The organisation's name (people).
    pub parent_name: Option<String>,
}

/// One text of an entity.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IndexText {
    /// The entity's id.
    pub owner: i64,
    /// Language.
    pub lang: String,
    /// Field (`description` for organisations).
    pub field: String,
    /// Markdown.
    pub body: String,
}

/// Which rows to read.
#[derive(Debug, Clone)]
pub enum IndexSelect {
    /// These ids.
    Ids(Vec<i64>),
    /// The next `limit` rows after id `after`, in id order.
    After(i64, i64),
}

impl IndexSelect {
    fn sql(&self, column: &str) -> String {
        match self {
            IndexSelect::Ids(ids) => format!(
                "{column} IN ({}) ORDER BY {column}",
                placeholders(1, ids.len().max(1))
            ),
            IndexSelect::After(..) => format!("{column} > $1 ORDER BY {column} LIMIT $2"),
        }
    }

    fn values(&self) -> Vec<i64> {
        match self {
            IndexSelect::Ids(ids) if ids.is_empty() => vec![-1],
            IndexSelect::Ids(ids) => ids.clone(),
            IndexSelect::After(after, limit) => vec![*after, *limit],
        }
    }
}

impl Store {
    async fn index_rows(&self, sql: String, values: Vec<i64>) -> Result<Vec<IndexRow>> {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for v in values {
            q = q.bind(v);
        }
        Ok(q.fetch_all(self.pool()).await?)
    }

    async fn index_texts(&self, sql: &str, ids: &[i64]) -> Result<Vec<IndexText>> {
        self.rows_for_ids(sql, ids).await
    }

    /// Published practices.
    pub async fn index_practices(&self, select: &IndexSelect) -> Result<Vec<IndexRow>> {
        let sql = format!(
            "SELECT p.id, p.slug, '' AS name, p.ref, c.slug AS city_slug, c.country, p.original_lang, \
             p.themes, p.target_groups AS extra, NULL AS parent_id, NULL AS parent_name \
             FROM practices p JOIN cities c ON c.id = p.city_id \
             WHERE p.status = 'published' AND {}",
            select.sql("p.id")
        );
        self.index_rows(sql, select.values()).await
    }

    /// Texts of practices, and their owners' names as field `owner`.
    pub async fn index_practice_texts(&self, ids: &[i64]) -> Result<Vec<IndexText>> {
        self.index_texts(
            "SELECT practice_id AS owner, lang, field, body FROM practice_texts WHERE practice_id IN ({ids}) \
             UNION ALL SELECT po.practice_id AS owner, o.original_lang AS lang, 'owner' AS field, o.name AS body \
             FROM practice_organisations po JOIN organisations o ON o.id = po.organisation_id \
             WHERE po.practice_id IN ({ids})",
            ids,
        )
        .await
    }

    /// Organisations.
    pub async fn index_organisations(&self, select: &IndexSelect) -> Result<Vec<IndexRow>> {
        let sql = format!(
            "SELECT o.id, o.slug, o.name, NULL AS ref, c.slug AS city_slug, c.country, o.original_lang, \
             o.themes, o.kind AS extra, NULL AS parent_id, NULL AS parent_name \
             FROM organisations o JOIN cities c ON c.id = o.city_id WHERE {}",
            select.sql("o.id")
        );
        self.index_rows(sql, select.values()).await
    }

    /// Descriptions of organisations.
    pub async fn index_organisation_texts(&self, ids: &[i64]) -> Result<Vec<IndexText>> {
        self.index_texts(
            "SELECT organisation_id AS owner, lang, 'description' AS field, description AS body \
             FROM organisation_texts WHERE organisation_id IN ({ids})",
            ids,
        )
        .await
    }

    /// Placements of the exchange programme, with their host (closed ones are indexed for
    /// members: `extra` carries the status).
    pub async fn index_placements(&self, select: &IndexSelect) -> Result<Vec<IndexRow>> {
        let sql = format!(
            "SELECT p.id, p.slug, '' AS name, NULL AS ref, c.slug AS city_slug, c.country, p.lang AS original_lang, \
             p.themes, p.status AS extra, o.id AS parent_id, o.name AS parent_name \
             FROM placements p JOIN organisations o ON o.id = p.organisation_id \
             JOIN cities c ON c.id = p.city_id WHERE {}",
            select.sql("p.id")
        );
        self.index_rows(sql, select.values()).await
    }

    /// Texts of placements as practice-like fields (the description as `summary`), and the
    /// host's name as field `owner`.
    pub async fn index_placement_texts(&self, ids: &[i64]) -> Result<Vec<IndexText>> {
        self.index_texts(
            "SELECT id AS owner, lang, 'title' AS field, title AS body FROM placements WHERE id IN ({ids}) \
             UNION ALL SELECT id, lang, 'summary', description FROM placements WHERE id IN ({ids}) \
             UNION ALL SELECT id, lang, 'practical', practical FROM placements WHERE id IN ({ids}) \
             UNION ALL SELECT id, lang, 'accessibility', accessibility FROM placements WHERE id IN ({ids}) \
             UNION ALL SELECT p.id, p.lang, 'owner', o.name FROM placements p \
             JOIN organisations o ON o.id = p.organisation_id WHERE p.id IN ({ids}) \
             UNION ALL SELECT placement_id, lang, 'title', title FROM placement_texts WHERE placement_id IN ({ids}) \
             UNION ALL SELECT placement_id, lang, 'summary', description FROM placement_texts WHERE placement_id IN ({ids}) \
             UNION ALL SELECT placement_id, lang, 'practical', practical FROM placement_texts WHERE placement_id IN ({ids}) \
             UNION ALL SELECT placement_id, lang, 'accessibility', accessibility FROM placement_texts \
             WHERE placement_id IN ({ids})",
            ids,
        )
        .await
    }

    /// Ids of the placements a change to a city, a theme or an organisation touches.
    pub async fn index_placement_dependents(&self, entity: &str, key: &str) -> Result<Vec<i64>> {
        let sql = match entity {
            "city" => "SELECT id FROM placements WHERE CAST(city_id AS TEXT) = $1",
            "theme" => {
                "SELECT id FROM placements WHERE (',' || themes || ',') LIKE '%,' || $1 || ',%'"
            }
            "organisation" => "SELECT id FROM placements WHERE CAST(organisation_id AS TEXT) = $1",
            _ => return Ok(Vec::new()),
        };
        let rows: Vec<(i64,)> = sqlx::query_as(sql).bind(key).fetch_all(self.pool()).await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// Learning reports, under their placement's host city and themes, in their visitor's
    /// language (`extra` says whether the report is published).
    pub async fn index_reports(&self, select: &IndexSelect) -> Result<Vec<IndexRow>> {
        let sql = format!(
            "SELECT r.visit_id AS id, CAST(r.visit_id AS TEXT) AS slug, '' AS name, NULL AS ref, c.slug AS city_slug, \
             c.country, COALESCE(NULLIF(r.lang, ''), u.locale) AS original_lang, p.themes, \
             CASE WHEN r.published = 1 THEN 'published' ELSE 'members' END AS extra, NULL AS parent_id, NULL AS parent_name \
             FROM visit_reports r JOIN visits v ON v.id = r.visit_id JOIN placements p ON p.id = v.placement_id \
             JOIN cities c ON c.id = p.city_id JOIN users u ON u.id = v.visitor_id WHERE {}",
            select.sql("r.visit_id")
        );
        self.index_rows(sql, select.values()).await
    }

    /// Texts of learning reports: the placement's title, what to take home as the summary, the
    /// other sections as the body, and the host's name as `owner`.
    pub async fn index_report_texts(&self, ids: &[i64]) -> Result<Vec<IndexText>> {
        self.index_texts(
            "SELECT r.visit_id AS owner, COALESCE(NULLIF(r.lang, ''), u.locale) AS lang, 'title' AS field, p.title AS body FROM visit_reports r \
             JOIN visits v ON v.id = r.visit_id JOIN placements p ON p.id = v.placement_id \
             JOIN users u ON u.id = v.visitor_id WHERE r.visit_id IN ({ids}) \
             UNION ALL SELECT r.visit_id, COALESCE(NULLIF(r.lang, ''), u.locale), 'summary', r.take_home FROM visit_reports r \
             JOIN visits v ON v.id = r.visit_id JOIN users u ON u.id = v.visitor_id WHERE r.visit_id IN ({ids}) \
             UNION ALL SELECT r.visit_id, COALESCE(NULLIF(r.lang, ''), u.locale), 'saw', r.saw || ' ' || r.worked || ' ' || r.outcome || ' ' || r.host_view \
             FROM visit_reports r JOIN visits v ON v.id = r.visit_id JOIN users u ON u.id = v.visitor_id \
             WHERE r.visit_id IN ({ids}) \
             UNION ALL SELECT r.visit_id, COALESCE(NULLIF(r.lang, ''), u.locale), 'owner', o.name FROM visit_reports r \
             JOIN visits v ON v.id = r.visit_id JOIN placements p ON p.id = v.placement_id \
             JOIN organisations o ON o.id = p.organisation_id JOIN users u ON u.id = v.visitor_id \
             WHERE r.visit_id IN ({ids})",
            ids,
        )
        .await
    }

    /// Ids of the reports on visits to one placement (their titles come from it).
    pub async fn index_reports_of_placement(&self, placement: i64) -> Result<Vec<i64>> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT r.visit_id FROM visit_reports r JOIN visits v ON v.id = r.visit_id WHERE v.placement_id = $1",
        )
        .bind(placement)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// People, with their organisation.
    pub async fn index_people(&self, select: &IndexSelect) -> Result<Vec<IndexRow>> {
        let sql = format!(
            "SELECT p.id, p.slug, p.name, NULL AS ref, c.slug AS city_slug, c.country, o.original_lang, \
             p.themes, p.role_title AS extra, o.id AS parent_id, o.name AS parent_name \
             FROM people p JOIN organisations o ON o.id = p.organisation_id \
             JOIN cities c ON c.id = o.city_id WHERE {}",
            select.sql("p.id")
        );
        self.index_rows(sql, select.values()).await
    }

    /// Ids of what a change to a city, a theme or an organisation touches: `(practices,
    /// organisations, people)`.
    pub async fn index_dependents(
        &self,
        entity: &str,
        key: &str,
    ) -> Result<(Vec<i64>, Vec<i64>, Vec<i64>)> {
        let ids = |sql: &'static str| {
            let key = key.to_string();
            async move {
                let rows: Vec<(i64,)> =
                    sqlx::query_as(sql).bind(key).fetch_all(self.pool()).await?;
                Ok::<_, crate::storage::StorageError>(
                    rows.into_iter().map(|r| r.0).collect::<Vec<_>>(),
                )
            }
        };
        Ok(match entity {
            "city" => (
                ids("SELECT id FROM practices WHERE CAST(city_id AS TEXT) = $1").await?,
                ids("SELECT id FROM organisations WHERE CAST(city_id AS TEXT) = $1").await?,
                Vec::new(),
            ),
            "theme" => (
                ids("SELECT id FROM practices WHERE (',' || themes || ',') LIKE '%,' || $1 || ',%'").await?,
                ids("SELECT id FROM organisations WHERE (',' || themes || ',') LIKE '%,' || $1 || ',%'").await?,
                Vec::new(),
            ),
            "organisation" => (
                ids("SELECT practice_id FROM practice_organisations WHERE CAST(organisation_id AS TEXT) = $1").await?,
                Vec::new(),
                ids("SELECT id FROM people WHERE CAST(organisation_id AS TEXT) = $1").await?,
            ),
            _ => (Vec::new(), Vec::new(), Vec::new()),
        })
    }
}

impl Store {
    /// How many documents a rebuild reads (published practices, organisations, people).
    pub async fn index_counts(&self) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM practices WHERE status = 'published') \
             + (SELECT COUNT(*) FROM organisations) + (SELECT COUNT(*) FROM people) \
             + (SELECT COUNT(*) FROM placements) + (SELECT COUNT(*) FROM visit_reports)",
        )
        .fetch_one(self.pool())
        .await?;
        Ok(n)
    }
}

//! Calls for exchanges: the calls, their placements, the members' requests with ranked
//! preferences, and the allocation (proposed or changed by hand).

use crate::storage::{Result, StorageError, Store, WriteTx, join_list, now};

/// A stored call with its counts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CallRow {
    /// Id.
    pub id: i64,
    /// URL name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Description (Markdown, "" when none).
    pub description: String,
    /// Last day for requests.
    pub deadline: String,
    /// open, proposed or published.
    pub status: String,
    /// Placements included.
    pub placements: i64,
    /// Requests made.
    pub requests: i64,
    /// Made.
    pub created_at: i64,
    /// Published (Unix seconds), once.
    pub published_at: Option<i64>,
}

/// A member's request in a call, with who made it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CallRequestRow {
    /// Id.
    pub id: i64,
    /// The member's account.
    pub visitor_id: i64,
    /// Their address.
    pub visitor_email: String,
    /// Their language.
    pub visitor_locale: String,
    /// Their organisation.
    pub visitor_organisation_id: Option<i64>,
    /// Its name.
    pub visitor_organisation_name: Option<String>,
    /// Its city.
    pub visitor_city_id: Option<i64>,
    /// Its country.
    pub visitor_country: Option<String>,
    /// First possible day.
    pub possible_start: String,
    /// Last possible day.
    pub possible_end: String,
    /// Languages, comma-separated.
    pub languages: String,
    /// Themes, comma-separated.
    pub themes: String,
    /// What they want to learn.
    pub goal: String,
}

/// One placement of a request's preferences.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PreferenceRow {
    /// The request.
    pub request_id: i64,
    /// 1 = first choice.
    pub rank: i64,
    /// The placement.
    pub placement_id: i64,
}

/// A request's place in the allocation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AssignmentRow {
    /// The request.
    pub request_id: i64,
    /// The placement.
    pub placement_id: i64,
    /// First day of the window.
    pub window_start: String,
    /// Last day of the window.
    pub window_end: String,
    /// The fit points.
    pub points: i64,
    /// 1 when a coordinator set it by hand.
    pub by_hand: i64,
}

const CALL_COLUMNS: &str = "c.id, c.slug, c.title, c.description, c.deadline, c.status, \
     (SELECT COUNT(*) FROM call_placements cp WHERE cp.call_id = c.id) AS placements, \
     (SELECT COUNT(*) FROM call_requests cr WHERE cr.call_id = c.id) AS requests, \
     c.created_at, c.published_at FROM calls c";

impl Store {
    /// A page of calls, newest first, and how many there are.
    pub async fn calls(&self, limit: i64, offset: i64) -> Result<(Vec<CallRow>, i64)> {
        let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM calls")
            .fetch_one(self.pool())
            .await?;
        let sql = format!(
            "SELECT {CALL_COLUMNS} ORDER BY c.created_at DESC, c.id DESC LIMIT $1 OFFSET $2"
        );
        let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(limit)
            .bind(offset)
            .fetch_all(self.pool())
            .await?;
        Ok((rows, total))
    }

    /// One call by its URL name.
    pub async fn call(&self, slug: &str) -> Result<CallRow> {
        let sql = format!("SELECT {CALL_COLUMNS} WHERE c.slug = $1");
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(slug)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StorageError::NotFound)
    }

    /// The requests of a call, oldest first.
    pub async fn call_requests(&self, call_id: i64) -> Result<Vec<CallRequestRow>> {
        Ok(sqlx::query_as(
            "SELECT r.id, r.visitor_id, u.email AS visitor_email, u.locale AS visitor_locale, \
             r.visitor_organisation_id, o.name AS visitor_organisation_name, o.city_id AS visitor_city_id, \
             ci.country AS visitor_country, r.possible_start, r.possible_end, r.languages, r.themes, r.goal \
             FROM call_requests r JOIN users u ON u.id = r.visitor_id \
             LEFT JOIN organisations o ON o.id = r.visitor_organisation_id \
             LEFT JOIN cities ci ON ci.id = o.city_id WHERE r.call_id = $1 ORDER BY r.id",
        )
        .bind(call_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// The preferences of a call's requests, in rank order.
    pub async fn call_preferences(&self, call_id: i64) -> Result<Vec<PreferenceRow>> {
        Ok(sqlx::query_as(
            "SELECT p.request_id, p.rank, p.placement_id FROM call_preferences p \
             JOIN call_requests r ON r.id = p.request_id WHERE r.call_id = $1 ORDER BY p.request_id, p.rank",
        )
        .bind(call_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// The allocation of a call as it stands.
    pub async fn call_assignments(&self, call_id: i64) -> Result<Vec<AssignmentRow>> {
        Ok(sqlx::query_as(
            "SELECT request_id, placement_id, window_start, window_end, points, by_hand \
             FROM call_assignments WHERE call_id = $1 ORDER BY request_id",
        )
        .bind(call_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// The visit a member was granted in a call, if any.
    pub async fn call_visit_of(&self, call_id: i64, visitor_id: i64) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM visits WHERE call_id = $1 AND visitor_id = $2 ORDER BY id LIMIT 1",
        )
        .bind(call_id)
        .bind(visitor_id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|r| r.0))
    }

    /// Places already held by visits, per placement and window (first day).
    pub async fn places_held(&self, placement_ids: &[i64]) -> Result<Vec<(i64, String, i64)>> {
        if placement_ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = join_list(&placement_ids.iter().map(i64::to_string).collect::<Vec<_>>());
        let sql = format!(
            "SELECT placement_id, window_start, COUNT(*) FROM visits WHERE placement_id IN ({list}) \
             AND window_start IS NOT NULL AND status IN ('accepted', 'scheduled', 'done', 'reported') \
             GROUP BY placement_id, window_start"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?)
    }

    /// Visits between cities: (from city, to city, done or planned, count). Done counts done and
    /// reported visits; planned counts accepted and scheduled ones.
    pub async fn exchange_flows(&self) -> Result<Vec<(i64, i64, String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT vo.city_id, p.city_id, \
             CASE WHEN v.status IN ('done', 'reported') THEN 'done' ELSE 'planned' END AS flow, COUNT(*) \
             FROM visits v JOIN placements p ON p.id = v.placement_id \
             JOIN organisations vo ON vo.id = v.visitor_organisation_id \
             WHERE v.status IN ('accepted', 'scheduled', 'done', 'reported') \
             GROUP BY 1, 2, 3",
        )
        .fetch_all(self.pool())
        .await?)
    }
}

/// A request in a call as stored.
#[derive(Debug, Clone)]
pub struct NewCallRequest<'a> {
    /// The call.
    pub call_id: i64,
    /// The member.
    pub visitor_id: i64,
    /// Their organisation.
    pub visitor_organisation_id: Option<i64>,
    /// Possible days.
    pub possible: (String, String),
    /// Languages, comma-separated.
    pub languages: String,
    /// Themes, comma-separated.
    pub themes: String,
    /// What they want to learn.
    pub goal: &'a str,
    /// Placement ids, first choice first.
    pub preferences: Vec<i64>,
}

impl WriteTx {
    /// Whether a call has this URL name.
    pub async fn call_slug_taken(&mut self, slug: &str) -> Result<bool> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM calls WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&mut *self.tx)
            .await?;
        Ok(row.is_some())
    }

    /// Writes a new call with its placements; returns its id.
    pub async fn insert_call(
        &mut self,
        slug: &str,
        title: &str,
        description: &str,
        deadline: &str,
        placements: &[i64],
        actor: Option<i64>,
    ) -> Result<i64> {
        let at = now();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO calls (slug, title, description, deadline, status, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, 'open', $5, $6, $6) RETURNING id",
        )
        .bind(slug)
        .bind(title)
        .bind(description)
        .bind(deadline)
        .bind(actor)
        .bind(at)
        .fetch_one(&mut *self.tx)
        .await?;
        self.set_call_placements(id, placements).await?;
        self.record("call", &id.to_string(), "create", actor)
            .await?;
        Ok(id)
    }

    /// Changes a call's texts, deadline and placements.
    pub async fn update_call(
        &mut self,
        id: i64,
        title: &str,
        description: &str,
        deadline: &str,
        placements: &[i64],
        actor: Option<i64>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE calls SET title = $1, description = $2, deadline = $3, updated_at = $4 WHERE id = $5",
        )
        .bind(title)
        .bind(description)
        .bind(deadline)
        .bind(now())
        .bind(id)
        .execute(&mut *self.tx)
        .await?;
        self.set_call_placements(id, placements).await?;
        self.record("call", &id.to_string(), "update", actor).await
    }

    /// Makes `placements` the call's placements.
    async fn set_call_placements(&mut self, id: i64, placements: &[i64]) -> Result<()> {
        sqlx::query("DELETE FROM call_placements WHERE call_id = $1")
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        for p in placements {
            sqlx::query("INSERT INTO call_placements (call_id, placement_id) VALUES ($1, $2)")
                .bind(id)
                .bind(*p)
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }

    /// The placements of a call that some request names as a preference.
    pub async fn call_placements_asked_for(&mut self, call_id: i64) -> Result<Vec<i64>> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT DISTINCT p.placement_id FROM call_preferences p \
             JOIN call_requests r ON r.id = p.request_id WHERE r.call_id = $1",
        )
        .bind(call_id)
        .fetch_all(&mut *self.tx)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// A call's status, read inside the write lock (so that two publications cannot both pass).
    pub async fn call_status(&mut self, id: i64) -> Result<String> {
        let (status,): (String,) = sqlx::query_as("SELECT status FROM calls WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await?
            .ok_or(StorageError::NotFound)?;
        Ok(status)
    }

    /// Moves a call's deadline (a coordinator closing it early).
    pub async fn set_call_deadline(
        &mut self,
        id: i64,
        deadline: &str,
        actor: Option<i64>,
    ) -> Result<()> {
        sqlx::query("UPDATE calls SET deadline = $1, updated_at = $2 WHERE id = $3")
            .bind(deadline)
            .bind(now())
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        self.record("call", &id.to_string(), "close", actor).await
    }

    /// Sets a call's status (`published` also stamps the time).
    pub async fn set_call_status(
        &mut self,
        id: i64,
        status: &str,
        actor: Option<i64>,
    ) -> Result<()> {
        let at = now();
        sqlx::query(
            "UPDATE calls SET status = $1, updated_at = $2, \
             published_at = CASE WHEN $1 = 'published' THEN $2 ELSE published_at END WHERE id = $3",
        )
        .bind(status)
        .bind(at)
        .bind(id)
        .execute(&mut *self.tx)
        .await?;
        self.record("call", &id.to_string(), status, actor).await
    }

    /// Writes or replaces a member's request in a call with its preferences.
    pub async fn save_call_request(
        &mut self,
        r: &NewCallRequest<'_>,
        actor: Option<i64>,
    ) -> Result<i64> {
        let at = now();
        let existing: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM call_requests WHERE call_id = $1 AND visitor_id = $2")
                .bind(r.call_id)
                .bind(r.visitor_id)
                .fetch_optional(&mut *self.tx)
                .await?;
        let id = match existing {
            Some((id,)) => {
                sqlx::query(
                    "UPDATE call_requests SET visitor_organisation_id = $1, possible_start = $2, possible_end = $3, \
                     languages = $4, themes = $5, goal = $6, updated_at = $7 WHERE id = $8",
                )
                .bind(r.visitor_organisation_id)
                .bind(&r.possible.0)
                .bind(&r.possible.1)
                .bind(&r.languages)
                .bind(&r.themes)
                .bind(r.goal)
                .bind(at)
                .bind(id)
                .execute(&mut *self.tx)
                .await?;
                sqlx::query("DELETE FROM call_preferences WHERE request_id = $1")
                    .bind(id)
                    .execute(&mut *self.tx)
                    .await?;
                id
            }
            None => {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO call_requests (call_id, visitor_id, visitor_organisation_id, possible_start, \
                     possible_end, languages, themes, goal, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
                )
                .bind(r.call_id)
                .bind(r.visitor_id)
                .bind(r.visitor_organisation_id)
                .bind(&r.possible.0)
                .bind(&r.possible.1)
                .bind(&r.languages)
                .bind(&r.themes)
                .bind(r.goal)
                .bind(at)
                .fetch_one(&mut *self.tx)
                .await?;
                id
            }
        };
        for (i, p) in r.preferences.iter().enumerate() {
            sqlx::query(
                "INSERT INTO call_preferences (request_id, rank, placement_id) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(i as i64 + 1)
            .bind(*p)
            .execute(&mut *self.tx)
            .await?;
        }
        self.record("call", &r.call_id.to_string(), "request", actor)
            .await?;
        Ok(id)
    }

    /// Replaces a call's whole allocation.
    pub async fn replace_assignments(
        &mut self,
        call_id: i64,
        rows: &[AssignmentRow],
        actor: Option<i64>,
    ) -> Result<()> {
        sqlx::query("DELETE FROM call_assignments WHERE call_id = $1")
            .bind(call_id)
            .execute(&mut *self.tx)
            .await?;
        for a in rows {
            sqlx::query(
                "INSERT INTO call_assignments (request_id, call_id, placement_id, window_start, window_end, points, by_hand) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(a.request_id)
            .bind(call_id)
            .bind(a.placement_id)
            .bind(&a.window_start)
            .bind(&a.window_end)
            .bind(a.points)
            .bind(a.by_hand)
            .execute(&mut *self.tx)
            .await?;
        }
        self.record("call", &call_id.to_string(), "allocation", actor)
            .await
    }

    /// Marks a visit as granted in a call.
    pub async fn set_visit_call(&mut self, visit_id: i64, call_id: i64) -> Result<()> {
        sqlx::query("UPDATE visits SET call_id = $1 WHERE id = $2")
            .bind(call_id)
            .bind(visit_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }
}

//! Visits of the exchange programme: requests and their lifecycle, the timeline, the agreement
//! checklist and the members' calendar tokens. Learning reports are in `reports.rs`.

use crate::storage::{Conditions, Result, StorageError, Store, Value, WriteTx, bind_all, now};

/// A stored visit with its placement, host and visitor.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VisitRow {
    /// Id (also its address).
    pub id: i64,
    /// open, requested, accepted, declined, scheduled, done, reported or cancelled.
    pub status: String,
    /// The placement, once chosen.
    pub placement_id: Option<i64>,
    /// Its URL name.
    pub placement_slug: Option<String>,
    /// Its title.
    pub placement_title: Option<String>,
    /// Its text language.
    pub placement_lang: Option<String>,
    /// Its visitors per window.
    pub capacity: Option<i64>,
    /// Host organisation.
    pub host_id: Option<i64>,
    /// Its URL name.
    pub host_slug: Option<String>,
    /// Its name.
    pub host_name: Option<String>,
    /// Host city.
    pub host_city_id: Option<i64>,
    /// Its country.
    pub host_country: Option<String>,
    /// The visitor's account.
    pub visitor_id: i64,
    /// Their e-mail address.
    pub visitor_email: String,
    /// Their language.
    pub visitor_locale: String,
    /// Their organisation.
    pub visitor_organisation_id: Option<i64>,
    /// Its URL name.
    pub visitor_organisation_slug: Option<String>,
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
    /// Days wanted.
    pub length_days: i64,
    /// Theme keys, comma-separated.
    pub themes: String,
    /// Preferred city slugs, comma-separated.
    pub cities: String,
    /// Languages spoken, comma-separated.
    pub languages: String,
    /// What the visitor wants to learn.
    pub goal: String,
    /// First day of the window it holds a place in.
    pub window_start: Option<String>,
    /// Last day of that window.
    pub window_end: Option<String>,
    /// Fixed first day.
    pub start_date: Option<String>,
    /// Fixed last day.
    pub end_date: Option<String>,
    /// Meeting time (HH:MM).
    pub start_time: Option<String>,
    /// End time (HH:MM).
    pub end_time: Option<String>,
    /// Where to meet ("" until scheduled).
    pub meeting_point: String,
    /// The programme ("" when none).
    pub agenda: String,
    /// Raised when the calendar entry changes.
    pub sequence: i64,
    /// Made.
    pub created_at: i64,
    /// Last step.
    pub updated_at: i64,
}

pub(super) const COLUMNS: &str = "v.id, v.status, v.placement_id, p.slug AS placement_slug, p.title AS placement_title, \
     p.lang AS placement_lang, p.capacity, p.organisation_id AS host_id, ho.slug AS host_slug, ho.name AS host_name, \
     p.city_id AS host_city_id, hc.country AS host_country, v.visitor_id, u.email AS visitor_email, \
     u.locale AS visitor_locale, v.visitor_organisation_id, vo.slug AS visitor_organisation_slug, \
     vo.name AS visitor_organisation_name, vo.city_id AS visitor_city_id, vc.country AS visitor_country, \
     v.possible_start, v.possible_end, v.length_days, v.themes, v.cities, v.languages, v.goal, v.window_start, \
     v.window_end, v.start_date, v.end_date, v.start_time, v.end_time, v.meeting_point, v.agenda, v.sequence, \
     v.created_at, v.updated_at \
     FROM visits v JOIN users u ON u.id = v.visitor_id \
     LEFT JOIN placements p ON p.id = v.placement_id \
     LEFT JOIN organisations ho ON ho.id = p.organisation_id \
     LEFT JOIN cities hc ON hc.id = p.city_id \
     LEFT JOIN organisations vo ON vo.id = v.visitor_organisation_id \
     LEFT JOIN cities vc ON vc.id = vo.city_id";

/// Which visits to list; every field narrows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitFilter {
    /// Visits of this account as visitor, or hosted by this organisation.
    pub party: Option<(i64, Option<i64>)>,
    /// Of one placement.
    pub placement_id: Option<i64>,
    /// In one status.
    pub status: Option<String>,
}

/// One step on a visit's timeline.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VisitEventRow {
    /// The step.
    pub step: String,
    /// The status it led to.
    pub status: String,
    /// Who took it.
    pub actor_id: Option<i64>,
    /// Their organisation's name.
    pub actor_organisation: Option<String>,
    /// Message or reason ("" when none).
    pub message: String,
    /// When.
    pub at: i64,
}

pub(super) fn conditions(f: &VisitFilter) -> Conditions {
    let mut w = Conditions::default();
    if let Some((user, org)) = f.party {
        let user = w.value(Value::Int(user));
        match org {
            Some(org) => {
                let org = w.value(Value::Int(org));
                w.always(&format!(
                    "(v.visitor_id = {user} OR p.organisation_id = {org})"
                ));
            }
            None => {
                w.always(&format!("v.visitor_id = {user}"));
            }
        }
    }
    if let Some(id) = f.placement_id {
        let id = w.value(Value::Int(id));
        w.always(&format!("v.placement_id = {id}"));
    }
    w.when("v.status = ?", f.status.clone());
    w
}

/// A new request as stored.
#[derive(Debug, Clone)]
pub struct NewVisit<'a> {
    /// The placement, when one is asked for.
    pub placement_id: Option<i64>,
    /// The window a place would be held in.
    pub window: Option<(String, String)>,
    /// The visitor.
    pub visitor_id: i64,
    /// Their organisation.
    pub visitor_organisation_id: Option<i64>,
    /// open or requested.
    pub status: &'a str,
    /// Possible days.
    pub possible: (String, String),
    /// Days wanted.
    pub length_days: i64,
    /// Themes, comma-separated.
    pub themes: String,
    /// Preferred cities, comma-separated.
    pub cities: String,
    /// Languages, comma-separated.
    pub languages: String,
    /// What they want to learn.
    pub goal: &'a str,
}

/// What a host fixes when scheduling.
#[derive(Debug, Clone)]
pub struct VisitPlan {
    /// First and last day.
    pub days: (String, String),
    /// Meeting and end time.
    pub times: Option<(String, String)>,
    /// Where to meet.
    pub meeting_point: String,
    /// The programme.
    pub agenda: String,
}

impl Store {
    /// A page of visits, newest change first, and how many match in all.
    pub async fn visits(
        &self,
        filter: &VisitFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<VisitRow>, i64)> {
        let mut w = conditions(filter);
        let where_sql = w.sql();
        let count_sql = format!(
            "SELECT COUNT(*) FROM visits v LEFT JOIN placements p ON p.id = v.placement_id {where_sql}"
        );
        let (total,): (i64,) = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(count_sql)), w)
            .fetch_one(self.pool())
            .await?;
        let limit = w.value(Value::Int(limit));
        let offset = w.value(Value::Int(offset));
        let sql = format!(
            "SELECT {COLUMNS} {where_sql} ORDER BY v.updated_at DESC, v.id DESC LIMIT {limit} OFFSET {offset}"
        );
        let rows = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), w)
            .fetch_all(self.pool())
            .await?;
        Ok((rows, total))
    }

    /// One visit.
    pub async fn visit(&self, id: i64) -> Result<VisitRow> {
        let sql = format!("SELECT {COLUMNS} WHERE v.id = $1");
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StorageError::NotFound)
    }

    /// A visit's timeline, oldest first.
    pub async fn visit_events(&self, id: i64) -> Result<Vec<VisitEventRow>> {
        Ok(sqlx::query_as(
            "SELECT e.step, e.status, e.actor_id, o.name AS actor_organisation, e.message, e.at \
             FROM visit_events e LEFT JOIN users u ON u.id = e.actor_id \
             LEFT JOIN organisations o ON o.id = u.organisation_id \
             WHERE e.visit_id = $1 ORDER BY e.id",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Visits per host organisation that hold or held a place (for ranking hosts with few).
    pub async fn host_visit_counts(&self) -> Result<Vec<(i64, i64)>> {
        Ok(sqlx::query_as(
            "SELECT p.organisation_id, COUNT(*) FROM visits v JOIN placements p ON p.id = v.placement_id \
             WHERE v.status IN ('accepted', 'scheduled', 'done', 'reported') GROUP BY p.organisation_id",
        )
        .fetch_all(self.pool())
        .await?)
    }

    /// The accounts that act for a host organisation (all but its plain members), with address
    /// and language.
    pub async fn host_recipients(
        &self,
        organisation_id: i64,
    ) -> Result<Vec<(i64, String, String)>> {
        Ok(sqlx::query_as(
            "SELECT id, email, locale FROM users WHERE organisation_id = $1 AND role <> 'member' ORDER BY id",
        )
        .bind(organisation_id)
        .fetch_all(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// A visit as this transaction sees it (with what it wrote so far).
    pub async fn visit(&mut self, id: i64) -> Result<VisitRow> {
        let sql = format!("SELECT {COLUMNS} WHERE v.id = $1");
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await?
            .ok_or(StorageError::NotFound)
    }

    /// The message or reason of a visit's latest step.
    pub async fn last_visit_message(&mut self, id: i64) -> Result<String> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT message FROM visit_events WHERE visit_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(id)
        .fetch_optional(&mut *self.tx)
        .await?;
        Ok(row.map(|r| r.0).unwrap_or_default())
    }

    /// Writes a new request with its first timeline entry; returns its id.
    pub async fn insert_visit(&mut self, v: &NewVisit<'_>, actor: Option<i64>) -> Result<i64> {
        let at = now();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO visits (placement_id, visitor_id, visitor_organisation_id, status, possible_start, \
             possible_end, length_days, themes, cities, languages, goal, window_start, window_end, \
             meeting_point, agenda, sequence, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '', '', 0, $14, $14) RETURNING id",
        )
        .bind(v.placement_id)
        .bind(v.visitor_id)
        .bind(v.visitor_organisation_id)
        .bind(v.status)
        .bind(&v.possible.0)
        .bind(&v.possible.1)
        .bind(v.length_days)
        .bind(&v.themes)
        .bind(&v.cities)
        .bind(&v.languages)
        .bind(v.goal)
        .bind(v.window.as_ref().map(|w| w.0.clone()))
        .bind(v.window.as_ref().map(|w| w.1.clone()))
        .bind(at)
        .fetch_one(&mut *self.tx)
        .await?;
        let step = if v.placement_id.is_some() {
            "request"
        } else {
            "open"
        };
        self.visit_event(id, step, v.status, actor, "").await?;
        self.record("visit", &id.to_string(), "create", actor)
            .await?;
        Ok(id)
    }

    /// A placement's visitors per window.
    pub async fn placement_capacity(&mut self, placement_id: i64) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT capacity FROM placements WHERE id = $1")
            .bind(placement_id)
            .fetch_optional(&mut *self.tx)
            .await?
            .ok_or(StorageError::NotFound)?;
        Ok(n)
    }

    /// How many visits hold a place in one window of a placement.
    pub async fn places_taken(&mut self, placement_id: i64, window_start: &str) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM visits WHERE placement_id = $1 AND window_start = $2 \
             AND status IN ('accepted', 'scheduled', 'done', 'reported')",
        )
        .bind(placement_id)
        .bind(window_start)
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(n)
    }

    /// Moves a visit to `status` and records the step on its timeline. `only_from` guards against
    /// a step taken meanwhile by someone else: the update fails with a conflict when the visit is
    /// no longer there. `reissue` raises the calendar sequence (schedule, cancel).
    #[allow(clippy::too_many_arguments)]
    pub async fn step_visit(
        &mut self,
        id: i64,
        only_from: &str,
        step: &str,
        status: &str,
        message: &str,
        reissue: bool,
        actor: Option<i64>,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE visits SET status = $1, sequence = sequence + $2, updated_at = $3 WHERE id = $4 AND status = $5",
        )
        .bind(status)
        .bind(i64::from(reissue))
        .bind(now())
        .bind(id)
        .bind(only_from)
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if done == 0 {
            return Err(StorageError::Conflict("visit status changed".into()));
        }
        self.visit_event(id, step, status, actor, message).await?;
        self.record("visit", &id.to_string(), step, actor).await
    }

    /// Sets the days a visit lasts (an open request takes its placement's length).
    pub async fn set_visit_length(&mut self, id: i64, days: i64) -> Result<()> {
        sqlx::query("UPDATE visits SET length_days = $1 WHERE id = $2")
            .bind(days)
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Moves the first possible day of a visit on to `day` when it was earlier (an open request
    /// chosen after some of its days have passed).
    pub async fn set_visit_possible_start(&mut self, id: i64, day: &str) -> Result<()> {
        sqlx::query("UPDATE visits SET possible_start = $1 WHERE id = $2 AND possible_start < $1")
            .bind(day)
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Names the placement and window of a visit: an open request's (before its `request`
    /// step), or another window with room when it is accepted.
    pub async fn choose_placement(
        &mut self,
        id: i64,
        placement_id: i64,
        window: (&str, &str),
    ) -> Result<()> {
        sqlx::query(
            "UPDATE visits SET placement_id = $1, window_start = $2, window_end = $3 WHERE id = $4",
        )
        .bind(placement_id)
        .bind(window.0)
        .bind(window.1)
        .bind(id)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// Writes the host's plan (before the `schedule` step).
    pub async fn plan_visit(&mut self, id: i64, plan: &VisitPlan) -> Result<()> {
        sqlx::query(
            "UPDATE visits SET start_date = $1, end_date = $2, start_time = $3, end_time = $4, \
             meeting_point = $5, agenda = $6 WHERE id = $7",
        )
        .bind(&plan.days.0)
        .bind(&plan.days.1)
        .bind(plan.times.as_ref().map(|t| t.0.clone()))
        .bind(plan.times.as_ref().map(|t| t.1.clone()))
        .bind(&plan.meeting_point)
        .bind(&plan.agenda)
        .bind(id)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    pub(super) async fn visit_event(
        &mut self,
        id: i64,
        step: &str,
        status: &str,
        actor: Option<i64>,
        message: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO visit_events (visit_id, step, status, actor_id, message, at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(step)
        .bind(status)
        .bind(actor)
        .bind(message)
        .bind(now())
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}

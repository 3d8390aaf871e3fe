//! Calls for exchanges: a coordinator opens a call over some placements; members send one request
//! each with up to five ranked preferences; after the deadline the optimal fair allocation
//! ([`crate::domain::exchange::allocation`]) proposes who goes where, the coordinator reviews it with the
//! reasons, changes it by hand and publishes it: granted requests become accepted visits, and
//! everyone is told.

use super::allocation::*;
use time::Date;

use crate::app::exchange::visits::today;
use crate::app::{App, Error, Page, PlacementView, Result, page_size};
use crate::domain::exchange::Unplaceable;
use crate::domain::exchange::call::{Call, CallForm, CallRequest, CallRequestForm, CallStatus};
use crate::domain::exchange::placement::parse_day;
use crate::domain::{Action, Actor, FieldError, Slug, can};
use crate::storage::{CallRow, NewCallRequest, join_list, split_list};

/// A call as its reader sees it.
#[derive(Debug, Clone)]
pub struct CallView {
    /// The stored call.
    pub row: CallRow,
    /// Where it stands.
    pub status: CallStatus,
    /// Last day for requests.
    pub deadline: Date,
    /// Its placements.
    pub placements: Vec<PlacementView>,
    /// Whether members may still send or change requests.
    pub takes_requests: bool,
    /// Whether the reader manages calls.
    pub can_manage: bool,
    /// Whether the allocation may be run or changed now.
    pub allocatable: bool,
    /// The reader's own request, as a form.
    pub mine: Option<CallRequestForm>,
    /// After publication: the visit the reader was granted, if any.
    pub my_visit: Option<i64>,
}

/// The cross-border exchange matrix: visits from the visitors' cities to the hosts' cities.
#[derive(Debug, Clone)]
pub struct Matrix {
    /// The cities, in the order of rows and columns.
    pub cities: Vec<crate::storage::CityRow>,
    /// done[from][to]: visits done (or reported).
    pub done: Vec<Vec<i64>>,
    /// planned[from][to]: visits accepted or scheduled.
    pub planned: Vec<Vec<i64>>,
}

impl NotPlaced {
    /// The name used in the API: own_organisation, longer_than_windows, no_window_in_dates or
    /// taken.
    pub fn as_str(self) -> &'static str {
        match self {
            NotPlaced::Cannot(Unplaceable::OwnOrganisation) => "own_organisation",
            NotPlaced::Cannot(Unplaceable::LongerThanWindows) => "longer_than_windows",
            NotPlaced::Cannot(Unplaceable::NoWindowInDates) => "no_window_in_dates",
            NotPlaced::Taken => "taken",
        }
    }
}

impl App {
    pub(crate) fn call_status(row: &CallRow) -> (CallStatus, Date) {
        (
            CallStatus::parse(&row.status).unwrap_or(CallStatus::Published),
            parse_day(&row.deadline).unwrap_or(Date::MIN),
        )
    }

    /// A page of calls, newest first (public).
    pub async fn calls(&self, limit: Option<i64>, offset: Option<i64>) -> Result<Page<CallRow>> {
        let limit = page_size(limit);
        let offset = offset.unwrap_or(0).clamp(0, 1_000_000);
        let (items, total) = self.store().calls(limit, offset).await?;
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }

    /// One call with its placements and the reader's own request (public).
    pub async fn call(&self, actor: &Actor, slug: &str) -> Result<CallView> {
        let row = self.store().call(slug).await?;
        let (status, deadline) = Self::call_status(&row);
        let placements = self.placements_of_call(row.id).await?;
        let mut mine = None;
        let mut my_visit = None;
        if let Some(user) = actor.user_id() {
            let requests = self.store().call_requests(row.id).await?;
            if let Some(r) = requests.iter().find(|r| r.visitor_id == user) {
                let prefs = self.store().call_preferences(row.id).await?;
                let slugs = prefs
                    .iter()
                    .filter(|p| p.request_id == r.id)
                    .filter_map(|p| placements.iter().find(|v| v.row.id == p.placement_id))
                    .map(|v| v.row.slug.clone())
                    .collect();
                mine = Some(CallRequestForm {
                    preferences: slugs,
                    start: r.possible_start.clone(),
                    end: r.possible_end.clone(),
                    languages: split_list(&r.languages),
                    themes: split_list(&r.themes),
                    goal: r.goal.clone(),
                });
                if status == CallStatus::Published {
                    my_visit = self.store().call_visit_of(row.id, user).await?;
                }
            }
        }
        let today = today();
        Ok(CallView {
            takes_requests: status.takes_requests(deadline, today),
            allocatable: status.allocatable(deadline, today),
            can_manage: can(actor, Action::ManageCalls),
            status,
            deadline,
            placements,
            mine,
            my_visit,
            row,
        })
    }

    /// Checks a call's form and resolves its placements: open ones, or (when editing) ones the
    /// call already includes.
    async fn check_call(&self, form: &CallForm, included: &[i64]) -> Result<(Call, Vec<i64>)> {
        let checked = Call::check(form, today());
        let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
        let mut ids = Vec::new();
        let mut slugs: Vec<&str> = Vec::new();
        for slug in form.placements.iter().map(|s| s.trim()) {
            if !slug.is_empty() && !slugs.contains(&slug) {
                slugs.push(slug);
            }
        }
        // Too many is said without looking any of them up.
        if slugs.len() > crate::domain::exchange::call::CALL_PLACEMENTS_MAX {
            slugs.clear();
        }
        for slug in slugs {
            match self.store().placement(slug).await {
                Ok(p) if p.status == "open" || included.contains(&p.id) => {
                    if !ids.contains(&p.id) {
                        ids.push(p.id);
                    }
                }
                Ok(_) => errors.add(
                    "placements",
                    FieldError::with("error-placement-closed-named", "value", slug),
                ),
                Err(_) => errors.add(
                    "placements",
                    FieldError::with("error-unknown-value", "value", slug),
                ),
            }
        }
        match checked {
            Ok(c) if errors.is_empty() => Ok((c, ids)),
            _ => Err(Error::Invalid(errors)),
        }
    }

    /// Opens a call (coordinators); returns its URL name.
    pub async fn create_call(&self, actor: &Actor, form: &CallForm) -> Result<Slug> {
        crate::app::authorize(actor, Action::ManageCalls)?;
        let (c, ids) = self.check_call(form, &[]).await?;
        let mut tx = self.store().write().await?;
        let base = Slug::from_name(&c.title)
            .map(|s| {
                let cut: String = s.as_str().chars().take(Slug::MAX - 4).collect();
                cut.trim_end_matches('-').to_owned()
            })
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "call".to_owned());
        let mut slug = base.clone();
        let mut n = 1;
        while tx.call_slug_taken(&slug).await? {
            n += 1;
            slug = format!("{base}-{n}");
        }
        tx.insert_call(
            &slug,
            &c.title,
            c.description.as_deref().unwrap_or_default(),
            &c.deadline.to_string(),
            &ids,
            actor.user_id(),
        )
        .await?;
        tx.commit().await?;
        Slug::try_from(slug.as_str()).map_err(|_| Error::Internal(anyhow::anyhow!("call slug")))
    }

    /// A call as its form shows it, for coordinators while it takes requests.
    pub async fn call_form(&self, actor: &Actor, slug: &str) -> Result<CallForm> {
        crate::app::authorize(actor, Action::ManageCalls)?;
        let view = self.call(actor, slug).await?;
        if !view.takes_requests {
            return Err(Error::Conflict("error-call-not-open"));
        }
        Ok(CallForm {
            title: view.row.title.clone(),
            description: view.row.description.clone(),
            deadline: view.deadline.to_string(),
            placements: view.placements.iter().map(|p| p.row.slug.clone()).collect(),
        })
    }

    /// Changes a call while it takes requests (coordinators): its texts, its deadline (not in the
    /// past) and its placements. A placement someone already asked for stays in the call.
    pub async fn update_call(&self, actor: &Actor, slug: &str, form: &CallForm) -> Result<()> {
        crate::app::authorize(actor, Action::ManageCalls)?;
        let view = self.call(actor, slug).await?;
        if !view.takes_requests {
            return Err(Error::Conflict("error-call-not-open"));
        }
        let included: Vec<i64> = view.placements.iter().map(|p| p.row.id).collect();
        let checked = self.check_call(form, &included).await;
        let mut tx = self.store().write().await?;
        let asked = tx.call_placements_asked_for(view.row.id).await?;
        let mut errors = match &checked {
            Err(Error::Invalid(e)) => e.clone(),
            _ => crate::domain::FieldErrors::new(),
        };
        let kept: Vec<i64> = match &checked {
            Ok((_, ids)) => ids.clone(),
            Err(_) => Vec::new(),
        };
        if checked.is_ok() {
            for p in view
                .placements
                .iter()
                .filter(|p| asked.contains(&p.row.id) && !kept.contains(&p.row.id))
            {
                errors.add(
                    "placements",
                    FieldError::with("error-call-placement-asked", "value", &p.row.title),
                );
            }
        }
        let (c, ids) = match checked {
            Ok(found) if errors.is_empty() => found,
            Ok(_) => return Err(Error::Invalid(errors)),
            Err(e) => return Err(e),
        };
        tx.update_call(
            view.row.id,
            &c.title,
            c.description.as_deref().unwrap_or_default(),
            &c.deadline.to_string(),
            &ids,
            actor.user_id(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes an open call before its deadline (its deadline becomes yesterday), so that the
    /// allocation can run.
    pub async fn close_call(&self, actor: &Actor, slug: &str) -> Result<()> {
        crate::app::authorize(actor, Action::ManageCalls)?;
        let view = self.call(actor, slug).await?;
        if !view.takes_requests {
            return Err(Error::Conflict("error-call-not-open"));
        }
        let yesterday = today() - time::Duration::days(1);
        let mut tx = self.store().write().await?;
        tx.set_call_deadline(view.row.id, &yesterday.to_string(), actor.user_id())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sends or replaces the actor's request in a call.
    pub async fn submit_call_request(
        &self,
        actor: &Actor,
        slug: &str,
        form: &CallRequestForm,
    ) -> Result<()> {
        let view = self.call(actor, slug).await?;
        let Actor::User {
            id: visitor,
            organisation_id,
            ..
        } = actor
        else {
            return Err(Error::Unauthorized);
        };
        if !can(
            actor,
            Action::RequestInCall {
                open: view.takes_requests,
            },
        ) {
            return Err(Error::Conflict("error-call-not-open"));
        }
        let checked = CallRequest::check(form, today());
        let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
        let mut ids = Vec::new();
        for p in form
            .preferences
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
        {
            match view.placements.iter().find(|v| v.row.slug == p) {
                Some(v) if Some(v.row.organisation_id) == *organisation_id => errors.add(
                    "preferences",
                    FieldError::with("error-preference-own", "value", &v.row.title),
                ),
                Some(v) => ids.push(v.row.id),
                None => errors.add(
                    "preferences",
                    FieldError::with("error-preference-not-in-call", "value", p),
                ),
            }
        }
        let mut tx = self.store().write().await?;
        let keys: Vec<String> = form
            .themes
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        for unknown in tx
            .unknown_terms(crate::domain::directory::Taxonomy::Themes, &keys)
            .await?
        {
            errors.add(
                "themes",
                FieldError::with("error-unknown-theme", "value", unknown),
            );
        }
        let r = match checked {
            Ok(r) if errors.is_empty() => r,
            _ => return Err(Error::Invalid(errors)),
        };
        let new = NewCallRequest {
            call_id: view.row.id,
            visitor_id: *visitor,
            visitor_organisation_id: *organisation_id,
            possible: (r.possible.start.to_string(), r.possible.end.to_string()),
            languages: join_list(&r.languages.iter().map(|l| l.code()).collect::<Vec<_>>()),
            themes: join_list(&r.themes.iter().map(|t| t.as_str()).collect::<Vec<_>>()),
            goal: &r.goal,
            preferences: ids,
        };
        tx.save_call_request(&new, Some(*visitor)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The exchange matrix over every city that sent or hosted a visit (public: counts only).
    pub async fn exchange_matrix(&self) -> Result<Matrix> {
        let flows = self.store().exchange_flows().await?;
        let all = self.cities(None).await?;
        let cities: Vec<crate::storage::CityRow> = all
            .into_iter()
            .filter(|c| flows.iter().any(|f| f.0 == c.id || f.1 == c.id))
            .collect();
        let n = cities.len();
        let (mut done, mut planned) = (vec![vec![0; n]; n], vec![vec![0; n]; n]);
        for (from, to, kind, count) in flows {
            let (Some(a), Some(b)) = (
                cities.iter().position(|c| c.id == from),
                cities.iter().position(|c| c.id == to),
            ) else {
                continue;
            };
            if kind == "done" {
                done[a][b] += count;
            } else {
                planned[a][b] += count;
            }
        }
        Ok(Matrix {
            cities,
            done,
            planned,
        })
    }
}

//! A call's allocation: the fair proposal, the coordinator's review and changes by hand, and its publication as accepted visits.

use super::calls::*;
use crate::app::{App, Error, Result};
use crate::domain::exchange::allocation::{Choice, Instance, Request as Wish, allocate};
use crate::domain::exchange::call::CallStatus;
use crate::domain::exchange::placement::parse_day;
use crate::domain::exchange::visit::{Step, VisitStatus};
use crate::domain::exchange::{Offer, Reason, Seeker, Span, Unplaceable, first_fit, fit, why_not};
use crate::domain::{Action, Actor, FieldError, FieldErrors};
use crate::storage::{AssignmentRow, CallRequestRow, CallRow, NewVisit, split_list};

/// A possible place for a request: a window of one of its preferred placements.
#[derive(Debug, Clone)]
pub struct Place {
    /// Index in the call's placements.
    pub placement: usize,
    /// The window.
    pub window: Span,
    /// The preference rank (1 = first choice).
    pub rank: u32,
    /// Fit points.
    pub points: i64,
    /// Why it fits.
    pub reasons: Vec<Reason>,
}

/// Why a preference was not granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotPlaced {
    /// The visit cannot be there at all.
    Cannot(Unplaceable),
    /// It could be, but the places went to others (or the coordinator chose otherwise).
    Taken,
}

/// One request in the review.
#[derive(Debug, Clone)]
pub struct ReviewRow {
    /// The request.
    pub request: CallRequestRow,
    /// Its preferences: index in the call's placements, first choice first.
    pub preferences: Vec<usize>,
    /// Where it is placed now: index into `options`.
    pub placed: Option<usize>,
    /// Whether a coordinator placed it by hand.
    pub by_hand: bool,
    /// Every possible place.
    pub options: Vec<Place>,
    /// For each preference not granted, why.
    pub not_placed: Vec<(usize, NotPlaced)>,
}

/// A city's share of the granted requests.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CityShare {
    /// The city (id).
    pub city_id: Option<i64>,
    /// Requests from it.
    pub requested: usize,
    /// Granted ones.
    pub granted: usize,
}

/// The allocation of a call as the coordinator reviews it.
#[derive(Debug, Clone)]
pub struct Review {
    /// The call.
    pub call: CallView,
    /// Every request.
    pub rows: Vec<ReviewRow>,
    /// Per city of the requesters.
    pub cities: Vec<CityShare>,
    /// Requests granted.
    pub granted: usize,
    /// Total fit of the granted ones.
    pub fit: i64,
}

/// What the allocation works on, read once.
pub(super) struct Data {
    call: CallView,
    requests: Vec<CallRequestRow>,
    preferences: Vec<Vec<usize>>,
    /// Windows: (placement index, span, places left before this call).
    windows: Vec<(usize, Span, u32)>,
    options: Vec<Vec<Place>>,
    assignments: Vec<AssignmentRow>,
}

pub(super) fn seeker_of(r: &CallRequestRow) -> Seeker {
    Seeker {
        organisation: r.visitor_organisation_id.unwrap_or(-1),
        country: r.visitor_country.clone().unwrap_or_default(),
        themes: split_list(&r.themes),
        languages: split_list(&r.languages),
        cities: Vec::new(),
    }
}

pub(super) fn possible_of(r: &CallRequestRow) -> Option<Span> {
    Span::new(parse_day(&r.possible_start)?, parse_day(&r.possible_end)?)
}

impl App {
    /// Reads what the allocation of a call works on: requests, their possible places with fit
    /// and reasons, and the places left in each window.
    pub(super) async fn call_data(&self, actor: &Actor, slug: &str) -> Result<Data> {
        let call = self.call(actor, slug).await?;
        let requests = self.store().call_requests(call.row.id).await?;
        let prefs = self.store().call_preferences(call.row.id).await?;
        let ids: Vec<i64> = call.placements.iter().map(|p| p.row.id).collect();
        let held = self.store().places_held(&ids).await?;
        let counts = self.host_counts().await?;
        let mut windows = Vec::new();
        for (i, p) in call.placements.iter().enumerate() {
            for w in &p.windows {
                let taken = held
                    .iter()
                    .find(|(id, start, _)| *id == p.row.id && *start == w.start.to_string())
                    .map(|h| h.2)
                    .unwrap_or(0);
                let left = (p.row.capacity - taken).max(0);
                windows.push((i, *w, u32::try_from(left).unwrap_or(0)));
            }
        }
        let mut preferences = Vec::new();
        let mut options = Vec::new();
        for r in &requests {
            let mine: Vec<usize> = prefs
                .iter()
                .filter(|p| p.request_id == r.id)
                .filter_map(|p| {
                    call.placements
                        .iter()
                        .position(|v| v.row.id == p.placement_id)
                })
                .collect();
            let seeker = seeker_of(r);
            let possible = possible_of(r);
            let mut opts = Vec::new();
            for (rank, pi) in mine.iter().enumerate() {
                let p = &call.placements[*pi];
                let offer = crate::app::exchange::visits::offer_of(p, &counts);
                let length = u32::try_from(p.row.length_days).unwrap_or(1);
                let rank = rank as u32 + 1;
                let Some((points, reasons)) = fit(&seeker, &offer, Some(rank)) else {
                    continue;
                };
                for w in &p.windows {
                    if possible.is_some_and(|s| first_fit(*w, &[s], length).is_some()) {
                        opts.push(Place {
                            placement: *pi,
                            window: *w,
                            rank,
                            points,
                            reasons: reasons.clone(),
                        });
                    }
                }
            }
            preferences.push(mine);
            options.push(opts);
        }
        let assignments = self.store().call_assignments(call.row.id).await?;
        Ok(Data {
            call,
            requests,
            preferences,
            windows,
            options,
            assignments,
        })
    }

    /// Refuses, inside the write lock, to change the allocation of a published call.
    pub(super) async fn still_allocatable(
        tx: &mut crate::storage::WriteTx,
        call: i64,
    ) -> Result<()> {
        if tx.call_status(call).await? == CallStatus::Published.as_str() {
            return Err(Error::Conflict("error-call-not-allocatable"));
        }
        Ok(())
    }

    pub(super) fn window_index(d: &Data, placement: usize, window: Span) -> Option<usize> {
        d.windows
            .iter()
            .position(|(p, w, _)| *p == placement && *w == window)
    }

    /// Runs the allocation of a call after its deadline (again, dropping changes made by hand)
    /// and stores it as the proposal.
    pub async fn run_allocation(&self, actor: &Actor, slug: &str) -> Result<()> {
        crate::app::authorize(actor, Action::ManageCalls)?;
        let d = self.call_data(actor, slug).await?;
        if !d.call.allocatable {
            return Err(Error::Conflict("error-call-not-allocatable"));
        }
        let mut cities: Vec<Option<i64>> = Vec::new();
        let mut wishes = Vec::new();
        for (r, opts) in d.requests.iter().zip(&d.options) {
            let city = match cities.iter().position(|c| *c == r.visitor_city_id) {
                Some(i) => i,
                None => {
                    cities.push(r.visitor_city_id);
                    cities.len() - 1
                }
            };
            wishes.push(Wish {
                city,
                choices: opts
                    .iter()
                    .filter_map(|o| {
                        Some(Choice {
                            window: Self::window_index(&d, o.placement, o.window)?,
                            fit: o.points,
                        })
                    })
                    .collect(),
            });
        }
        let instance = Instance {
            cities: cities.len(),
            capacities: d.windows.iter().map(|w| w.2).collect(),
            requests: wishes,
        };
        let result = allocate(&instance);
        let rows: Vec<AssignmentRow> = result
            .granted
            .iter()
            .enumerate()
            .filter_map(|(r, g)| {
                let o = &d.options[r][(*g)?];
                Some(AssignmentRow {
                    request_id: d.requests[r].id,
                    placement_id: d.call.placements[o.placement].row.id,
                    window_start: o.window.start.to_string(),
                    window_end: o.window.end.to_string(),
                    points: o.points,
                    by_hand: 0,
                })
            })
            .collect();
        let mut tx = self.store().write().await?;
        Self::still_allocatable(&mut tx, d.call.row.id).await?;
        tx.replace_assignments(d.call.row.id, &rows, actor.user_id())
            .await?;
        tx.set_call_status(
            d.call.row.id,
            CallStatus::Proposed.as_str(),
            actor.user_id(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The allocation as it stands, with reasons, alternatives and each city's share.
    pub async fn review_allocation(&self, actor: &Actor, slug: &str) -> Result<Review> {
        crate::app::authorize(actor, Action::ManageCalls)?;
        let d = self.call_data(actor, slug).await?;
        let mut rows = Vec::new();
        let mut cities: Vec<CityShare> = Vec::new();
        let (mut granted, mut total_fit) = (0, 0);
        for (i, r) in d.requests.iter().enumerate() {
            let assigned = d.assignments.iter().find(|a| a.request_id == r.id);
            let placed = assigned.and_then(|a| {
                d.options[i].iter().position(|o| {
                    d.call.placements[o.placement].row.id == a.placement_id
                        && o.window.start.to_string() == a.window_start
                })
            });
            let seeker = seeker_of(r);
            let possible: Vec<Span> = possible_of(r).into_iter().collect();
            let placed_placement = placed.map(|o| d.options[i][o].placement);
            let not_placed = d.preferences[i]
                .iter()
                .filter(|pi| Some(**pi) != placed_placement)
                .map(|pi| {
                    let p = &d.call.placements[*pi];
                    let offer = Offer {
                        organisation: p.row.organisation_id,
                        ..Default::default()
                    };
                    let length = u32::try_from(p.row.length_days).unwrap_or(1);
                    let why = why_not(&seeker, &offer, &p.windows, &possible, length)
                        .map(NotPlaced::Cannot)
                        .unwrap_or(NotPlaced::Taken);
                    (*pi, why)
                })
                .collect();
            if let Some(o) = placed {
                granted += 1;
                total_fit += d.options[i][o].points;
            }
            match cities.iter_mut().find(|c| c.city_id == r.visitor_city_id) {
                Some(c) => {
                    c.requested += 1;
                    c.granted += usize::from(placed.is_some());
                }
                None => cities.push(CityShare {
                    city_id: r.visitor_city_id,
                    requested: 1,
                    granted: usize::from(placed.is_some()),
                }),
            }
            rows.push(ReviewRow {
                request: r.clone(),
                preferences: d.preferences[i].clone(),
                placed,
                by_hand: assigned.is_some_and(|a| a.by_hand == 1),
                options: d.options[i].clone(),
                not_placed,
            });
        }
        Ok(Review {
            call: d.call,
            rows,
            cities,
            granted,
            fit: total_fit,
        })
    }

    /// Places one request by hand (`choice`: the placement's slug and the window's first day),
    /// or takes it out (`None`). The place must be one of its preferences where its dates fit,
    /// and the window must have room.
    pub async fn assign_by_hand(
        &self,
        actor: &Actor,
        slug: &str,
        request_id: i64,
        choice: Option<(&str, &str)>,
    ) -> Result<()> {
        crate::app::authorize(actor, Action::ManageCalls)?;
        let d = self.call_data(actor, slug).await?;
        if !d.call.allocatable {
            return Err(Error::Conflict("error-call-not-allocatable"));
        }
        let i = d
            .requests
            .iter()
            .position(|r| r.id == request_id)
            .ok_or(Error::NotFound)?;
        let mut rows: Vec<AssignmentRow> = d
            .assignments
            .iter()
            .filter(|a| a.request_id != request_id)
            .cloned()
            .collect();
        if let Some((placement, window_start)) = choice {
            let Some(o) = d.options[i].iter().find(|o| {
                d.call.placements[o.placement].row.slug == placement
                    && o.window.start.to_string() == window_start
            }) else {
                return Err(Error::Invalid(FieldErrors::one(
                    "choice",
                    FieldError::new("error-choice-not-possible"),
                )));
            };
            let p = &d.call.placements[o.placement];
            let left = Self::window_index(&d, o.placement, o.window)
                .map(|w| d.windows[w].2)
                .unwrap_or(0);
            let used = rows
                .iter()
                .filter(|a| a.placement_id == p.row.id && a.window_start == window_start)
                .count();
            if used as u32 >= left {
                return Err(Error::Conflict("error-window-full"));
            }
            rows.push(AssignmentRow {
                request_id,
                placement_id: p.row.id,
                window_start: o.window.start.to_string(),
                window_end: o.window.end.to_string(),
                points: o.points,
                by_hand: 1,
            });
        }
        rows.sort_by_key(|a| a.request_id);
        let mut tx = self.store().write().await?;
        Self::still_allocatable(&mut tx, d.call.row.id).await?;
        tx.replace_assignments(d.call.row.id, &rows, actor.user_id())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Publishes the allocation: each granted request becomes an accepted visit (holding its
    /// place, checked again inside the write lock), and every requester and host is told.
    pub async fn publish_call(&self, actor: &Actor, slug: &str) -> Result<usize> {
        crate::app::authorize(actor, Action::ManageCalls)?;
        let d = self.call_data(actor, slug).await?;
        if d.call.status != CallStatus::Proposed {
            return Err(Error::Conflict("error-call-not-allocatable"));
        }
        let mut tx = self.store().write().await?;
        // Checked again inside the write lock: a second click publishes nothing twice.
        if tx.call_status(d.call.row.id).await? != CallStatus::Proposed.as_str() {
            return Err(Error::Conflict("error-call-not-allocatable"));
        }
        let mut created = Vec::new();
        for a in &d.assignments {
            let Some(r) = d.requests.iter().find(|r| r.id == a.request_id) else {
                continue;
            };
            let Some(p) = d
                .call
                .placements
                .iter()
                .find(|p| p.row.id == a.placement_id)
            else {
                continue;
            };
            if tx.places_taken(p.row.id, &a.window_start).await? >= p.row.capacity {
                return Err(Error::Conflict("error-window-full"));
            }
            let new = NewVisit {
                placement_id: Some(p.row.id),
                window: Some((a.window_start.clone(), a.window_end.clone())),
                visitor_id: r.visitor_id,
                visitor_organisation_id: r.visitor_organisation_id,
                status: VisitStatus::Requested.as_str(),
                possible: (r.possible_start.clone(), r.possible_end.clone()),
                length_days: p.row.length_days,
                themes: r.themes.clone(),
                cities: String::new(),
                languages: r.languages.clone(),
                goal: &r.goal,
            };
            let id = tx.insert_visit(&new, Some(r.visitor_id)).await?;
            tx.set_visit_call(id, d.call.row.id).await?;
            tx.step_visit(
                id,
                VisitStatus::Requested.as_str(),
                Step::Accept.as_str(),
                VisitStatus::Accepted.as_str(),
                &d.call.row.title,
                false,
                actor.user_id(),
            )
            .await?;
            created.push(id);
        }
        tx.set_call_status(
            d.call.row.id,
            CallStatus::Published.as_str(),
            actor.user_id(),
        )
        .await?;
        for id in &created {
            self.notify_visit(
                &mut tx,
                actor,
                (*id, Step::Accept),
                false,
                crate::app::workspace::notices::Sender::Step,
            )
            .await?;
        }
        let granted: Vec<i64> = d.assignments.iter().map(|a| a.request_id).collect();
        self.notify_not_granted(&mut tx, actor, &d.call.row, &d.requests, &granted)
            .await?;
        tx.commit().await?;
        self.deliver_soon(actor).await;
        Ok(created.len())
    }

    /// Tells the requesters of a call who were not granted a place (one notice each, however
    /// many of their requests went without).
    async fn notify_not_granted(
        &self,
        tx: &mut crate::storage::WriteTx,
        actor: &Actor,
        call: &CallRow,
        requests: &[CallRequestRow],
        granted: &[i64],
    ) -> Result<()> {
        let left: Vec<i64> = requests
            .iter()
            .filter(|r| !granted.contains(&r.id))
            .map(|r| r.visitor_id)
            .collect();
        let title = call.title.as_str();
        let notice = crate::storage::NewNotice {
            kind: "call",
            subject: &call.slug,
            step: "not-granted",
            titles: [title, title, title],
            ..Default::default()
        };
        let to = crate::storage::Recipients {
            users: left,
            ..Default::default()
        };
        self.write_notices(
            tx,
            actor,
            crate::app::workspace::notices::Sender::Step,
            &notice,
            to,
        )
        .await?;
        Ok(())
    }
}

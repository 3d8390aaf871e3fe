//! Visits of the exchange programme: the lifecycle from requested to reported and the agreement
//! checklist. Requests (`requests.rs`), suggestions, reports and the checklist's settings have
//! modules of their own beside this one. A window's capacity is checked inside the write
//! transaction, and writers are serialized (`Store::write`), so two hosts accepting at the same
//! moment cannot overfill it.

use time::{Date, OffsetDateTime};

use crate::app::{App, Error, Page, Result, page_size};
use crate::domain::exchange::placement::parse_day;
use crate::domain::exchange::visit::{
    Schedule, ScheduleForm, Side, Step, VisitFacts, VisitStatus, step_message,
};
use crate::domain::exchange::{Offer, Reason, Span, first_fit};
use crate::domain::{Action, Actor, FieldError, FieldErrors, Role, can};
use crate::storage::{ReportRow, StorageError, VisitEventRow, VisitFilter, VisitPlan, VisitRow};

use crate::app::exchange::placements::PlacementView;

/// One item of a visit's agreement checklist and who has confirmed it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChecklistLine {
    /// Item id.
    pub id: i64,
    /// A built-in item's key; its text is in the message files.
    pub key: Option<String>,
    /// An added item's texts (de, fr, en).
    pub labels: [String; 3],
    /// Confirmed by the visitor.
    pub visitor: bool,
    /// Confirmed by the host.
    pub host: bool,
}

/// The agreement checklist's lines, each with the sides `confirmed(item, side)` says confirmed it.
pub(crate) fn checklist_lines(
    items: Vec<crate::storage::ChecklistItemRow>,
    confirmed: impl Fn(i64, &str) -> bool,
) -> Vec<ChecklistLine> {
    items
        .into_iter()
        .map(|i| ChecklistLine {
            visitor: confirmed(i.id, "visitor"),
            host: confirmed(i.id, "host"),
            id: i.id,
            key: i.item_key,
            labels: [i.label_de, i.label_fr, i.label_en],
        })
        .collect()
}

/// The steps `actor` may take on a visit now, and the side of the agreement they confirm.
pub(crate) fn allowed(actor: &Actor, facts: VisitFacts) -> (Vec<Step>, Option<Side>) {
    let steps = Step::ALL
        .into_iter()
        .filter(|s| can(actor, Action::StepVisit(*s, facts)))
        .collect();
    let confirms = [Side::Visitor, Side::Host]
        .into_iter()
        .find(|s| can(actor, Action::ConfirmAgreement(*s, facts)));
    (steps, confirms)
}

/// A visit as its reader sees it.
#[derive(Debug, Clone)]
pub struct VisitView {
    /// The stored visit.
    pub row: VisitRow,
    /// Its timeline.
    pub events: Vec<VisitEventRow>,
    /// The agreement checklist.
    pub checklist: Vec<ChecklistLine>,
    /// The learning report, once written.
    pub report: Option<ReportRow>,
    /// The reader's relation to it.
    pub facts: VisitFacts,
    /// Steps the reader may take now.
    pub steps: Vec<Step>,
    /// The side whose checklist the reader may confirm.
    pub confirms: Option<Side>,
    /// Whether the reader may add the host's view to the report.
    pub may_add_host_view: bool,
}

pub(super) fn span(a: &str, b: &str) -> Option<Span> {
    Span::new(parse_day(a)?, parse_day(b)?)
}

/// The request's possible days from today on; `None` when they have all passed.
pub(super) fn still_possible(row: &VisitRow) -> Option<Span> {
    let s = span(&row.possible_start, &row.possible_end)?;
    Span::new(s.start.max(today()), s.end)
}

/// A placement suggested for an open request, with why.
#[derive(Debug, Clone)]
pub struct Suggestion {
    /// The placement.
    pub placement: PlacementView,
    /// Fit points.
    pub points: i64,
    /// Why it fits.
    pub reasons: Vec<Reason>,
    /// The first days a stay fits within the request's dates.
    pub days: Span,
}

/// An open request suggested to a host for one of its placements, with why.
#[derive(Debug, Clone)]
pub struct RequestSuggestion {
    /// The open request.
    pub visit: VisitRow,
    /// Fit points.
    pub points: i64,
    /// Why it fits.
    pub reasons: Vec<Reason>,
    /// The first days a stay fits.
    pub days: Span,
}

/// Which of the actor's visits to list.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct VisitQuery {
    /// Only in this status.
    pub status: Option<String>,
    /// Only those the reader takes part in, also for coordinators (who otherwise see all).
    #[serde(skip)]
    pub own: bool,
    /// Page size (1–200, default 50).
    pub limit: Option<i64>,
    /// Items skipped.
    pub offset: Option<i64>,
}

/// An added checklist item's text for a reader: their language's, else the first written of the
/// others (German, French, English order after theirs).
pub fn label_in(locale: crate::domain::Locale, labels: [&str; 3]) -> String {
    use crate::domain::Locale;
    let order = match locale {
        Locale::De => [0, 1, 2],
        Locale::Fr => [1, 0, 2],
        Locale::En => [2, 0, 1],
    };
    order
        .iter()
        .map(|i| labels[*i])
        .find(|l| !l.is_empty())
        .unwrap_or_default()
        .to_owned()
}

/// Today, in UTC.
/// Today where the network is (Central European Time), not in UTC: a visit's first day begins
/// at local midnight.
pub fn today() -> Date {
    crate::domain::local_time::local(OffsetDateTime::now_utc().unix_timestamp())
        .map_or_else(|| OffsetDateTime::now_utc().date(), |t| t.date())
}

/// Whether the actor acts for an organisation as host: its editors, coordinators and admins.
pub(crate) fn acts_for(actor: &Actor, organisation: Option<i64>) -> bool {
    match actor {
        Actor::User {
            role,
            organisation_id,
            ..
        } => organisation.is_some() && *organisation_id == organisation && *role != Role::Member,
        _ => false,
    }
}

pub(crate) fn facts_of(actor: &Actor, row: &VisitRow) -> VisitFacts {
    VisitFacts {
        status: VisitStatus::parse(&row.status).unwrap_or(VisitStatus::Cancelled),
        visitor: actor.user_id() == Some(row.visitor_id),
        host: acts_for(actor, row.host_id),
        started: row
            .start_date
            .as_deref()
            .and_then(parse_day)
            .is_none_or(|d| d <= today()),
    }
}

/// What the fit looks at on a placement's side.
pub(crate) fn offer_of(p: &PlacementView, counts: &std::collections::HashMap<i64, u32>) -> Offer {
    Offer {
        organisation: p.row.organisation_id,
        country: p.row.country.clone(),
        themes: p.themes(),
        languages: p.languages(),
        visits: counts.get(&p.row.organisation_id).copied().unwrap_or(0),
        city: p.row.city_id,
    }
}

/// A time as HH:MM.
pub(super) fn hhmm(t: time::Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

impl VisitView {
    /// Where it stands.
    pub fn status(&self) -> VisitStatus {
        VisitStatus::parse(&self.row.status).unwrap_or(VisitStatus::Cancelled)
    }

    /// Whether both sides have confirmed every item.
    pub fn agreed(&self) -> bool {
        self.checklist.iter().all(|l| l.visitor && l.host)
    }

    /// The window the visit holds (or asks for) a place in.
    pub fn window(&self) -> Option<Span> {
        span(
            self.row.window_start.as_deref()?,
            self.row.window_end.as_deref()?,
        )
    }

    /// The fixed days.
    pub fn days(&self) -> Option<Span> {
        span(
            self.row.start_date.as_deref()?,
            self.row.end_date.as_deref()?,
        )
    }

    /// May the reader take `step`?
    pub fn may(&self, step: Step) -> bool {
        self.steps.contains(&step)
    }
}

impl App {
    /// A visit the actor may see (`NotFound` otherwise, so that ids do not tell what exists).
    pub(super) async fn visible_visit(
        &self,
        actor: &Actor,
        id: i64,
    ) -> Result<(VisitRow, VisitFacts)> {
        if actor.role().is_none() {
            return Err(Error::Unauthorized);
        }
        let row = self.store().visit(id).await?;
        let facts = facts_of(actor, &row);
        if !can(actor, Action::ViewVisit(facts)) {
            return Err(Error::NotFound);
        }
        Ok((row, facts))
    }

    /// One visit with its timeline, checklist, report and what the reader may do.
    pub async fn visit(&self, actor: &Actor, id: i64) -> Result<VisitView> {
        let (row, facts) = self.visible_visit(actor, id).await?;
        let events = self.store().visit_events(id).await?;
        let items = self.store().checklist_items(false).await?;
        let confirmations = self.store().visit_confirmations(id).await?;
        let checklist = checklist_lines(items, |item, side| {
            confirmations
                .iter()
                .any(|c| c.item_id == item && c.side == side)
        });
        let report = self.store().visit_report(id).await?;
        let (steps, confirms) = allowed(actor, facts);
        Ok(VisitView {
            may_add_host_view: can(actor, Action::AddHostView(facts)),
            row,
            events,
            checklist,
            report,
            facts,
            steps,
            confirms,
        })
    }

    /// The actor's visits, as visitor and as host, newest change first. Coordinators see them all.
    pub async fn visits(&self, actor: &Actor, query: &VisitQuery) -> Result<Page<VisitRow>> {
        let Actor::User {
            id,
            organisation_id,
            role,
        } = actor
        else {
            return Err(Error::Unauthorized);
        };
        let status = match crate::app::given(&query.status) {
            Some(s) if VisitStatus::parse(&s).is_none() => {
                return Err(Error::Invalid(FieldErrors::one(
                    "status",
                    FieldError::new("error-choice"),
                )));
            }
            s => s,
        };
        let staff = matches!(role, Role::Admin | Role::Coordinator);
        let host = acts_for(actor, *organisation_id)
            .then_some(*organisation_id)
            .flatten();
        let filter = VisitFilter {
            party: (!staff || query.own).then_some((*id, host)),
            placement_id: None,
            status,
        };
        let limit = page_size(query.limit);
        let offset = query.offset.unwrap_or(0).clamp(0, 1_000_000);
        let (items, total) = self.store().visits(&filter, limit, offset).await?;
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }

    /// The visits asked of one placement (for its hosts), newest first.
    pub async fn placement_visits(&self, actor: &Actor, slug: &str) -> Result<Vec<VisitRow>> {
        let p = self.placement(actor, slug).await?;
        if !p.can_edit {
            return Ok(Vec::new());
        }
        let filter = VisitFilter {
            placement_id: Some(p.row.id),
            ..Default::default()
        };
        Ok(self.store().visits(&filter, 200, 0).await?.0)
    }

    /// Moves the visit along inside `tx`, or fails with a conflict when someone else moved it
    /// meanwhile.
    pub(crate) async fn take_step(
        &self,
        tx: &mut crate::storage::WriteTx,
        actor: &Actor,
        id: i64,
        from: VisitStatus,
        step: Step,
        message: &str,
    ) -> Result<VisitStatus> {
        let to = from
            .after(step)
            .ok_or(Error::Conflict("error-visit-step-not-possible"))?;
        let reissue = matches!(step, Step::Schedule | Step::Cancel);
        match tx
            .step_visit(
                id,
                from.as_str(),
                step.as_str(),
                to.as_str(),
                message,
                reissue,
                actor.user_id(),
            )
            .await
        {
            Ok(()) => Ok(to),
            Err(StorageError::Conflict(_)) => Err(Error::Conflict("error-visit-step-not-possible")),
            Err(e) => Err(e.into()),
        }
    }

    /// Accepts, declines, records as done or cancels a visit, with the message or reason.
    /// Accepting holds a place in a window that fits the visitor's dates and still has room:
    /// the one asked for first, another otherwise; when every one is full, it is a conflict.
    pub async fn step_visit(
        &self,
        actor: &Actor,
        id: i64,
        step: Step,
        message: &str,
    ) -> Result<()> {
        let (row, facts) = self.visible_visit(actor, id).await?;
        if !matches!(
            step,
            Step::Accept | Step::Decline | Step::Complete | Step::Cancel
        ) {
            return Err(Error::Conflict("error-visit-step-not-possible"));
        }
        if step == Step::Complete && !facts.started {
            return Err(Error::Conflict("error-visit-not-started"));
        }
        if !can(actor, Action::StepVisit(step, facts)) {
            return Err(if facts.status.after(step).is_none() {
                Error::Conflict("error-visit-step-not-possible")
            } else {
                Error::Forbidden
            });
        }
        let message = step_message(step, message).map_err(Error::Invalid)?;
        let was_scheduled = facts.status == VisitStatus::Scheduled;
        let mut tx = self.store().write().await?;
        if step == Step::Accept {
            self.hold_place(&mut tx, &row).await?;
        }
        self.take_step(
            &mut tx,
            actor,
            id,
            facts.status,
            step,
            message.as_deref().unwrap_or_default(),
        )
        .await?;
        let calendar = step == Step::Cancel && was_scheduled;
        self.notify_visit(
            &mut tx,
            actor,
            (id, step),
            calendar,
            crate::app::workspace::notices::Sender::Step,
        )
        .await?;
        tx.commit().await?;
        self.deliver_soon(actor).await;
        Ok(())
    }

    /// Finds a window with room for the visit, inside the write lock, and holds it there.
    pub(super) async fn hold_place(
        &self,
        tx: &mut crate::storage::WriteTx,
        row: &VisitRow,
    ) -> Result<()> {
        let (Some(placement), Some(asked)) = (row.placement_id, row.window_start.clone()) else {
            return Err(Error::Conflict("error-visit-step-not-possible"));
        };
        let capacity = tx.placement_capacity(placement).await?;
        let possible = span(&row.possible_start, &row.possible_end);
        let windows: Vec<Span> = self
            .windows_of(&[placement])
            .await?
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        let length = u32::try_from(row.length_days).unwrap_or(1);
        let mut candidates: Vec<(String, String)> = vec![(
            asked.clone(),
            row.window_end.clone().unwrap_or_else(|| asked.clone()),
        )];
        for w in &windows {
            if w.start.to_string() != asked
                && possible.is_some_and(|p| first_fit(*w, &[p], length).is_some())
            {
                candidates.push((w.start.to_string(), w.end.to_string()));
            }
        }
        for (start, end) in candidates {
            if tx.places_taken(placement, &start).await? < capacity {
                if start != asked {
                    tx.choose_placement(row.id, placement, (&start, &end))
                        .await?;
                }
                return Ok(());
            }
        }
        Err(Error::Conflict("error-window-full"))
    }

    /// The host fixes (or changes) the dates, times, meeting point and agenda. Both sides must
    /// have confirmed the agreement checklist first; both get a calendar invitation.
    pub async fn schedule_visit(&self, actor: &Actor, id: i64, form: &ScheduleForm) -> Result<()> {
        let view = self.visit(actor, id).await?;
        if !view.may(Step::Schedule) {
            return Err(if view.status().after(Step::Schedule).is_none() {
                Error::Conflict("error-visit-step-not-possible")
            } else {
                Error::Forbidden
            });
        }
        let Some(window) = view.window() else {
            return Err(Error::Conflict("error-visit-step-not-possible"));
        };
        let length = u32::try_from(view.row.length_days).unwrap_or(1);
        let checked = Schedule::check(form, window, length);
        let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
        if !view.agreed() {
            errors.add("checklist", FieldError::new("error-checklist-incomplete"));
        }
        let s = match checked {
            Ok(s) if errors.is_empty() => s,
            _ => return Err(Error::Invalid(errors)),
        };
        let plan = VisitPlan {
            days: (s.days.start.to_string(), s.days.end.to_string()),
            times: s.times.map(|(a, b)| (hhmm(a), hhmm(b))),
            meeting_point: s.meeting_point,
            agenda: s.agenda.unwrap_or_default(),
        };
        let mut tx = self.store().write().await?;
        tx.plan_visit(id, &plan).await?;
        self.take_step(&mut tx, actor, id, view.status(), Step::Schedule, "")
            .await?;
        self.notify_visit(
            &mut tx,
            actor,
            (id, Step::Schedule),
            true,
            crate::app::workspace::notices::Sender::Step,
        )
        .await?;
        tx.commit().await?;
        self.deliver_soon(actor).await;
        Ok(())
    }

    /// Confirms one side's agreement checklist: `items` are the confirmed ones (the rest are not).
    pub async fn confirm_checklist(&self, actor: &Actor, id: i64, items: &[i64]) -> Result<()> {
        let view = self.visit(actor, id).await?;
        let Some(side) = view.confirms else {
            return Err(Error::Forbidden);
        };
        let known: Vec<i64> = view.checklist.iter().map(|l| l.id).collect();
        let mut mine: Vec<i64> = items
            .iter()
            .copied()
            .filter(|i| known.contains(i))
            .collect();
        mine.sort_unstable();
        mine.dedup();
        let mut tx = self.store().write().await?;
        tx.confirm_checklist(id, side.as_str(), &mine, actor.user_id())
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

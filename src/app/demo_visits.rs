//! The demo visits (`demo/visits.toml`): one in every state of the lifecycle, written as their
//! history would have been, with dates counted from the day the demo is loaded; and a finished
//! call (`demo/calls.toml`), allocated and published through the real use cases.

use serde::Deserialize;
use time::Duration;

use crate::app::exchange::visits::today;
use crate::app::{App, Result};
use crate::domain::exchange::Span;
use crate::domain::exchange::visit::{FOLLOW_UP_DAYS, VisitStatus};
use crate::storage::{NewVisit, VisitPlan, WriteTx, join_list};

const VISITS: &str = include_str!("../../demo/visits.toml");
const CALLS: &str = include_str!("../../demo/calls.toml");

#[derive(Deserialize)]
struct DemoCalls {
    call: Vec<DemoCall>,
}

#[derive(Deserialize)]
struct DemoCall {
    slug: String,
    title: String,
    description: String,
    deadline_days: i64,
    placements: Vec<String>,
    request: Vec<DemoCallRequest>,
}

#[derive(Deserialize)]
struct DemoCallRequest {
    visitor: String,
    preferences: Vec<String>,
    possible: [String; 2],
    languages: Vec<String>,
    themes: Vec<String>,
    goal: String,
}

#[derive(Deserialize)]
struct DemoVisits {
    visit: Vec<DemoVisit>,
}

#[derive(Deserialize)]
struct DemoVisit {
    visitor: String,
    #[serde(default)]
    placement: String,
    status: String,
    /// Days from today.
    possible: Option<[i64; 2]>,
    /// Index of a placement period.
    window: Option<usize>,
    /// Days from the window's first day, or from today when `possible` is given.
    days: Option<[i64; 2]>,
    times: Option<[String; 2]>,
    #[serde(default)]
    meeting_point: String,
    #[serde(default)]
    agenda: String,
    #[serde(default)]
    length_days: Option<i64>,
    #[serde(default)]
    themes: Vec<String>,
    #[serde(default)]
    cities: Vec<String>,
    languages: Vec<String>,
    goal: String,
    #[serde(default)]
    host_message: String,
    #[serde(default)]
    cancel_reason: String,
    #[serde(default)]
    confirmed: Vec<String>,
    report: Option<DemoReport>,
}

#[derive(Deserialize)]
struct DemoReport {
    lang: String,
    saw: String,
    worked: String,
    take_home: String,
    practices: Vec<String>,
    intention: String,
    published: bool,
    host_view: String,
}

/// The steps that lead to a status, after the request.
fn path_to(status: VisitStatus) -> &'static [(&'static str, VisitStatus)] {
    use VisitStatus::*;
    match status {
        Open | Requested => &[],
        Accepted => &[("accept", Accepted)],
        Declined => &[("decline", Declined)],
        Scheduled => &[("accept", Accepted), ("schedule", Scheduled)],
        Done => &[
            ("accept", Accepted),
            ("schedule", Scheduled),
            ("complete", Done),
        ],
        Reported => &[
            ("accept", Accepted),
            ("schedule", Scheduled),
            ("complete", Done),
            ("report", Reported),
        ],
        Cancelled => &[("cancel", Cancelled)],
    }
}

impl App {
    /// Loads the demo visits, unless there are visits already.
    pub(super) async fn load_demo_visits(&self) -> Result<usize> {
        if self.store().visits(&Default::default(), 1, 0).await?.1 > 0 {
            return Ok(0);
        }
        let demo: DemoVisits =
            toml::from_str(VISITS).map_err(|e| anyhow::anyhow!("demo visits: {e}"))?;
        let items: Vec<i64> = self
            .store()
            .checklist_items(false)
            .await?
            .iter()
            .map(|i| i.id)
            .collect();
        let mut tx = self.store().write().await?;
        for d in &demo.visit {
            self.write_demo_visit(&mut tx, d, &items).await?;
        }
        tx.commit().await?;
        Ok(demo.visit.len())
    }

    /// Loads the demo calls, unless there are calls already: each is written as opened and
    /// closed, then allocated and published as a coordinator would.
    pub(super) async fn load_demo_calls(&self) -> Result<usize> {
        if self.store().calls(1, 0).await?.1 > 0 {
            return Ok(0);
        }
        let demo: DemoCalls =
            toml::from_str(CALLS).map_err(|e| anyhow::anyhow!("demo calls: {e}"))?;
        for c in &demo.call {
            let mut tx = self.store().write().await?;
            let mut ids = Vec::new();
            for p in &c.placements {
                ids.push(self.store().placement(p).await?.id);
            }
            let deadline = (today() + Duration::days(c.deadline_days)).to_string();
            let id = tx
                .insert_call(
                    &c.slug,
                    &c.title,
                    c.description.trim(),
                    &deadline,
                    &ids,
                    None,
                )
                .await?;
            for r in &c.request {
                let user = self.store().user_by_email(&r.visitor).await?;
                let mut preferences = Vec::new();
                for p in &r.preferences {
                    preferences.push(self.store().placement(p).await?.id);
                }
                let new = crate::storage::NewCallRequest {
                    call_id: id,
                    visitor_id: user.id,
                    visitor_organisation_id: user.organisation_id,
                    possible: (r.possible[0].clone(), r.possible[1].clone()),
                    languages: join_list(&r.languages),
                    themes: join_list(&r.themes),
                    goal: &r.goal,
                    preferences,
                };
                tx.save_call_request(&new, Some(user.id)).await?;
            }
            tx.commit().await?;
            self.run_allocation(&crate::domain::Actor::System, &c.slug)
                .await?;
            self.publish_call(&crate::domain::Actor::System, &c.slug)
                .await?;
        }
        Ok(demo.call.len())
    }

    async fn write_demo_visit(&self, tx: &mut WriteTx, d: &DemoVisit, items: &[i64]) -> Result<()> {
        let bad = |what: &str| anyhow::anyhow!("demo visit for {}: {what}", d.visitor);
        let status = VisitStatus::parse(&d.status).ok_or_else(|| bad("status"))?;
        let user = self.store().user_by_email(&d.visitor).await?;
        let day = |n: i64| today() + Duration::days(n);
        let placement = match d.placement.as_str() {
            "" => None,
            slug => {
                let row = self.store().placement(slug).await?;
                let windows: Vec<Span> = self
                    .windows_of(&[row.id])
                    .await?
                    .into_iter()
                    .map(|(_, s)| s)
                    .collect();
                Some((row, windows))
            }
        };
        let window = match (&placement, d.window, d.possible) {
            (Some((_, windows)), Some(i), _) => Some(*windows.get(i).ok_or_else(|| bad("window"))?),
            (Some(_), None, Some([a, b])) => Span::new(day(a), day(b)),
            _ => None,
        };
        let possible = match d.possible {
            Some([a, b]) => Span::new(day(a), day(b)),
            None => window,
        }
        .ok_or_else(|| bad("dates"))?;
        let length = placement
            .as_ref()
            .map(|(p, _)| p.length_days)
            .or(d.length_days)
            .unwrap_or(1);
        let new = NewVisit {
            placement_id: placement.as_ref().map(|(p, _)| p.id),
            window: window.map(|w| (w.start.to_string(), w.end.to_string())),
            visitor_id: user.id,
            visitor_organisation_id: user.organisation_id,
            status: if placement.is_some() {
                VisitStatus::Requested.as_str()
            } else {
                VisitStatus::Open.as_str()
            },
            possible: (possible.start.to_string(), possible.end.to_string()),
            length_days: length,
            themes: join_list(&d.themes),
            cities: join_list(&d.cities),
            languages: join_list(&d.languages),
            goal: &d.goal,
        };
        let id = tx.insert_visit(&new, Some(user.id)).await?;
        let mut from = VisitStatus::parse(new.status).unwrap_or(VisitStatus::Requested);
        for (step, to) in path_to(status) {
            if *step == "schedule" {
                for side in &d.confirmed {
                    tx.confirm_checklist(id, side, items, None).await?;
                }
                let [a, b] = d.days.ok_or_else(|| bad("days"))?;
                let base = if d.possible.is_some() {
                    today()
                } else {
                    window.ok_or_else(|| bad("window"))?.start
                };
                let plan = VisitPlan {
                    days: (
                        (base + Duration::days(a)).to_string(),
                        (base + Duration::days(b)).to_string(),
                    ),
                    times: d.times.clone().map(|[a, b]| (a, b)),
                    meeting_point: d.meeting_point.clone(),
                    agenda: d.agenda.clone(),
                };
                tx.plan_visit(id, &plan).await?;
            }
            if *step == "report" {
                let r = d.report.as_ref().ok_or_else(|| bad("report"))?;
                let practices: Vec<&str> = r.practices.iter().map(String::as_str).collect();
                tx.save_report(
                    id,
                    &r.lang,
                    [&r.saw, &r.worked, &r.take_home],
                    &practices,
                    &r.intention,
                    "",
                    r.published,
                    crate::storage::now() + FOLLOW_UP_DAYS * 86_400,
                    Some(user.id),
                )
                .await?;
                tx.set_host_view(id, &r.host_view, None).await?;
            }
            let message = match *step {
                "accept" | "decline" => d.host_message.as_str(),
                "cancel" => d.cancel_reason.as_str(),
                _ => "",
            };
            let actor = matches!(*step, "report" | "cancel").then_some(user.id);
            tx.step_visit(
                id,
                from.as_str(),
                step,
                to.as_str(),
                message,
                matches!(*step, "schedule" | "cancel"),
                actor,
            )
            .await?;
            if *step == "accept" && status == VisitStatus::Accepted {
                for side in &d.confirmed {
                    tx.confirm_checklist(id, side, items, None).await?;
                }
            }
            from = *to;
        }
        Ok(())
    }
}

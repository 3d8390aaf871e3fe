//! The workspace: what the home page shows. For the public, what the network offers now (the
//! latest practices, open placements and calls); for a member, their desk: what awaits *them*,
//! each task decided by the one permission rule of `domain`, then what is new in the network.

pub mod notices;
pub mod site_pages;

use time::Date;

use crate::app::exchange::visits::{VisitQuery, allowed, checklist_lines, today};
use crate::app::{App, PlacementQuery, PlacementView, Result};
use crate::domain::catalogue::practice::{PracticeStatus, Transition};
use crate::domain::exchange::visit::{Side, Step};
use crate::domain::{Action, Actor, can};
use crate::storage::{CallRow, PracticeFilter, PracticeRow};

/// How many items each list of the home page shows.
const SHOWN: i64 = 5;

/// How many practices of each status the desk looks at: a desk lists what is nearest, and
/// links to the whole list when there is more.
const DESK_ROWS: i64 = 30;

/// How long before its deadline an open call is a task.
const CALL_SOON_DAYS: i64 = 21;

/// What a member should do with a practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PracticeTask {
    /// From another city, it waits for a reviewer.
    Review,
    /// The member reviews it and has not given an opinion yet.
    FinishReview,
    /// Recommended by its reviewer: a coordinator publishes it.
    Publish,
    /// Their organisation's draft can be handed in.
    Submit,
    /// Sent back with changes requested: revise and hand it in again.
    Revise,
}

/// What a member should do with a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitTask {
    /// A request waits for the host's answer.
    Answer,
    /// Their side of the agreement checklist is not confirmed yet.
    Confirm,
    /// Accepted and agreed: dates, agenda and meeting point are due.
    Schedule,
    /// It took place; the visitor's learning report is due.
    Report,
}

/// Something a member should do, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    /// A practice (its slug, title and the title's language).
    Practice {
        what: PracticeTask,
        slug: String,
        title: String,
        lang: String,
    },
    /// A visit (its id, and the placement's or host's name).
    Visit {
        what: VisitTask,
        id: i64,
        title: String,
    },
    /// An open call's deadline comes soon.
    CallClosing {
        slug: String,
        title: String,
        deadline: Date,
    },
}

/// The public home page's lists.
#[derive(Debug, Clone)]
pub struct Showcase {
    /// The newest published practices.
    pub practices: Vec<PracticeRow>,
    /// How many published practices there are.
    pub practice_count: i64,
    /// Open placements, soonest first.
    pub placements: Vec<PlacementView>,
    /// Calls that take requests now.
    pub calls: Vec<CallRow>,
}

/// A member's desk.
#[derive(Debug, Clone)]
pub struct Desk {
    /// What awaits them, most pressing kinds first.
    pub tasks: Vec<Task>,
    /// What the network offers now.
    pub showcase: Showcase,
    /// Statuses with more practices in the workflow than the desk looked at, with their
    /// totals (the desk links to the whole list).
    pub more: Vec<(PracticeStatus, i64)>,
    /// What came into the network since their last visit began (its moment, and how much).
    pub news: Option<(i64, crate::storage::News)>,
}

impl App {
    /// What the home page shows anyone: the newest practices, open placements and open calls.
    pub async fn showcase(&self, actor: &Actor, reader: &str) -> Result<Showcase> {
        let filter = PracticeFilter {
            status: Some(PracticeStatus::Published.as_str().to_owned()),
            ..Default::default()
        };
        let practices = self
            .practices(actor, &filter, reader, Some(SHOWN), None)
            .await?;
        let placements = self
            .placements(
                actor,
                &PlacementQuery {
                    limit: Some(SHOWN),
                    open_only: true,
                    ..Default::default()
                },
            )
            .await?;
        let calls = self.open_calls(today()).await?;
        Ok(Showcase {
            practice_count: practices.total,
            practices: practices.items,
            placements: placements.items,
            calls,
        })
    }

    /// The calls that take requests on `day`.
    async fn open_calls(&self, day: Date) -> Result<Vec<CallRow>> {
        let calls = self.calls(Some(50), None).await?;
        Ok(calls
            .items
            .into_iter()
            .filter(|c| {
                let (status, deadline) = Self::call_status(c);
                status.takes_requests(deadline, day)
            })
            .collect())
    }

    /// A member's desk: their tasks, then the showcase.
    pub async fn desk(&self, actor: &Actor, reader: &str) -> Result<Desk> {
        let (mut tasks, more) = self.practice_tasks(actor, reader).await?;
        tasks.extend(self.visit_tasks(actor).await?);
        let day = today();
        let showcase = self.showcase(actor, reader).await?;
        if can(actor, Action::RequestInCall { open: true }) {
            for c in &showcase.calls {
                let (_, deadline) = Self::call_status(c);
                if (deadline - day).whole_days() <= CALL_SOON_DAYS {
                    tasks.push(Task::CallClosing {
                        slug: c.slug.clone(),
                        title: c.title.clone(),
                        deadline,
                    });
                }
            }
        }
        let news = match actor.user_id() {
            Some(id) => match self.store().visit_since(id).await? {
                Some(since) => Some((since, self.store().news_since(since).await?)),
                None => None,
            },
            None => None,
        };
        Ok(Desk {
            tasks,
            showcase,
            more,
            news,
        })
    }

    /// The practices in the workflow that `actor` may move on now (the newest [`DESK_ROWS`] of
    /// each status), and the statuses that hold more.
    async fn practice_tasks(
        &self,
        actor: &Actor,
        reader: &str,
    ) -> Result<(Vec<Task>, Vec<(PracticeStatus, i64)>)> {
        let mut tasks = Vec::new();
        let mut more = Vec::new();
        let city = self.city_of(actor).await?;
        for status in [
            PracticeStatus::Submitted,
            PracticeStatus::InReview,
            PracticeStatus::ChangesRequested,
            PracticeStatus::Draft,
        ] {
            let filter = PracticeFilter {
                status: Some(status.as_str().to_owned()),
                ..Default::default()
            };
            let page = self
                .practices(actor, &filter, reader, Some(DESK_ROWS), None)
                .await?;
            let total = page.total;
            let ids: Vec<i64> = page.items.iter().map(|r| r.id).collect();
            let owners = self.store().owners_of_practices(&ids).await?;
            for row in page.items {
                let owned = owners.get(&row.id).map_or(&[][..], Vec::as_slice);
                let facts = Self::facts_in(actor, &row, owned, city)?;
                let what = if actor.user_id().is_some() && can(actor, Action::TakeReview(facts)) {
                    Some(PracticeTask::Review)
                } else if can(actor, Action::Step(Transition::Publish, facts)) {
                    Some(PracticeTask::Publish)
                } else if facts.reviewer
                    && !facts.recommended
                    && can(actor, Action::Step(Transition::Recommend, facts))
                {
                    Some(PracticeTask::FinishReview)
                } else if facts.own_organisation
                    && can(actor, Action::Step(Transition::Submit, facts))
                {
                    Some(if status == PracticeStatus::ChangesRequested {
                        PracticeTask::Revise
                    } else {
                        PracticeTask::Submit
                    })
                } else {
                    None
                };
                let task = what.map(|what| Task::Practice {
                    what,
                    slug: row.slug,
                    title: row.title,
                    lang: row.title_lang,
                });
                tasks.extend(task);
            }
            // Older ones may hold tasks too: the whole list is linked.
            if total > DESK_ROWS {
                more.push((status, total));
            }
        }
        Ok((tasks, more))
    }

    /// The visits where `actor` is the visitor or acts for the host and has a step to take.
    async fn visit_tasks(&self, actor: &Actor) -> Result<Vec<Task>> {
        let mut tasks = Vec::new();
        let visits = self
            .visits(
                actor,
                &VisitQuery {
                    limit: Some(200),
                    own: true,
                    ..Default::default()
                },
            )
            .await?;
        // Staff see every visit; their desk holds only those they take part in. Their checklists
        // and reports are read for all of them at once.
        let mine: Vec<_> = visits
            .items
            .into_iter()
            .map(|row| (crate::app::exchange::visits::facts_of(actor, &row), row))
            .filter(|(facts, _)| facts.visitor || facts.host)
            .collect();
        let ids: Vec<i64> = mine.iter().map(|(_, row)| row.id).collect();
        let items = self.store().checklist_items(false).await?;
        let confirmations = self.store().confirmations_of(&ids).await?;
        let reported = self.store().reported_visits(&ids).await?;
        for (facts, row) in mine {
            let checklist = checklist_lines(items.clone(), |item, side| {
                confirmations
                    .iter()
                    .any(|(visit, i, s)| *visit == row.id && *i == item && s == side)
            });
            let (steps, confirms) = allowed(actor, facts);
            let title = row
                .placement_title
                .clone()
                .or_else(|| row.host_name.clone())
                .unwrap_or_default();
            // The agreement comes before the schedule: scheduling needs both sides' checklist.
            let unconfirmed = checklist.iter().any(|c| match confirms {
                Some(Side::Visitor) => !c.visitor,
                Some(Side::Host) => !c.host,
                None => false,
            });
            let agreed = checklist.iter().all(|c| c.visitor && c.host);
            let what = if steps.contains(&Step::Accept) {
                Some(VisitTask::Answer)
            } else if unconfirmed {
                Some(VisitTask::Confirm)
            } else if steps.contains(&Step::Schedule) && row.status == "accepted" && agreed {
                Some(VisitTask::Schedule)
            } else if steps.contains(&Step::Report) && !reported.contains(&row.id) {
                Some(VisitTask::Report)
            } else {
                None
            };
            let task = what.map(|what| Task::Visit {
                what,
                id: row.id,
                title,
            });
            tasks.extend(task);
        }
        Ok(tasks)
    }
}

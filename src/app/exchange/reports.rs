//! Learning reports: the visitor writes one after the visit (the first completes its lifecycle), the host adds a view, and members read them.

use crate::app::{App, Error, Page, Result, page_size};
use crate::domain::exchange::visit::{FOLLOW_UP_DAYS, Report, ReportForm, Step, VisitStatus};
use crate::domain::{Action, Actor, FieldError, FieldErrors, can};
use crate::storage::{ReportListRow, ReportRow, VisitRow};

impl App {
    /// The visitor writes or revises the learning report; the first one completes the visit's
    /// lifecycle and sets the follow-up question three months on.
    pub async fn save_report(&self, actor: &Actor, id: i64, form: &ReportForm) -> Result<()> {
        // Titles are looked up only for those who may see the visit.
        self.visible_visit(actor, id).await?;
        let (form, picks) = self.picked_report(form).await?;
        let outcome = self.save_picked_report(actor, id, &form).await;
        crate::app::directory::picks::with_picks(outcome, picks)
    }

    async fn save_picked_report(&self, actor: &Actor, id: i64, form: &ReportForm) -> Result<()> {
        let (_, facts) = self.visible_visit(actor, id).await?;
        if !can(actor, Action::StepVisit(Step::Report, facts)) {
            return Err(if facts.status.after(Step::Report).is_none() {
                Error::Conflict("error-visit-step-not-possible")
            } else {
                Error::Forbidden
            });
        }
        let checked = Report::try_from(form);
        let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
        let mut tx = self.store().write().await?;
        for p in &form.practices {
            let p = p.trim();
            if !p.is_empty() && !tx.practice_exists(p).await? {
                errors.add(
                    "practices",
                    FieldError::with("error-unknown-value", "value", p),
                );
            }
        }
        let r = match checked {
            Ok(r) if errors.is_empty() => r,
            _ => return Err(Error::Invalid(errors)),
        };
        let practices: Vec<&str> = r.practices.iter().map(|p| p.as_str()).collect();
        let follow_up = crate::storage::now() + FOLLOW_UP_DAYS * 86_400;
        tx.save_report(
            id,
            r.lang.code(),
            [&r.saw, &r.worked, &r.take_home],
            &practices,
            r.intention.as_str(),
            r.outcome.as_deref().unwrap_or_default(),
            r.published,
            follow_up,
            actor.user_id(),
        )
        .await?;
        let first = facts.status == VisitStatus::Done;
        if first {
            self.take_step(&mut tx, actor, id, VisitStatus::Done, Step::Report, "")
                .await?;
        }
        if first {
            self.notify_visit(
                &mut tx,
                actor,
                (id, Step::Report),
                false,
                crate::app::workspace::notices::Sender::Step,
            )
            .await?;
        }
        tx.commit().await?;
        self.deliver_soon(actor).await;
        Ok(())
    }

    /// The host adds its view to a report.
    pub async fn add_host_view(&self, actor: &Actor, id: i64, text: &str) -> Result<()> {
        let (_, facts) = self.visible_visit(actor, id).await?;
        if !can(actor, Action::AddHostView(facts)) {
            return Err(Error::Forbidden);
        }
        let text =
            crate::domain::values::optional_text(text, crate::domain::exchange::visit::MESSAGE_MAX)
                .map_err(|e| Error::Invalid(FieldErrors::one("host_view", e)))?
                .unwrap_or_default();
        let mut tx = self.store().write().await?;
        tx.set_host_view(id, &text, actor.user_id()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A report for reading: members read all, the public only published ones.
    pub async fn report(&self, actor: &Actor, id: i64) -> Result<(VisitRow, ReportRow)> {
        let report = self
            .store()
            .visit_report(id)
            .await?
            .ok_or(Error::NotFound)?;
        if !can(
            actor,
            Action::ViewReport {
                published: report.published == 1,
            },
        ) {
            return Err(Error::NotFound);
        }
        Ok((self.store().visit(id).await?, report))
    }

    /// Learning reports, newest first: all for members, published ones for the public.
    pub async fn reports(
        &self,
        actor: &Actor,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> Result<Page<ReportListRow>> {
        let published_only = !can(actor, Action::ViewReport { published: false });
        let limit = page_size(limit);
        let offset = offset.unwrap_or(0).clamp(0, 1_000_000);
        let (items, total) = self.store().reports(published_only, limit, offset).await?;
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }

    /// Visits each host organisation has had (for ranking hosts with few up).
    pub(crate) async fn host_counts(&self) -> Result<std::collections::HashMap<i64, u32>> {
        Ok(self
            .store()
            .host_visit_counts()
            .await?
            .into_iter()
            .map(|(org, n)| (org, u32::try_from(n).unwrap_or(u32::MAX)))
            .collect())
    }
}

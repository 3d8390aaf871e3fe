//! A member's request for a visit (for a placement, or open), and choosing a placement for an open one.

use crate::app::{App, Error, Result};
use crate::domain::exchange::first_fit;
use crate::domain::exchange::placement::PlacementStatus;
use crate::domain::exchange::visit::{Request, RequestForm, Step, Target, VisitStatus};
use crate::domain::{Action, Actor, FieldError, FieldErrors, can};
use crate::storage::{NewVisit, join_list, split_list};

use super::visits::*;

impl App {
    /// Makes a request: for a placement (status requested) or open (status open). Checked whole:
    /// the dates must hold a stay within one of the placement's windows, nobody asks their own
    /// organisation, and the placement must be open.
    pub async fn request_visit(&self, actor: &Actor, form: &RequestForm) -> Result<i64> {
        if !can(actor, Action::RequestVisit) {
            return Err(Error::Unauthorized);
        }
        let Actor::User {
            id: visitor,
            organisation_id,
            ..
        } = actor
        else {
            return Err(Error::Unauthorized);
        };
        let placement = match form.placement.trim() {
            "" => None,
            slug => match self.placement(actor, slug).await {
                Ok(p) if p.row.status == PlacementStatus::Open.as_str() => Some(p),
                Ok(_) => {
                    return Err(Error::Invalid(FieldErrors::one(
                        "placement",
                        FieldError::new("error-placement-closed"),
                    )));
                }
                Err(Error::NotFound) => {
                    return Err(Error::Invalid(FieldErrors::one(
                        "placement",
                        FieldError::with("error-unknown-value", "value", slug),
                    )));
                }
                Err(e) => return Err(e),
            },
        };
        let target = placement.as_ref().map(|p| Target {
            own_organisation: Some(p.row.organisation_id) == *organisation_id,
            windows: &p.windows,
            length_days: u32::try_from(p.row.length_days).unwrap_or(1),
        });
        let mut errors = FieldErrors::new();
        let checked = Request::check(form, today(), target.as_ref());
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
        let cities = self.cities(None).await?;
        for c in form.cities.iter().filter(|c| !c.trim().is_empty()) {
            if !cities.iter().any(|r| r.slug == c.trim()) {
                errors.add(
                    "cities",
                    FieldError::with("error-unknown-value", "value", c),
                );
            }
        }
        let r = match checked {
            Ok(r) if errors.is_empty() => r,
            Ok(_) => return Err(Error::Invalid(errors)),
            Err(mut e) => {
                for (field, err) in errors.iter() {
                    e.add(field, err.clone());
                }
                return Err(Error::Invalid(e));
            }
        };
        let window = placement.as_ref().and_then(|p| {
            p.windows
                .iter()
                .find(|w| first_fit(**w, &[r.possible], r.length_days).is_some())
                .map(|w| (w.start.to_string(), w.end.to_string()))
        });
        let new = NewVisit {
            placement_id: placement.as_ref().map(|p| p.row.id),
            window,
            visitor_id: *visitor,
            visitor_organisation_id: *organisation_id,
            status: if placement.is_some() {
                VisitStatus::Requested.as_str()
            } else {
                VisitStatus::Open.as_str()
            },
            possible: (r.possible.start.to_string(), r.possible.end.to_string()),
            length_days: i64::from(r.length_days),
            themes: join_list(&r.themes.iter().map(|t| t.as_str()).collect::<Vec<_>>()),
            cities: join_list(&r.cities.iter().map(|c| c.as_str()).collect::<Vec<_>>()),
            languages: join_list(&r.languages.iter().map(|l| l.code()).collect::<Vec<_>>()),
            goal: &r.goal,
        };
        let id = tx.insert_visit(&new, Some(*visitor)).await?;
        if placement.is_some() {
            self.notify_visit(
                &mut tx,
                actor,
                (id, Step::Request),
                false,
                crate::app::workspace::notices::Sender::Step,
            )
            .await?;
        }
        tx.commit().await?;
        self.deliver_soon(actor).await;
        Ok(id)
    }

    /// Turns an open request into a request for one placement.
    pub async fn choose_placement(&self, actor: &Actor, id: i64, slug: &str) -> Result<()> {
        let (row, facts) = self.visible_visit(actor, id).await?;
        if !can(actor, Action::StepVisit(Step::Request, facts)) {
            return Err(Error::Forbidden);
        }
        // Days already past no longer count; a request whose days have all passed is over.
        let Some(possible) = still_possible(&row) else {
            return Err(Error::Conflict("error-visit-dates-passed"));
        };
        let form = RequestForm {
            placement: slug.to_owned(),
            start: possible.start.to_string(),
            end: row.possible_end.clone(),
            length_days: row.length_days.to_string(),
            themes: split_list(&row.themes),
            cities: split_list(&row.cities),
            languages: split_list(&row.languages),
            goal: row.goal.clone(),
        };
        let p = match self.placement(actor, slug).await {
            Ok(p) if p.row.status == PlacementStatus::Open.as_str() => p,
            _ => {
                return Err(Error::Invalid(FieldErrors::one(
                    "placement",
                    FieldError::with("error-unknown-value", "value", slug),
                )));
            }
        };
        let target = Target {
            own_organisation: row.visitor_organisation_id == Some(p.row.organisation_id),
            windows: &p.windows,
            length_days: u32::try_from(p.row.length_days).unwrap_or(1),
        };
        // Every rule broken here is about the placement chosen.
        let r = Request::check(&form, today(), Some(&target)).map_err(|e| {
            let mut on_placement = FieldErrors::new();
            for (_, err) in e.iter() {
                on_placement.add("placement", err.clone());
            }
            Error::Invalid(on_placement)
        })?;
        let Some(window) = p
            .windows
            .iter()
            .find(|w| first_fit(**w, &[r.possible], r.length_days).is_some())
        else {
            return Err(Error::Conflict("error-visit-no-window-in-dates"));
        };
        let mut tx = self.store().write().await?;
        tx.choose_placement(
            id,
            p.row.id,
            (&window.start.to_string(), &window.end.to_string()),
        )
        .await?;
        tx.set_visit_length(id, p.row.length_days).await?;
        tx.set_visit_possible_start(id, &possible.start.to_string())
            .await?;
        self.take_step(&mut tx, actor, id, VisitStatus::Open, Step::Request, "")
            .await?;
        self.notify_visit(
            &mut tx,
            actor,
            (id, Step::Request),
            false,
            crate::app::workspace::notices::Sender::Step,
        )
        .await?;
        tx.commit().await?;
        self.deliver_soon(actor).await;
        Ok(())
    }
}

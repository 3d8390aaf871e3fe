//! The review workflow of practices: taking or assigning a review (only from another city),
//! the steps with their opinions, and the e-mail notices that follow each step.

use crate::domain::catalogue::practice::{PracticeStatus, Transition};
use crate::domain::values::required_text;
use crate::domain::{Action, Actor, FieldError, FieldErrors, can};
use crate::storage::{Opinion, PracticeRow, ReviewUpdate, Step, StorageError};

use crate::app::{App, Error, OpinionForm, Result, authorize};

/// Whether a form's checkbox or flag says yes.
pub fn truthy(s: &str) -> bool {
    matches!(s.trim(), "true" | "on" | "1" | "yes")
}

impl App {
    /// Takes a submitted practice for review (members from another city only).
    #[tracing::instrument(skip_all, fields(slug))]
    pub async fn take_review(&self, actor: &Actor, slug: &str) -> Result<()> {
        let p = self.practice(actor, slug, "").await?;
        let user = actor.user_id().ok_or(Error::Unauthorized)?;
        authorize(actor, Action::TakeReview(p.facts))?;
        let city = self.city_of(actor).await?;
        self.step(
            actor,
            &p.row,
            Transition::StartReview,
            ReviewUpdate {
                reviewer: Some(Some(user)),
                opinion: None,
            },
            None,
            city,
        )
        .await
    }

    /// Whom a coordinator may ask to review a practice: every account that may take the review
    /// itself (by the permission rule: from another city, not of the practice's organisations),
    /// as (e-mail address, "Organisation — address"). Empty for readers who may not assign.
    pub async fn review_candidates(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<Vec<(String, String)>> {
        let p = self.practice(actor, slug, "").await?;
        if !can(actor, Action::AssignReview(p.facts)) {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for (user, organisation, city) in self.store().accounts_with_organisations().await? {
            let label = format!("{organisation} — {}", user.email);
            let email = user.email.clone();
            let them = crate::app::actor_of(user);
            let facts = Self::facts_in(&them, &p.row, &p.owners, Some(city))?;
            if can(&them, Action::TakeReview(facts)) {
                out.push((email, label));
            }
        }
        Ok(out)
    }

    /// Assigns a reviewer (coordinators), who must be allowed to take the review themselves.
    #[tracing::instrument(skip_all, fields(slug))]
    pub async fn assign_review(
        &self,
        actor: &Actor,
        slug: &str,
        reviewer_email: &str,
    ) -> Result<()> {
        let p = self.practice(actor, slug, "").await?;
        authorize(actor, Action::AssignReview(p.facts))?;
        let reviewer = match self
            .store()
            .user_by_email(&reviewer_email.trim().to_lowercase())
            .await
        {
            Ok(u) => u,
            Err(StorageError::NotFound) => {
                return Err(Error::Invalid(FieldErrors::one(
                    "reviewer",
                    FieldError::new("error-unknown-account"),
                )));
            }
            Err(e) => return Err(e.into()),
        };
        let reviewer_actor = crate::app::actor_of(crate::storage::SessionUser {
            id: reviewer.id,
            email: reviewer.email.clone(),
            role: reviewer.role.clone(),
            organisation_id: reviewer.organisation_id,
            unread: 0,
        });
        let their_facts = self.facts(&reviewer_actor, &p.row, &p.owners).await?;
        if !can(&reviewer_actor, Action::TakeReview(their_facts)) {
            return Err(Error::Invalid(FieldErrors::one(
                "reviewer",
                FieldError::new("error-reviewer-same-city"),
            )));
        }
        let city = self.city_of(&reviewer_actor).await?;
        self.step(
            actor,
            &p.row,
            Transition::StartReview,
            ReviewUpdate {
                reviewer: Some(Some(reviewer.id)),
                opinion: None,
            },
            None,
            city,
        )
        .await
    }

    /// Moves a practice along the workflow. Requesting changes and recommending publication
    /// need an opinion; submitting again clears the last review.
    #[tracing::instrument(skip_all, fields(slug, step = t.as_str()))]
    pub async fn practice_step(
        &self,
        actor: &Actor,
        slug: &str,
        t: Transition,
        opinion: &OpinionForm,
    ) -> Result<()> {
        let p = self.practice(actor, slug, "").await?;
        authorize(actor, Action::Step(t, p.facts))?;
        let text = match t {
            Transition::RequestChanges | Transition::Recommend => Some(
                required_text(&opinion.opinion, 20_000)
                    .map_err(|e| Error::Invalid(FieldErrors::one("opinion", e)))?,
            ),
            _ => None,
        };
        let review = match (t, &text) {
            (Transition::Submit, _) => ReviewUpdate {
                reviewer: Some(None),
                opinion: Some(Opinion {
                    text: "",
                    recommended: false,
                    public: false,
                }),
            },
            (_, Some(text)) => ReviewUpdate {
                reviewer: None,
                opinion: Some(Opinion {
                    text,
                    recommended: t == Transition::Recommend,
                    public: truthy(&opinion.public),
                }),
            },
            _ => ReviewUpdate::default(),
        };
        let city = match t {
            Transition::RequestChanges | Transition::Recommend => self.city_of(actor).await?,
            _ => None,
        };
        self.step(actor, &p.row, t, review, text.as_deref(), city)
            .await
    }

    async fn step(
        &self,
        actor: &Actor,
        row: &PracticeRow,
        t: Transition,
        review: ReviewUpdate<'_>,
        note: Option<&str>,
        reviewer_city: Option<i64>,
    ) -> Result<()> {
        let from =
            PracticeStatus::parse(&row.status).ok_or_else(|| anyhow::anyhow!("unknown status"))?;
        let to = from
            .after(t)
            .ok_or(Error::Conflict("error-step-not-possible"))?;
        let reviewer = match review.reviewer {
            Some(r) => r,
            None => row.reviewer_id,
        };
        let titles = self.titles_by_locale(row).await;
        let mut tx = self.store().write().await?;
        match tx
            .practice_step(
                row.id,
                &Step {
                    name: t.as_str(),
                    from,
                    to,
                    review,
                    note,
                    reviewer_city,
                },
                actor.user_id(),
            )
            .await
        {
            Ok(()) => {}
            Err(StorageError::Conflict(_)) => {
                return Err(Error::Conflict("error-step-not-possible"));
            }
            Err(e) => return Err(e.into()),
        }
        self.notify(&mut tx, actor, row, (t, to), reviewer, &titles)
            .await?;
        tx.commit().await?;
        self.deliver_soon(actor).await;
        Ok(())
    }

    /// Tells the people a step concerns, each in their own language: the author, the
    /// reviewer, and the coordinators when they have to act next (after a submission or a
    /// recommendation). Whoever took the step is not told.
    async fn notify(
        &self,
        tx: &mut crate::storage::WriteTx,
        actor: &Actor,
        row: &PracticeRow,
        (t, to): (Transition, PracticeStatus),
        reviewer: Option<i64>,
        titles: &[String; 3],
    ) -> Result<()> {
        let notice = crate::storage::NewNotice {
            kind: "practice",
            subject: &row.slug,
            step: t.as_str(),
            status: to.as_str(),
            titles: [&titles[0], &titles[1], &titles[2]],
            ..Default::default()
        };
        let to = crate::storage::Recipients {
            users: row.created_by.into_iter().chain(reviewer).collect(),
            staff: matches!(t, Transition::Submit | Transition::Recommend),
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

    /// A practice's title in German, French and English (its original where a translation is
    /// missing).
    async fn titles_by_locale(&self, row: &PracticeRow) -> [String; 3] {
        let mut titles: [String; 3] = Default::default();
        for (i, locale) in crate::domain::Locale::ALL.into_iter().enumerate() {
            titles[i] = match self.store().practice(&row.slug, locale.code()).await {
                Ok(p) => p.title,
                Err(_) => row.title.clone(),
            };
        }
        titles
    }
}

//! The review workflow of practices: taking or assigning a review (only from another city),
//! the steps with their opinions, and the e-mail notices that follow each step.

use crate::domain::catalogue::practice::{PracticeStatus, Transition};
use crate::domain::values::required_text;
use crate::domain::{Action, Actor, FieldError, FieldErrors, can};
use crate::storage::{Opinion, PracticeRow, ReviewUpdate, Step, StorageError};

use crate::app::{App, Error, OpinionForm, Result, authorize};

fn truthy(s: &str) -> bool {
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
        tx.commit().await?;
        self.notify(actor, row, t, to);
        Ok(())
    }

    /// E-mails the people a step concerns, each in their own language, after the commit and
    /// without holding up the request: the author, the reviewer, and the coordinators when they
    /// have to act next (after a submission or a recommendation). Whoever took the step is not told.
    fn notify(&self, actor: &Actor, row: &PracticeRow, t: Transition, to: PracticeStatus) {
        let Some(mailer) = self.notice_mailer(actor) else {
            return;
        };
        let (app, slug, fallback_title, author, actor_id) = (
            self.clone(),
            row.slug.clone(),
            row.title.clone(),
            row.created_by,
            actor.user_id(),
        );
        let staff = matches!(t, Transition::Submit | Transition::Recommend);
        tokio::spawn(async move {
            // The reviewer as it is now (a step may just have assigned one).
            let reviewer = app
                .store()
                .practice(&slug, "")
                .await
                .ok()
                .and_then(|p| p.reviewer_id);
            let ids: Vec<i64> = author.into_iter().chain(reviewer).collect();
            let recipients = match app.store().notice_recipients(&ids, staff).await {
                Ok(r) => r,
                Err(e) => return tracing::warn!(error = %e, "finding notice recipients failed"),
            };
            for (id, email, locale) in recipients
                .into_iter()
                .filter(|(id, _, _)| Some(*id) != actor_id)
            {
                let locale =
                    crate::domain::Locale::from_code(&locale).unwrap_or(crate::domain::Locale::En);
                let title = app
                    .store()
                    .practice(&slug, locale.code())
                    .await
                    .map(|p| p.title)
                    .unwrap_or_else(|_| fallback_title.clone());
                let link = format!(
                    "{}/{}/practices/{}",
                    app.config().base_url,
                    locale.code(),
                    slug
                );
                if let Err(e) = mailer
                    .send_practice_notice(&email, locale, &title, t.as_str(), to.as_str(), &link)
                    .await
                {
                    tracing::warn!(error = %e, user = id, "sending a practice notice failed");
                }
            }
        });
    }
}

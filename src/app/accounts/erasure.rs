//! Erasing a person at their request (the right to erasure): an admin removes their account's
//! address, password, sessions and tokens and their directory entries (name, address, role),
//! and takes their name out of practices' histories and the search index. What they contributed
//! to the network's record (practices, revisions, review steps, visits, reports, the audit log)
//! stays, shown as a former member's. The work they left unfinished ends
//! ([`crate::domain::accounts::REVIEW_HANDED_BACK`] and the rules beside it).

use crate::domain::accounts::{
    CALLS_WITHDRAWN_ON_ERASURE, REVIEW_HANDED_BACK, Role, check_erasure, former_member_address,
    is_former_member, visits_cancelled_on_erasure,
};
use crate::domain::catalogue::practice::snapshot_without_contact;
use crate::domain::exchange::visit::{Step as VisitStep, VisitStatus};
use crate::domain::{Action, Actor};
use crate::storage::{Opinion, PersonRow, ReviewUpdate, Step, UnfinishedWork, UserRow};

use crate::app::{App, Error, Result, authorize};

/// Whom an admin erases: an account (with the directory entries that carry its address), or a
/// directory entry (with the account of the same address, if there is one).
#[derive(Debug, Clone)]
pub enum Erasure {
    /// An account, by id.
    Account(i64),
    /// An account, by address (the command line).
    Email(String),
    /// A directory entry, by URL name.
    Person(String),
}

/// What an erasure will remove and keep, for the confirmation page.
#[derive(Debug, Clone)]
pub struct ErasurePlan {
    /// What the admin types to confirm: the account's address, or the entry's name.
    pub confirm_with: String,
    /// The account, if there is one.
    pub account: Option<UserRow>,
    /// The directory entries that go.
    pub people: Vec<PersonRow>,
    /// The contributions that stay as a former member's, by table (`practices`,
    /// `practice_revisions`, `visits`, …) with their numbers; tables without any are left out.
    pub kept: Vec<(&'static str, i64)>,
    /// The unfinished work that ends, by kind (`reviews`, `visits`, `call_requests`) with their
    /// numbers; kinds without any are left out.
    pub ended: Vec<(&'static str, i64)>,
}

/// What an erasure did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Erased {
    /// The account's placeholder address, if an account was erased.
    pub account: Option<String>,
    /// How many directory entries were removed.
    pub people_removed: usize,
}

impl App {
    /// What erasing `target` would remove and keep (admins only).
    pub async fn erasure_plan(&self, actor: &Actor, target: &Erasure) -> Result<ErasurePlan> {
        authorize(actor, Action::ErasePerson)?;
        let (account, people, confirm_with) = match target {
            Erasure::Account(id) => self.account_erasure(self.store().user(*id).await?).await?,
            Erasure::Email(email) => {
                let email = email.trim().to_lowercase();
                self.account_erasure(self.store().user_by_email(&email).await?)
                    .await?
            }
            Erasure::Person(slug) => {
                let person = self.store().person(slug).await?;
                let account = match &person.email {
                    Some(email) => match self.store().user_by_email(&email.to_lowercase()).await {
                        Ok(a) => Some(a),
                        Err(crate::storage::StorageError::NotFound) => None,
                        Err(e) => return Err(e.into()),
                    },
                    None => None,
                };
                match account {
                    // The account of the entry's address goes along (with this entry, which
                    // carries its address); its address is the confirmation, since an entry's
                    // name proves nothing about an account.
                    Some(a) => self.account_erasure(a).await?,
                    None => (None, vec![person.clone()], person.name),
                }
            }
        };
        let (kept, ended) = match &account {
            Some(a) => {
                let (review, visits, calls) = unfinished_statuses();
                let work = self
                    .store()
                    .unfinished_work(a.id, review, &visits, &calls)
                    .await?;
                // Requests that are withdrawn do not stay.
                let mut kept = self.store().contributions(a.id).await?;
                for (table, n) in kept.iter_mut() {
                    if *table == "call_requests" {
                        *n -= work.call_requests.len() as i64;
                    }
                }
                kept.retain(|(_, n)| *n > 0);
                (kept, counts(&work))
            }
            None => (Vec::new(), Vec::new()),
        };
        Ok(ErasurePlan {
            confirm_with,
            account,
            people,
            kept,
            ended,
        })
    }

    /// An account's part of a plan: the account, the directory entries with its address, and
    /// the address as the confirmation. An account erased already is not found.
    async fn account_erasure(
        &self,
        account: UserRow,
    ) -> Result<(Option<UserRow>, Vec<PersonRow>, String)> {
        if is_former_member(&account.email) {
            return Err(Error::NotFound);
        }
        let people = self.store().people_with_email(&account.email).await?;
        let confirm = account.email.clone();
        Ok((Some(account), people, confirm))
    }

    /// Erases `target` once the admin has typed the address (or the name) again as `confirm`:
    /// everything in one transaction; the search index follows through the change log.
    #[tracing::instrument(skip_all)]
    pub async fn erase(&self, actor: &Actor, target: &Erasure, confirm: &str) -> Result<Erased> {
        let plan = self.erasure_plan(actor, target).await?;
        let own = plan
            .account
            .as_ref()
            .is_some_and(|a| actor.user_id() == Some(a.id));
        // Decided again inside the transaction: the entries, the admins and the unfinished
        // work as they are now, not as the page showed them.
        let mut tx = self.store().write().await?;
        let last_admin = match &plan.account {
            Some(a) if a.role == Role::Admin.as_str() => tx.admin_count().await? <= 1,
            _ => false,
        };
        check_erasure(own, last_admin, &plan.confirm_with, confirm).map_err(Error::Invalid)?;
        let people = match &plan.account {
            Some(a) => tx.people_with_email(&a.email).await?,
            None => plan.people.clone(),
        };
        for person in &people {
            tx.erase_person(
                person.id,
                &person.slug,
                |snapshot| snapshot_without_contact(snapshot, &person.slug),
                actor.user_id(),
            )
            .await?;
        }
        let account = match &plan.account {
            Some(a) => {
                let (review, visits, calls) = unfinished_statuses();
                let work = tx.unfinished_work(a.id, review, &visits, &calls).await?;
                let (from, to, name) = REVIEW_HANDED_BACK;
                for id in &work.reviews {
                    let step = Step {
                        name,
                        from,
                        to,
                        review: ReviewUpdate {
                            reviewer: Some(None),
                            opinion: Some(Opinion {
                                text: "",
                                recommended: false,
                                public: false,
                            }),
                        },
                        note: None,
                        reviewer_city: None,
                    };
                    tx.practice_step(*id, &step, actor.user_id()).await?;
                }
                for (id, status) in &work.visits {
                    let from = VisitStatus::parse(status).ok_or(Error::NotFound)?;
                    self.take_step(&mut tx, actor, *id, from, VisitStep::Cancel, "")
                        .await?;
                    // Hosts hear of it (the erased visitor's own notices go with the account),
                    // also when the command line erases.
                    self.notify_visit(
                        &mut tx,
                        actor,
                        (*id, VisitStep::Cancel),
                        from == VisitStatus::Scheduled,
                        crate::app::workspace::notices::Sender::Always,
                    )
                    .await?;
                }
                tx.withdraw_call_requests(&work.call_requests, actor.user_id())
                    .await?;
                let placeholder = former_member_address(a.id);
                tx.erase_user(
                    a.id,
                    &placeholder,
                    crate::app::accounts::account_attempt_key,
                    actor.user_id(),
                )
                .await?;
                Some(placeholder)
            }
            None => None,
        };
        tx.commit().await?;
        // The erased data leaves SQLite's log too (deleted pages are overwritten already); if
        // this fails, the next automatic checkpoint does it.
        if let Err(e) = self.store().checkpoint().await {
            tracing::warn!(error = %e, "checkpointing after an erasure failed");
        }
        // The command line waits for the hosts' mail, since it exits afterwards; a server
        // sends it in the background, so that a slow mail server does not hold the page.
        self.deliver_soon(actor).await;
        tracing::info!(
            people = people.len(),
            account = account.is_some(),
            "erased a person"
        );
        Ok(Erased {
            account,
            people_removed: people.len(),
        })
    }
}

/// The statuses [`crate::storage::Store::unfinished_work`] looks for, from the domain's rules.
fn unfinished_statuses() -> (&'static str, Vec<&'static str>, Vec<&'static str>) {
    (
        REVIEW_HANDED_BACK.0.as_str(),
        visits_cancelled_on_erasure()
            .into_iter()
            .map(VisitStatus::as_str)
            .collect(),
        CALLS_WITHDRAWN_ON_ERASURE
            .into_iter()
            .map(|c| c.as_str())
            .collect(),
    )
}

/// The plan's numbers of unfinished work, kinds without any left out.
fn counts(work: &UnfinishedWork) -> Vec<(&'static str, i64)> {
    [
        ("reviews", work.reviews.len()),
        ("visits", work.visits.len()),
        ("call_requests", work.call_requests.len()),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(kind, n)| (kind, n as i64))
    .collect()
}

//! Erasing a person at their request (the right to erasure): an admin removes their account's
//! address, password, sessions and tokens and their directory entries (name, address, role),
//! and takes their name out of practices' histories and the search index. What they contributed
//! to the network's record (practices, revisions, review steps, visits, reports, the audit log)
//! stays, shown as a former member's.

use crate::domain::account::{check_erasure, former_member_address, is_former_member};
use crate::domain::practice::snapshot_without_contact;
use crate::domain::{Action, Actor};
use crate::storage::{PersonRow, UserRow};

use super::{App, Error, Result, authorize};

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
    /// The contributions that stay as a former member's, by kind (`practices`, `revisions`,
    /// `visits`, `call_requests`, `changes`) with their numbers; kinds without any are left out.
    pub kept: Vec<(&'static str, i64)>,
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
        let kept = match &account {
            Some(a) => self.store().contributions(a.id).await?,
            None => Vec::new(),
        };
        Ok(ErasurePlan {
            confirm_with,
            account,
            people,
            kept,
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
        check_erasure(own, &plan.confirm_with, confirm).map_err(Error::Invalid)?;
        let mut tx = self.store().write().await?;
        for person in &plan.people {
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
                let placeholder = former_member_address(a.id);
                tx.erase_user(
                    a.id,
                    &placeholder,
                    super::accounts::account_attempt_key,
                    actor.user_id(),
                )
                .await?;
                Some(placeholder)
            }
            None => None,
        };
        tx.commit().await?;
        tracing::info!(
            people = plan.people.len(),
            account = account.is_some(),
            "erased a person"
        );
        Ok(Erased {
            account,
            people_removed: plan.people.len(),
        })
    }
}

//! The admins' list of accounts, role changes, and accounts made from the command line.

use crate::domain::accounts::{InvitationForm, NewInvitation};
use crate::domain::{Action, Actor, Email, FieldError, FieldErrors, Locale, Role, Slug};
use crate::storage::{StorageError, UserRow};

use super::*;
use crate::app::secrets::{hash_password, random_hex};
use crate::app::{App, Error, Result, authorize};

impl App {
    /// Every account (admins only).
    pub async fn users(&self, actor: &Actor) -> Result<Vec<UserRow>> {
        authorize(actor, Action::ManageAccounts)?;
        Ok(self.store().users().await?)
    }

    /// Changes an account's role and organisation (admins only). Admins cannot demote themselves,
    /// so the network never loses its last admin by accident.
    #[tracing::instrument(skip_all, fields(user_id))]
    pub async fn set_role(
        &self,
        actor: &Actor,
        user_id: i64,
        role: &str,
        organisation: &str,
    ) -> Result<()> {
        authorize(actor, Action::ManageAccounts)?;
        let mut errors = FieldErrors::new();
        let role = errors.check("role", Role::try_from(role));
        let organisation = match organisation.trim() {
            "" => None,
            s => errors.check("organisation", Slug::try_from(s)),
        };
        if role == Some(Role::Editor) && organisation.is_none() && errors.is_empty() {
            errors.add(
                "organisation",
                FieldError::new("error-editor-needs-organisation"),
            );
        }
        if actor.user_id() == Some(user_id) && role.is_some_and(|r| r != Role::Admin) {
            errors.add("role", FieldError::new("error-own-role"));
        }
        let role = match role {
            Some(r) if errors.is_empty() => r,
            _ => return Err(Error::Invalid(errors)),
        };
        let organisation_id = self.organisation_id_field(organisation.as_ref()).await?;
        let mut tx = self.store().write().await?;
        tx.set_role(user_id, role.as_str(), organisation_id, actor.user_id())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds an account from the command line: with a one-time password, or as an invitation link.
    pub async fn add_user(
        &self,
        email: &str,
        role: &str,
        organisation: Option<&str>,
        invite: bool,
    ) -> Result<NewAccount> {
        let form = InvitationForm {
            email: email.into(),
            role: role.into(),
            organisation: organisation.unwrap_or("").into(),
        };
        if invite {
            let created = self.invite(&Actor::System, &form, Locale::En).await?;
            return Ok(NewAccount::Invitation(created.link));
        }
        let inv = NewInvitation::try_from(&form).map_err(Error::Invalid)?;
        let organisation_id = self
            .organisation_id_field(inv.organisation.as_ref())
            .await?;
        let password = random_hex(10);
        let hash = hash_password(&password)?;
        let mut tx = self.store().write().await?;
        match tx
            .insert_user(
                inv.email.as_str(),
                Some(&hash),
                inv.role.as_str(),
                organisation_id,
                None,
            )
            .await
        {
            Ok(_) => {}
            Err(StorageError::Conflict(_)) => {
                return Err(Error::Invalid(FieldErrors::one(
                    "email",
                    FieldError::new("error-account-exists"),
                )));
            }
            Err(e) => return Err(e.into()),
        }
        tx.commit().await?;
        Ok(NewAccount::Password(password))
    }

    /// Creates an account with a known password, unless the address is taken (demo data).
    pub(crate) async fn ensure_user(
        &self,
        email: &Email,
        password: &str,
        role: Role,
        organisation_id: Option<i64>,
    ) -> Result<bool> {
        if self.store().user_by_email(email.as_str()).await.is_ok() {
            return Ok(false);
        }
        let hash = hash_password(password)?;
        let mut tx = self.store().write().await?;
        tx.insert_user(
            email.as_str(),
            Some(&hash),
            role.as_str(),
            organisation_id,
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

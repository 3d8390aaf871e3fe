//! Invitations: a coordinator invites by e-mail, the invitee sets a password and joins.

use crate::domain::accounts::{InvitationForm, NewInvitation};
use crate::domain::{Action, Actor, FieldError, FieldErrors, Locale, NewPassword, Role, Slug};
use crate::storage::{StorageError, now};

use super::*;
use crate::app::secrets::{random_hex, token_hash};
use crate::app::{App, Error, Result, authorize};

/// A new invitation: the link to pass on, and whether it was e-mailed.
#[derive(Debug, Clone)]
pub struct InvitationCreated {
    /// The invitation link.
    pub link: String,
    /// The invitee's address.
    pub email: String,
    /// Whether the link went out by e-mail.
    pub emailed: bool,
}

/// A pending invitation as shown to the invitee.
#[derive(Debug, Clone)]
pub struct Invitation {
    /// The invitee's address.
    pub email: String,
    /// The role it grants.
    pub role: Role,
    /// The organisation's name, if any.
    pub organisation: Option<String>,
}

impl App {
    /// Invites someone; the link is returned and e-mailed when e-mail is configured.
    #[tracing::instrument(skip_all)]
    pub async fn invite(
        &self,
        actor: &Actor,
        form: &InvitationForm,
        locale: Locale,
    ) -> Result<InvitationCreated> {
        let parsed = NewInvitation::try_from(form);
        // The role decides who may invite; check it before reporting field details.
        if let Ok(role) = Role::try_from(form.role.as_str()) {
            authorize(actor, Action::Invite { role })?;
        } else {
            authorize(actor, Action::Invite { role: Role::Member })?;
        }
        let inv = parsed.map_err(Error::Invalid)?;
        let organisation_id = self
            .organisation_id_field(inv.organisation.as_ref())
            .await?;
        if self.store().user_by_email(inv.email.as_str()).await.is_ok() {
            return Err(Error::Invalid(FieldErrors::one(
                "email",
                FieldError::new("error-account-exists"),
            )));
        }
        let token = random_hex(32);
        let mut tx = self.store().write().await?;
        tx.insert_invitation(
            &token_hash(&token),
            inv.email.as_str(),
            inv.role.as_str(),
            organisation_id,
            actor.user_id(),
            now() + INVITATION_DAYS * 86_400,
        )
        .await?;
        tx.commit().await?;
        let link = format!(
            "{}/{}/invitations/{}",
            self.config().base_url.trim_end_matches('/'),
            locale.code(),
            token
        );
        let emailed = match &self.inner.mailer {
            Some(mailer) => mailer.send_invitation(inv.email.as_str(), &link, locale).await.map(|_| true).unwrap_or_else(|e| {
                tracing::warn!(error = %e, "sending an invitation failed; the link is shown instead");
                false
            }),
            None => false,
        };
        Ok(InvitationCreated {
            link,
            email: inv.email.to_string(),
            emailed,
        })
    }

    /// Resolves an optional organisation slug to its id, as a field error when unknown.
    pub(super) async fn organisation_id_field(&self, slug: Option<&Slug>) -> Result<Option<i64>> {
        match slug {
            None => Ok(None),
            Some(s) => match self.store().organisation(s.as_str()).await {
                Ok(o) => Ok(Some(o.id)),
                Err(StorageError::NotFound) => Err(Error::Invalid(FieldErrors::one(
                    "organisation",
                    FieldError::new("error-unknown-organisation"),
                ))),
                Err(e) => Err(e.into()),
            },
        }
    }

    /// A pending invitation, or `NotFound` when unknown, used or expired.
    pub async fn invitation(&self, token: &str) -> Result<Invitation> {
        let row = self.store().invitation(&token_hash(token)).await?;
        if row.accepted_at.is_some() || row.expires_at <= now() {
            return Err(Error::NotFound);
        }
        let organisation = match row.organisation_id {
            Some(id) => self
                .store()
                .organisation_by_id(id)
                .await
                .ok()
                .map(|o| o.name),
            None => None,
        };
        let role = Role::try_from(row.role.as_str())
            .map_err(|_| anyhow::anyhow!("stored role {} is unknown", row.role))?;
        Ok(Invitation {
            email: row.email,
            role,
            organisation,
        })
    }

    /// Accepts an invitation: creates the account with the chosen password and signs it in.
    #[tracing::instrument(skip_all)]
    pub async fn accept_invitation(
        &self,
        token: &str,
        password: &str,
        confirm: &str,
    ) -> Result<String> {
        let row = self.store().invitation(&token_hash(token)).await?;
        let mut errors = FieldErrors::new();
        let password =
            NewPassword::parse(password, confirm, &mut errors).ok_or(Error::Invalid(errors))?;
        let hash = hash_in_background(password).await?;
        let mut tx = self.store().write().await?;
        if !tx.take_invitation(&token_hash(token)).await? {
            return Err(Error::NotFound);
        }
        let id = match tx
            .insert_user(
                &row.email,
                Some(&hash),
                &row.role,
                row.organisation_id,
                None,
            )
            .await
        {
            Ok(id) => id,
            Err(StorageError::Conflict(_)) => {
                return Err(Error::Invalid(FieldErrors::one(
                    "email",
                    FieldError::new("error-account-exists"),
                )));
            }
            Err(e) => return Err(e.into()),
        };
        let session = random_hex(32);
        tx.insert_session(&token_hash(&session), id, now() + SESSION_DAYS * 86_400)
            .await?;
        tx.commit().await?;
        Ok(session)
    }
}

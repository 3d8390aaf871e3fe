//! "Forgot your password?": a link by e-mail that works once for an hour, or, when the site sends
//! no e-mail, a link an administrator makes and passes on (valid a day). Using it sets a new
//! password, ends every session and API token of the account, and signs in.

use crate::domain::{Action, Actor, FieldErrors, Locale, NewPassword};
use crate::storage::{StorageError, now};

use super::{SESSION_DAYS, hash_in_background};
use crate::app::secrets::{random_hex, token_hash};
use crate::app::{App, Error, Result, authorize};

/// How long an e-mailed reset link works.
pub const RESET_MAIL_MINUTES: i64 = 60;
/// How long a link an administrator made works.
pub const RESET_ADMIN_HOURS: i64 = 24;
/// Reset e-mails asked for one address within [`RESET_WINDOW_SECONDS`].
pub const RESETS_PER_ADDRESS: i64 = 3;
/// Reset e-mails asked for from one client within [`RESET_WINDOW_SECONDS`].
pub const RESETS_PER_CLIENT: i64 = 10;
/// The window of the limits above.
pub const RESET_WINDOW_SECONDS: i64 = 3_600;

impl App {
    /// Whether "forgot your password?" can send a link here (the site sends e-mail).
    pub fn resets_by_mail(&self) -> bool {
        self.inner.mailer.is_some()
    }

    fn reset_link(&self, token: &str, locale: Locale) -> String {
        format!(
            "{}/{}/password/reset/{}",
            self.config().base_url.trim_end_matches('/'),
            locale.code(),
            token
        )
    }

    /// Sends a reset link to `email` when an account has that address. The answer is the same
    /// whether or not it has one; at most [`RESETS_PER_ADDRESS`] mails an hour go to one address
    /// and [`RESETS_PER_CLIENT`] are asked for from one client (across servers: the tries are
    /// counted in the database).
    #[tracing::instrument(skip_all)]
    pub async fn request_password_reset(
        &self,
        email: &str,
        client: &str,
        locale: Locale,
    ) -> Result<()> {
        let Some(mailer) = &self.inner.mailer else {
            return Err(Error::Conflict("error-reset-no-mail"));
        };
        let email = email.trim().to_lowercase();
        if email.is_empty() || !email.contains('@') {
            return Err(Error::Invalid(FieldErrors::one(
                "email",
                crate::domain::FieldError::new("error-email"),
            )));
        }
        let address = format!("reset:{email}");
        let from = format!("reset-client:{client}");
        self.reserve_attempt(
            &[
                (address.as_str(), RESETS_PER_ADDRESS),
                (from.as_str(), RESETS_PER_CLIENT),
            ],
            &[address.as_str(), from.as_str()],
            RESET_WINDOW_SECONDS,
        )
        .await?;
        let user = match self.store().user_by_email(&email).await {
            Ok(u) => u,
            Err(StorageError::NotFound) => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        if crate::domain::accounts::is_former_member(&user.email) {
            return Ok(());
        }
        let token = random_hex(32);
        let mut tx = self.store().write().await?;
        tx.insert_password_reset(
            &token_hash(&token),
            user.id,
            None,
            now() + RESET_MAIL_MINUTES * 60,
        )
        .await?;
        tx.commit().await?;
        let link = self.reset_link(&token, locale);
        if let Err(e) = mailer.send_password_reset(&user.email, &link, locale).await {
            tracing::warn!(error = %e, "sending a reset link failed");
        }
        Ok(())
    }

    /// A reset link for an account, made by an administrator to pass on (admins only), in the
    /// account's language (`locale` when it has none).
    #[tracing::instrument(skip_all, fields(user_id))]
    pub async fn issue_password_reset(
        &self,
        actor: &Actor,
        user_id: i64,
        locale: Locale,
    ) -> Result<(String, String)> {
        authorize(actor, Action::ManageAccounts)?;
        let user = self.store().user(user_id).await?;
        if crate::domain::accounts::is_former_member(&user.email) {
            return Err(Error::NotFound);
        }
        let token = random_hex(32);
        let mut tx = self.store().write().await?;
        tx.insert_password_reset(
            &token_hash(&token),
            user.id,
            actor.user_id(),
            now() + RESET_ADMIN_HOURS * 3_600,
        )
        .await?;
        tx.commit().await?;
        // The link opens in the account's own language (the one its notices are written in).
        let own = self
            .store()
            .notice_recipients(&[user.id], false)
            .await?
            .into_iter()
            .find_map(|(_, _, l)| Locale::from_code(&l))
            .unwrap_or(locale);
        Ok((user.email, self.reset_link(&token, own)))
    }

    /// The address a reset link is for; `NotFound` when it is unknown, used or expired.
    pub async fn password_reset(&self, token: &str) -> Result<String> {
        Ok(self.store().password_reset(&token_hash(token)).await?.1)
    }

    /// Uses a reset link: sets the new password, ends the account's sessions and API tokens, and
    /// returns a new session.
    #[tracing::instrument(skip_all)]
    pub async fn reset_password(
        &self,
        token: &str,
        password: &str,
        confirm: &str,
    ) -> Result<String> {
        self.password_reset(token).await?;
        let mut errors = FieldErrors::new();
        let password =
            NewPassword::parse(password, confirm, &mut errors).ok_or(Error::Invalid(errors))?;
        let hash = hash_in_background(password).await?;
        let mut tx = self.store().write().await?;
        let Some(user_id) = tx.take_password_reset(&token_hash(token)).await? else {
            return Err(Error::NotFound);
        };
        tx.set_password(user_id, &hash, None, false).await?;
        let session = random_hex(32);
        tx.insert_session(
            &token_hash(&session),
            user_id,
            now() + SESSION_DAYS * 86_400,
        )
        .await?;
        tx.commit().await?;
        Ok(session)
    }
}

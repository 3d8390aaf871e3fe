//! Accounts: sign-in with a rate limit, sessions, form tokens, invitations, passwords, API
//! tokens and roles.

pub(crate) mod audit;
pub(crate) mod erasure;
pub(crate) mod invitations;
pub(crate) mod resets;
pub(crate) mod users;

pub use invitations::{Invitation, InvitationCreated};

use crate::domain::accounts::token_lifetime;
use crate::domain::values::required_text;
use crate::domain::{Action, Actor, FieldError, FieldErrors, Locale, NewPassword};
use crate::storage::{ApiTokenRow, StorageError, now};

use crate::app::secrets::{hash_password, random_hex, sign, token_hash, verify, verify_password};
use crate::app::{App, Error, Result, actor_of, authorize};

/// How long a session lasts.
pub const SESSION_DAYS: i64 = 14;

/// How long an invitation can be used.
pub const INVITATION_DAYS: i64 = 7;

/// Failed sign-ins allowed per account and per address within [`LOGIN_WINDOW_SECONDS`].
pub const LOGIN_FAILURES: i64 = 5;

/// Tries on addresses that have no account allowed per client address within the window.
pub const LOGIN_GUESSES: i64 = 50;

/// The window of the sign-in limit.
pub const LOGIN_WINDOW_SECONDS: i64 = 60;

/// The key under which sign-in attempts on the account with address `email` are counted.
pub(super) fn account_attempt_key(email: &str) -> String {
    format!("account:{email}")
}

/// The account behind a request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// Who acts.
    pub actor: Actor,
    /// Their e-mail address.
    pub email: String,
    /// Their notices not yet read.
    pub unread: i64,
}

/// An API token just created: its secret is shown this once.
#[derive(Debug, Clone)]
pub struct CreatedToken {
    /// Id.
    pub id: i64,
    /// The secret.
    pub token: String,
}

/// An account created from the command line.
#[derive(Debug, Clone)]
pub enum NewAccount {
    /// Created with this one-time password.
    Password(String),
    /// Not created yet: this link lets the person set their password.
    Invitation(String),
}

/// Prefix of personal API tokens, so that leaked ones are easy to recognise.
pub(super) const TOKEN_PREFIX: &str = "psl_";
// A valid hash to verify against when the account does not exist, so timing tells nothing.

pub(super) const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$5SxWbHUTH3QLJCe5nUlJ8w1o3j6XoXrS0iWeqbeRD5s";

pub(super) fn login_failed() -> Error {
    Error::Invalid(FieldErrors::one(
        "email",
        FieldError::new("error-login-failed"),
    ))
}

pub(super) async fn hash_in_background(password: NewPassword) -> Result<String> {
    Ok(
        tokio::task::spawn_blocking(move || hash_password(password.expose()))
            .await
            .map_err(|e| anyhow::anyhow!(e))??,
    )
}

impl App {
    /// The account of a session cookie, if the session is live.
    pub async fn session(&self, session_token: &str) -> Result<Option<CurrentUser>> {
        let user = self
            .store()
            .session_user(&token_hash(session_token))
            .await?;
        Ok(user.map(|u| CurrentUser {
            email: u.email.clone(),
            unread: u.unread,
            actor: actor_of(u),
        }))
    }

    /// The account of a personal API token.
    pub async fn api_token_user(&self, token: &str) -> Result<Option<CurrentUser>> {
        if !token.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        let user = self.store().token_user(&token_hash(token)).await?;
        Ok(user.map(|u| CurrentUser {
            email: u.email.clone(),
            unread: u.unread,
            actor: actor_of(u),
        }))
    }

    /// The form token for a browser's form-token cookie.
    pub fn csrf_token(&self, cookie: &str) -> String {
        sign(&self.inner.csrf_secret, cookie)
    }

    /// Whether a submitted form token belongs to the browser's cookie.
    pub fn csrf_valid(&self, cookie: &str, token: &str) -> bool {
        !cookie.is_empty() && verify(&self.inner.csrf_secret, cookie, token)
    }

    /// Signs in; returns a new session token.
    ///
    /// Five failures per account, or per client address on existing accounts, within a minute
    /// block further tries for the rest of that minute. Tries on addresses that have no account
    /// count against the client only from [`LOGIN_GUESSES`] on, so that someone guessing
    /// addresses does not lock an office behind one proxy out, while the hashing work one client
    /// can cause stays bounded. Every try is checked against every limit whether or not the
    /// account exists, so the answer never tells which addresses have accounts. Each try is
    /// written to the database before the password is checked (under the write lock, so parallel
    /// tries and other servers see it) and forgotten when it succeeds.
    #[tracing::instrument(skip_all)]
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        client: &str,
    ) -> Result<(String, CurrentUser)> {
        let email = email.trim().to_lowercase();
        let user = match self.store().user_by_email(&email).await {
            Ok(u) => Some(u),
            Err(StorageError::NotFound) => None,
            Err(e) => return Err(e.into()),
        };
        let account = account_attempt_key(&email);
        let known = format!("client:{client}");
        let guesses = format!("guess:{client}");
        let limits = [
            (account.as_str(), LOGIN_FAILURES),
            (known.as_str(), LOGIN_FAILURES),
            (guesses.as_str(), LOGIN_GUESSES),
        ];
        let counted = if user.is_some() {
            [account.as_str(), known.as_str()]
        } else {
            [account.as_str(), guesses.as_str()]
        };
        let attempts = self
            .reserve_attempt(&limits, &counted, LOGIN_WINDOW_SECONDS)
            .await?;
        let hash = user
            .as_ref()
            .and_then(|u| u.password_hash.clone())
            .unwrap_or_else(|| DUMMY_HASH.to_owned());
        let pw = password.to_owned();
        let ok = tokio::task::spawn_blocking(move || verify_password(&pw, &hash))
            .await
            .map_err(|e| anyhow::anyhow!(e))?;
        let Some(user) = user.filter(|_| ok) else {
            return Err(login_failed());
        };
        self.store().delete_login_attempts(&attempts).await?;
        let token = random_hex(32);
        let mut tx = self.store().write().await?;
        tx.insert_session(&token_hash(&token), user.id, now() + SESSION_DAYS * 86_400)
            .await?;
        tx.commit().await?;
        let current = self.session(&token).await?.ok_or(Error::NotFound)?;
        Ok((token, current))
    }

    /// Counts a try (of signing in, or of asking for a reset link) under the `counted` keys,
    /// unless one of the `limits` is used up within the last `window` seconds.
    pub(super) async fn reserve_attempt(
        &self,
        limits: &[(&str, i64)],
        counted: &[&str],
        window: i64,
    ) -> Result<Vec<i64>> {
        let at = now();
        let mut tx = self.store().write().await?;
        for (key, limit) in limits {
            if tx.login_attempts_since(key, at - window).await? >= *limit {
                return Err(Error::TooManyRequests);
            }
        }
        let mut ids = Vec::with_capacity(counted.len());
        for key in counted {
            ids.push(tx.insert_login_attempt(key, at).await?);
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// Everything the platform holds about the signed-in person, table by table: their account,
    /// their directory entry, sessions, tokens, what they wrote, reviewed, asked for and changed.
    /// Secrets (password and token hashes) are left out.
    #[tracing::instrument(skip_all)]
    pub async fn personal_data(&self, user: &CurrentUser) -> Result<serde_json::Value> {
        authorize(&user.actor, Action::ManageOwnAccount)?;
        let id = user.actor.user_id().ok_or(Error::Unauthorized)?;
        let tables = self.store().personal_data(id, &user.email).await?;
        let exported_at = time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        let tables: serde_json::Map<String, serde_json::Value> = tables
            .into_iter()
            .map(|(table, rows)| {
                let rows = rows.into_iter().map(serde_json::Value::Object).collect();
                (table.to_owned(), serde_json::Value::Array(rows))
            })
            .collect();
        Ok(serde_json::json!({
            "account": user.email,
            "exported_at": exported_at,
            "tables": tables,
        }))
    }

    /// Removes sessions that have expired; returns how many.
    pub async fn purge_sessions(&self) -> Result<u64> {
        Ok(self
            .store()
            // Tries are kept as long as the longest limit looks back.
            .purge_sessions(now() - LOGIN_WINDOW_SECONDS.max(resets::RESET_WINDOW_SECONDS))
            .await?)
    }

    /// Remembers the interface language an account uses, for e-mail sent to it.
    pub async fn remember_locale(&self, user: &CurrentUser, locale: Locale) -> Result<()> {
        match user.actor.user_id() {
            Some(id) => Ok(self.store().set_user_locale(id, locale.code()).await?),
            None => Ok(()),
        }
    }

    /// Signs out: the session ends.
    pub async fn logout(&self, session_token: &str) -> Result<()> {
        let mut tx = self.store().write().await?;
        tx.delete_session(&token_hash(session_token)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes one's own password after checking the current one; other sessions end, and so do
    /// one's API tokens unless `keep_tokens` (someone who took over the account must not keep a
    /// way in).
    #[tracing::instrument(skip_all)]
    pub async fn change_password(
        &self,
        user: &CurrentUser,
        session_token: Option<&str>,
        current: &str,
        new: &str,
        confirm: &str,
        keep_tokens: bool,
    ) -> Result<()> {
        authorize(&user.actor, Action::ManageOwnAccount)?;
        let id = user.actor.user_id().ok_or(Error::Unauthorized)?;
        let row = self.store().user(id).await?;
        let mut errors = FieldErrors::new();
        let hash = row
            .password_hash
            .clone()
            .unwrap_or_else(|| DUMMY_HASH.to_owned());
        let cur = current.to_owned();
        let ok = tokio::task::spawn_blocking(move || verify_password(&cur, &hash))
            .await
            .map_err(|e| anyhow::anyhow!(e))?;
        if !ok {
            errors.add("current_password", FieldError::new("error-password-wrong"));
        }
        let password = NewPassword::parse(new, confirm, &mut errors);
        let password = match password {
            Some(p) if errors.is_empty() => p,
            _ => return Err(Error::Invalid(errors)),
        };
        let hash = hash_in_background(password).await?;
        let mut tx = self.store().write().await?;
        tx.set_password(
            id,
            &hash,
            session_token.map(token_hash).as_deref(),
            keep_tokens,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// One's own API tokens.
    pub async fn api_tokens(&self, actor: &Actor) -> Result<Vec<ApiTokenRow>> {
        authorize(actor, Action::ManageOwnAccount)?;
        Ok(self
            .store()
            .api_tokens(actor.user_id().ok_or(Error::Unauthorized)?)
            .await?)
    }

    /// Creates a personal API token that works for `days` (30, 90 or 365); its secret is
    /// returned once and stored only as a hash.
    pub async fn create_api_token(
        &self,
        actor: &Actor,
        name: &str,
        days: &str,
    ) -> Result<CreatedToken> {
        authorize(actor, Action::ManageOwnAccount)?;
        let user_id = actor.user_id().ok_or(Error::Unauthorized)?;
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(name, 80));
        let days = errors.check("expires", token_lifetime(days));
        let (Some(name), Some(days)) = (name, days) else {
            return Err(Error::Invalid(errors));
        };
        let token = format!("{TOKEN_PREFIX}{}", random_hex(32));
        let mut tx = self.store().write().await?;
        let id = tx
            .insert_api_token(user_id, &name, &token_hash(&token), now() + days * 86_400)
            .await?;
        tx.commit().await?;
        Ok(CreatedToken { id, token })
    }

    /// Revokes one of one's own API tokens.
    pub async fn revoke_api_token(&self, actor: &Actor, id: i64) -> Result<()> {
        authorize(actor, Action::ManageOwnAccount)?;
        let mut tx = self.store().write().await?;
        tx.delete_api_token(actor.user_id().ok_or(Error::Unauthorized)?, id)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dummy_hash_is_a_valid_argon2id_hash() {
        assert!(argon2::password_hash::phc::PasswordHash::new(DUMMY_HASH).is_ok());
    }
}

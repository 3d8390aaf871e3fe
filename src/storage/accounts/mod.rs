//! Account queries: users, sessions, invitations and API tokens. Secrets are stored only as
//! hashes; `app` makes and checks them.

pub(crate) mod audit;
pub(crate) mod personal;

use crate::storage::{Result, StorageError, Store, WriteTx, now};

/// An account.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    /// Id.
    pub id: i64,
    /// E-mail address (the login).
    pub email: String,
    /// Argon2id PHC string; `None` until a password is set.
    pub password_hash: Option<String>,
    /// Role (stored name).
    pub role: String,
    /// Organisation id (the one an editor edits).
    pub organisation_id: Option<i64>,
    /// Organisation slug.
    pub organisation_slug: Option<String>,
    /// Organisation name.
    pub organisation_name: Option<String>,
    /// Created.
    pub created_at: i64,
}

/// The account behind a session or token.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionUser {
    /// Id.
    pub id: i64,
    /// E-mail address.
    pub email: String,
    /// Role.
    pub role: String,
    /// Organisation id.
    pub organisation_id: Option<i64>,
    /// Notices not yet read.
    pub unread: i64,
}

/// How often an account's activity is noted, in seconds.
pub const SEEN_EVERY: i64 = 300;
/// A pause after which a new visit begins, in seconds.
pub const VISIT_PAUSE: i64 = 3_600;

/// The unread notices of the account `u`, as a column.
const UNREAD: &str =
    "(SELECT COUNT(*) FROM notices n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread";

/// An invitation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvitationRow {
    /// Invitee's address.
    pub email: String,
    /// Role granted.
    pub role: String,
    /// Organisation id.
    pub organisation_id: Option<i64>,
    /// Expiry, Unix seconds.
    pub expires_at: i64,
    /// When it was accepted.
    pub accepted_at: Option<i64>,
}

/// A personal API token (never its secret).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenRow {
    /// Id.
    pub id: i64,
    /// Label chosen by the owner.
    pub name: String,
    /// Created.
    pub created_at: i64,
    /// Last used.
    pub last_used_at: Option<i64>,
    /// When it stops working.
    pub expires_at: i64,
}

const USER_SELECT: &str = "SELECT u.id, u.email, u.password_hash, u.role, u.organisation_id, \
     o.slug AS organisation_slug, o.name AS organisation_name, u.created_at \
     FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id";

impl Store {
    /// An account by e-mail address.
    pub async fn user_by_email(&self, email: &str) -> Result<UserRow> {
        let sql = format!("{USER_SELECT} WHERE u.email = $1");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(email)
            .fetch_one(self.pool())
            .await?)
    }

    /// An account by id.
    pub async fn user(&self, id: i64) -> Result<UserRow> {
        let sql = format!("{USER_SELECT} WHERE u.id = $1");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_one(self.pool())
            .await?)
    }

    /// Every account, by e-mail address.
    pub async fn users(&self) -> Result<Vec<UserRow>> {
        let sql = format!("{USER_SELECT} ORDER BY u.email");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?)
    }

    /// Every account of an organisation (not erased), with its organisation's name and city:
    /// the people a coordinator may ask to review.
    pub async fn accounts_with_organisations(&self) -> Result<Vec<(SessionUser, String, i64)>> {
        let rows: Vec<(i64, String, String, i64, String, i64)> = sqlx::query_as(
            "SELECT u.id, u.email, u.role, o.id, o.name, o.city_id FROM users u \
             JOIN organisations o ON o.id = u.organisation_id \
             WHERE u.erased_at IS NULL ORDER BY o.name_key, u.email",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, email, role, org, name, city)| {
                (
                    SessionUser {
                        id,
                        email,
                        role,
                        organisation_id: Some(org),
                        unread: 0,
                    },
                    name,
                    city,
                )
            })
            .collect())
    }

    /// The account of a live session.
    pub async fn session_user(&self, token_hash: &str) -> Result<Option<SessionUser>> {
        let sql = format!(
            "SELECT u.id, u.email, u.role, u.organisation_id, {UNREAD} FROM sessions s \
             JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2"
        );
        let user: Option<SessionUser> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(token_hash)
            .bind(now())
            .fetch_optional(self.pool())
            .await?;
        if let Some(u) = &user {
            self.note_seen(u.id).await;
        }
        Ok(user)
    }

    /// Notes that an account is active, at most every [`SEEN_EVERY`] seconds; after a pause of
    /// [`VISIT_PAUSE`] seconds a new visit begins, and what is new for it is what came after the
    /// last time the account was seen (for an account never seen before: the last week). Never
    /// a reason to refuse the request: a write held up by another must not hold up the reader.
    async fn note_seen(&self, user_id: i64) {
        let at = now();
        let noted = sqlx::query(
            "UPDATE users SET visit_since = CASE WHEN seen_at IS NULL THEN $3 \
             WHEN seen_at < $4 THEN seen_at ELSE visit_since END, seen_at = $2 \
             WHERE id = $1 AND (seen_at IS NULL OR seen_at < $5)",
        )
        .bind(user_id)
        .bind(at)
        .bind(at - 7 * 86_400)
        .bind(at - VISIT_PAUSE)
        .bind(at - SEEN_EVERY)
        .execute(self.pool())
        .await;
        if let Err(e) = noted {
            tracing::debug!(error = %e, "an account's activity was not noted");
        }
    }

    /// Where what is new for an account's current visit begins (`None` before it was seen).
    pub async fn visit_since(&self, user_id: i64) -> Result<Option<i64>> {
        let (since,): (Option<i64>,) =
            sqlx::query_as("SELECT visit_since FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_one(self.pool())
                .await?;
        Ok(since)
    }

    /// The account of an API token, noting its use.
    pub async fn token_user(&self, token_hash: &str) -> Result<Option<SessionUser>> {
        // API answers show no unread count: none is counted.
        let user: Option<SessionUser> = sqlx::query_as(
            "SELECT u.id, u.email, u.role, u.organisation_id, CAST(0 AS BIGINT) AS unread \
             FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(self.pool())
        .await?;
        if user.is_some() {
            // At most once a minute, and never a reason to refuse the request: a write held up by
            // another (a large import) must not hold up every reader with a token.
            let noted = sqlx::query(
                "UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1 \
                 AND (last_used_at IS NULL OR last_used_at < $3)",
            )
            .bind(token_hash)
            .bind(now())
            .bind(now() - 60)
            .execute(self.pool())
            .await;
            if let Err(e) = noted {
                tracing::debug!(error = %e, "a token's last use was not noted");
            }
        }
        Ok(user)
    }

    /// The account an unused, unexpired reset link is for, with its address.
    pub async fn password_reset(&self, token_hash: &str) -> Result<(i64, String)> {
        Ok(sqlx::query_as(
            "SELECT u.id, u.email FROM password_resets r JOIN users u ON u.id = r.user_id \
             WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_one(self.pool())
        .await?)
    }

    /// A pending or used invitation.
    pub async fn invitation(&self, token_hash: &str) -> Result<InvitationRow> {
        Ok(sqlx::query_as(
            "SELECT email, role, organisation_id, expires_at, accepted_at FROM invitations WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_one(self.pool())
        .await?)
    }

    /// An account's API tokens.
    pub async fn api_tokens(&self, user_id: i64) -> Result<Vec<ApiTokenRow>> {
        Ok(sqlx::query_as(
            "SELECT id, name, created_at, last_used_at, COALESCE(expires_at, 0) AS expires_at FROM api_tokens \
             WHERE user_id = $1 ORDER BY created_at, id",
        )
        .bind(user_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Remembers an account's interface language (a preference: not in the change log).
    pub async fn set_user_locale(&self, user_id: i64, locale: &str) -> Result<()> {
        sqlx::query("UPDATE users SET locale = $2 WHERE id = $1 AND locale <> $2")
            .bind(user_id)
            .bind(locale)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Addresses and languages of the given accounts, and of every admin and coordinator when
    /// `staff` is set.
    pub async fn notice_recipients(
        &self,
        ids: &[i64],
        staff: bool,
    ) -> Result<Vec<(i64, String, String)>> {
        let mut out: Vec<(i64, String, String)> = Vec::new();
        if staff {
            out = sqlx::query_as("SELECT id, email, locale FROM users WHERE role IN ('admin', 'coordinator') ORDER BY id")
                .fetch_all(self.pool())
                .await?;
        }
        for id in ids {
            if !out.iter().any(|(i, _, _)| i == id) {
                let row: Option<(i64, String, String)> =
                    sqlx::query_as("SELECT id, email, locale FROM users WHERE id = $1")
                        .bind(*id)
                        .fetch_optional(self.pool())
                        .await?;
                out.extend(row);
            }
        }
        Ok(out)
    }

    /// Removes expired sessions and reset links, and sign-in attempts made before
    /// `attempts_before`.
    pub async fn purge_sessions(&self, attempts_before: i64) -> Result<u64> {
        sqlx::query("DELETE FROM login_attempts WHERE at < $1")
            .bind(attempts_before)
            .execute(self.pool())
            .await?;
        sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1")
            .bind(now())
            .execute(self.pool())
            .await?;
        Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now())
            .execute(self.pool())
            .await?
            .rows_affected())
    }

    /// Forgets sign-in attempts (they succeeded, so they were no failures).
    pub async fn delete_login_attempts(&self, ids: &[i64]) -> Result<()> {
        for id in ids {
            sqlx::query("DELETE FROM login_attempts WHERE id = $1")
                .bind(id)
                .execute(self.pool())
                .await?;
        }
        Ok(())
    }
}

impl WriteTx {
    /// Erases account `user_id` (not already erased): its address becomes `placeholder`, its
    /// password, sessions, tokens, calendar feed, invitations and sign-in attempts under
    /// `attempt_key` go, and the client addresses of its changes are forgotten. The rows that
    /// name it as an author (practices, revisions, visits, reports, changes) stay: they are the
    /// network's record, now a former member's. Returns the address it had.
    pub async fn erase_user(
        &mut self,
        user_id: i64,
        placeholder: &str,
        attempt_key: impl Fn(&str) -> String,
        actor: Option<i64>,
    ) -> Result<String> {
        let (email,): (String,) =
            sqlx::query_as("SELECT email FROM users WHERE id = $1 AND erased_at IS NULL")
                .bind(user_id)
                .fetch_optional(&mut *self.tx)
                .await?
                .ok_or(StorageError::NotFound)?;
        for sql in [
            "DELETE FROM sessions WHERE user_id = $1",
            "DELETE FROM api_tokens WHERE user_id = $1",
            "DELETE FROM calendar_tokens WHERE user_id = $1",
            "DELETE FROM notices WHERE user_id = $1",
            "DELETE FROM notice_choices WHERE user_id = $1",
            "DELETE FROM password_resets WHERE user_id = $1",
            "UPDATE changes SET origin = NULL WHERE actor_id = $1",
        ] {
            sqlx::query(sql)
                .bind(user_id)
                .execute(&mut *self.tx)
                .await?;
        }
        sqlx::query("DELETE FROM invitations WHERE email = $1")
            .bind(&email)
            .execute(&mut *self.tx)
            .await?;
        // The log names invitations by address, and the account's creation (on accepting one)
        // carries the client address it came from without naming the account as actor.
        sqlx::query(
            "UPDATE changes SET entity_key = $2 WHERE entity = 'invitation' AND LOWER(entity_key) = $1",
        )
        .bind(&email)
        .bind(placeholder)
        .execute(&mut *self.tx)
        .await?;
        sqlx::query(
            "UPDATE changes SET origin = NULL WHERE entity = 'user' AND entity_key = $1 AND kind = 'create'",
        )
            .bind(user_id.to_string())
            .execute(&mut *self.tx)
            .await?;
        sqlx::query("DELETE FROM login_attempts WHERE key = $1")
            .bind(attempt_key(&email))
            .execute(&mut *self.tx)
            .await?;
        sqlx::query(
            "UPDATE users SET email = $2, password_hash = NULL, role = 'member', organisation_id = NULL, \
             seen_at = NULL, visit_since = NULL, erased_at = $3, updated_at = $3 WHERE id = $1",
        )
        .bind(user_id)
        .bind(placeholder)
        .bind(now())
        .execute(&mut *self.tx)
        .await?;
        self.record("user", &user_id.to_string(), "erase", actor)
            .await?;
        Ok(email)
    }

    /// Adds an account; returns its id.
    pub async fn insert_user(
        &mut self,
        email: &str,
        password_hash: Option<&str>,
        role: &str,
        organisation_id: Option<i64>,
        actor: Option<i64>,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (email, password_hash, role, organisation_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(email)
        .bind(password_hash)
        .bind(role)
        .bind(organisation_id)
        .bind(now())
        .fetch_one(&mut *self.tx)
        .await?;
        self.record("user", &id.to_string(), "create", actor)
            .await?;
        Ok(id)
    }

    /// Sets an account's password and ends its other sessions, and its API tokens unless
    /// `keep_tokens`.
    pub async fn set_password(
        &mut self,
        user_id: i64,
        password_hash: &str,
        keep_session: Option<&str>,
        keep_tokens: bool,
    ) -> Result<()> {
        if !keep_tokens {
            sqlx::query("DELETE FROM api_tokens WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *self.tx)
                .await?;
        }
        // The private calendar address goes too: whoever took the account over must not keep
        // reading its visits (the owner makes a new one on "My visits").
        sqlx::query("DELETE FROM calendar_tokens WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *self.tx)
            .await?;
        sqlx::query("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1")
            .bind(user_id)
            .bind(password_hash)
            .bind(now())
            .execute(&mut *self.tx)
            .await?;
        // A new password ends every reset link still open for the account: an old or leaked
        // link must not take it back.
        sqlx::query(
            "UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user_id)
        .bind(now())
        .execute(&mut *self.tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND ($2 IS NULL OR token_hash <> $2)")
            .bind(user_id)
            .bind(keep_session)
            .execute(&mut *self.tx)
            .await?;
        self.record("user", &user_id.to_string(), "update", Some(user_id))
            .await
    }

    /// Stores a password reset link's hash for `user_id`.
    pub async fn insert_password_reset(
        &mut self,
        token_hash: &str,
        user_id: i64,
        created_by: Option<i64>,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(created_by)
        .bind(now())
        .bind(expires_at)
        .execute(&mut *self.tx)
        .await?;
        self.record("user", &user_id.to_string(), "reset-link", created_by)
            .await
    }

    /// Uses a reset link: the account it is for, when it is unused and unexpired (then never again).
    pub async fn take_password_reset(&mut self, token_hash: &str) -> Result<Option<i64>> {
        let at = now();
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE password_resets SET used_at = $2 \
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id",
        )
        .bind(token_hash)
        .bind(at)
        .fetch_optional(&mut *self.tx)
        .await?;
        Ok(row.map(|(id,)| id))
    }

    /// Changes an account's role and organisation.
    pub async fn set_role(
        &mut self,
        user_id: i64,
        role: &str,
        organisation_id: Option<i64>,
        actor: Option<i64>,
    ) -> Result<()> {
        let n = sqlx::query(
            "UPDATE users SET role = $2, organisation_id = $3, updated_at = $4 WHERE id = $1",
        )
        .bind(user_id)
        .bind(role)
        .bind(organisation_id)
        .bind(now())
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StorageError::NotFound);
        }
        self.record("user", &user_id.to_string(), "update", actor)
            .await
    }

    /// Opens a session.
    pub async fn insert_session(
        &mut self,
        token_hash: &str,
        user_id: i64,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user_id)
            .bind(now())
            .bind(expires_at)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// How many sign-in attempts were made under `key` since `since` (Unix seconds).
    pub async fn login_attempts_since(&mut self, key: &str, since: i64) -> Result<i64> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM login_attempts WHERE key = $1 AND at >= $2")
                .bind(key)
                .bind(since)
                .fetch_one(&mut *self.tx)
                .await?;
        Ok(n)
    }

    /// Notes a sign-in attempt under `key`; returns its id.
    pub async fn insert_login_attempt(&mut self, key: &str, at: i64) -> Result<i64> {
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO login_attempts (key, at) VALUES ($1, $2) RETURNING id")
                .bind(key)
                .bind(at)
                .fetch_one(&mut *self.tx)
                .await?;
        Ok(id)
    }

    /// Ends a session.
    pub async fn delete_session(&mut self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Stores an invitation.
    pub async fn insert_invitation(
        &mut self,
        token_hash: &str,
        email: &str,
        role: &str,
        organisation_id: Option<i64>,
        invited_by: Option<i64>,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO invitations (token_hash, email, role, organisation_id, invited_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(token_hash)
        .bind(email)
        .bind(role)
        .bind(organisation_id)
        .bind(invited_by)
        .bind(now())
        .bind(expires_at)
        .execute(&mut *self.tx)
        .await?;
        self.record("invitation", email, "create", invited_by).await
    }

    /// Marks an invitation used, unless it already was or has expired; returns whether it was taken.
    pub async fn take_invitation(&mut self, token_hash: &str) -> Result<bool> {
        let n = sqlx::query(
            "UPDATE invitations SET accepted_at = $2 WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        Ok(n == 1)
    }

    /// Stores an API token; returns its id.
    pub async fn insert_api_token(
        &mut self,
        user_id: i64,
        name: &str,
        token_hash: &str,
        expires_at: i64,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(user_id)
        .bind(name)
        .bind(token_hash)
        .bind(now())
        .bind(expires_at)
        .fetch_one(&mut *self.tx)
        .await?;
        self.record("api_token", &id.to_string(), "create", Some(user_id))
            .await?;
        Ok(id)
    }

    /// Revokes one of an account's API tokens.
    pub async fn delete_api_token(&mut self, user_id: i64, id: i64) -> Result<()> {
        let n = sqlx::query("DELETE FROM api_tokens WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user_id)
            .execute(&mut *self.tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StorageError::NotFound);
        }
        self.record("api_token", &id.to_string(), "delete", Some(user_id))
            .await
    }
}

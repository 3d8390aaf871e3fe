//! Notices: written with the step they tell of (one change-log entry per step, one row per
//! recipient), listed and marked read by their owner, and claimed by one server at a time for
//! e-mail or the daily digest.

use crate::storage::{Result, Store, WriteTx, now};

/// A notice to write for everyone in a [`Recipients`] set.
#[derive(Debug, Clone, Default)]
pub struct NewNotice<'a> {
    /// `practice`, `visit`, `call` or `report`.
    pub kind: &'a str,
    /// What it is about: a practice's or call's slug, a visit's id.
    pub subject: &'a str,
    /// The step (`submit`, `accept`, `not-granted`, `follow-up`, …).
    pub step: &'a str,
    /// The status afterwards, where there is one.
    pub status: &'a str,
    /// The title in German, French and English (each recipient gets the one of their language).
    pub titles: [&'a str; 3],
    /// A name beside the title (the host of a visit).
    pub detail: &'a str,
    /// The message or reason given with the step.
    pub message: &'a str,
    /// Whether the e-mail carries the visit's calendar entry.
    pub calendar: bool,
}

/// Who a notice is for; whoever took the step (`except`) and erased accounts never are.
#[derive(Debug, Clone, Default)]
pub struct Recipients {
    /// These accounts.
    pub users: Vec<i64>,
    /// Every coordinator and administrator.
    pub staff: bool,
    /// The editors of this organisation (everyone of it but members).
    pub editors_of: Option<i64>,
    /// Not this account.
    pub except: Option<i64>,
}

/// A stored notice.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NoticeRow {
    /// Id.
    pub id: i64,
    /// Whose it is.
    pub user_id: i64,
    /// Kind.
    pub kind: String,
    /// Subject key.
    pub subject: String,
    /// Step.
    pub step: String,
    /// Status afterwards.
    pub status: String,
    /// Title in the recipient's language.
    pub title: String,
    /// Beside the title.
    pub detail: String,
    /// Message or reason.
    pub message: String,
    /// Whether the e-mail carries a calendar entry (1) or not (0).
    pub calendar: i64,
    /// Written, Unix seconds.
    pub created_at: i64,
    /// Read, Unix seconds.
    pub read_at: Option<i64>,
}

/// A notice claimed for mail, with its recipient's address and language.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailNoticeRow {
    /// The notice.
    #[sqlx(flatten)]
    pub notice: NoticeRow,
    /// The recipient's address.
    pub email: String,
    /// The recipient's language.
    pub locale: String,
}

const NOTICE_COLUMNS: &str = "n.id, n.user_id, n.kind, n.subject, n.step, n.status, n.title, \
     n.detail, n.message, n.calendar, n.created_at, n.read_at";

/// The ids as a SQL list (they are numbers, so nothing can be injected).
fn id_list(ids: &[i64]) -> String {
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// A page of an account's notices, newest first.
    pub async fn notices(&self, user: i64, limit: i64, offset: i64) -> Result<Vec<NoticeRow>> {
        let sql = format!(
            "SELECT {NOTICE_COLUMNS} FROM notices n WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT $2 OFFSET $3"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(user)
            .bind(limit)
            .bind(offset)
            .fetch_all(self.pool())
            .await?)
    }

    /// How many notices an account has, how many of them are unread, and the newest's id.
    pub async fn notice_counts(&self, user: i64) -> Result<(i64, i64, i64)> {
        let (all, unread, newest): (i64, i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), COUNT(*) - COUNT(read_at), MAX(id) FROM notices WHERE user_id = $1",
        )
        .bind(user)
        .fetch_one(self.pool())
        .await?;
        Ok((all, unread, newest.unwrap_or(0)))
    }

    /// One of an account's notices.
    pub async fn notice(&self, user: i64, id: i64) -> Result<NoticeRow> {
        let sql =
            format!("SELECT {NOTICE_COLUMNS} FROM notices n WHERE n.id = $1 AND n.user_id = $2");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .bind(user)
            .fetch_one(self.pool())
            .await?)
    }

    /// The kinds an account chose a delivery for, with the choice.
    pub async fn notice_choices(&self, user: i64) -> Result<Vec<(String, String)>> {
        Ok(
            sqlx::query_as("SELECT kind, delivery FROM notice_choices WHERE user_id = $1")
                .bind(user)
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// Claimed notices with their recipients, in the order they were written.
    async fn mail_notices(&self, ids: &[i64]) -> Result<Vec<MailNoticeRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {NOTICE_COLUMNS}, u.email, u.locale FROM notices n JOIN users u ON u.id = n.user_id \
             WHERE n.id IN ({}) ORDER BY n.id",
            id_list(ids)
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?)
    }

    /// Claims up to `limit` notices to be mailed at once that were written after `since`
    /// (older ones stay in the app only: a mail server configured later does not flood anyone),
    /// marking them mailed at `at`. Another server's claim of the same notice takes nothing.
    pub async fn claim_mail(&self, since: i64, at: i64, limit: i64) -> Result<Vec<MailNoticeRow>> {
        self.claim(
            "delivery = 'email' AND mailed_at IS NULL AND created_at > $2 AND next_try_at <= $1 \
             ORDER BY next_try_at, id LIMIT $3",
            at,
            since,
            limit,
        )
        .await
    }

    /// Claims the digest notices written before `before` (and after `since`), marking them
    /// mailed at `at`; each recipient's are sent together.
    pub async fn claim_digest(
        &self,
        since: i64,
        before: i64,
        at: i64,
    ) -> Result<Vec<MailNoticeRow>> {
        let sql = format!(
            "delivery = 'digest' AND mailed_at IS NULL AND created_at > $2 AND created_at < {before} \
             AND next_try_at <= $1 ORDER BY id LIMIT $3"
        );
        self.claim(&sql, at, since, 100_000).await
    }

    async fn claim(
        &self,
        condition: &str,
        at: i64,
        since: i64,
        limit: i64,
    ) -> Result<Vec<MailNoticeRow>> {
        let sql = format!(
            "UPDATE notices SET mailed_at = $1 WHERE mailed_at IS NULL AND id IN \
             (SELECT id FROM notices WHERE {condition}) RETURNING id"
        );
        let mut tx = self.write().await?;
        let claimed: Vec<(i64,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(at)
            .bind(since)
            .bind(limit)
            .fetch_all(&mut *tx.tx)
            .await?;
        tx.commit().await?;
        let ids: Vec<i64> = claimed.into_iter().map(|(id,)| id).collect();
        self.mail_notices(&ids).await
    }

    /// Gives claimed notices back (their mail could not be sent at `at`), to be tried again
    /// five minutes later after the first failure, ten after the second, and so on.
    pub async fn unclaim(&self, ids: &[i64], at: i64) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "UPDATE notices SET mailed_at = NULL, attempts = attempts + 1, \
             next_try_at = {at} + 300 * (attempts + 1) WHERE id IN ({})",
            id_list(ids)
        );
        let mut tx = self.write().await?;
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut *tx.tx)
            .await?;
        tx.commit().await
    }

    /// Marks one of an account's notices read (if it is theirs and unread); returns it.
    pub async fn read_notice(&self, user: i64, id: i64) -> Result<NoticeRow> {
        let row = self.notice(user, id).await?;
        if row.read_at.is_some() {
            return Ok(row);
        }
        let mut tx = self.write().await?;
        sqlx::query(
            "UPDATE notices SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL",
        )
        .bind(id)
        .bind(user)
        .bind(now())
        .execute(&mut *tx.tx)
        .await?;
        tx.commit().await?;
        self.notice(user, id).await
    }

    /// Marks every notice of an account read up to notice `upto` (those that came while the
    /// list was on screen stay unread); returns how many.
    pub async fn read_all_notices(&self, user: i64, upto: i64) -> Result<u64> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE notices SET read_at = $3 WHERE user_id = $1 AND id <= $2 AND read_at IS NULL",
        )
        .bind(user)
        .bind(upto)
        .bind(now())
        .execute(&mut *tx.tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(done)
    }
}

impl WriteTx {
    /// Writes `notice` for each of `to`, with one change-log entry for them all; with `mail`
    /// false (no mail server), every copy stays in the app. Returns how many were written.
    pub async fn add_notices(
        &mut self,
        notice: &NewNotice<'_>,
        to: &Recipients,
        mail: bool,
        actor: Option<i64>,
    ) -> Result<u64> {
        let mut who = Vec::new();
        if !to.users.is_empty() {
            who.push(format!("u.id IN ({})", id_list(&to.users)));
        }
        if to.staff {
            who.push("u.role IN ('admin', 'coordinator')".to_owned());
        }
        if let Some(org) = to.editors_of {
            who.push(format!(
                "(u.organisation_id = {org} AND u.role <> 'member')"
            ));
        }
        if who.is_empty() {
            return Ok(0);
        }
        self.record(
            "notice",
            &format!("{}/{}", notice.kind, notice.subject),
            "create",
            actor,
        )
        .await?;
        let sql = format!(
            "INSERT INTO notices (user_id, change_seq, kind, subject, step, status, title, detail, \
             message, calendar, delivery, created_at) \
             SELECT u.id, $1, $2, $3, $4, $5, \
             CASE u.locale WHEN 'de' THEN $6 WHEN 'fr' THEN $7 ELSE $8 END, $9, $10, $11, \
             CASE WHEN $12 = 1 THEN COALESCE(c.delivery, 'email') ELSE 'app' END, $13 \
             FROM users u LEFT JOIN notice_choices c ON c.user_id = u.id AND c.kind = $2 \
             WHERE ({}) AND u.id <> $14 AND u.erased_at IS NULL \
             ON CONFLICT (user_id, change_seq) DO NOTHING",
            who.join(" OR ")
        );
        let [de, fr, en] = notice.titles;
        Ok(sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(self.last_seq)
            .bind(notice.kind)
            .bind(notice.subject)
            .bind(notice.step)
            .bind(notice.status)
            .bind(de)
            .bind(fr)
            .bind(en)
            .bind(notice.detail)
            .bind(notice.message)
            .bind(i64::from(notice.calendar))
            .bind(i64::from(mail))
            .bind(now())
            .bind(to.except.unwrap_or(-1))
            .execute(&mut *self.tx)
            .await?
            .rows_affected())
    }

    /// Sets an account's delivery per kind of notice.
    pub async fn set_notice_choices(&mut self, user: i64, choices: &[(&str, &str)]) -> Result<()> {
        sqlx::query("DELETE FROM notice_choices WHERE user_id = $1")
            .bind(user)
            .execute(&mut *self.tx)
            .await?;
        for (kind, delivery) in choices {
            sqlx::query("INSERT INTO notice_choices (user_id, kind, delivery) VALUES ($1, $2, $3)")
                .bind(user)
                .bind(kind)
                .bind(delivery)
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }
}

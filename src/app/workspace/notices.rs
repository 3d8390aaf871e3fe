//! Notices: every event a person should hear of is written once, in the transaction of the step
//! that caused it (`write_notices`), as one record per recipient. The in-app list and the
//! unread count read those records; so do the e-mail sent at once and the daily digest, each
//! claimed in the database by one server before it is sent, so that they never disagree and
//! nothing is lost when no mail server is configured.

use crate::app::{App, Error, Page, Result};
use crate::domain::workspace::notices::{Delivery, NoticeChoicesForm, NoticeKind, digest_before};
use crate::domain::{Actor, Locale};
use crate::i18n;
use crate::storage::{MailNoticeRow, NewNotice, NoticeRow, Recipients, WriteTx};

/// Notices shown per page of the list.
pub const NOTICES_PER_PAGE: i64 = 30;

/// How long a notice waits for its e-mail: older ones (written while mail was off, or that
/// failed for two days) stay in the app only.
const MAIL_WITHIN_SECONDS: i64 = 2 * 24 * 3600;

/// How many notices one round of delivery claims.
const MAIL_BATCH: i64 = 200;

/// Who a step's notices are sent by, which decides whether they may be mailed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sender {
    /// Someone's step: mailed as each recipient chose; steps of the command line (demo data,
    /// scripts) are kept in the app only.
    Step,
    /// An event that must reach people even when the command line caused it (an erasure that
    /// cancels visits).
    Always,
}

/// A notice as a page shows it.
#[derive(Debug, Clone)]
pub struct NoticeView {
    /// The record.
    pub row: NoticeRow,
    /// What happened, in the reader's language.
    pub text: String,
    /// Where to act, in the reader's language (a path on this site).
    pub path: String,
}

/// What a notice says, in `locale` (its title stays in the language it was written in).
pub fn notice_text(locale: Locale, n: &NoticeRow) -> String {
    let title = ("title", n.title.clone());
    match NoticeKind::parse(&n.kind) {
        Some(NoticeKind::Practice) => {
            i18n::t_args(locale, &format!("inbox-practice-{}", n.step), &[title])
        }
        Some(NoticeKind::Visit) => i18n::t_args(
            locale,
            "inbox-visit",
            &[
                title,
                ("host", n.detail.clone()),
                ("step", i18n::t(locale, &format!("visit-step-{}", n.step))),
            ],
        ),
        Some(NoticeKind::Call) => i18n::t_args(locale, "inbox-call-not-granted", &[title]),
        Some(NoticeKind::Report) | None => i18n::t_args(locale, "inbox-follow-up", &[title]),
    }
}

/// Where a notice leads, for a reader of `locale`.
pub fn notice_path(locale: Locale, n: &NoticeRow) -> String {
    let l = locale.code();
    match NoticeKind::parse(&n.kind) {
        Some(NoticeKind::Practice) => format!("/{l}/practices/{}", n.subject),
        Some(NoticeKind::Visit) => format!("/{l}/visits/{}", n.subject),
        Some(NoticeKind::Call) => format!("/{l}/calls/{}", n.subject),
        Some(NoticeKind::Report) | None => format!("/{l}/visits/{}/report", n.subject),
    }
}

impl App {
    /// Writes `notice` for `to` inside the step's transaction (never for whoever took the step).
    /// After the commit, [`App::deliver_soon`] sends what is to be mailed at once.
    pub(crate) async fn write_notices(
        &self,
        tx: &mut WriteTx,
        actor: &Actor,
        sender: Sender,
        notice: &NewNotice<'_>,
        to: Recipients,
    ) -> Result<u64> {
        let mail = self.can_mail() && (sender == Sender::Always || *actor != Actor::System);
        let to = Recipients {
            except: actor.user_id(),
            ..to
        };
        Ok(tx.add_notices(notice, &to, mail, actor.user_id()).await?)
    }

    /// Sends the notices due by e-mail now, in the background (the command line waits for them,
    /// since it exits afterwards). Servers also catch up every minute, so nothing waits long
    /// when this process stops first.
    pub(crate) async fn deliver_soon(&self, actor: &Actor) {
        if !self.can_mail() {
            return;
        }
        if *actor == Actor::System {
            if let Err(e) = self.deliver_notices().await {
                tracing::warn!(error = %e, "sending notices failed");
            }
            return;
        }
        let app = self.clone();
        tokio::spawn(async move {
            if let Err(e) = app.deliver_notices().await {
                tracing::warn!(error = %e, "sending notices failed");
            }
        });
    }

    /// Mails every notice due at once that no server has claimed, each in its recipient's
    /// language. A notice is claimed before its mail goes (so it is sent at most once, also by
    /// several servers); one whose mail fails is given back to be tried again later, a little
    /// later each time. One round runs at a time in a process: a call while one runs makes
    /// it go round once more. Returns how many were sent.
    pub async fn deliver_notices(&self) -> Result<usize> {
        use std::sync::atomic::Ordering;
        let Some(mailer) = self.mailer() else {
            return Ok(0);
        };
        let mut sent = 0;
        loop {
            // Said before trying, so that a round ending now cannot miss it.
            self.inner.deliver_again.store(true, Ordering::SeqCst);
            let Ok(_round) = self.inner.delivering.try_lock() else {
                return Ok(sent);
            };
            self.inner.deliver_again.store(false, Ordering::SeqCst);
            sent += self.delivery_round(&mailer).await?;
            drop(_round);
            if !self.inner.deliver_again.load(Ordering::SeqCst) {
                return Ok(sent);
            }
        }
    }

    /// Claims and mails notices until none is due.
    async fn delivery_round(&self, mailer: &crate::app::Mailer) -> Result<usize> {
        let mut sent = 0;
        loop {
            let at = crate::app::now();
            let claimed = self
                .store()
                .claim_mail(at - MAIL_WITHIN_SECONDS, at, MAIL_BATCH)
                .await?;
            if claimed.is_empty() {
                return Ok(sent);
            }
            let mut failed = Vec::new();
            for n in &claimed {
                let (subject, body) = self.notice_mail(n);
                let calendar = if n.notice.calendar == 1 {
                    self.notice_calendar(n).await
                } else {
                    None
                };
                match mailer.send_notice(&n.email, &subject, body, calendar).await {
                    Ok(()) => sent += 1,
                    Err(e) => {
                        tracing::warn!(error = %e, notice = n.notice.id, "sending a notice failed");
                        failed.push(n.notice.id);
                    }
                }
            }
            if !failed.is_empty() {
                self.store().unclaim(&failed, crate::app::now()).await?;
            }
        }
    }

    /// Sends each member who chose the digest one e-mail with their notices of the days before,
    /// once the network's clock shows seven (`at`: now, as Unix seconds). Returns how many
    /// e-mails went out.
    pub async fn send_digests(&self, at: i64) -> Result<usize> {
        let Some(mailer) = self.mailer() else {
            return Ok(0);
        };
        let Some(before) = digest_before(at) else {
            return Ok(0);
        };
        let claimed = self
            .store()
            .claim_digest(before - MAIL_WITHIN_SECONDS - 24 * 3600, before, at)
            .await?;
        let mut by_user: Vec<(i64, Vec<&MailNoticeRow>)> = Vec::new();
        for n in &claimed {
            match by_user.iter_mut().find(|(u, _)| *u == n.notice.user_id) {
                Some((_, list)) => list.push(n),
                None => by_user.push((n.notice.user_id, vec![n])),
            }
        }
        let mut sent = 0;
        for (_, list) in by_user {
            let first = list[0];
            let locale = Locale::from_code(&first.locale).unwrap_or(Locale::En);
            let lines: Vec<String> = list
                .iter()
                .map(|n| {
                    format!(
                        "- {}\n  {}{}",
                        notice_text(locale, &n.notice),
                        self.config().base_url.trim_end_matches('/'),
                        notice_path(locale, &n.notice)
                    )
                })
                .collect();
            let base = self.config().base_url.trim_end_matches('/').to_owned();
            let args = [
                ("count", list.len().to_string()),
                ("lines", lines.join("\n")),
                ("link", format!("{base}/{}/notices", locale.code())),
            ];
            let subject = i18n::t_args(locale, "mail-digest-subject", &args);
            let body = i18n::t_args(locale, "mail-digest-body", &args);
            match mailer.send_notice(&first.email, &subject, body, None).await {
                Ok(()) => sent += 1,
                Err(e) => {
                    tracing::warn!(error = %e, user = first.notice.user_id, "sending a digest failed");
                    let ids: Vec<i64> = list.iter().map(|n| n.notice.id).collect();
                    self.store().unclaim(&ids, crate::app::now()).await?;
                }
            }
        }
        Ok(sent)
    }

    /// The subject and body of a notice's own e-mail, in its recipient's language.
    fn notice_mail(&self, n: &MailNoticeRow) -> (String, String) {
        let locale = Locale::from_code(&n.locale).unwrap_or(Locale::En);
        let row = &n.notice;
        let link = format!(
            "{}{}",
            self.config().base_url.trim_end_matches('/'),
            notice_path(locale, row)
        );
        let step = |prefix: &str| i18n::t(locale, &format!("{prefix}-step-{}", row.step));
        let status = |prefix: &str| i18n::t(locale, &format!("{prefix}-status-{}", row.status));
        let (key, args) = match NoticeKind::parse(&row.kind) {
            Some(NoticeKind::Practice) => (
                "practice",
                vec![
                    ("title", row.title.clone()),
                    ("step", step("practice")),
                    ("status", status("practice")),
                    ("link", link),
                ],
            ),
            Some(NoticeKind::Visit) => (
                "visit",
                vec![
                    ("title", row.title.clone()),
                    ("host", row.detail.clone()),
                    ("step", step("visit")),
                    ("status", status("visit")),
                    ("message", row.message.clone()),
                    ("link", link),
                ],
            ),
            Some(NoticeKind::Call) => (
                "call-not-granted",
                vec![("title", row.title.clone()), ("link", link)],
            ),
            Some(NoticeKind::Report) | None => (
                "follow-up",
                vec![("title", row.title.clone()), ("link", link)],
            ),
        };
        (
            i18n::t_args(locale, &format!("mail-{key}-subject"), &args),
            i18n::t_args(locale, &format!("mail-{key}-body"), &args),
        )
    }

    /// The calendar entry a visit notice carries (its invitation, or its cancellation), as the
    /// visit stands now.
    async fn notice_calendar(&self, n: &MailNoticeRow) -> Option<(String, &'static str)> {
        let locale = Locale::from_code(&n.locale).unwrap_or(Locale::En);
        let id: i64 = n.notice.subject.parse().ok()?;
        let row = self.store().visit(id).await.ok()?;
        let entry = self.visit_entry(&row, locale)?;
        let method = if entry.cancelled { "CANCEL" } else { "REQUEST" };
        let name = i18n::t(locale, "visits-calendar-name");
        Some((
            crate::app::exchange::ical::calendar(
                &name,
                &[entry],
                crate::app::exchange::ical::Purpose::Invitation,
            ),
            method,
        ))
    }

    /// A page of the reader's notices, newest first, with how many are unread and the newest's
    /// id (where "mark all as read" stops, whichever page it is pressed on).
    pub async fn notices(
        &self,
        actor: &Actor,
        locale: Locale,
        offset: i64,
    ) -> Result<(Page<NoticeView>, i64, i64)> {
        let user = actor.user_id().ok_or(Error::Unauthorized)?;
        let offset = offset.max(0);
        let (total, unread, newest) = self.store().notice_counts(user).await?;
        let rows = self.store().notices(user, NOTICES_PER_PAGE, offset).await?;
        let items = rows
            .into_iter()
            .map(|row| NoticeView {
                text: notice_text(locale, &row),
                path: notice_path(locale, &row),
                row,
            })
            .collect();
        Ok((
            Page {
                items,
                total,
                limit: NOTICES_PER_PAGE,
                offset,
            },
            unread,
            newest,
        ))
    }

    /// Marks one of the reader's notices read and returns where it leads.
    pub async fn open_notice(&self, actor: &Actor, locale: Locale, id: i64) -> Result<String> {
        let user = actor.user_id().ok_or(Error::Unauthorized)?;
        let row = self.store().read_notice(user, id).await?;
        Ok(notice_path(locale, &row))
    }

    /// Marks the reader's notices up to `upto` read; returns how many.
    pub async fn read_all_notices(&self, actor: &Actor, upto: i64) -> Result<u64> {
        let user = actor.user_id().ok_or(Error::Unauthorized)?;
        Ok(self.store().read_all_notices(user, upto).await?)
    }

    /// How the reader hears of each kind of notice.
    pub async fn notice_choices(&self, actor: &Actor) -> Result<Vec<(NoticeKind, Delivery)>> {
        let user = actor.user_id().ok_or(Error::Unauthorized)?;
        let stored = self.store().notice_choices(user).await?;
        Ok(NoticeKind::ALL
            .into_iter()
            .map(|k| {
                let chosen = stored
                    .iter()
                    .find(|(kind, _)| kind == k.as_str())
                    .and_then(|(_, d)| Delivery::parse(d))
                    .unwrap_or_default();
                (k, chosen)
            })
            .collect())
    }

    /// Sets how the reader hears of each kind of notice (for notices written from now on).
    pub async fn set_notice_choices(&self, actor: &Actor, form: &NoticeChoicesForm) -> Result<()> {
        let user = actor.user_id().ok_or(Error::Unauthorized)?;
        let choices = form.parse().map_err(Error::Invalid)?;
        let pairs: Vec<(&str, &str)> = choices
            .iter()
            .map(|(k, d)| (k.as_str(), d.as_str()))
            .collect();
        let mut tx = self.store().write().await?;
        tx.set_notice_choices(user, &pairs).await?;
        tx.commit().await?;
        Ok(())
    }
}

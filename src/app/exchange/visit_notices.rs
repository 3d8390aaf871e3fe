//! What the visits tell people: e-mail notices at every step in the recipient's language (with
//! an iCalendar invitation when a visit is scheduled, and its cancellation when a scheduled visit
//! is called off), each member's private calendar feed, and the follow-up question three months
//! after a learning report.

use time::{OffsetDateTime, PrimitiveDateTime};

use crate::app::exchange::ical::{Entry, Party, Purpose, When, Zone, calendar};
use crate::app::{App, Error, Result, secrets};
use crate::domain::exchange::placement::parse_day;
use crate::domain::exchange::visit::Step;
use crate::domain::{Actor, Locale, Role};
use crate::i18n;
use crate::storage::{VisitFilter, VisitRow};

/// The most visits a calendar feed lists.
const FEED_MAX: i64 = 500;

fn clock(s: &str) -> Option<time::Time> {
    time::Time::parse(s, time::macros::format_description!("[hour]:[minute]")).ok()
}

impl App {
    fn host_name(&self) -> String {
        reqwest::Url::parse(&self.config().base_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "passerelle".to_owned())
    }

    /// A visit's page for a reader of `locale`.
    pub fn visit_link(&self, id: i64, locale: Locale) -> String {
        format!(
            "{}/{}/visits/{id}",
            self.config().base_url.trim_end_matches('/'),
            locale.code()
        )
    }

    /// The calendar entry of a visit with fixed days, in `locale`; `None` before it is scheduled.
    pub fn visit_entry(&self, row: &VisitRow, locale: Locale) -> Option<Entry> {
        let first = parse_day(row.start_date.as_deref()?)?;
        let last = parse_day(row.end_date.as_deref()?)?;
        let times = row
            .start_time
            .as_deref()
            .and_then(clock)
            .zip(row.end_time.as_deref().and_then(clock));
        let when = match times {
            Some((a, b)) => When::Times {
                start: PrimitiveDateTime::new(first, a),
                end: PrimitiveDateTime::new(last, b),
                zone: Zone::of_country(row.host_country.as_deref().unwrap_or_default()),
            },
            None => When::Days { first, last },
        };
        let host = row.host_name.clone().unwrap_or_default();
        let title = row.placement_title.clone().unwrap_or_default();
        let visitor = row.visitor_organisation_name.clone().unwrap_or_default();
        let summary = i18n::t_args(
            locale,
            "visit-calendar-summary",
            &[
                ("title", title),
                ("host", host.clone()),
                ("visitor", visitor),
            ],
        );
        Some(Entry {
            uid: format!("visit-{}@{}", row.id, self.host_name()),
            sequence: u32::try_from(row.sequence).unwrap_or(0),
            summary,
            description: row.agenda.clone(),
            location: row.meeting_point.clone(),
            url: self.visit_link(row.id, locale),
            when,
            cancelled: row.status == "cancelled",
            stamp: OffsetDateTime::from_unix_timestamp(row.updated_at)
                .unwrap_or(OffsetDateTime::UNIX_EPOCH),
            organizer: Some(Party {
                name: host,
                email: self.config().smtp_from.clone(),
            }),
            attendees: vec![Party {
                name: row
                    .visitor_organisation_name
                    .clone()
                    .unwrap_or_else(|| row.visitor_email.clone()),
                email: row.visitor_email.clone(),
            }],
        })
    }

    /// E-mails everyone a step concerns except whoever took it: the visitor and the host's
    /// editors, each in their own language, after the commit and without holding up the request.
    /// With `calendar`, the visit's calendar entry goes along (an invitation, or its cancellation).
    pub(crate) fn notify_visit(&self, actor: &Actor, id: i64, step: Step, calendar: Option<()>) {
        let Some(mailer) = self.notice_mailer(actor) else {
            return;
        };
        let (app, actor_id) = (self.clone(), actor.user_id());
        tokio::spawn(async move {
            app.send_visit_notice(&mailer, actor_id, id, step, calendar)
                .await
        });
    }

    /// Tells a visit's visitor and host (all but `actor_id`) about a step, by e-mail; with
    /// `calendar`, the invitation or its cancellation is attached. Failures are logged.
    pub(crate) async fn send_visit_notice(
        &self,
        mailer: &crate::app::Mailer,
        actor_id: Option<i64>,
        id: i64,
        step: Step,
        calendar: Option<()>,
    ) {
        let row = match self.store().visit(id).await {
            Ok(r) => r,
            Err(e) => return tracing::warn!(error = %e, visit = id, "reading a visit failed"),
        };
        let mut recipients = vec![(
            row.visitor_id,
            row.visitor_email.clone(),
            row.visitor_locale.clone(),
        )];
        if let Some(host) = row.host_id {
            match self.store().host_recipients(host).await {
                Ok(r) => recipients.extend(r),
                Err(e) => return tracing::warn!(error = %e, "finding notice recipients failed"),
            }
        }
        // The step's message or reason, read once for every recipient.
        let message = self
            .store()
            .visit_events(id)
            .await
            .ok()
            .and_then(|e| e.last().map(|e| e.message.clone()))
            .unwrap_or_default();
        for (user, email, locale) in recipients
            .into_iter()
            .filter(|(user, _, _)| Some(*user) != actor_id)
        {
            let locale = Locale::from_code(&locale).unwrap_or(Locale::En);
            let args = [
                ("title", row.placement_title.clone().unwrap_or_default()),
                ("host", row.host_name.clone().unwrap_or_default()),
                (
                    "step",
                    i18n::t(locale, &format!("visit-step-{}", step.as_str())),
                ),
                (
                    "status",
                    i18n::t(locale, &format!("visit-status-{}", row.status)),
                ),
                ("message", message.clone()),
                ("link", self.visit_link(id, locale)),
            ];
            let subject = i18n::t_args(locale, "mail-visit-subject", &args);
            let body = i18n::t_args(locale, "mail-visit-body", &args);
            let ics = calendar
                .and_then(|()| self.visit_entry(&row, locale))
                .map(|entry| {
                    let method = if entry.cancelled { "CANCEL" } else { "REQUEST" };
                    let name = i18n::t(locale, "visits-calendar-name");
                    (
                        crate::app::exchange::ical::calendar(&name, &[entry], Purpose::Invitation),
                        method,
                    )
                });
            if let Err(e) = mailer.send_notice(&email, &subject, body, ics).await {
                tracing::warn!(error = %e, user, "sending a visit notice failed");
            }
        }
    }

    /// When the actor made their private calendar address, if they have one (the address itself
    /// is shown only when it is made).
    pub async fn calendar_address_made(&self, actor: &Actor) -> Result<Option<i64>> {
        let id = actor.user_id().ok_or(Error::Unauthorized)?;
        Ok(self.store().calendar_token_made(id).await?)
    }

    /// Gives the actor a new calendar token, returned this once (only its hash is stored): the
    /// old feed address stops working.
    pub async fn reset_calendar_token(&self, actor: &Actor) -> Result<String> {
        let id = actor.user_id().ok_or(Error::Unauthorized)?;
        let token = secrets::random_hex(24);
        let mut tx = self.store().write().await?;
        tx.set_calendar_token(id, &secrets::token_hash(&token))
            .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The private feed behind a calendar token: the owner's visits as visitor and as host that
    /// have fixed days, cancelled ones marked so that calendars remove them. `NotFound` for a
    /// token that is not (or no longer) valid.
    pub async fn calendar_feed(&self, token: &str) -> Result<String> {
        if token.len() != 48 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::NotFound);
        }
        let (user, organisation_id, role, locale) = self
            .store()
            .calendar_owner(&secrets::token_hash(token))
            .await?;
        let actor = Actor::User {
            id: user,
            role: Role::try_from(role.as_str()).unwrap_or(Role::Member),
            organisation_id,
        };
        let locale = Locale::from_code(&locale).unwrap_or(Locale::En);
        let host = crate::app::exchange::visits::acts_for(&actor, organisation_id)
            .then_some(organisation_id)
            .flatten();
        let filter = VisitFilter {
            party: Some((user, host)),
            ..Default::default()
        };
        let (rows, _) = self.store().visits(&filter, FEED_MAX, 0).await?;
        let entries: Vec<Entry> = rows
            .iter()
            .filter(|r| r.status != "accepted")
            .filter_map(|r| self.visit_entry(r, locale))
            .collect();
        Ok(calendar(
            &i18n::t(locale, "visits-calendar-name"),
            &entries,
            Purpose::Feed,
        ))
    }

    /// Asks visitors what came of their visits, three months after their learning reports
    /// (`at`: now, as Unix seconds). Each question is claimed in the database before it is sent,
    /// so that several servers never send it twice. Returns how many were sent.
    pub async fn send_follow_ups(&self, at: i64) -> Result<usize> {
        let Some(mailer) = self.inner.mailer.clone() else {
            return Ok(0);
        };
        let mut sent = 0;
        for due in self.store().due_follow_ups(at).await? {
            let mut tx = self.store().write().await?;
            let claimed = tx.mark_reminded(due.visit_id, at).await?;
            tx.commit().await?;
            if !claimed {
                continue;
            }
            let locale = Locale::from_code(&due.locale).unwrap_or(Locale::En);
            let args = [
                ("title", due.placement_title.clone()),
                (
                    "link",
                    format!("{}/report", self.visit_link(due.visit_id, locale)),
                ),
            ];
            let subject = i18n::t_args(locale, "mail-follow-up-subject", &args);
            let body = i18n::t_args(locale, "mail-follow-up-body", &args);
            match mailer.send_notice(&due.email, &subject, body, None).await {
                Ok(()) => sent += 1,
                Err(e) => {
                    tracing::warn!(error = %e, visit = due.visit_id, "sending a follow-up failed");
                    let mut tx = self.store().write().await?;
                    tx.unmark_reminded(due.visit_id).await?;
                    tx.commit().await?;
                }
            }
        }
        Ok(sent)
    }
}

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

    /// Tells everyone a visit's step concerns except whoever took it: the visitor and the
    /// host's editors, inside the step's transaction. With `calendar`, their e-mails carry the
    /// visit's calendar entry (an invitation, or its cancellation).
    pub(crate) async fn notify_visit(
        &self,
        tx: &mut crate::storage::WriteTx,
        actor: &Actor,
        (id, step): (i64, Step),
        calendar: bool,
        sender: crate::app::workspace::notices::Sender,
    ) -> Result<()> {
        let row = tx.visit(id).await?;
        let message = tx.last_visit_message(id).await?;
        let title = row.placement_title.clone().unwrap_or_default();
        let subject = id.to_string();
        let notice = crate::storage::NewNotice {
            kind: "visit",
            subject: &subject,
            step: step.as_str(),
            status: &row.status,
            titles: [&title, &title, &title],
            detail: row.host_name.as_deref().unwrap_or_default(),
            message: &message,
            calendar,
        };
        let to = crate::storage::Recipients {
            users: vec![row.visitor_id],
            editors_of: row.host_id,
            ..Default::default()
        };
        self.write_notices(tx, actor, sender, &notice, to).await?;
        Ok(())
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
    /// (`at`: now, as Unix seconds): a notice each, claimed in the database with the report so
    /// that several servers never ask twice. Returns how many were asked.
    pub async fn send_follow_ups(&self, at: i64) -> Result<usize> {
        let mut asked = 0;
        for due in self.store().due_follow_ups(at).await? {
            let mut tx = self.store().write().await?;
            if !tx.mark_reminded(due.visit_id, at).await? {
                continue;
            }
            let subject = due.visit_id.to_string();
            let title = due.placement_title.as_str();
            let notice = crate::storage::NewNotice {
                kind: "report",
                subject: &subject,
                step: "follow-up",
                titles: [title, title, title],
                ..Default::default()
            };
            let to = crate::storage::Recipients {
                users: vec![due.user_id],
                ..Default::default()
            };
            asked += self
                .write_notices(
                    &mut tx,
                    &Actor::System,
                    crate::app::workspace::notices::Sender::Always,
                    &notice,
                    to,
                )
                .await?;
            tx.commit().await?;
        }
        if asked > 0 {
            self.deliver_soon(&Actor::System).await;
        }
        Ok(usize::try_from(asked).unwrap_or(usize::MAX))
    }
}

//! The audit log for admins: every change with who made it, when and from where, filtered by
//! person, entity and date; and its retention (`--audit-retention-days`).

use crate::domain::exchange::placement::parse_day;
use crate::domain::{Action, Actor, FieldError, FieldErrors};
use crate::storage::{AuditFilter, AuditRow, now};

use crate::app::{App, Error, Page, Result, authorize, given, page_size};

/// A page of the audit log as asked for in a query string (all text, checked here).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    /// The e-mail address of the account that acted.
    pub person: Option<String>,
    /// What changed: `practice`, `organisation`, `person`, `user`, `placement`, `visit`…
    pub entity: Option<String>,
    /// From this day (YYYY-MM-DD, UTC).
    pub since: Option<String>,
    /// Up to and including this day (YYYY-MM-DD, UTC).
    pub until: Option<String>,
    /// Page size (1–200, default 50).
    pub limit: Option<i64>,
    /// Changes to skip.
    pub offset: Option<i64>,
}

impl AuditQuery {
    fn filter(&self) -> Result<AuditFilter> {
        let mut errors = FieldErrors::new();
        let mut day = |field: &'static str, value: &Option<String>, next: bool| {
            given(value).and_then(|v| match parse_day(&v) {
                Some(d) => {
                    let d = if next { d.next_day().unwrap_or(d) } else { d };
                    Some(d.midnight().assume_utc().unix_timestamp())
                }
                None => {
                    errors.add(field, FieldError::new("error-day"));
                    None
                }
            })
        };
        let from = day("since", &self.since, false);
        let until = day("until", &self.until, true);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        Ok(AuditFilter {
            person: given(&self.person).map(|p| p.to_lowercase()),
            entity: given(&self.entity),
            from,
            until,
        })
    }
}

impl App {
    /// A page of the audit log, newest first (admins only).
    #[tracing::instrument(skip_all)]
    pub async fn audit(&self, actor: &Actor, query: &AuditQuery) -> Result<Page<AuditRow>> {
        authorize(actor, Action::ReadAuditLog)?;
        let filter = query.filter()?;
        let limit = page_size(query.limit);
        let offset = query.offset.unwrap_or(0).clamp(0, 10_000_000);
        let (items, total) = self.store().audit(&filter, limit, offset).await?;
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }

    /// Forgets changes older than the retention period; returns how many went.
    pub async fn purge_audit_log(&self) -> Result<u64> {
        let days = self.config().audit_retention_days;
        Ok(self.store().purge_changes(now() - days * 86_400).await?)
    }
}

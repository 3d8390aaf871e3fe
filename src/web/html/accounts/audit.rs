//! The audit log page for admins (`/{lang}/admin/audit`): every change with who made it, when
//! and from where, filtered by person, entity and day, newest first.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::app::{App, AuditQuery, Error};
use crate::domain::FieldErrors;
use crate::web::Ctx;

use crate::web::html::{Errors, HtmlQuery, HtmlResult, OrPage, Pager, form_status, query_string};

/// Audit routes.
pub fn router() -> Router<App> {
    Router::new().route("/admin/audit", get(list))
}

/// One change as the page shows it.
struct Line {
    when: String,
    who: String,
    origin: String,
    entity: String,
    key: String,
    kind: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/audit.html")]
struct AuditPage {
    ctx: Ctx,
    lines: Vec<Line>,
    count: String,
    pager: Pager,
    person: String,
    entity: String,
    since: String,
    until: String,
    errors: Errors,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct Params {
    person: String,
    entity: String,
    since: String,
    until: String,
    page: Option<i64>,
}

/// A moment in the reader's words: the day as they write it, and the time (UTC).
async fn list(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<Params>,
) -> HtmlResult<Response> {
    let page = p.page.unwrap_or(1).max(1);
    let limit = crate::app::page_size(Some(50));
    let given = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    let query = AuditQuery {
        person: given(&p.person),
        entity: given(&p.entity),
        since: given(&p.since),
        until: given(&p.until),
        limit: Some(limit),
        offset: Some(crate::web::html::page_offset(page, limit)),
    };
    let (rows, total, errors) = match app.audit(&ctx.actor(), &query).await {
        Ok(found) => (found.items, found.total, FieldErrors::new()),
        Err(Error::Invalid(errors)) => (Vec::new(), 0, errors),
        Err(e) => return Err(e).or_page(&ctx),
    };
    let lines = rows
        .iter()
        .map(|r| Line {
            when: ctx.moment(r.at),
            who: match (&r.actor_email, r.actor_id) {
                (Some(email), Some(id)) if crate::domain::accounts::is_former_member(email) => {
                    ctx.t1("audit-former-account", "id", &id.to_string())
                }
                (Some(email), _) => email.clone(),
                (None, Some(id)) => ctx.t1("audit-former-account", "id", &id.to_string()),
                (None, None) => ctx.t("audit-no-account"),
            },
            origin: match r.origin.as_deref() {
                Some("command line") => ctx.t("audit-command-line"),
                Some(address) => address.to_owned(),
                None => ctx.t("audit-server"),
            },
            entity: r.entity.clone(),
            key: r.entity_key.clone(),
            kind: ctx.tk("audit-kind-", &r.kind),
        })
        .collect();
    let qs = query_string(&[
        ("person", p.person.as_str()),
        ("entity", p.entity.as_str()),
        ("since", p.since.as_str()),
        ("until", p.until.as_str()),
    ]);
    let status = form_status(&errors);
    let page = AuditPage {
        lines,
        count: ctx.t1("audit-count", "count", &total.to_string()),
        pager: Pager::new(&ctx.href("/admin/audit"), &qs, total, limit, page),
        person: p.person,
        entity: p.entity,
        since: p.since,
        until: p.until,
        errors: ctx.errors(&errors),
        ctx,
    };
    Ok((status, page).into_response())
}

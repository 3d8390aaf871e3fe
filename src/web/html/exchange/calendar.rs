//! The private calendar feed of one's visits: the feed itself, read with the secret token, and a new token.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::app::App;
use crate::web::html::{HtmlResult, OrPage};
use crate::web::{CsrfForm, Ctx};

use super::visits::{ListParams, list_page};

pub(super) async fn reset_calendar(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    let token = app.reset_calendar_token(&ctx.actor()).await.or_page(&ctx)?;
    // Shown on this answer only, never put into an address (where logs would keep it).
    let params = ListParams {
        done: Some("calendar".to_owned()),
        ..ListParams::default()
    };
    list_page(ctx, &app, params, Some(token)).await
}

/// The private calendar feed: `/{lang}/calendar/{token}.ics`.
pub(super) async fn private_feed(
    ctx: Ctx,
    State(app): State<App>,
    Path(file): Path<String>,
) -> HtmlResult<Response> {
    let token = file.strip_suffix(".ics").unwrap_or("");
    let text = app.calendar_feed(token).await.or_page(&ctx)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        text,
    )
        .into_response())
}

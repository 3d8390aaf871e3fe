//! The exchange programme's pages: placements, visits and their reports, calls.

pub(crate) mod allocation;
pub(crate) mod calendar;
pub(crate) mod calls;
pub(crate) mod checklist;
pub(crate) mod matrix;
pub(crate) mod placement_form;
pub(crate) mod placement_translate;
pub(crate) mod placements;
pub(crate) mod reports;
pub(crate) mod requests;
pub(crate) mod visits;

use axum::Router;

use crate::app::App;

/// The pages of this capability.
pub(crate) fn router() -> Router<App> {
    Router::new()
        .merge(calls::router())
        .merge(placements::router())
        .merge(visits::router())
        .merge(requests::router())
        .merge(reports::router())
        .merge(checklist::router())
}

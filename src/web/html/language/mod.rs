//! Language pages: search and the glossary.

pub(crate) mod glossary;
pub(crate) mod search;

use axum::Router;

use crate::app::App;

/// The pages of this capability.
pub(crate) fn router() -> Router<App> {
    Router::new()
        .merge(glossary::router())
        .merge(search::router())
}

//! Language pages: search, the glossary and the lexicon.

pub(crate) mod glossary;
pub(crate) mod lexicon;
pub(crate) mod search;

use axum::Router;

use crate::app::App;

/// The pages of this capability.
pub(crate) fn router() -> Router<App> {
    Router::new()
        .merge(glossary::router())
        .merge(lexicon::router())
        .merge(search::router())
}

//! The directory's pages: countries, cities, themes, organisations and people.

pub(crate) mod organisations;
pub(crate) mod people;
pub(crate) mod places;

use axum::Router;

use crate::app::App;

/// The pages of this capability.
pub(crate) fn router() -> Router<App> {
    Router::new()
        .merge(organisations::router())
        .merge(people::router())
        .merge(places::router())
}

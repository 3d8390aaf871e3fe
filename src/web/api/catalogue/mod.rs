//! The catalogue's API: practices, their workflow and translations.

pub(crate) mod bodies;
pub(crate) mod practices;

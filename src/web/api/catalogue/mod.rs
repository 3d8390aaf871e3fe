//! The catalogue's API: practices, their workflow and translations.

pub(crate) mod practices;

//! The practice catalogue: practices, their review, translations, files, import and export.

pub(crate) mod practices;
pub(crate) mod review;
pub(crate) mod transfer;

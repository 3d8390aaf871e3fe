//! The practice catalogue: practices, their review, translations, files, import and export.

pub(crate) mod attachments;
pub(crate) mod practices;
pub(crate) mod review;
pub(crate) mod transfer;
pub(crate) mod translations;

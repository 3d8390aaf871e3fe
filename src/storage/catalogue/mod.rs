//! The practice catalogue: practices, their review, translations, files, import and export.

pub(crate) mod files;
pub(crate) mod practice_writes;
pub(crate) mod practices;
pub(crate) mod transfer;

//! The practice catalogue: practices, their workflow and translations, and attached files.

pub mod file;
pub mod practice;
pub mod revision;

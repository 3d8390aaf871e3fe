//! The domain: types that can only hold valid values, and the one permission rule.
//!
//! Nothing here does I/O or knows about axum, sqlx or tantivy. Forms and JSON bodies arrive as
//! strings and are parsed into these types at the boundary (`TryFrom`), gathering every field
//! error at once so that a form can come back filled in with all its messages.

pub mod accounts;
pub mod catalogue;
pub mod directory;
pub mod errors;
pub mod exchange;
pub mod language;
pub mod local_time;
pub mod permission;
pub mod values;
pub mod workspace;

pub use accounts::{Actor, NewPassword, Role};
pub use directory::{Circle, OrgKind};
pub use errors::{FieldError, FieldErrors};
pub use permission::{Action, can};
pub use values::{ContentLang, CountryCode, Email, LanguageCode, Locale, Slug, ThemeKey, WebUrl};

//! Passerelle: the shared workspace of a cross-border network of cities and associations that
//! work with immigrants. One program: public pages, a members' workspace, a JSON API and a CLI.
//!
//! Modules, in reading order (each layer only calls the one below it):
//! - [`domain`]: valid-only types, workflow rules and the one permission rule; no I/O.
//! - [`storage`]: the only module that runs SQL, the same code on SQLite and PostgreSQL.
//! - [`search`]: the only module that imports tantivy; an index derived from the database.
//! - [`app`]: the use cases, one method per thing a user does; permissions and transactions.
//! - [`i18n`]: Fluent messages in German, French and English.
//! - [`web`]: axum routers for HTML pages and the JSON API.
//! - [`config`] and [`cli`]: settings and the `passerelle` command line.

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod search;
pub mod storage;
pub mod web;

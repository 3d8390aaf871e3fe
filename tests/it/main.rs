//! The one integration-test binary. Most suites run twice, on SQLite and on PostgreSQL
//! (`TEST_DATABASE_URL`, started by `scripts/test`), through the `both!` macro in `helpers`.

#[macro_use]
mod helpers;

mod accounts;
mod api;
mod browser;
mod calls;
mod cli;
mod crawl;
mod directory;
mod erasure;
mod lexicon;
mod notices;
mod placements;
mod practices;
mod search;
mod servers;
mod smtp;
mod storage;
mod transfer;
mod trust;
mod visits;
mod workspace;

//! Language in the API: search.

pub(crate) mod search;

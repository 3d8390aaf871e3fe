//! Language in the API: search.

pub(crate) mod bodies;
pub(crate) mod search;

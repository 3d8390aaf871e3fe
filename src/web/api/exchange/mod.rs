//! The exchange programme's API: placements, visits, calls.

pub(crate) mod bodies;
pub(crate) mod calls;
pub(crate) mod checklist;
pub(crate) mod matrix;
pub(crate) mod placements;
pub(crate) mod reports;
pub(crate) mod visits;

//! The exchange programme's API: placements, visits, calls.

pub(crate) mod bodies;
pub(crate) mod calls;
pub(crate) mod placements;
pub(crate) mod visits;

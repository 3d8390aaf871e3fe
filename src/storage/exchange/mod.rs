//! The exchange programme: placements, visits and their reports, calls and their allocation.

pub(crate) mod calendar;
pub(crate) mod calls;
pub(crate) mod checklist;
pub(crate) mod placements;
pub(crate) mod reports;
pub(crate) mod visits;

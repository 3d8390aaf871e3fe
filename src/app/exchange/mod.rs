//! The exchange programme: placements, visits and their reports, calls and their allocation.

pub(crate) mod allocation;
pub(crate) mod calls;
pub(crate) mod checklist;
pub mod ical;
pub(crate) mod placements;
pub(crate) mod reports;
pub(crate) mod requests;
pub(crate) mod suggestions;
pub(crate) mod visit_notices;
pub(crate) mod visits;

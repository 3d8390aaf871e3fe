//! The request and response bodies and query parameters of the exchange programme's API that
//! mirror domain forms and app types: the OpenAPI documentation belongs here, to the API, and each
//! converts field by field.

mod calls;
mod placements;
mod visits;

pub use calls::*;
pub use placements::*;
pub use visits::*;

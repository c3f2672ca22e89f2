//! Renderers. Each takes one serialisable result and returns text; none computes anything
//! the result does not already hold.

pub mod align;
pub mod diff;
pub mod history;
pub mod html;
pub mod markdown;
pub mod outline;
pub mod term;

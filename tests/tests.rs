//! Integration tests through the real binary and the public library API, by theme.

mod util;

mod conservation;
mod diff;
mod errors;
mod outline;
mod schema;
mod snapshots;

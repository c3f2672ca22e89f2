//! Integration tests through the real binary and the public library API, by theme.

mod util;

mod action;
mod align;
mod browser;
mod conservation;
mod diff;
mod diff_properties;
mod errors;
mod git;
mod hostile;
mod layout;
mod outline;
mod packaging;
mod refs;
mod schema;
mod snapshots;
mod spec;
mod terminal;

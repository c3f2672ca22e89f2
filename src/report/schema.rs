//! JSON Schemas of the public JSON contracts, generated from the types that produce them.
//! The files in `schemas/` are these, checked for drift by a test.

use schemars::JsonSchema;

use super::{View, json};
use crate::diff::{self, Comparison};
use crate::history::{self, Blame, Log, Timeline};
use crate::normalize::{self, Outline};
use crate::source::manifest::{self, Manifest};
use crate::translation::{self, Alignment};

/// Every contract: its file in `schemas/`, named after its `schema` field (`accord.diff/1`
/// is `accord.diff-1.schema.json`), and the schema's text.
pub fn all() -> Vec<(String, String)> {
    vec![
        contract::<Outline>(normalize::OUTLINE_SCHEMA),
        contract::<Comparison>(diff::SCHEMA),
        contract::<Alignment>(translation::SCHEMA),
        contract::<Log>(history::LOG_SCHEMA),
        contract::<Blame>(history::BLAME_SCHEMA),
        contract::<Timeline>(history::TIMELINE_SCHEMA),
        contract::<Manifest>(manifest::SCHEMA),
    ]
}

fn contract<T: JsonSchema>(name: &str) -> (String, String) {
    let schema = schemars::schema_for!(T);
    let mut text = Vec::new();
    json::write(&schema, &View::default(), &mut text).expect("a schema serialises to memory");
    let text = String::from_utf8(text).expect("JSON is UTF-8");
    (format!("{}.schema.json", name.replace('/', "-")), text)
}

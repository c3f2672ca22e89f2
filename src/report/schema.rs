//! JSON Schemas of the public JSON contracts, generated from the types that produce them.
//! The files in `schemas/` are these, checked for drift by a test.

use schemars::JsonSchema;

fn schema_of<T: JsonSchema>() -> String {
    let schema = schemars::schema_for!(T);
    let mut out = serde_json::to_string_pretty(&schema).expect("schema serialises");
    out.push('\n');
    out
}

/// Every contract: file name in `schemas/` and the schema's text.
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        (
            "accord.outline-1.schema.json",
            schema_of::<crate::normalize::Outline>(),
        ),
        (
            "accord.diff-1.schema.json",
            schema_of::<crate::diff::Comparison>(),
        ),
        (
            "accord.align-1.schema.json",
            schema_of::<crate::translation::Alignment>(),
        ),
        (
            "accord.log-1.schema.json",
            schema_of::<crate::history::Log>(),
        ),
        (
            "accord.blame-1.schema.json",
            schema_of::<crate::history::Blame>(),
        ),
        (
            "accord.timeline-1.schema.json",
            schema_of::<crate::history::Timeline>(),
        ),
        (
            "accord.versions-1.schema.json",
            schema_of::<crate::source::manifest::Manifest>(),
        ),
    ]
}

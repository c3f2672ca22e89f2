//! JSON Schemas of the public JSON contracts, generated from the types that produce them.
//! The files in `schemas/` are these, checked for drift by a test.

use schemars::JsonSchema;

use super::{View, json};
use crate::diff::{self, Comparison};
use crate::history::{self, Blame, Log, Timeline};
use crate::normalize::{self, Outline};
use crate::refs::{self, References};
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
        contract::<References>(refs::SCHEMA),
    ]
}

fn contract<T: JsonSchema>(name: &str) -> (String, String) {
    let mut schema = schemars::schema_for!(T);
    if let Some(root) = schema.as_object_mut() {
        pin(root, name);
    }
    let mut text = Vec::new();
    json::write(&schema, &View::default(), &mut text).expect("a schema serialises to memory");
    let text = String::from_utf8(text).expect("JSON is UTF-8");
    (format!("{}.schema.json", name.replace('/', "-")), text)
}

/// Make a generated schema as strict as the contract: its `schema` field must name this
/// contract, and no object may carry a field the contract does not describe, so that a
/// consumer validating against it learns of a renamed or misspelt field at once. New fields
/// come with a new schema file, generated from the same code.
fn pin(root: &mut serde_json::Map<String, serde_json::Value>, name: &str) {
    if let Some(field) = root
        .get_mut("properties")
        .and_then(|p| p.get_mut("schema"))
        .and_then(serde_json::Value::as_object_mut)
    {
        field.insert("const".into(), name.into());
    }
    close(root);
}

fn close(map: &mut serde_json::Map<String, serde_json::Value>) {
    if map.contains_key("properties") && !map.contains_key("additionalProperties") {
        map.insert("additionalProperties".into(), false.into());
    }
    map.values_mut().for_each(close_objects);
}

fn close_objects(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => close(map),
        serde_json::Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}

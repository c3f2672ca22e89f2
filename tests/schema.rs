//! The JSON Schemas in `schemas/` are generated from the code: a drift is a test failure.
//! Run with `UPDATE_SCHEMAS=1` to rewrite them after an intended (additive) change. The
//! names reports print for wire enums (`as_str`) are their JSON names, variant by variant.

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use crate::util::root;

#[test]
fn schemas_match_the_code() {
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    for (file, generated) in accord::report::schema::all() {
        let path = root().join("schemas").join(&file);
        if update {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "schemas/{file} is out of date; run UPDATE_SCHEMAS=1 cargo test --test tests schema"
        );
    }
}

/// The names an enum has on the wire, as its generated schema lists them: every variant,
/// with no list here to keep up to date.
fn wire_names<T: JsonSchema>() -> Vec<String> {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let listed = schema["enum"].as_array().cloned().unwrap_or_default();
    let described = schema["oneOf"].as_array().cloned().unwrap_or_default();
    let names: Vec<String> = listed
        .iter()
        .chain(described.iter().map(|v| &v["const"]))
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    assert!(!names.is_empty(), "{schema}");
    names
}

/// `as_str` gives each variant's JSON name.
fn names_agree<T: JsonSchema + DeserializeOwned + Copy>(as_str: fn(T) -> &'static str) {
    for name in wire_names::<T>() {
        let variant: T = serde_json::from_value(name.clone().into()).unwrap();
        assert_eq!(as_str(variant), name);
    }
}

#[test]
fn wire_names_are_the_json_names() {
    names_agree(accord::model::FindingKind::as_str);
    names_agree(accord::model::RepairKind::as_str);
    names_agree(accord::diff::Kind::as_str);
    names_agree(accord::diff::Op::as_str);
    names_agree(accord::diff::MatchedBy::as_str);
    names_agree(accord::translation::Evidence::as_str);
    names_agree(accord::translation::Check::as_str);
}

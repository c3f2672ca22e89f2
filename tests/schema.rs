//! The JSON Schemas in `schemas/` are generated from the code: a drift is a test failure.
//! Run with `UPDATE_SCHEMAS=1` to rewrite them after an intended (additive) change.

use crate::util::root;

fn check(file: &str, generated: String) {
    let path = root().join("schemas").join(file);
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/{file} is out of date; run UPDATE_SCHEMAS=1 cargo test --test tests schema"
    );
}

#[test]
fn outline_schema_matches_the_code() {
    check(
        "accord.outline-1.schema.json",
        accord::report::outline::json_schema(),
    );
}

#[test]
fn diff_schema_matches_the_code() {
    check("accord.diff-1.schema.json", accord::diff::json_schema());
}

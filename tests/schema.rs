//! The JSON Schemas in `schemas/` are generated from the code: a drift is a test failure.
//! Run with `UPDATE_SCHEMAS=1` to rewrite them after an intended (additive) change.

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

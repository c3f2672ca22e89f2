//! The JSON Schemas in `schemas/` are generated from the code: a drift is a test failure.
//! Run with `UPDATE_SCHEMAS=1` to rewrite them after an intended (additive) change. The
//! names reports print for wire enums (`as_str`) are their JSON names, variant by variant.

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use crate::util::{accord, root};

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

/// A list of every variant (what `--fail-on` offers) names them all.
fn lists_every_variant<T: JsonSchema + Copy>(all: &[T], as_str: fn(T) -> &'static str) {
    let listed: Vec<&str> = all.iter().map(|v| as_str(*v)).collect();
    assert_eq!(listed, wire_names::<T>());
}

#[test]
fn every_variant_is_offered() {
    lists_every_variant(
        &accord::model::FindingKind::ALL,
        accord::model::FindingKind::as_str,
    );
    lists_every_variant(
        &accord::translation::Check::ALL,
        accord::translation::Check::as_str,
    );
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
    names_agree(accord::refs::Status::as_str);
}

/// What every command writes as JSON is valid against its shipped schema: the schemas are
/// strict (a pinned `schema`, no undescribed field), so a field the code adds without its
/// schema, or a schema that drifts from the output, fails here.
#[test]
fn every_json_output_is_valid_against_its_schema() {
    let repo = crate::git::history();
    let path = crate::git::PATH;
    let en = "versions/dushanbe-2021.en.txt";
    let draft = "versions/dushanbe-2021.draft.en.txt";
    let runs: Vec<(&str, Vec<&str>)> = vec![
        ("accord.outline/1", vec!["outline", en]),
        ("accord.diff/1", vec!["diff", draft, en]),
        ("accord.timeline/1", vec!["diff", draft, en, draft]),
        (
            "accord.align/1",
            vec![
                "align",
                "versions/udhr/udhr.en.txt",
                "versions/udhr/udhr.fr.txt",
            ],
        ),
        ("accord.versions/1", vec!["versions"]),
        (
            "accord.refs/1",
            vec![
                "refs",
                "--all",
                "versions/grundgesetz/gg-2012.md",
                "versions/grundgesetz/gg-2018.md",
            ],
        ),
        ("accord.log/1", vec!["log", path]),
        ("accord.blame/1", vec!["blame", path]),
    ];
    for (name, args) in runs {
        let mut command = accord();
        command.args(&args).args(["--format", "json"]);
        if args[0] != "versions" {
            command.arg("--repo").arg(repo.path());
        }
        let out = command.current_dir(root()).output().unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let output: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(output["schema"], name, "{args:?}");
        let file = root()
            .join("schemas")
            .join(format!("{}.schema.json", name.replace('/', "-")));
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&output)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:?}");
        // Strict: another contract's name, or an unknown field, is rejected.
        let mut renamed = output.clone();
        renamed["schema"] = "accord.other/1".into();
        assert!(
            !validator.is_valid(&renamed),
            "{name}: any schema name passes"
        );
        let mut extended = output;
        extended["unknown_field"] = true.into();
        assert!(
            !validator.is_valid(&extended),
            "{name}: unknown fields pass"
        );
    }
}

/// Every field of every contract says what it is.
#[test]
fn every_field_is_described() {
    fn undescribed(value: &serde_json::Value, at: &str, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Object(properties)) = map.get("properties") {
                    for (field, schema) in properties {
                        if schema.get("description").is_none() {
                            out.push(format!("{at}.{field}"));
                        }
                    }
                }
                for (key, child) in map {
                    undescribed(child, &format!("{at}/{key}"), out);
                }
            }
            serde_json::Value::Array(items) => {
                items.iter().for_each(|i| undescribed(i, at, out));
            }
            _ => {}
        }
    }
    for (file, text) in accord::report::schema::all() {
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut missing = Vec::new();
        undescribed(&schema, "", &mut missing);
        assert!(missing.is_empty(), "{file}: {missing:?}");
    }
}

//! What a user of the package relies on without reading the code: the declared minimum Rust
//! holds for every crate the build and the tests compile, the licences the manifest declares
//! are shipped, and the benchmark scripts run from a fresh clone with their defaults.

use std::process::Command;

use crate::util::root;

fn manifest_field(name: &str) -> String {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    manifest
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name} = \"")))
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or_else(|| panic!("Cargo.toml has no {name}"))
        .to_string()
}

fn version_tuple(v: &str) -> Vec<u32> {
    v.split('.').map(|p| p.parse().unwrap()).collect()
}

#[test]
fn rust_version_covers_every_locked_dependency() {
    let declared = manifest_field("rust-version");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--locked", "--offline", "--format-version", "1"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let newer: Vec<String> = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| {
            let needs = p["rust_version"].as_str()?;
            (version_tuple(needs) > version_tuple(&declared))
                .then(|| format!("{} {} needs {needs}", p["name"], p["version"]))
        })
        .collect();
    assert!(newer.is_empty(), "rust-version {declared}, but {newer:?}");
}

#[test]
fn declared_licences_are_shipped() {
    assert_eq!(manifest_field("license"), "MIT OR Apache-2.0");
    for file in ["LICENSE-MIT", "LICENSE-APACHE"] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        assert!(text.len() > 1000, "{file} is not a licence text");
    }
    for field in ["repository", "description"] {
        assert!(!manifest_field(field).is_empty());
    }
}

#[test]
fn corpus_generator_runs_with_its_defaults() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = Command::new("python3")
        .arg(root().join("bench/make_corpus.py"))
        .args(["--size", "20K", "--out-dir"])
        .arg(out_dir.path())
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in ["old.txt", "new.txt", "truth.json"] {
        assert!(out_dir.path().join(file).is_file(), "{file} not written");
    }
}

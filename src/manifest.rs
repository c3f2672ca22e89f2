//! The manifest of a `versions/` folder: which texts it holds, in which language, of which
//! date and status, and where they come from.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Manifest {
    pub versions: Vec<Version>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Version {
    /// A short stable name.
    pub id: String,
    /// The file, relative to the folder of the manifest.
    pub path: String,
    /// BCP 47 language code.
    pub language: String,
    /// Date of the version (ISO 8601), as precise as known.
    pub date: String,
    /// `draft`, `final`, `amended`, `illustrative`, …
    pub status: String,
    pub source: String,
}

/// Read `DIR/manifest.json` and check that every listed file is there.
pub fn read(dir: &Path) -> Result<Manifest> {
    let path = dir.join("manifest.json");
    let label = path.display().to_string();
    let text = std::fs::read_to_string(&path).with_context(|| format!("{label}: cannot read"))?;
    let manifest: Manifest =
        serde_json::from_str(&text).with_context(|| format!("{label}: not a valid manifest"))?;
    for v in &manifest.versions {
        if !dir.join(&v.path).is_file() {
            anyhow::bail!(
                "{label}: version {} names {}, which is missing",
                v.id,
                v.path
            );
        }
    }
    Ok(manifest)
}

pub fn text(manifest: &Manifest) -> String {
    let mut out = String::new();
    let width = manifest
        .versions
        .iter()
        .map(|v| v.id.len())
        .max()
        .unwrap_or(0);
    for v in &manifest.versions {
        let _ = writeln!(
            out,
            "{:<width$}  {:<5} {:<10} {:<12} {}",
            v.id,
            v.language,
            v.date,
            v.status,
            v.path,
            width = width
        );
    }
    out
}

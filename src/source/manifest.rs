//! The manifest of a `versions/` folder: which texts it holds, in which language, of which
//! date and status, and where they come from. `accord versions` lists it as the
//! `accord.versions/1` contract.

use std::path::Path;

use anyhow::{Context, Result};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `schema` field of a [`Manifest`] as accord writes it.
pub const SCHEMA: &str = "accord.versions/1";

/// The `accord.versions/1` contract, and the shape of a folder's `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Manifest {
    /// Always `"accord.versions/1"` in accord's output; `manifest.json` may leave it out.
    #[serde(default = "default_schema")]
    pub schema: String,
    /// The texts of the folder.
    pub versions: Vec<ShippedText>,
}

fn default_schema() -> String {
    SCHEMA.to_string()
}

/// One text of the folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Version")]
pub struct ShippedText {
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
    /// Where the text comes from, and what was done to it.
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

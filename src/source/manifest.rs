//! The manifest of a `versions/` folder: which texts it holds, in which language, of which
//! date and status, and where they come from. `accord versions` lists it as the
//! `accord.versions/1` contract.

use std::path::Path;

use schemars::JsonSchema;

use super::SourceError;
use super::file::io_message;
use serde::{Deserialize, Serialize};

/// The `schema` field of a [`Manifest`] as accord writes it.
pub const SCHEMA: &str = "accord.versions/1";

/// The `accord.versions/1` contract, and the shape of a folder's `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Manifest {
    /// `"accord.versions/1"`; `manifest.json` may leave it out, and accord writes it then.
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
pub fn read(dir: &Path) -> Result<Manifest, SourceError> {
    let path = dir.join("manifest.json");
    let label = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| SourceError::Io {
        label: label.clone(),
        message: io_message(&e),
    })?;
    let invalid = |message: String| SourceError::Manifest {
        label: label.clone(),
        message,
    };
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))?;
    match manifest
        .versions
        .iter()
        .find(|v| !dir.join(&v.path).is_file())
    {
        Some(v) => Err(invalid(format!(
            "version {} names {}, which is missing",
            v.id, v.path
        ))),
        None => Ok(manifest),
    }
}

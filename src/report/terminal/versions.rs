//! `accord versions` for people: the texts a versions folder ships, one line each.

use std::fmt::Write as _;
use std::io;

use crate::report::View;
use crate::source::manifest::Manifest;

/// Render the manifest of a versions folder: one line per version.
pub fn render(manifest: &Manifest, _: &View, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(manifest_text(manifest).as_bytes())
}

fn manifest_text(manifest: &Manifest) -> String {
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

//! Where reports go: standard output, or `-o FILE` written atomically so a failed run
//! never leaves a half-written report behind.

use std::io::{BufWriter, Write};
use std::path::Path;

use accord::report;
use anyhow::{Context, Result};

/// Write bytes rendered beforehand.
pub fn write_bytes(target: Option<&Path>, content: &[u8]) -> Result<()> {
    write_with(target, |out| Ok(out.write_all(content)?))
}

/// Write a report rendered straight into the output, so a large one is never held in
/// memory whole. A regular file (or a new one) is written to a temporary file beside it
/// and renamed into place; anything else (`/dev/null`, a pipe) is written straight, since
/// renaming over it would replace the device with a file.
pub fn write_with(
    target: Option<&Path>,
    render: impl FnOnce(&mut dyn Write) -> Result<(), report::Error>,
) -> Result<()> {
    let Some(path) = target else {
        let mut stdout = BufWriter::with_capacity(BUFFER, std::io::stdout().lock());
        render(&mut stdout).map_err(|e| in_file(e, &STDOUT))?;
        return stdout
            .flush()
            .with_context(|| format!("{STDOUT}: write failed"));
    };
    let label = path.display();
    let existing = std::fs::metadata(path).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        if existing.as_ref().is_some_and(std::fs::Metadata::is_dir) {
            anyhow::bail!("{label}: is a directory");
        }
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("{label}: cannot open for writing"))?;
        let mut out = BufWriter::with_capacity(BUFFER, file);
        render(&mut out).map_err(|e| in_file(e, &label))?;
        return out
            .flush()
            .with_context(|| format!("{label}: write failed"));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        anyhow::bail!("{label}: directory {} does not exist", dir.display());
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".accord-")
        .tempfile_in(dir)
        .with_context(|| format!("{label}: cannot create a file in {}", dir.display()))?;
    {
        let mut out = BufWriter::with_capacity(BUFFER, temp.as_file_mut());
        render(&mut out).map_err(|e| in_file(e, &label))?;
        out.flush()
            .with_context(|| format!("{label}: write failed"))?;
    }
    // A temporary file is private (0600); the report gets the permissions of the file it
    // replaces, or the usual ones for a new file.
    let permissions = match &existing {
        Some(meta) => meta.permissions(),
        None => new_file_permissions(),
    };
    temp.as_file()
        .set_permissions(permissions)
        .with_context(|| format!("{label}: cannot set permissions"))?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{label}: cannot replace the file"))?;
    Ok(())
}

/// How messages name standard output.
const STDOUT: &str = "<stdout>";

/// A report's error writing to a file: an input/output error names the file, and stays an
/// input/output error underneath, so that a reader that went away is recognised as such.
fn in_file(e: report::Error, label: &dyn std::fmt::Display) -> anyhow::Error {
    match e {
        report::Error::Io(io) => anyhow::Error::from(io).context(format!("{label}: write failed")),
        other => other.into(),
    }
}

/// Output buffer: large writes, few system calls.
const BUFFER: usize = 256 * 1024;

#[cfg(unix)]
fn new_file_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn new_file_permissions() -> std::fs::Permissions {
    let mut p = std::fs::metadata(".")
        .map(|m| m.permissions())
        .expect("current directory");
    p.set_readonly(false);
    p
}

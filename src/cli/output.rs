//! Where reports go: standard output, or `-o FILE` written atomically so a failed run
//! never leaves a half-written report behind.

use std::io::{BufWriter, Write};
use std::path::Path;

use accord::report;
use anyhow::{Context, Result};

/// Write bytes rendered beforehand.
pub fn write_bytes(target: Option<&Path>, content: &[u8]) -> Result<()> {
    write_with(target, false, |out| Ok(out.write_all(content)?))
}

/// Write a report rendered straight into the output, so a large one is never held in
/// memory whole. A regular file (or a new one) is written to a temporary file beside it
/// and renamed into place; anything else (`/dev/null`, a pipe) is written straight, since
/// renaming over it would replace the device with a file.
pub fn write_with(
    target: Option<&Path>,
    paged: bool,
    render: impl FnOnce(&mut dyn Write) -> Result<(), report::Error>,
) -> Result<()> {
    if target.is_none()
        && paged
        && let Some(mut pager) = Pager::start()
    {
        let mut input = BufWriter::with_capacity(BUFFER, pager.input());
        let written = render(&mut input)
            .map_err(|e| in_file(e, &STDOUT))
            .and_then(|()| Ok(input.flush()?));
        drop(input);
        pager.wait();
        // Quitting the pager before the end closes the pipe: the reader is done, not failed.
        return match written {
            Err(e) if is_broken_pipe(&e) => Ok(()),
            other => other,
        };
    }
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

/// A pager as git runs one: `$ACCORD_PAGER`, else `$PAGER`, else `less -FRX`, through the
/// shell; an empty value or `cat` means none. `LESS=FRX` is set for a `less` without
/// options (quit when the report fits on one screen, pass colours, leave it on screen).
struct Pager {
    child: std::process::Child,
}

impl Pager {
    /// The pager, started; none when refused, or when it cannot be started (the report then
    /// goes to the terminal directly, as without one).
    fn start() -> Option<Pager> {
        let command = ["ACCORD_PAGER", "PAGER"]
            .iter()
            .find_map(|name| std::env::var(name).ok())
            .unwrap_or_else(|| "less -FRX".to_string());
        let command = command.trim();
        if command.is_empty() || command == "cat" {
            return None;
        }
        let mut process = if cfg!(windows) {
            let mut words = command.split_whitespace();
            let mut process = std::process::Command::new(words.next()?);
            process.args(words);
            process
        } else {
            let mut process = std::process::Command::new("sh");
            process.args(["-c", command]);
            process
        };
        if std::env::var_os("LESS").is_none() {
            process.env("LESS", "FRX");
        }
        if std::env::var_os("LV").is_none() {
            process.env("LV", "-c");
        }
        let child = process.stdin(std::process::Stdio::piped()).spawn().ok()?;
        Some(Pager { child })
    }

    fn input(&mut self) -> std::process::ChildStdin {
        self.child.stdin.take().expect("the pager's input is piped")
    }

    /// Wait for the reader to quit the pager: the prompt must not come back under it.
    fn wait(mut self) {
        let _ = self.child.wait();
    }
}

/// Whether an error is a reader that went away (`accord … | head`, a pager quit early).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
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

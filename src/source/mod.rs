//! Where documents come from: files and standard input (and, later, git). This is the only
//! place that touches the file system for input; everything after works on text.

pub mod decode;
pub mod git;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use decode::{DecodeError, decode};

/// Inputs above this size are refused rather than read: comparing them would take memory
/// proportional to several times their size, and no real document is this large.
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// A document to read, as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
    /// `REV:PATH`, a file as it was in a commit.
    Git(String),
}

impl Input {
    /// `-` means standard input, as in every Unix tool; `REV:PATH` a file in git history,
    /// unless a file of that name exists on disk, which wins.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else if !Path::new(arg).exists() && git::split_spec(arg).is_some() {
            Input::Git(arg.to_string())
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    /// How the input is named in messages and reports.
    pub fn label(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::Path(p) => p.display().to_string(),
            Input::Git(spec) => spec.clone(),
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Encoding name for inputs that are not UTF-8 or UTF-16 with a BOM.
    pub encoding: Option<String>,
    /// Repository for `REV:PATH` inputs; by default the one around the working directory.
    pub repo: Option<PathBuf>,
}

/// A decoded document before normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub label: String,
    pub text: String,
}

/// Why an input could not be read. Every variant names the input.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{label}: {message}")]
    Io { label: String, message: String },
    #[error("{label}: is a directory, not a document")]
    Directory { label: String },
    #[error("{label}: {size} bytes is larger than the {limit}-byte limit for one document")]
    TooLarge {
        label: String,
        size: u64,
        limit: u64,
    },
    #[error("{label}: {source}")]
    Decode {
        label: String,
        #[source]
        source: DecodeError,
    },
    #[error("{label}: the document is empty")]
    Empty { label: String },
    #[error(transparent)]
    Git(#[from] git::GitError),
}

/// Read and decode one input.
pub fn read(input: &Input, options: &ReadOptions) -> Result<Source, SourceError> {
    let label = input.label();
    let bytes = match input {
        Input::Stdin => read_limited(std::io::stdin().lock(), &label, 0)?,
        Input::Path(path) => read_file(path, &label)?,
        Input::Git(spec) => {
            let repo = git::open(options.repo.as_deref())?;
            git::read_blob(&repo, spec)?
        }
    };
    from_bytes(label, bytes, options.encoding.as_deref())
}

/// Decode bytes that were read elsewhere (a git blob, a test).
pub fn from_bytes(
    label: String,
    bytes: Vec<u8>,
    encoding: Option<&str>,
) -> Result<Source, SourceError> {
    let text = decode(bytes, encoding).map_err(|source| SourceError::Decode {
        label: label.clone(),
        source,
    })?;
    if text.trim().is_empty() {
        return Err(SourceError::Empty { label });
    }
    Ok(Source { label, text })
}

fn read_file(path: &Path, label: &str) -> Result<Vec<u8>, SourceError> {
    let io = |e: std::io::Error| SourceError::Io {
        label: label.to_string(),
        message: io_message(&e),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(SourceError::Directory {
            label: label.to_string(),
        });
    }
    if meta.is_file() && meta.len() > MAX_INPUT_BYTES {
        return Err(SourceError::TooLarge {
            label: label.to_string(),
            size: meta.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // A regular file's size is known: reading into a buffer of that size (plus one byte to
    // see the end) holds the input once, not in a buffer doubled past it.
    let expected = if meta.is_file() {
        meta.len() as usize + 1
    } else {
        0
    };
    read_limited(file, label, expected)
}

/// Reads at most the size limit, so a pipe or device of unbounded size fails cleanly.
fn read_limited(reader: impl Read, label: &str, expected: usize) -> Result<Vec<u8>, SourceError> {
    let mut bytes = Vec::with_capacity(expected);
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SourceError::Io {
            label: label.to_string(),
            message: io_message(&e),
        })?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(SourceError::TooLarge {
            label: label.to_string(),
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(bytes)
}

/// `std::io::Error`'s Display appends "(os error 2)"; users want the plain reason.
fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory, not a document".to_string(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

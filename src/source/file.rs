//! Files and standard input, read whole up to the size limit, with errors in plain words.

use std::io::Read;
use std::path::Path;

use super::{MAX_INPUT_BYTES, SourceError};

/// Standard input, read to its end.
pub(super) fn read_stdin(label: &str) -> Result<Vec<u8>, SourceError> {
    read_limited(std::io::stdin().lock(), label, 0)
}

pub(super) fn read_file(path: &Path, label: &str) -> Result<Vec<u8>, SourceError> {
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
pub(super) fn io_message(e: &std::io::Error) -> String {
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

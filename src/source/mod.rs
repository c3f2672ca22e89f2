//! Where documents come from: files, standard input and git history, decoded to text. One
//! entry point, [`read`], from an [`Input`] to a [`Source`]; bytes read elsewhere are decoded
//! by [`from_bytes`].
//!
//! Inputs are read here and nowhere else; the stages after work on text. The folder of
//! shipped versions and its manifest are read here too ([`manifest`]).

#![warn(missing_docs)]

pub mod akn;
pub mod decode;
pub mod docx;
mod file;
pub mod git;
pub mod html;
pub mod manifest;
pub mod pdf;

use std::path::{Path, PathBuf};

pub use decode::{DecodeError, decode};

/// Inputs above this size are refused rather than read: comparing them would take memory
/// proportional to several times their size, and no real document is this large.
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// A document to read, as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `-`.
    Stdin,
    /// A file.
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

/// How an input's text is read: as it is, or as the document format it encodes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Reader {
    /// Plain text or Markdown, as the normalizer tells them apart.
    #[default]
    Text,
    /// Plain text, whatever it looks like (`--from text`).
    Plain,
    /// Markdown, whatever it looks like (`--from markdown`).
    Markdown,
    /// A web page: the text it shows ([`html`]).
    Html,
    /// A Word document ([`docx`]).
    Docx,
    /// An Akoma Ntoso document ([`akn`]).
    Akn,
    /// A PDF ([`pdf`]).
    Pdf,
}

/// How to read inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Encoding name for inputs that are not UTF-8 or UTF-16 with a BOM.
    pub encoding: Option<String>,
    /// The reader for every input; by default told from each input's content.
    pub from: Option<Reader>,
    /// Which text of a Word document with tracked changes to read.
    pub revisions: docx::Revisions,
    /// Repository for `REV:PATH` inputs; by default the one around the working directory.
    pub repo: Option<PathBuf>,
}

/// A decoded document before normalization.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// How the input is named in messages and reports.
    pub label: String,
    /// The decoded text.
    pub text: String,
    /// How it was read.
    pub reader: Reader,
    /// The element of a web page read as its main content, when the rest was left out
    /// (`<main>`, `<div id="law">`).
    pub main_content: Option<String>,
    /// The identifiers the source's markup gave its blocks (Akoma Ntoso `eId`s), by the
    /// 1-based line of `text` each block starts on.
    pub ids: Vec<(usize, String)>,
    /// The page of each line of `text` (index 0 for line 1), for a source with pages.
    pub pages: Vec<u32>,
    /// What the reader took out or rewrote (a PDF's running headers, its ligatures).
    pub repairs: Vec<crate::model::Repair>,
}

/// Why an input could not be read. Every variant names the input.
#[derive(Debug, thiserror::Error)]
#[allow(missing_docs, reason = "each variant's message says what it is")]
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
    // The reason is part of the message and not a `source`: a report of the whole chain
    // would otherwise say it twice.
    #[error("{label}: {reason}")]
    Decode { label: String, reason: DecodeError },
    #[error("{label}: the document is empty")]
    Empty { label: String },
    #[error("{label}: a web page with no text to read")]
    NoText { label: String },
    #[error("{label}: {reason}")]
    Pdf {
        label: String,
        reason: pdf::PdfError,
    },
    #[error("{label}: not well-formed Akoma Ntoso XML ({reason})")]
    Akn { label: String, reason: String },
    #[error("{label}: {reason}")]
    Docx {
        label: String,
        reason: docx::DocxError,
    },
    #[error("{label}: not a valid manifest: {message}")]
    Manifest { label: String, message: String },
    #[error(transparent)]
    Git(#[from] git::GitError),
}

/// Read and decode one input.
pub fn read(input: &Input, options: &ReadOptions) -> Result<Source, SourceError> {
    read_as(input, input.label(), options)
}

/// Read and decode one input under a name of the caller's, in reports and messages alike:
/// git's external diff hands over a temporary file that stands for `a/PATH`.
pub fn read_as(input: &Input, label: String, options: &ReadOptions) -> Result<Source, SourceError> {
    let bytes = match input {
        Input::Stdin => file::read_stdin(&label)?,
        Input::Path(path) => file::read_file(path, &label)?,
        Input::Git(spec) => git::Repo::open(options.repo.as_deref())?.read_spec(spec)?,
    };
    decode_input(label, bytes, options)
}

/// Decode the bytes of an input, read from a file, standard input or git: a Word document by
/// its reader, the rest by their encoding, then as a web page or text.
pub fn decode_input(
    label: String,
    bytes: Vec<u8>,
    options: &ReadOptions,
) -> Result<Source, SourceError> {
    let pdf = match options.from {
        Some(reader) => reader == Reader::Pdf,
        None => pdf::looks_like_pdf(&bytes),
    };
    if pdf {
        let read = pdf::read(&bytes).map_err(|reason| SourceError::Pdf {
            label: label.clone(),
            reason,
        })?;
        return Ok(Source {
            label,
            text: read.text,
            reader: Reader::Pdf,
            pages: read.pages,
            repairs: read.repairs,
            ..Source::default()
        });
    }
    let word = match options.from {
        Some(Reader::Docx) => true,
        Some(_) => false,
        None => docx::looks_like_zip(&bytes) || docx::looks_like_compound_file(&bytes),
    };
    if word && docx::looks_like_compound_file(&bytes) {
        return Err(SourceError::Docx {
            label,
            reason: docx::DocxError::Compound,
        });
    }
    if word {
        let text =
            docx::to_text(&bytes, options.revisions).map_err(|reason| SourceError::Docx {
                label: label.clone(),
                reason,
            })?;
        if text.trim().is_empty() {
            return Err(SourceError::Empty { label });
        }
        return Ok(Source {
            label,
            text,
            reader: Reader::Docx,
            ..Source::default()
        });
    }
    from_bytes_as(label, bytes, options.encoding.as_deref(), options.from)
}

/// An empty input as `None`, as a file is before its first version or after its deletion;
/// every other outcome as it is.
pub fn empty_as_none(read: Result<Source, SourceError>) -> Result<Option<Source>, SourceError> {
    match read {
        Ok(source) => Ok(Some(source)),
        Err(SourceError::Empty { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Decode bytes that were read elsewhere (a git blob, a test), with the reader their content
/// calls for.
pub fn from_bytes(
    label: String,
    bytes: Vec<u8>,
    encoding: Option<&str>,
) -> Result<Source, SourceError> {
    from_bytes_as(label, bytes, encoding, None)
}

/// Decode bytes with the reader given (`--from`), or the one their content calls for: a web
/// page is read as the text it shows.
pub fn from_bytes_as(
    label: String,
    bytes: Vec<u8>,
    encoding: Option<&str>,
    from: Option<Reader>,
) -> Result<Source, SourceError> {
    let mut text = decode(bytes, encoding).map_err(|reason| SourceError::Decode {
        label: label.clone(),
        reason,
    })?;
    let reader = from.unwrap_or(if akn::looks_like_akn(&text) {
        Reader::Akn
    } else if html::looks_like_html(&text) {
        Reader::Html
    } else {
        Reader::Text
    });
    let mut ids = Vec::new();
    if reader == Reader::Akn {
        let read = akn::read(&text).map_err(|reason| SourceError::Akn {
            label: label.clone(),
            reason,
        })?;
        text = read.text;
        ids = read.ids;
    }
    let mut main_content = None;
    if reader == Reader::Html {
        let page = html::read(&text);
        if page.text.trim().is_empty() {
            return Err(SourceError::NoText { label });
        }
        text = page.text;
        main_content = page.main_content;
    }
    if text.trim().is_empty() {
        return Err(SourceError::Empty { label });
    }
    Ok(Source {
        label,
        text,
        reader,
        main_content,
        ids,
        ..Source::default()
    })
}

//! Reports: every result rendered in the formats people and programs read. One entry point,
//! [`render`], and one renderer shape, [`Renderer`]: a result, the [`View`] the reader asked
//! for, and where to write. Which formats a result has, and which renderer draws each, is
//! said once, in the [`Report`] implementations below. Renderers compute nothing the result
//! does not already hold.
//!
//! - [`terminal`]: text for people, coloured or not, safe from what a document holds;
//! - [`json`]: the JSON contracts, whose schemas [`schema`] generates;
//! - [`html`] and [`markdown`]: pages and pull-request comments;
//! - [`tsv`] and [`tmx`]: alignments for spreadsheets and translation tools.

#![warn(missing_docs)]

pub mod html;
pub mod json;
pub mod markdown;
mod naming;
pub mod schema;
pub mod seams;
pub mod terminal;
pub mod tmx;
pub mod tsv;

use std::io;

use crate::diff::Comparison;
use crate::history::{Blame, Log, Timeline};
use crate::normalize::Outline;
use crate::refs::References;
use crate::source::manifest::Manifest;
use crate::translation::Alignment;
pub use terminal::Paint;

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Text for a terminal or a pager.
    Text,
    /// The result's JSON contract.
    Json,
    /// One self-contained page.
    Html,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// Tab-separated values.
    Tsv,
    /// TMX 1.4b.
    Tmx,
}

impl Format {
    /// The name `--format` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Tsv => "tsv",
            Format::Tmx => "tmx",
        }
    }

    /// The name in prose.
    pub fn title(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "JSON",
            Format::Html => "HTML",
            Format::Markdown => "Markdown",
            Format::Tsv => "TSV",
            Format::Tmx => "TMX",
        }
    }
}

/// What the reader asked to see. Text reports read all of it; the other formats hold
/// everything and ignore it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// Colour, decided once for the run.
    pub paint: Paint,
    /// Show unchanged entries too.
    pub all: bool,
    /// Unchanged entries shown around each difference.
    pub context: usize,
    /// Columns to wrap at.
    pub width: usize,
    /// Show only the rows of an alignment that have findings.
    pub only_findings: bool,
    /// Show only the pairs of an alignment whose confidence is below this many hundredths.
    pub review_below: Option<u8>,
    /// Show a comparison's changed entries in two columns, old and new, in the terminal.
    pub side_by_side: bool,
}

impl Default for View {
    fn default() -> Self {
        View {
            paint: Paint { color: false },
            all: false,
            context: 0,
            width: 100,
            only_findings: false,
            review_below: None,
            side_by_side: false,
        }
    }
}

/// The shape of every renderer: a result, the view, and where to write.
pub type Renderer<T> = fn(&T, &View, &mut dyn io::Write) -> io::Result<()>;

/// A result that reports render, and its renderers by format.
pub trait Report: Sized + 'static {
    /// What the result is, in prose: `the comparison`.
    const NAME: &'static str;
    /// The formats the result has, each with its renderer.
    const RENDERERS: &'static [(Format, Renderer<Self>)];
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The result has no such format.
    #[error("{what} has no {format} form; use {supported}")]
    Unsupported {
        /// The result, in prose.
        what: &'static str,
        /// The format asked for.
        format: &'static str,
        /// The formats it has.
        supported: String,
    },
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Render `result` in `format` into `out`.
pub fn render<T: Report>(
    result: &T,
    format: Format,
    view: &View,
    out: &mut dyn io::Write,
) -> Result<(), Error> {
    Ok(renderer::<T>(format)?(result, view, out)?)
}

/// Whether a result of type `T` has `format`: an error saying which formats it has if not.
/// Callers that open an output first ask this, so a report that cannot be written does not
/// open one.
pub fn supports<T: Report>(format: Format) -> Result<(), Error> {
    renderer::<T>(format).map(|_| ())
}

fn renderer<T: Report>(format: Format) -> Result<Renderer<T>, Error> {
    match T::RENDERERS.iter().find(|(f, _)| *f == format) {
        Some((_, renderer)) => Ok(*renderer),
        None => Err(Error::Unsupported {
            what: T::NAME,
            format: format.title(),
            supported: supported(T::RENDERERS),
        }),
    }
}

/// `text, json or html`.
fn supported<T>(renderers: &[(Format, Renderer<T>)]) -> String {
    let names: Vec<&str> = renderers.iter().map(|(f, _)| f.as_str()).collect();
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Each result's name and its renderers by format, as one table: the one place where
/// formats are chosen.
macro_rules! reports {
    ($($result:ty: $name:literal { $($format:ident => $renderer:path),+ $(,)? })*) => {
        $(impl Report for $result {
            const NAME: &'static str = $name;
            const RENDERERS: &'static [(Format, Renderer<Self>)] =
                &[$((Format::$format, $renderer)),+];
        })*
    };
}

reports! {
    Comparison: "the comparison" {
        Text => terminal::diff::render,
        Json => json::comparison,
        Html => html::diff::render,
        Markdown => markdown::render,
    }
    Outline: "the outline" {
        Text => terminal::outline::render,
        Json => json::write,
    }
    Alignment: "the alignment" {
        Text => terminal::translation::render,
        Json => json::write,
        Html => html::translation::render,
        Tsv => tsv::render,
        Tmx => tmx::render,
    }
    Timeline: "the timeline of three or more versions" {
        Text => terminal::history::timeline,
        Json => json::write,
        Html => html::timeline::render,
    }
    Log: "the log" {
        Text => terminal::history::log,
        Json => json::write,
    }
    Blame: "the blame" {
        Text => terminal::history::blame,
        Json => json::write,
    }
    References: "the references" {
        Text => terminal::refs::render,
        Json => json::write,
        Markdown => markdown::references,
    }
    Manifest: "the list of versions" {
        Text => terminal::versions::render,
        Json => json::write,
    }
}

/// A report rendered into a string, for tests and callers that want one.
pub fn to_string<T: Report>(result: &T, format: Format, view: &View) -> Result<String, Error> {
    let mut out = Vec::new();
    render(result, format, view, &mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_a_result_lacks_is_an_error_naming_those_it_has() {
        let timeline = Timeline {
            schema: crate::history::TIMELINE_SCHEMA.to_string(),
            versions: Vec::new(),
            options: crate::diff::Options::default(),
            blocks: Vec::new(),
        };
        let err = to_string(&timeline, Format::Markdown, &View::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the timeline of three or more versions has no Markdown form; use text, json or html"
        );
    }
}

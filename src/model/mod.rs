//! The document model every stage shares: an ordered list of blocks (headings and
//! paragraphs), plus what the normalizer noticed (findings) and changed (repairs).
//!
//! These types are also the `accord.outline/1` wire format, so field names here are a
//! public contract: add fields, never rename them.

#![warn(missing_docs)]

mod text;

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use text::Text;

/// Whether a block is a heading or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BlockType {
    /// A title that opens a section.
    Heading,
    /// Text under a heading, or in the preamble.
    Paragraph,
}

/// One heading or paragraph of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Block {
    /// Heading or paragraph.
    #[serde(rename = "type")]
    pub kind: BlockType,
    /// Heading level, 1 for the outermost; absent on paragraphs.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub level: Option<u8>,
    /// The numbering label as printed (`"4.1"`, `"Article premier"`, `"第一条"`, `"(2)"`),
    /// or the empty string for an unnumbered block.
    pub label: String,
    /// The number in a comparable form (`"4.1"`, `"1"`, `"4c"`), null when unnumbered.
    pub number: Option<String>,
    /// Numbers (or titles, for unnumbered headings) of the enclosing headings, outermost
    /// first; a heading's own path ends with itself.
    // Shared by the blocks of one section rather than copied into each.
    pub section: Arc<[String]>,
    /// 1-based line in the source where the block starts.
    pub line: usize,
    /// Normalized text without the label: whitespace collapsed, NFC, repairs applied.
    pub text: Text,
    /// Where the block's source text lies in [`Document::source`], as a byte range (label
    /// and markup included; see [`Document::original`]). In memory only: left out of JSON,
    /// where the text would double the size.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// True for unnumbered paragraphs before the first numbered heading.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub preamble: bool,
    /// True for a heading of a sequence of headings of one shape (`Article N`, `N. artikla.`,
    /// `N бап`): it tells itself from the others by its number alone. In memory only.
    #[serde(skip)]
    pub recurring: bool,
    /// The identifier the source gave the block's element (an Akoma Ntoso `eId`): reports
    /// can link to it, and a later version's block with the same one is paired with it first.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub eid: Option<String>,
    /// The 1-based page the block starts on, for a source with pages (a PDF).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub page: Option<u32>,
}

impl Block {
    /// Whether the block is a heading.
    pub fn is_heading(&self) -> bool {
        self.kind == BlockType::Heading
    }

    /// Where the block starts, as a reader finds it: `line 25`, or `page 4, line 25` in a
    /// source with pages.
    pub fn place(&self) -> String {
        match self.page {
            Some(page) => format!("page {page}, line {}", self.line),
            None => format!("line {}", self.line),
        }
    }

    /// Label and text as a reader sees them: `"3.2. Combating terrorism…"`.
    pub fn display_text(&self) -> String {
        match (self.label.is_empty(), self.text.is_empty()) {
            (true, _) => self.text.to_string(),
            (false, true) => self.label.clone(),
            (false, false) => format!("{} {}", self.label, self.text),
        }
    }
}

/// Something odd about a document's structure, reported but not changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// What kind of oddity.
    pub kind: FindingKind,
    /// 1-based line in the source where it is.
    pub line: usize,
    /// What is odd, for people.
    pub message: String,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
/// The kinds of [`Finding`].
pub enum FindingKind {
    /// A number is skipped.
    Gap,
    /// A number appears twice in a row.
    Duplicate,
    /// A number comes after a higher one.
    OutOfOrder,
    /// A numbered paragraph is run into the end of the previous one.
    RunIn,
    /// Headings of one level disagree on a final dot.
    HeadingPunctuation,
    /// A numbered heading has no paragraphs.
    EmptySection,
}

impl FindingKind {
    /// Every kind, in the order of the enum: what `--fail-on` offers.
    pub const ALL: [FindingKind; 6] = [
        FindingKind::Gap,
        FindingKind::Duplicate,
        FindingKind::OutOfOrder,
        FindingKind::RunIn,
        FindingKind::HeadingPunctuation,
        FindingKind::EmptySection,
    ];

    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Gap => "gap",
            FindingKind::Duplicate => "duplicate",
            FindingKind::OutOfOrder => "out-of-order",
            FindingKind::RunIn => "run-in",
            FindingKind::HeadingPunctuation => "heading-punctuation",
            FindingKind::EmptySection => "empty-section",
        }
    }
}

/// A change the normalizer made to damaged text, recorded so nothing happens silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Repair {
    /// What was repaired.
    pub kind: RepairKind,
    /// 1-based line in the source where it was.
    pub line: usize,
    /// The damaged text, with a word of context.
    pub before: String,
    /// The same text repaired (a line break shown as `\n`).
    pub after: String,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
/// The kinds of [`Repair`].
pub enum RepairKind {
    /// A word broken at a line end by PDF extraction, joined.
    Hyphenation,
    /// A space lost after a sentence end, put back.
    MissingSpace,
    /// A numbered paragraph run into the previous one, split off.
    RunIn,
    /// A PDF's running header or footer line, repeated across its pages, removed.
    RunningHeader,
    /// A PDF's page number, removed.
    PageNumber,
    /// A ligature character (`ﬁ`) written as its letters.
    Ligature,
}

impl RepairKind {
    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            RepairKind::Hyphenation => "hyphenation",
            RepairKind::MissingSpace => "missing-space",
            RepairKind::RunIn => "run-in",
            RepairKind::RunningHeader => "running-header",
            RepairKind::PageNumber => "page-number",
            RepairKind::Ligature => "ligature",
        }
    }
}

/// One version of a text, as the stages after the normalizer take it: its document and the
/// name it goes by in reports (a path, `<stdin>`, `REV:PATH`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Version {
    /// How the input was named on the command line, or where it came from.
    pub label: String,
    /// The normalized document.
    pub document: Document,
}

impl Version {
    /// A version named `label`.
    pub fn new(label: impl Into<String>, document: Document) -> Version {
        Version {
            label: label.into(),
            document,
        }
    }
}

impl<'a> From<&'a Version> for std::borrow::Cow<'a, Version> {
    fn from(version: &'a Version) -> Self {
        std::borrow::Cow::Borrowed(version)
    }
}

impl From<Version> for std::borrow::Cow<'_, Version> {
    fn from(version: Version) -> Self {
        std::borrow::Cow::Owned(version)
    }
}

/// How a document was read: the reader its input called for (or `--from` named).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReadAs {
    /// Plain text.
    #[default]
    Text,
    /// Markdown (`#` headings, front matter).
    Markdown,
    /// A web page, as the text it shows.
    Html,
    /// A Word document, as Word shows it.
    Docx,
    /// An Akoma Ntoso document.
    Akn,
    /// A PDF, as the text of its pages.
    Pdf,
}

impl ReadAs {
    /// The name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ReadAs::Text => "text",
            ReadAs::Markdown => "markdown",
            ReadAs::Html => "html",
            ReadAs::Docx => "docx",
            ReadAs::Akn => "akn",
            ReadAs::Pdf => "pdf",
        }
    }
}

/// A normalized document: what every later stage works on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Headings and paragraphs, in document order.
    pub blocks: Vec<Block>,
    /// What is odd about the numbering, by line.
    pub findings: Vec<Finding>,
    /// What was repaired, by line.
    pub repairs: Vec<Repair>,
    /// Front matter (`key: value` lines of a YAML header): metadata, never blocks.
    pub metadata: Vec<(String, String)>,
    /// The decoded text the blocks were read from. Blocks point into it rather than copy
    /// it, which keeps a large document's footprint near its own size.
    pub source: Arc<String>,
    /// How the input was read.
    pub read_as: ReadAs,
    /// The element of a web page read as its main content, the rest of the page left out.
    pub main_content: Option<String>,
}

impl Document {
    /// The headings, in order.
    pub fn headings(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.is_heading())
    }

    /// The paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| !b.is_heading())
    }

    /// The source text of a block of this document exactly as read, line breaks included.
    pub fn original(&self, block: &Block) -> &str {
        self.source.get(block.span.clone()).unwrap_or("")
    }

    /// The visible characters (neither whitespace nor invisible: a stray BOM or zero-width
    /// space on a line of its own makes a blank line) the blocks hold, and those of the
    /// text they were read from: equal when nothing was lost, front matter aside.
    pub fn visible_characters(&self) -> (usize, usize) {
        let visible = |c: &char| !c.is_whitespace() && !crate::text::is_invisible(*c);
        let kept = self
            .blocks
            .iter()
            .map(|b| self.original(b).chars().filter(visible).count())
            .sum();
        (kept, self.source.chars().filter(visible).count())
    }

    /// True when no block carries a number: comparison then rests on content alone.
    pub fn is_unnumbered(&self) -> bool {
        self.blocks.iter().all(|b| b.number.is_none())
    }
}

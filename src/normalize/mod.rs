//! The normalizer: raw text to a [`Document`] of headings and paragraphs, without losing a
//! word. One entry point, [`document`] (and [`version`] for a decoded input).
//!
//! The steps, in order: segment the text into units (`segment`), split run-in paragraphs
//! (`run_in`), read each unit's label (`label`) and make it a block
//! (`structure`), repair damaged words (`repair`, asking
//! `vocabulary` which words the document spells), tell headings from
//! paragraphs and nest them (`structure`), and check the numbering
//! (`findings`). Every rule is general: nothing here knows any particular
//! document.

#![warn(missing_docs)]

mod findings;
mod label;
mod ranges;
mod references;
mod repair;
mod run_in;
mod segment;
mod sequences;
mod structure;
mod vocabulary;

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Block, Document, Finding, ReadAs, Repair, Version};
use crate::source::{Reader, Source};
pub use segment::Syntax;
use structure::{Extra, LabelShape};

/// How to normalize.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Repair PDF damage (hyphenation, lost spaces, run-in paragraphs). On by default;
    /// `--no-repair` turns it off, and run-ins are then only reported.
    pub repair: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { repair: true }
    }
}

/// The `schema` field of an [`Outline`].
pub const OUTLINE_SCHEMA: &str = "accord.outline/1";

/// The outline of one document, as `accord outline` reports it: the `accord.outline/1`
/// contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Outline {
    /// Always `"accord.outline/1"`.
    pub schema: String,
    /// The input as named on the command line.
    pub label: String,
    /// Headings and paragraphs, in document order.
    pub blocks: Vec<Block>,
    /// What is odd about the numbering, by line.
    pub findings: Vec<Finding>,
    /// What was repaired, by line.
    pub repairs: Vec<Repair>,
    /// Front matter of the document (`key: value`), which is metadata and not blocks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metadata: Vec<(String, String)>,
    /// How the input was read: `text`, `markdown`, `html` (a web page, as the text it
    /// shows), `docx` (a Word document, as Word shows it) or `akn` (Akoma Ntoso).
    #[serde(default = "text_reader")]
    pub reader: String,
    /// For a web page read in part: the element read as its main content, as its start tag
    /// shows it (`<main>`, `<div id="law">`); the rest of the page was left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_content: Option<String>,
}

fn text_reader() -> String {
    "text".to_string()
}

impl Outline {
    /// The outline of a version.
    pub fn of(version: &Version) -> Outline {
        let document = &version.document;
        Outline {
            schema: OUTLINE_SCHEMA.to_string(),
            label: version.label.clone(),
            blocks: document.blocks.clone(),
            findings: document.findings.clone(),
            repairs: document.repairs.clone(),
            metadata: document.metadata.clone(),
            reader: document.read_as.as_str().to_string(),
            main_content: document.main_content.clone(),
        }
    }
}

/// Normalize a decoded document. The document keeps the text (a `String` is moved in, a
/// `&str` copied) and its blocks point into it.
pub fn document(source: impl Into<String>, options: &Options) -> Document {
    document_as(source, options, None)
}

/// `document`, told how the text marks its structure (`None`: by its content).
pub fn document_as(
    source: impl Into<String>,
    options: &Options,
    syntax: Option<Syntax>,
) -> Document {
    let source: Arc<String> = Arc::new(source.into());
    let (blocks, findings, repairs, metadata, markdown) = {
        let segmented = segment::segment(&source, syntax);
        let markdown = segmented.markdown();
        let syntax = segmented.syntax;
        let mut findings = Vec::new();
        let mut repairs = Vec::new();
        let units = run_in::split_run_ins(segmented.units, options, &mut findings, &mut repairs);

        // Blocks are built at once and refined in place: a second, transient copy of a
        // large document's structure would cost as much memory as its text.
        let empty_path: Arc<[String]> = Arc::from(Vec::new());
        let (mut blocks, mut extras): (Vec<Block>, Vec<Extra>) = units
            .iter()
            .map(|u| structure::read_unit(u, &source, &empty_path, markdown))
            .unzip();
        if options.repair {
            repair::repair_words(&source, &units, &mut blocks, &mut repairs);
        }
        drop(units);
        structure::classify(&mut blocks, &extras, syntax, &source);
        if !markdown {
            // Headings the label reader vouches for stay as they are; the rest may belong to
            // a sequence that only the document's repetition shows.
            let settled: Vec<bool> = (blocks.iter().zip(&extras))
                .map(|(b, e)| b.is_heading() && e.shape.is_some())
                .collect();
            let mut members = sequences::find(&blocks, &extras, &settled);
            if syntax == Syntax::Marked {
                // A structured document declares its headings and numbers its paragraphs: a
                // recurring line it did not declare is a heading only when it has no number
                // or is its number alone (`APPENDIX A`); a numbered paragraph with text
                // ("322. See supra Section III.B.2.", a note) stays a paragraph.
                for (member, block) in members.iter_mut().zip(&blocks) {
                    if !block.label.is_empty() && !block.text.is_empty() {
                        *member = None;
                    }
                }
            }
            sequences::apply(&mut blocks, &mut extras, members);
            structure::demote_lists(&mut blocks, &extras);
            structure::demote_lone_bodies(&mut blocks, &extras);
        }
        references::unlabel_leading_references(&mut blocks, &mut extras, &source);
        structure::structure(&mut blocks, &extras, syntax);
        let styles: Vec<LabelShape> = extras.into_iter().map(|e| e.shape).collect();
        findings.extend(findings::check(&blocks, &styles));
        findings.sort_by_key(|f| (f.line, f.kind));
        repairs.sort_by_key(|r| r.line);
        (blocks, findings, repairs, segmented.metadata, markdown)
    };
    Document {
        blocks,
        findings,
        repairs,
        metadata,
        source,
        read_as: if markdown {
            ReadAs::Markdown
        } else {
            ReadAs::Text
        },
        main_content: None,
    }
}

/// A decoded input as a version: its label, and its text normalized.
pub fn version(source: Source, options: &Options) -> Version {
    let syntax = match source.reader {
        Reader::Plain => Some(Syntax::Plain),
        Reader::Markdown => Some(Syntax::Markdown),
        Reader::Html | Reader::Docx | Reader::Akn => Some(Syntax::Marked),
        Reader::Text | Reader::Pdf => None,
    };
    // A Word or Akoma Ntoso document's text is what its author typed, not what a PDF
    // extractor left: a "rights- including" there is the author's dash, not a word broken
    // at a line end.
    let word = Options {
        repair: options.repair && !matches!(source.reader, Reader::Docx | Reader::Akn),
    };
    let mut document = document_as(source.text, &word, syntax);
    document.main_content = source.main_content;
    if !source.pages.is_empty() {
        for block in &mut document.blocks {
            block.page = source.pages.get(block.line.wrapping_sub(1)).copied();
        }
        document.repairs.extend(source.repairs);
        document.repairs.sort_by_key(|r| r.line);
    }
    if !source.ids.is_empty() {
        let ids: std::collections::HashMap<usize, String> = source.ids.into_iter().collect();
        for block in &mut document.blocks {
            block.eid = ids.get(&block.line).cloned();
        }
    }
    match source.reader {
        Reader::Html => document.read_as = ReadAs::Html,
        Reader::Docx => document.read_as = ReadAs::Docx,
        Reader::Akn => document.read_as = ReadAs::Akn,
        Reader::Pdf => document.read_as = ReadAs::Pdf,
        Reader::Text | Reader::Plain | Reader::Markdown => {}
    }
    Version::new(source.label, document)
}

/// A version of a file that may be empty, as a file is before it is created or after it is
/// deleted: without blocks then. Named `label` either way.
pub fn version_or_empty(source: Option<Source>, label: String, options: &Options) -> Version {
    match source {
        Some(source) => version(Source { label, ..source }, options),
        None => Version::new(label, Document::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BlockType, FindingKind, RepairKind};

    fn doc(text: &str) -> Document {
        document(text, &Options::default())
    }

    #[test]
    fn heading_and_paragraph_sharing_a_number() {
        let d = doc(
            "1. CREATION, ESTABLISHMENT\n\n1. The SCO was formed in 2001.\n\n1.1. Details\n\n2. It grew.\n",
        );
        let kinds: Vec<_> = d
            .blocks
            .iter()
            .map(|b| (b.kind, b.level, b.section.to_vec()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (BlockType::Heading, Some(1), vec!["1".to_string()]),
                (BlockType::Paragraph, None, vec!["1".to_string()]),
                (
                    BlockType::Heading,
                    Some(2),
                    vec!["1".to_string(), "1.1".to_string()]
                ),
                (
                    BlockType::Paragraph,
                    None,
                    vec!["1".to_string(), "1.1".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn unnumbered_headings_and_preamble() {
        let d = doc(
            "Universal Declaration\n\nPreamble\n\nWhereas one,\n\nThe General Assembly\n\nProclaims this.\n\nArticle 1\n\nAll are free.\n",
        );
        let summary: Vec<_> = d
            .blocks
            .iter()
            .map(|b| (b.kind, b.preamble, b.text.as_str()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (BlockType::Heading, false, "Universal Declaration"),
                (BlockType::Heading, false, "Preamble"),
                (BlockType::Paragraph, true, "Whereas one,"),
                (BlockType::Paragraph, true, "The General Assembly"),
                (BlockType::Paragraph, true, "Proclaims this."),
                (BlockType::Heading, false, ""),
                (BlockType::Paragraph, false, "All are free."),
            ]
        );
        assert_eq!(*d.blocks[6].section, ["1"]);
    }

    #[test]
    fn run_in_paragraph_is_split_and_reported() {
        let d =
            doc("1. TITLE\n\n1. First ends.\n\n2. Second ends here.3. Third starts. It goes on.\n");
        let numbers: Vec<_> = d.paragraphs().map(|b| b.number.clone().unwrap()).collect();
        assert_eq!(numbers, vec!["1", "2", "3"]);
        assert_eq!(d.repairs[0].kind, RepairKind::RunIn);
        assert!(
            d.findings
                .iter()
                .any(|f| f.kind == FindingKind::RunIn && f.line == 5)
        );
        let unrepaired = document(
            "1. A.\n\n2. B ends.3. Third starts.\n",
            &Options { repair: false },
        );
        assert_eq!(unrepaired.blocks.len(), 2);
        assert!(
            unrepaired
                .findings
                .iter()
                .any(|f| f.kind == FindingKind::RunIn)
        );
        assert!(unrepaired.repairs.is_empty());
    }

    #[test]
    fn markdown_headings_and_items() {
        let d = doc(
            "# Title\n\n## I. - Die Grundrechte\n\n### Art 1\n\n(1) Die Würde\nist unantastbar.\n\n1.  über etwas\n    weiteres;\n",
        );
        let summary: Vec<_> = d
            .blocks
            .iter()
            .map(|b| (b.kind, b.level, b.label.as_str(), b.text.as_str()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (BlockType::Heading, Some(1), "", "Title"),
                (BlockType::Heading, Some(2), "I.", "Die Grundrechte"),
                (BlockType::Heading, Some(3), "Art 1", ""),
                (
                    BlockType::Paragraph,
                    None,
                    "(1)",
                    "Die Würde ist unantastbar."
                ),
                (BlockType::Paragraph, None, "1.", "über etwas weiteres;"),
            ]
        );
        assert_eq!(*d.blocks[3].section, ["1", "1"]);
    }
}

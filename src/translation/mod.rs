//! Translation alignment: pair the blocks of two or more language versions and check each
//! row. One entry point, [`align`], from language versions to one [`Alignment`], the
//! `accord.align/1` contract.
//!
//! The first version is the pivot; each other version is aligned to it
//! (`pairwise`), and the pairwise links are joined on the pivot's blocks into
//! rows across all versions (`rows`). Signals, strongest first: matching
//! number labels in any numbering script (`第一条` = `Статья 1` = `Article premier`, all
//! number `1`), which anchor the alignment; then, in each stretch between anchors, a dynamic
//! programme in the manner of Gale and Church that pairs blocks one-to-one, one-to-two or
//! two-to-one (or leaves one unmatched) by heading structure, shared numbers and Latin-script
//! tokens (`anchors`), and length ratio. Translations keep the order of their original, so
//! the alignment is monotone. Each row is then checked (`checks`).

#![warn(missing_docs)]

mod anchors;
mod checks;
pub use checks::unshared_numbers;
mod cost;
pub mod lang;
mod lexicon;
mod pairwise;
mod refine;
mod rows;
mod stretch;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Block, Version};

/// The `schema` field of an [`Alignment`].
pub const SCHEMA: &str = "accord.align/1";

/// A language version to align: a version of the text and its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageVersion {
    /// The text and its label.
    pub version: Version,
    /// BCP 47 code, detected ([`lang::detect`]) or given with `--lang`.
    pub language: String,
}

/// The evidence a row was paired by.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "MatchedBy")]
pub enum Evidence {
    /// The same number label (in any numbering script).
    Number,
    /// The same text: versions in one language agreeing on a block.
    Text,
    /// Both are headings, between the same anchors.
    Heading,
    /// The only blocks between two anchors, or at the same place in versions the pivot lacks.
    Position,
    /// Numbers, dates or Latin-script tokens that survive translation.
    Anchors,
    /// Words the two versions' sure pairs show to translate each other.
    Words,
    /// Length ratio alone.
    Length,
}

impl Evidence {
    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Number => "number",
            Evidence::Text => "text",
            Evidence::Heading => "heading",
            Evidence::Position => "position",
            Evidence::Anchors => "anchors",
            Evidence::Words => "words",
            Evidence::Length => "length",
        }
    }
}

/// What a [`Discrepancy`] is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Check {
    /// Numbers, years, dates or symbols that differ.
    Numbers,
    /// A block without counterpart, or two blocks against one.
    Missing,
    /// A length-ratio outlier: a possible omission or addition.
    Length,
    /// A block that reads the same as the pivot's in another language.
    Untranslated,
    /// An empty paragraph.
    Empty,
    /// A numbered heading against a paragraph.
    Heading,
}

impl Check {
    /// Every check, in the order of the enum: what `--fail-on` offers.
    pub const ALL: [Check; 6] = [
        Check::Numbers,
        Check::Missing,
        Check::Length,
        Check::Untranslated,
        Check::Empty,
        Check::Heading,
    ];

    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Check::Numbers => "numbers",
            Check::Missing => "missing",
            Check::Length => "length",
            Check::Untranslated => "untranslated",
            Check::Empty => "empty",
            Check::Heading => "heading",
        }
    }
}

/// Something in a row that does not line up, naming the texts of both versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Finding")]
pub struct Discrepancy {
    /// The check that found it.
    pub check: Check,
    /// What differs, for people.
    pub message: String,
}

/// Blocks of every version that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Pair")]
pub struct Row {
    /// One list per document, in argument order; empty where that document has no
    /// counterpart, two blocks where it split what another has as one.
    pub blocks: Vec<Vec<Block>>,
    /// How the pair was found; null for a block no other document matches.
    pub matched_by: Option<Evidence>,
    /// How sure the pairing is, from 0 to 1.
    pub confidence: f64,
    /// What the checks found in this row.
    pub findings: Vec<Discrepancy>,
    /// Documents (by position, from 0) whose one block here stands against two of the
    /// pivot's and fits either alone, not both: they left one of the two out, and nothing
    /// tells which. Absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undecided: Vec<usize>,
}

/// One aligned version, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentInfo {
    /// The input as named on the command line.
    pub label: String,
    /// BCP 47 code, detected from the script or given with `--lang`.
    pub language: String,
    /// Number of blocks.
    pub blocks: usize,
}

/// Counts over the rows of an alignment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Summary")]
pub struct AlignmentSummary {
    /// Number of rows.
    pub pairs: usize,
    /// Pairs with at least one finding.
    pub pairs_with_findings: usize,
    /// Findings in all rows.
    pub findings: usize,
    /// Findings by check.
    pub checks: BTreeMap<String, usize>,
    /// Pairs by how they were matched (`none` for blocks without counterpart).
    pub matched_by: BTreeMap<String, usize>,
}

/// The `accord.align/1` contract: the rows of an alignment of language versions, in the
/// pivot's order, each block of each version in exactly one row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Alignment {
    /// Always `"accord.align/1"`.
    pub schema: String,
    /// The versions, in argument order; the first is the pivot.
    pub documents: Vec<DocumentInfo>,
    /// The rows.
    pub pairs: Vec<Row>,
    /// Counts over the rows.
    pub summary: AlignmentSummary,
}

/// Align language versions; the first is the pivot the others are aligned to.
pub fn align(versions: &[LanguageVersion]) -> Alignment {
    let documents: Vec<DocumentInfo> = versions
        .iter()
        .map(|v| DocumentInfo {
            label: v.version.label.clone(),
            language: v.language.clone(),
            blocks: v.version.document.blocks.len(),
        })
        .collect();
    let Some((pivot, others)) = versions.split_first() else {
        return finish(documents, Vec::new());
    };
    let links: Vec<Vec<pairwise::Link>> = others
        .iter()
        .map(|other| pairwise::links(&pivot.version.document, &other.version.document))
        .collect();
    let mut rows = rows::join(versions, &links);
    for row in &mut rows {
        row.findings = checks::check(row, &documents);
    }
    checks::length_findings(&documents, &mut rows);
    finish(documents, rows)
}

fn finish(documents: Vec<DocumentInfo>, pairs: Vec<Row>) -> Alignment {
    let summary = summarize(&pairs);
    Alignment {
        schema: SCHEMA.to_string(),
        documents,
        pairs,
        summary,
    }
}

fn summarize(rows: &[Row]) -> AlignmentSummary {
    let mut summary = AlignmentSummary {
        pairs: rows.len(),
        ..AlignmentSummary::default()
    };
    for row in rows {
        summary.findings += row.findings.len();
        summary.pairs_with_findings += usize::from(!row.findings.is_empty());
        for f in &row.findings {
            *summary
                .checks
                .entry(f.check.as_str().to_string())
                .or_default() += 1;
        }
        let by = row.matched_by.map_or("none", Evidence::as_str);
        *summary.matched_by.entry(by.to_string()).or_default() += 1;
    }
    summary
}

//! Checks of a document's numbering: gaps, duplicates, numbers out of order, inconsistent
//! heading punctuation and empty sections. Run-ins are found earlier, where they are split.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::label::Style;
use super::label::ordinal;
use super::structure::LabelShape;
use crate::model::{Block, BlockType, Finding, FindingKind};

/// Numbers of one sequence: headings of one style under one parent (`3.1`, `3.2` under
/// `3`), or paragraphs of one style.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct SequenceKey<'a> {
    kind: BlockType,
    style: &'a Style,
    /// `None` rather than `""` for a top-level sequence: comparing empty strings goes
    /// through `memcmp` with a dangling pointer, which costs some CPUs a slow assist on
    /// every lookup.
    parent: Option<&'a str>,
}

struct Last<'a> {
    value: (u32, Option<char>),
    number: &'a str,
    section: &'a std::sync::Arc<[String]>,
    /// Index of the block, to tell whether numbered paragraphs of other styles came since:
    /// a list nested under an item (`(1)` … `1.` `2.` … `(2)` … `1.`) restarts at 1
    /// without being out of order.
    index: usize,
}

pub(super) fn check(blocks: &[Block], shapes: &[LabelShape]) -> Vec<Finding> {
    let mut findings = sequence_findings(blocks, shapes);
    findings.extend(punctuation_findings(blocks, shapes));
    findings.extend(empty_sections(blocks));
    findings
}

fn noun(kind: BlockType) -> &'static str {
    match kind {
        BlockType::Heading => "heading",
        BlockType::Paragraph => "paragraph",
    }
}

fn sequence_findings(blocks: &[Block], shapes: &[LabelShape]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut last: rustc_hash::FxHashMap<SequenceKey<'_>, Last<'_>> = Default::default();
    // The latest numbered paragraph of each style, by block index: a handful of styles,
    // so asking "another style since?" costs a few comparisons, not a walk over every
    // sequence.
    let mut latest_paragraph: Vec<(Style, usize)> = Vec::new();
    for (index, (block, shape)) in blocks.iter().zip(shapes).enumerate() {
        let (Some((style, _)), Some(number)) = (shape, &block.number) else {
            continue;
        };
        let Some(value) = ordinal(number) else {
            continue;
        };
        let parent = match style {
            Style::Decimal { depth } if *depth > 1 => number.rsplit_once('.').map(|(p, _)| p),
            _ => None,
        };
        let key = SequenceKey {
            kind: block.kind,
            style,
            parent,
        };
        let interrupted = |since: usize| {
            block.kind == BlockType::Paragraph
                && latest_paragraph
                    .iter()
                    .any(|(other, at)| other != style && *at > since)
        };
        let current = Last {
            value,
            number,
            section: &block.section,
            index,
        };
        // One lookup a block: the sequence's last number is read and replaced in place.
        let prev = match last.entry(key) {
            Entry::Occupied(mut slot) => Some(slot.insert(current)),
            Entry::Vacant(slot) => {
                slot.insert(current);
                None
            }
        };
        if let Some(prev) = prev {
            let same_section = std::sync::Arc::ptr_eq(prev.section, &block.section)
                || **prev.section == *block.section;
            let restart = value == (1, None) && (!same_section || interrupted(prev.index));
            if !restart && !follows(prev.value, value) {
                let (kind, message) = sequence_break(noun(block.kind), &prev, value, number);
                findings.push(Finding {
                    kind,
                    line: block.line,
                    message,
                });
            }
        }
        if block.kind == BlockType::Paragraph {
            match latest_paragraph.iter_mut().find(|(s, _)| s == style) {
                Some(entry) => entry.1 = index,
                None => latest_paragraph.push((style.clone(), index)),
            }
        }
    }
    findings
}

/// Whether `value` may come next after `previous` in one sequence: the next number, or a
/// lettered one inserted at or after it (`4`, `4a`, `4b`, `5`).
fn follows(previous: (u32, Option<char>), value: (u32, Option<char>)) -> bool {
    let (p, s) = previous;
    let next = match value {
        (n, None) => n == p + 1,
        (n, Some(_)) => n == p || n == p + 1,
    };
    next || (value.0 == p && value.1 > s)
}

/// What is wrong where `number` does not follow `previous`: a duplicate, a gap or a number
/// out of order.
fn sequence_break(
    what: &str,
    previous: &Last<'_>,
    value: (u32, Option<char>),
    number: &str,
) -> (FindingKind, String) {
    let p = previous.value.0;
    if value == previous.value {
        (
            FindingKind::Duplicate,
            format!("{what} number {number} appears twice in a row"),
        )
    } else if value.0 > p + 1 {
        let missing = if value.0 == p + 2 {
            format!("{}", p + 1)
        } else {
            format!("{}–{}", p + 1, value.0 - 1)
        };
        (
            FindingKind::Gap,
            format!(
                "{what} numbering skips {missing}: {} is followed by {number}",
                previous.number
            ),
        )
    } else {
        (
            FindingKind::OutOfOrder,
            format!("{what} {number} comes after {}", previous.number),
        )
    }
}

/// Dotted headings of one depth should all end with a dot or all not (`4.1` vs `4.2.`):
/// the minority is reported.
fn punctuation_findings(blocks: &[Block], shapes: &[LabelShape]) -> Vec<Finding> {
    let mut by_depth: HashMap<u8, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (i, (block, shape)) in blocks.iter().zip(shapes).enumerate() {
        if block.kind != BlockType::Heading {
            continue;
        }
        let Some((Style::Decimal { depth }, trailing_dot)) = shape else {
            continue;
        };
        let entry = by_depth.entry(*depth).or_default();
        if *trailing_dot {
            entry.0.push(i);
        } else {
            entry.1.push(i);
        }
    }
    let mut findings = Vec::new();
    for (dotted, bare) in by_depth.values() {
        if dotted.is_empty() || bare.is_empty() {
            continue;
        }
        let (minority, majority, how) = if bare.len() <= dotted.len() {
            (bare, dotted, "without a final dot")
        } else {
            (dotted, bare, "with a final dot")
        };
        let example = &blocks[majority[0]].label;
        for &i in minority {
            findings.push(Finding {
                kind: FindingKind::HeadingPunctuation,
                line: blocks[i].line,
                message: format!(
                    "heading {} is written {how}, unlike {} other headings of its level such as {example}",
                    blocks[i].label,
                    majority.len()
                ),
            });
        }
    }
    findings
}

/// A numbered heading followed directly by a heading of the same or an outer level, or by
/// nothing. Unnumbered headings are left out: a title standing above a `Preamble` heading
/// is how documents begin, not a hole.
fn empty_sections(blocks: &[Block]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let Some(level) = block.level else { continue };
        if block.number.is_none() {
            continue;
        }
        let empty = match blocks.get(i + 1) {
            None => true,
            Some(next) => next.level.is_some_and(|l| l <= level),
        };
        if empty {
            let name: &str = if block.label.is_empty() {
                &block.text
            } else {
                &block.label
            };
            findings.push(Finding {
                kind: FindingKind::EmptySection,
                line: block.line,
                message: format!("section {name} has no paragraphs"),
            });
        }
    }
    findings
}

//! Checks of a document's numbering: gaps, duplicates, numbers out of order, inconsistent
//! heading punctuation and empty sections. Run-ins are found earlier, where they are split.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::label::Style;
use super::label::{keyword_word, ordinal};
use super::ranges;
use super::structure::LabelShape;
use crate::model::{Block, BlockType, Finding, FindingKind};

/// Numbers of one sequence: headings of one kind under one parent (`3.1`, `3.2` under
/// `3`), or paragraphs of one style. A keyword label's own word tells kinds apart that one
/// style groups (`§ 89` and `Abschnitt 2` are both sections, but of different levels).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct SequenceKey<'a> {
    kind: BlockType,
    style: &'a Style,
    /// `None` rather than `""` for a top-level sequence: comparing empty strings goes
    /// through `memcmp` with a dangling pointer, which costs some CPUs a slow assist on
    /// every lookup.
    parent: Option<&'a str>,
    word: Option<String>,
}

struct Last<'a> {
    value: (u32, Option<char>),
    number: std::borrow::Cow<'a, str>,
    section: &'a std::sync::Arc<[String]>,
    /// Index of the block, to tell whether numbered paragraphs of other styles came since:
    /// a list nested under an item (`(1)` … `1.` `2.` … `(2)` … `1.`) restarts at 1
    /// without being out of order.
    index: usize,
}

pub(super) fn check(blocks: &[Block], shapes: &[LabelShape]) -> Vec<Finding> {
    let mut findings = sequence_findings(blocks, shapes);
    findings.extend(punctuation_findings(blocks, shapes));
    findings.extend(empty_sections(blocks, shapes));
    findings
}

fn noun(kind: BlockType) -> &'static str {
    match kind {
        BlockType::Heading => "heading",
        BlockType::Paragraph => "paragraph",
    }
}

/// Numbers a block covers in its sequence: its own, or all of a range (`§§ 3 bis 6
/// (weggefallen)`, `Art 1 bis 11`, `Articles 12 to 15 (repealed)`), from first to last.
struct Covered<'a> {
    key: SequenceKey<'a>,
    first: (u32, Option<char>),
    first_number: std::borrow::Cow<'a, str>,
    last: (u32, Option<char>),
    last_number: std::borrow::Cow<'a, str>,
}

fn covered<'a>(
    block: &'a Block,
    shape: &'a LabelShape,
    keyword_styles: &[(String, &'a Style)],
) -> Option<Covered<'a>> {
    let heading = block.kind == BlockType::Heading;
    let Some((style, _)) = shape else {
        // A range heads no label of its own: `(XXXX) §§ 3 bis 6 (weggefallen)`. A
        // paragraph beginning so cites the provisions; it does not stand for them.
        let range = heading.then(|| ranges::unlabelled(&block.text)).flatten()?;
        let (word, style) = keyword_styles
            .iter()
            .find(|(word, _)| ranges::same_keyword(&range.keyword, word))?;
        let key = SequenceKey {
            kind: block.kind,
            style,
            parent: None,
            word: Some(word.clone()),
        };
        return Some(Covered {
            key,
            first: ordinal(&range.first)?,
            first_number: range.first.into(),
            last: ordinal(&range.last)?,
            last_number: range.last.into(),
        });
    };
    let number = block.number.as_deref()?;
    let value = ordinal(number)?;
    let parent = match style {
        Style::Decimal { depth } if *depth > 1 => number.rsplit_once('.').map(|(p, _)| p),
        _ => None,
    };
    let word = matches!(style, Style::Keyword(_)).then(|| keyword_word(&block.label));
    // `Art 1 bis 11`: the label reader read the first number; the range goes on.
    let end = word
        .as_deref()
        .filter(|_| heading)
        .and_then(|word| ranges::continued(&block.text, word))
        .and_then(|last| Some((ordinal(&last)?, last)))
        .filter(|(last, _)| *last > value);
    let (last, last_number) = match end {
        Some((last, number)) => (last, number.into()),
        None => (value, number.into()),
    };
    Some(Covered {
        key: SequenceKey {
            kind: block.kind,
            style,
            parent,
            word,
        },
        first: value,
        first_number: number.into(),
        last,
        last_number,
    })
}

fn sequence_findings(blocks: &[Block], shapes: &[LabelShape]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut last: rustc_hash::FxHashMap<SequenceKey<'_>, Last<'_>> = Default::default();
    let mut keyword_styles: Vec<(String, &Style)> = Vec::new();
    for (block, shape) in blocks.iter().zip(shapes) {
        if let Some((style @ Style::Keyword(_), _)) = shape {
            let word = keyword_word(&block.label);
            if !keyword_styles.iter().any(|(w, _)| *w == word) {
                keyword_styles.push((word, style));
            }
        }
    }
    // The latest numbered paragraph of each style, by block index: a handful of styles,
    // so asking "another style since?" costs a few comparisons, not a walk over every
    // sequence.
    let mut latest_paragraph: Vec<(&Style, usize)> = Vec::new();
    // The latest paragraph without a number: prose between two lists (`1.` `2.` … text …
    // `1.`) ends the first, so the second starts again at 1.
    let mut latest_prose: Option<usize> = None;
    for (index, (block, shape)) in blocks.iter().zip(shapes).enumerate() {
        let Some(covered) = covered(block, shape, &keyword_styles) else {
            if block.kind == BlockType::Paragraph && block.number.is_none() {
                latest_prose = Some(index);
            }
            continue;
        };
        let style = covered.key.style;
        let interrupted = |since: usize| {
            block.kind == BlockType::Paragraph
                && (latest_prose.is_some_and(|at| at > since)
                    || latest_paragraph
                        .iter()
                        .any(|(other, at)| *other != style && *at > since))
        };
        let current = Last {
            value: covered.last,
            number: covered.last_number,
            section: &block.section,
            index,
        };
        // One lookup a block: the sequence's last number is read and replaced in place.
        let prev = match last.entry(covered.key) {
            Entry::Occupied(mut slot) => Some(slot.insert(current)),
            Entry::Vacant(slot) => {
                slot.insert(current);
                None
            }
        };
        if let Some(prev) = prev {
            let same_section = std::sync::Arc::ptr_eq(prev.section, &block.section)
                || **prev.section == *block.section;
            let value = covered.first;
            let restart = value == (1, None) && (!same_section || interrupted(prev.index));
            if !restart && !follows(prev.value, value) {
                let (kind, message) =
                    sequence_break(noun(block.kind), &prev, value, &covered.first_number);
                findings.push(Finding {
                    kind,
                    line: block.line,
                    message,
                });
            }
        }
        if block.kind == BlockType::Paragraph {
            match latest_paragraph.iter_mut().find(|(s, _)| *s == style) {
                Some(entry) => entry.1 = index,
                None => latest_paragraph.push((style, index)),
            }
        }
    }
    findings
}

/// Whether `value` may come next after `previous` in one sequence: the next number, or a
/// lettered one inserted at or after it (`4`, `4a`, `4b`, `5`).
pub(super) fn follows(previous: (u32, Option<char>), value: (u32, Option<char>)) -> bool {
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
/// is how documents begin, not a hole. So is a heading followed, at its own level, by a
/// heading of another kind (`Kapitel 1` then `§ 21`, both at Markdown's deepest level):
/// the levels cannot say whether it holds what follows. And a heading whose title recurs on
/// other headings (`§ 10 (weggefallen)`) is a placeholder that says why it is empty.
fn empty_sections(blocks: &[Block], shapes: &[LabelShape]) -> Vec<Finding> {
    let kind_of = |i: usize| -> (Option<&Style>, Option<String>) {
        let style = shapes[i].as_ref().map(|(s, _)| s);
        let word = matches!(style, Some(Style::Keyword(_))).then(|| keyword_word(&blocks[i].label));
        (style, word)
    };
    let empty: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            let block = &blocks[i];
            let (Some(level), Some(_)) = (block.level, &block.number) else {
                return false;
            };
            match blocks.get(i + 1) {
                None => true,
                Some(next) => match next.level {
                    Some(l) if l < level => true,
                    Some(l) if l == level => kind_of(i) == kind_of(i + 1),
                    _ => false,
                },
            }
        })
        .collect();
    let mut titles: HashMap<&str, usize> = HashMap::new();
    if !empty.is_empty() {
        for block in blocks
            .iter()
            .filter(|b| b.is_heading() && !b.text.is_empty())
        {
            *titles.entry(&block.text).or_default() += 1;
        }
    }
    empty
        .into_iter()
        .filter(|&i| titles.get(&*blocks[i].text).is_none_or(|&n| n < 2))
        .map(|i| {
            let block = &blocks[i];
            let name: &str = if block.label.is_empty() {
                &block.text
            } else {
                &block.label
            };
            Finding {
                kind: FindingKind::EmptySection,
                line: block.line,
                message: format!("section {name} has no paragraphs"),
            }
        })
        .collect()
}

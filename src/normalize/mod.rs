//! The normalizer: raw text to a [`Document`] of headings and paragraphs, without losing a
//! word. One entry point, [`document`].
//!
//! The stages, in order: segment the text into units (`segment`), split run-in paragraphs
//! (`repair::find_run_in`), read each unit's label (`label`), repair damaged words
//! (`repair`), tell headings from paragraphs and nest them (here), and check the numbering
//! (`findings`). Every rule is general: nothing here knows any particular document.

mod findings;
pub mod label;
pub mod repair;
pub mod segment;

use std::collections::{HashMap, HashSet};

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::text;

use crate::model::{
    Block, BlockType, Document, Finding, FindingKind, Repair, RepairKind, Text, Version,
};
use crate::source::Source;
use label::{Label, Style};
use segment::{Piece, Unit};

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
        }
    }
}

/// A title is short: longer text is a paragraph even without a final full stop.
const TITLE_MAX_WIDTH: usize = 100;
const TITLE_MAX_WORDS: usize = 15;
/// An unnumbered heading has to be shorter still, as it has no label to vouch for it.
const UNNUMBERED_TITLE_MAX_WIDTH: usize = 80;
const UNNUMBERED_TITLE_MAX_WORDS: usize = 10;

/// Normalize a decoded document. The document keeps the text (a `String` is moved in, a
/// `&str` copied) and its blocks point into it.
pub fn document(source: impl Into<String>, options: &Options) -> Document {
    let source: Arc<String> = Arc::new(source.into());
    let (blocks, findings, repairs, metadata) = {
        let segmented = segment::segment(&source);
        let mut findings = Vec::new();
        let mut repairs = Vec::new();
        let units = split_run_ins(segmented.units, options, &mut findings, &mut repairs);

        // Blocks are built at once and refined in place: a second, transient copy of a
        // large document's structure would cost as much memory as its text.
        let empty_path: Arc<[String]> = Arc::from(Vec::new());
        let (mut blocks, extras): (Vec<Block>, Vec<Extra>) = units
            .iter()
            .map(|u| read_unit(u, &source, &empty_path))
            .unzip();
        if options.repair {
            repair_words(&source, &units, &mut blocks, &mut repairs);
        }
        drop(units);
        classify(&mut blocks, &extras, segmented.markdown, &source);
        structure(&mut blocks, &extras);
        let styles: Vec<LabelShape> = extras.into_iter().map(|e| e.shape).collect();
        findings.extend(findings::check(&blocks, &styles));
        findings.sort_by_key(|f| (f.line, f.kind));
        repairs.sort_by_key(|r| r.line);
        (blocks, findings, repairs, segmented.metadata)
    };
    Document {
        blocks,
        findings,
        repairs,
        metadata,
        source,
    }
}

/// A decoded input as a version: its label, and its text normalized.
pub fn version(source: Source, options: &Options) -> Version {
    Version::new(source.label, document(source.text, options))
}

/// What the normalizer knows of a block beyond the block itself, while it classifies and
/// nests them.
#[derive(Debug, Clone)]
struct Extra {
    shape: LabelShape,
    markdown_level: Option<u8>,
    pieces: usize,
}

fn read_unit(unit: &Unit<'_>, source: &Arc<String>, empty_path: &Arc<[String]>) -> (Block, Extra) {
    let offset = |part: &str| part.as_ptr() as usize - source.as_ptr() as usize;
    // A one-line block that is already clean (single spaces, composed characters) is its
    // own normalized text: the block shares it with the source instead of a copy.
    let clean_line = match unit.pieces.as_slice() {
        [only] if unit.markdown_level.is_none() => {
            Some(only.text.trim()).filter(|t| text::is_collapsed(t))
        }
        _ => None,
    };
    let (label, text) = match clean_line {
        Some(line) => {
            let label = label::parse(line);
            let start = offset(line) + label.as_ref().map_or(0, |l| l.rest);
            (
                label,
                Text::shared(source, start..offset(line) + line.len()),
            )
        }
        None => {
            let mut joined = unit.collapsed();
            let label = label::parse(&joined);
            if let Some(l) = &label {
                joined.replace_range(..l.rest, "");
            }
            (label, Text::from(joined))
        }
    };
    let (printed, number, shape) = match label {
        Some(l) => (l.printed, Some(l.number), Some((l.style, l.trailing_dot))),
        None => (String::new(), None, None),
    };
    let block = Block {
        kind: BlockType::Paragraph,
        level: None,
        label: printed,
        number,
        section: Arc::clone(empty_path),
        line: unit.first_line(),
        text,
        span: unit.span(source),
        preamble: false,
    };
    let extra = Extra {
        shape,
        markdown_level: unit.markdown_level,
        pieces: unit.pieces.len(),
    };
    (block, extra)
}

/// Main number and letter suffix of a normalized number: `"4c"` → (4, Some('c')), the last
/// part of a dotted number, a letter label by its place in the alphabet.
fn ordinal(number: &str) -> Option<(u32, Option<char>)> {
    let last = number.rsplit('.').next()?;
    let digits: String = last.chars().take_while(char::is_ascii_digit).collect();
    let suffix = last[digits.len()..].chars().next();
    if digits.is_empty() {
        let c = suffix?;
        return c
            .is_ascii_lowercase()
            .then(|| (c as u32 - 'a' as u32 + 1, None));
    }
    Some((digits.parse().ok()?, suffix))
}

/// Split paragraphs that carry the next numbered paragraph inside them.
fn split_run_ins<'a>(
    units: Vec<Unit<'a>>,
    options: &Options,
    findings: &mut Vec<Finding>,
    repairs: &mut Vec<Repair>,
) -> Vec<Unit<'a>> {
    let label_of = |unit: &Unit<'_>| match unit.markdown_level {
        Some(_) => None,
        None => label::parse(unit.pieces[0].text.trim()),
    };
    // Each unit's label style and number, kept small: a document has as many as it has
    // blocks, and the labels themselves are read again only where a run-in is possible.
    let shapes: Vec<Option<(Style, Option<u32>)>> = units
        .iter()
        .map(|u| label_of(u).map(|l| (l.style, ordinal(&l.number).map(|(n, _)| n))))
        .collect();
    // The number of the next label of the same style after each unit, from one backward
    // pass (a forward search from every unit would be quadratic in a document whose
    // styles do not alternate).
    let mut next_of_style: Vec<Option<u32>> = vec![None; shapes.len()];
    let mut following: Vec<(&Style, Option<u32>)> = Vec::new();
    for (i, shape) in shapes.iter().enumerate().rev() {
        let Some((style, number)) = shape else {
            continue;
        };
        let slot = match following.iter().position(|(s, _)| *s == style) {
            Some(k) => k,
            None => {
                following.push((style, None));
                following.len() - 1
            }
        };
        next_of_style[i] = following[slot].1;
        following[slot].1 = *number;
    }
    let mut out = Vec::with_capacity(units.len());
    for (i, unit) in units.into_iter().enumerate() {
        let Some((_, Some(_))) = &shapes[i] else {
            out.push(unit);
            continue;
        };
        let Some(label) = label_of(&unit) else {
            out.push(unit);
            continue;
        };
        let Some((current, _)) = ordinal(&label.number) else {
            out.push(unit);
            continue;
        };
        let label = &label;
        let next = next_of_style[i];
        let mut unit = unit;
        let mut current = current;
        loop {
            let Some((piece_index, offset)) = locate_run_in(&unit, label, current, next) else {
                out.push(unit);
                break;
            };
            let piece = unit.pieces[piece_index];
            let (head, tail) = piece.text.split_at(offset);
            let context_before: String = head.split_whitespace().last().unwrap_or("").to_string();
            let mut tail_words = tail.split_whitespace();
            let context_after = format!(
                "{} {}",
                tail_words.next().unwrap_or(""),
                tail_words.next().unwrap_or("")
            );
            let run_in_number = label::parse(tail.trim_start())
                .map(|l| l.number)
                .unwrap_or_default();
            findings.push(Finding {
                kind: FindingKind::RunIn,
                line: piece.line,
                message: format!(
                    "paragraph {run_in_number} is run into the end of paragraph {}",
                    label.number
                ),
            });
            if !options.repair {
                out.push(unit);
                break;
            }
            repairs.push(Repair {
                kind: RepairKind::RunIn,
                line: piece.line,
                before: format!("{context_before}{}", context_after.trim_end()),
                after: format!("{context_before}\n{}", context_after.trim_end()),
            });
            let mut first: segment::Pieces<'a> =
                unit.pieces[..piece_index].iter().copied().collect();
            first.push(Piece {
                line: piece.line,
                text: head,
            });
            let mut second: segment::Pieces<'a> = smallvec::smallvec![Piece {
                line: piece.line,
                text: tail.trim_start(),
            }];
            second.extend_from_slice(&unit.pieces[piece_index + 1..]);
            out.push(Unit {
                pieces: first,
                markdown_level: None,
            });
            unit = Unit {
                pieces: second,
                markdown_level: None,
            };
            current = ordinal(&run_in_number).map_or(current + 1, |(n, _)| n);
        }
    }
    out
}

fn locate_run_in(
    unit: &Unit<'_>,
    label: &Label,
    current: u32,
    next: Option<u32>,
) -> Option<(usize, usize)> {
    unit.pieces.iter().enumerate().find_map(|(i, piece)| {
        // Skip the unit's own label, which sits at the start of its first piece.
        let skip = if i == 0 {
            piece.text.len() - piece.text.trim_start().len() + label.len
        } else {
            0
        };
        let text = piece.text.get(skip..)?;
        repair::find_run_in(text, &label.style, current, next).map(|at| (i, skip + at))
    })
}

/// Hyphenation and lost-space repairs on every unit's text.
fn repair_words(source: &str, units: &[Unit<'_>], blocks: &mut [Block], repairs: &mut Vec<Repair>) {
    let sites: Vec<Vec<repair::HyphenSite>> = blocks
        .iter()
        .map(|b| repair::hyphen_sites(&b.text))
        .collect();
    let wanted: HashSet<String> = sites
        .iter()
        .flatten()
        .map(repair::HyphenSite::closed_form)
        .collect();
    let closed_words = repair::words_present(source, &wanted);
    for ((item, unit), sites) in blocks.iter_mut().zip(units).zip(&sites) {
        let mut changes = Vec::new();
        if !sites.is_empty() {
            let (fixed, hyphen_changes) =
                repair::apply_hyphenation(&item.text, sites, &closed_words);
            item.text = Text::from(fixed);
            changes.extend(
                hyphen_changes
                    .into_iter()
                    .map(|c| (RepairKind::Hyphenation, c)),
            );
        }
        if let Some((fixed, space_changes)) = repair::missing_spaces(&item.text) {
            item.text = Text::from(fixed);
            changes.extend(
                space_changes
                    .into_iter()
                    .map(|c| (RepairKind::MissingSpace, c)),
            );
        }
        for (kind, (before, after)) in changes {
            repairs.push(Repair {
                kind,
                line: line_of(unit, &before),
                before,
                after,
            });
        }
    }
}

/// The source line where a repaired fragment starts: the first line holding its first word.
fn line_of(unit: &Unit<'_>, fragment: &str) -> usize {
    let first_word = fragment.split_whitespace().next().unwrap_or(fragment);
    unit.pieces
        .iter()
        .find(|p| p.text.contains(first_word))
        .map_or(unit.first_line(), |p| p.line)
}

/// Label styles of list items: they number paragraphs, never headings.
fn is_list_style(style: &Style) -> bool {
    matches!(
        style,
        Style::Paren
            | Style::CloseParen
            | Style::LowerLetter
            | Style::LowerRoman
            | Style::Circled
            | Style::CjkParen
    )
}

/// Whether text after a label reads as a title: short, not a sentence going on, and
/// without the punctuation that ends prose (unless it is all capitals, as titles are).
fn reads_as_title(text: &str, max_width: usize, max_words: usize) -> bool {
    if text.is_empty() {
        return true;
    }
    if text::wider_than(text, max_width) || text.split_whitespace().nth(max_words).is_some() {
        return false;
    }
    if text.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    // Capitals count only in scripts that have them: Arabic or Chinese text is never "all caps".
    let all_caps = letters.len() >= 3
        && letters.iter().all(|c| !c.is_lowercase())
        && letters.iter().any(|c| c.is_uppercase());
    match text::last_significant_char(text) {
        Some('.') if all_caps => true,
        Some(c) => !text::is_terminal_punctuation(c),
        None => true,
    }
}

/// Punctuation after which the next block goes on with the same sentence.
fn ends_mid_sentence(text: &str) -> bool {
    matches!(
        text::last_significant_char(text),
        Some(',' | ';' | '，' | '；' | '،' | '؛')
    )
}

fn classify(blocks: &mut [Block], extras: &[Extra], markdown: bool, source: &str) {
    for i in 0..blocks.len() {
        let (block, extra) = (&blocks[i], &extras[i]);
        let heading = if markdown {
            extra.markdown_level.is_some()
        } else if let Some((style, _)) = &extra.shape {
            !is_list_style(style)
                && extra.pieces <= 2
                && reads_as_title(&block.text, TITLE_MAX_WIDTH, TITLE_MAX_WORDS)
        } else {
            let previous_continues =
                i > 0 && ends_mid_sentence(&source[blocks[i - 1].span.clone()]);
            i + 1 < blocks.len()
                && !previous_continues
                && extra.pieces == 1
                && reads_as_title(
                    &block.text,
                    UNNUMBERED_TITLE_MAX_WIDTH,
                    UNNUMBERED_TITLE_MAX_WORDS,
                )
                && block.text.chars().any(char::is_alphabetic)
                && !block.text.chars().any(|c| c.is_ascii_digit())
        };
        blocks[i].kind = if heading {
            BlockType::Heading
        } else {
            BlockType::Paragraph
        };
    }
}

/// Heading levels: Markdown's `#` count where there is one; otherwise each numbering style
/// takes the next level in order of first appearance (as reStructuredText does with its
/// underlines), and an unnumbered heading sits at the level of the numbered heading that
/// follows it.
fn levels(blocks: &[Block], extras: &[Extra]) -> Vec<Option<u8>> {
    let mut order: Vec<&Style> = Vec::new();
    let mut levels: Vec<Option<u8>> = blocks
        .iter()
        .zip(extras)
        .map(|(block, extra)| {
            if block.kind != BlockType::Heading {
                return None;
            }
            if let Some(level) = extra.markdown_level {
                return Some(level);
            }
            let (style, _) = extra.shape.as_ref()?;
            let index = match order.iter().position(|s| *s == style) {
                Some(i) => i,
                None => {
                    order.push(style);
                    order.len() - 1
                }
            };
            Some(u8::try_from(index + 1).unwrap_or(u8::MAX))
        })
        .collect();
    let mut following: Option<u8> = None;
    for i in (0..blocks.len()).rev() {
        if blocks[i].kind != BlockType::Heading {
            continue;
        }
        match levels[i] {
            Some(level) => following = Some(level),
            None => levels[i] = Some(following.unwrap_or(1)),
        }
    }
    levels
}

/// How a block was numbered, for the numbering checks: its label style and whether a
/// decimal label ended with a dot.
pub(crate) type LabelShape = Option<(Style, bool)>;

/// Heading levels, section paths and the preamble, set on the blocks in place.
fn structure(blocks: &mut [Block], extras: &[Extra]) {
    let levels = levels(blocks, extras);
    let numbered_heading =
        |i: usize| blocks[i].kind == BlockType::Heading && extras[i].shape.is_some();
    let first_numbered_heading = (0..blocks.len()).find(|&i| numbered_heading(i));
    let title_index = document_title(blocks, extras, &levels);
    // The preamble runs from the last heading before the first numbered one (a title, a
    // `Preamble` heading) to that numbered heading: notes above a `Preamble` heading, such as
    // "Adopted by resolution 217 A (III)", are not part of it.
    let preamble_start = first_numbered_heading.map(|first| {
        blocks[..first]
            .iter()
            .rposition(|b| b.kind == BlockType::Heading)
            .map_or(0, |h| h + 1)
    });

    let mut stack: Vec<(u8, String)> = Vec::new();
    // The path of the innermost open section, shared by every block in it.
    let mut path: Arc<[String]> = Arc::from(Vec::new());
    for (i, block) in blocks.iter_mut().enumerate() {
        let section = if let Some(level) = levels[i] {
            let key = block
                .number
                .clone()
                .unwrap_or_else(|| block.text.to_string());
            if Some(i) == title_index {
                Arc::from(vec![key])
            } else {
                while stack.last().is_some_and(|(l, _)| *l >= level) {
                    stack.pop();
                }
                stack.push((level, key));
                path = stack.iter().map(|(_, k)| k.clone()).collect();
                Arc::clone(&path)
            }
        } else {
            Arc::clone(&path)
        };
        block.preamble = block.kind == BlockType::Paragraph
            && extras[i].shape.is_none()
            && preamble_start.is_some_and(|start| i >= start)
            && first_numbered_heading.is_some_and(|first| i < first);
        block.level = levels[i];
        block.section = section;
    }
}

/// The document's title: a first unnumbered heading alone at the outermost level. It names
/// the whole document, so it is left out of every section path.
fn document_title(blocks: &[Block], extras: &[Extra], levels: &[Option<u8>]) -> Option<usize> {
    let first = blocks.first()?;
    if first.kind != BlockType::Heading || extras[0].shape.is_some() {
        return None;
    }
    let level = levels[0]?;
    let mut counts: HashMap<u8, usize> = HashMap::new();
    for l in levels.iter().flatten() {
        *counts.entry(*l).or_default() += 1;
    }
    let outermost = *counts.keys().min()?;
    (level == outermost && counts[&level] == 1).then_some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("4c"), Some((4, Some('c'))));
        assert_eq!(ordinal("3.12"), Some((12, None)));
        assert_eq!(ordinal("b"), Some((2, None)));
    }
}

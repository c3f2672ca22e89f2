//! Blocks from units: each unit's label read, headings told from paragraphs, heading
//! levels assigned, sections nested and the preamble marked. Every rule is general: nothing
//! here knows any particular document.

use std::collections::HashMap;
use std::sync::Arc;

use super::label::{self, Style};
use super::segment::{Syntax, Unit};
use crate::model::{Block, BlockType, Text};
use crate::text;

/// A title is short: longer text is a paragraph even without a final full stop.
pub(super) const TITLE_MAX_WIDTH: usize = 100;
pub(super) const TITLE_MAX_WORDS: usize = 15;
/// An unnumbered heading has to be shorter still, as it has no label to vouch for it.
const UNNUMBERED_TITLE_MAX_WIDTH: usize = 80;
const UNNUMBERED_TITLE_MAX_WORDS: usize = 10;

/// What the normalizer knows of a block beyond the block itself, while it classifies and
/// nests them.
#[derive(Debug, Clone)]
pub(super) struct Extra {
    pub shape: LabelShape,
    pub markdown_level: Option<u8>,
    pub pieces: usize,
    /// The block belongs to a heading sequence found by recurrence.
    pub sequence: bool,
}

pub(super) fn read_unit(
    unit: &Unit<'_>,
    source: &Arc<String>,
    empty_path: &Arc<[String]>,
    markdown: bool,
) -> (Block, Extra) {
    let offset = |part: &str| part.as_ptr() as usize - source.as_ptr() as usize;
    // A one-line block that is already clean (single spaces, composed characters) is its
    // own normalized text: the block shares it with the source instead of a copy.
    let clean_line = match unit.pieces.as_slice() {
        [only] if unit.markdown_level.is_none() => Some(only.text.trim())
            .filter(|t| text::is_collapsed(t) && !(markdown && t.contains('\\'))),
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
            if markdown {
                joined = super::segment::unescape_markdown(joined);
            }
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
        recurring: false,
        eid: None,
        page: None,
    };
    let extra = Extra {
        shape,
        markdown_level: unit.markdown_level,
        pieces: unit.pieces.len(),
        sequence: false,
    };
    (block, extra)
}

/// Label styles of list items: they number paragraphs, never headings.
pub(super) fn is_list_style(style: &Style) -> bool {
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
pub(super) fn reads_as_title(text: &str, max_width: usize, max_words: usize) -> bool {
    if text.is_empty() {
        return true;
    }
    // The tests that look at a character or two come first: nearly every block that fails is
    // prose, told by how it begins or ends without reading the whole of it.
    if text.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let ends_as_title = match text::last_significant_char(text) {
        Some('.') => is_all_caps(text),
        Some(c) => !text::is_terminal_punctuation(c),
        None => true,
    };
    ends_as_title
        && !text::wider_than(text, max_width)
        && text.split_whitespace().nth(max_words).is_none()
}

/// Whether text is written in capitals: three letters or more, none lowercase, some
/// uppercase. Capitals count only in scripts that have them: Arabic or Chinese text is never
/// "all caps".
fn is_all_caps(text: &str) -> bool {
    let (mut letters, mut upper) = (0, false);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
        upper |= c.is_uppercase();
    }
    letters >= 3 && upper
}

/// Punctuation after which the next block goes on with the same sentence.
fn ends_mid_sentence(text: &str) -> bool {
    matches!(
        text::last_significant_char(text),
        Some(',' | ';' | '，' | '；' | '،' | '؛')
    )
}

pub(super) fn classify(blocks: &mut [Block], extras: &[Extra], syntax: Syntax, source: &str) {
    for i in 0..blocks.len() {
        let (block, extra) = (&blocks[i], &extras[i]);
        // Markdown marks its headings (`#`, a setext underline, which plain text uses too);
        // in a Markdown text nothing else is one. A structured document's reader marks the
        // headings it declares; of the rest, a keyword label standing alone (`SECTION 2`,
        // `Article 5`) is one, and others are found only by their recurrence (`APPENDIX A`,
        // `APPENDIX B`), after this: a short numbered paragraph there (a footnote reading
        // "26. 47 C.F.R. § 8.3.") is a paragraph, not a title.
        let heading = if syntax == Syntax::Marked && extra.markdown_level.is_none() {
            block.text.is_empty() && matches!(extra.shape, Some((Style::Keyword(_), _)))
        } else if syntax == Syntax::Markdown || extra.markdown_level.is_some() {
            extra.markdown_level.is_some()
        } else if extra.sequence {
            true
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

/// Numbered "headings" that head nothing are the items of a list: a style three quarters of
/// whose headings are followed straight away by a sibling, an outer heading or the end (`1. …`,
/// `2. …` under each article of a text whose sentences end in no punctuation a title lacks)
/// is a style of paragraphs.
pub(super) fn demote_lists(blocks: &mut [Block], extras: &[Extra]) {
    let mut first_seen: Vec<&Style> = Vec::new();
    let mut tally: Vec<(usize, usize)> = Vec::new();
    let heading_style = |i: usize| -> Option<&Style> {
        (blocks[i].kind == BlockType::Heading && extras[i].markdown_level.is_none())
            .then(|| extras[i].shape.as_ref().map(|(s, _)| s))
            .flatten()
    };
    for i in 0..blocks.len() {
        let Some(style) = heading_style(i) else {
            continue;
        };
        let rank = match first_seen.iter().position(|s| *s == style) {
            Some(r) => r,
            None => {
                first_seen.push(style);
                tally.push((0, 0));
                first_seen.len() - 1
            }
        };
        let heads_nothing = match (i + 1 < blocks.len()).then(|| heading_style(i + 1)) {
            None => true,
            Some(None) => blocks[i + 1].kind == BlockType::Heading,
            Some(Some(next)) => first_seen
                .iter()
                .position(|s| *s == next)
                .is_some_and(|r| r <= rank),
        };
        tally[rank].0 += usize::from(heads_nothing);
        tally[rank].1 += 1;
    }
    let lists: Vec<Style> = first_seen
        .iter()
        .zip(&tally)
        .filter(|(_, (empty, all))| *all >= 3 && *empty * 4 >= *all * 3)
        .map(|(style, _)| (*style).clone())
        .collect();
    if lists.is_empty() {
        return;
    }
    for (block, extra) in blocks.iter_mut().zip(extras) {
        if block.kind == BlockType::Heading
            && extra.markdown_level.is_none()
            && extra.shape.as_ref().is_some_and(|(s, _)| lists.contains(s))
        {
            block.kind = BlockType::Paragraph;
        }
    }
}

/// An unnumbered "heading" that is all a numbered heading holds, up to the next heading of
/// that style or the end (`Article 3` / `Everyone has the right to life` / `Article 4` in a
/// text whose sentences end in no punctuation, as Thai's do), is that heading's body: read
/// as a heading, it would leave the article empty and head nothing itself.
pub(super) fn demote_lone_bodies(blocks: &mut [Block], extras: &[Extra]) {
    let numbered_style = |i: usize| -> Option<&Style> {
        (blocks[i].kind == BlockType::Heading && extras[i].markdown_level.is_none())
            .then(|| extras[i].shape.as_ref().map(|(s, _)| s))
            .flatten()
    };
    let bodies: Vec<usize> = (1..blocks.len())
        .filter(|&i| {
            let unnumbered = blocks[i].kind == BlockType::Heading
                && extras[i].shape.is_none()
                && extras[i].markdown_level.is_none()
                && !extras[i].sequence;
            let Some(style) = numbered_style(i - 1).filter(|_| unnumbered) else {
                return false;
            };
            i + 1 == blocks.len() || numbered_style(i + 1) == Some(style)
        })
        .collect();
    for i in bodies {
        blocks[i].kind = BlockType::Paragraph;
    }
}

/// Heading levels: Markdown's `#` count where there is one; otherwise each numbering style
/// takes the next level in order of first appearance (as reStructuredText does with its
/// underlines), and an unnumbered heading sits at the level of the numbered heading that
/// follows it. In a structured document (`Syntax::Marked`) a heading its markup did not
/// declare (`<p>Article 1</p>` under `<h2>CHAPTER I</h2>`) sits below the declared heading
/// before it.
fn levels(blocks: &[Block], extras: &[Extra], syntax: Syntax) -> Vec<Option<u8>> {
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
    if syntax == Syntax::Marked {
        let mut declared = 0;
        for (level, extra) in levels.iter_mut().zip(extras) {
            match (extra.markdown_level, level.as_mut()) {
                (Some(marked), _) => declared = marked,
                (None, Some(level)) => *level = level.saturating_add(declared),
                (None, None) => {}
            }
        }
    }
    levels
}

/// How a block was numbered, for the numbering checks: its label style and whether a
/// decimal label ended with a dot.
pub(super) type LabelShape = Option<(Style, bool)>;

/// Heading levels, section paths and the preamble, set on the blocks in place.
pub(super) fn structure(blocks: &mut [Block], extras: &[Extra], syntax: Syntax) {
    let levels = levels(blocks, extras, syntax);
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
            let key = match (&block.number, block.text.is_empty()) {
                (Some(number), _) => number.clone(),
                (None, false) => block.text.to_string(),
                // A heading that is only its label (`مادهٔ اول`) is named by it.
                (None, true) => block.label.clone(),
            };
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

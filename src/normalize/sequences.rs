//! Heading sequences found by recurrence: the same short line shape repeated through a text,
//! each time heading content of its own, is a sequence of numbered headings, whatever its word
//! and however its numbers are written (`Член 12`, `12 бап`, `Kifungu cha 12.`, `ধারা ১২`,
//! `አንቀጽ፡፲፪፤`, `Qod XII`). Where the numbers are spelled out (`Арван хоёрдугаар зүйл`,
//! `مادهٔ دوازدهم`), the word the lines share makes the sequence, and the part that varies is
//! the label, with no number read. No word of any language is known here: the document's own
//! repetition is the signal.

use std::collections::HashMap;

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use super::label::Style;
use super::structure::Extra;
use crate::model::{Block, BlockType, Text};
use crate::text::{self, numerals};

/// A line longer than this is no heading of a sequence.
const MAX_WIDTH: usize = 48;
const MAX_WORDS: usize = 5;
/// Fewer members than this are a coincidence, not a sequence.
const MIN_MEMBERS: usize = 3;
/// Shares of a sequence's members that must head content of their own (the next block is no
/// member), have distinct numbers or ordinals, and count up.
const SEPARATED: f64 = 0.8;
const DISTINCT: f64 = 0.9;
const COUNTING_UP: f64 = 0.66;

/// A block found to belong to a heading sequence, and how to read it.
pub(super) struct Member {
    /// The style the sequence's headings share, and so their level: that of the headings the
    /// label reader already found in it, or the sequence's own.
    pub style: Style,
    /// The label, text and number to give the block where its label reader found none.
    pub reading: Option<Reading>,
    /// The label reader made it a heading already: it stays as it is.
    pub settled: bool,
}

pub(super) struct Reading {
    pub label: String,
    pub text: String,
    pub number: Option<String>,
}

/// What a line shares with the others of its sequence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// The line with its numeral taken out: `Член #`, `# бап`.
    Shape(String),
    /// The first word (`مادهٔ`), the rest being a spelled-out ordinal.
    FirstWord(String),
    /// The last word (`зүйл`), what comes before it a spelled-out ordinal.
    LastWord(String),
}

/// A candidate line and what it is made of.
struct Line {
    block: usize,
    text: String,
    numeral: Option<numerals::Numeral>,
    /// Byte ranges of the line's first and last word.
    first_word: Option<std::ops::Range<usize>>,
    last_word: Option<std::ops::Range<usize>>,
}

impl Line {
    fn keys(&self) -> Vec<Key> {
        if let Some(n) = &self.numeral {
            let shape = format!(
                "{}#{}",
                &self.text[..n.range.start],
                &self.text[n.range.end..]
            );
            return vec![Key::Shape(shape)];
        }
        let word = |r: &Option<std::ops::Range<usize>>| {
            r.as_ref().map(|r| self.text[r.clone()].to_string())
        };
        let mut keys = Vec::new();
        keys.extend(word(&self.first_word).map(Key::FirstWord));
        keys.extend(word(&self.last_word).map(Key::LastWord));
        keys
    }

    /// The part that varies from one member to the next: the numeral, or the line without
    /// the word the members share.
    fn varying(&self, key: &Key) -> String {
        match key {
            Key::Shape(_) => self
                .numeral
                .as_ref()
                .map_or(String::new(), |n| self.text[n.range.clone()].to_string()),
            Key::FirstWord(_) => self
                .first_word
                .as_ref()
                .map_or(String::new(), |r| self.text[r.end..].trim().to_string()),
            Key::LastWord(_) => self
                .last_word
                .as_ref()
                .map_or(String::new(), |r| self.text[..r.start].trim().to_string()),
        }
    }

    /// Label, text and number of a member, in the line's own order: a numeral or ordinal
    /// first is the label and the rest its text (`12 бап`, `Нэгдүгээр | зүйл`); a word first
    /// makes the whole line the label (`Член 12`, `مادهٔ اول`).
    fn reading(&self, key: &Key) -> Reading {
        let whole = || Reading {
            label: self.text.clone(),
            text: String::new(),
            number: self
                .numeral
                .as_ref()
                .and_then(|n| n.value)
                .map(|v| v.to_string()),
        };
        match key {
            Key::Shape(_) => {
                let Some(n) = &self.numeral else {
                    return whole();
                };
                if !self.text[..n.range.start].trim().is_empty() {
                    return whole();
                }
                // The numeral and the punctuation that closes it (`12.`, `12)`) are the label.
                let rest = &self.text[n.range.end..];
                let closing: usize = rest
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !c.is_alphanumeric())
                    .map(char::len_utf8)
                    .sum();
                let end = n.range.end + closing;
                Reading {
                    label: self.text[..end].trim().to_string(),
                    text: self.text[end..].trim().to_string(),
                    number: n.value.map(|v| v.to_string()),
                }
            }
            Key::FirstWord(_) => whole(),
            Key::LastWord(_) => match &self.last_word {
                Some(r) if !self.text[..r.start].trim().is_empty() => Reading {
                    label: self.text[..r.start].trim().to_string(),
                    text: self.text[r.start..].trim().to_string(),
                    number: None,
                },
                _ => whole(),
            },
        }
    }
}

/// Whether a character parts words: a space, or punctuation (the Tibetan tsheg and the
/// Ethiopic wordspace among them).
fn parts_words(c: char) -> bool {
    c.is_whitespace() || c.general_category_group() == GeneralCategoryGroup::Punctuation
}

/// The byte ranges of the first and last word of a line.
fn edge_words(
    line: &str,
) -> (
    Option<std::ops::Range<usize>>,
    Option<std::ops::Range<usize>>,
) {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in line.char_indices() {
        match (parts_words(c), start) {
            (true, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..line.len());
    }
    // A word of one character says nothing about a shape.
    let long = |r: &std::ops::Range<usize>| line[r.clone()].chars().count() >= 2;
    let first = words.first().filter(|r| long(r)).cloned();
    let last = words.last().filter(|r| long(r) && words.len() > 1).cloned();
    (first, last)
}

/// The heading sequences of a document, by block. `settled` says which blocks the label
/// reader already makes headings: they count in a sequence and are left as they are, and a
/// line the sequence adds (a misprint the label reader missed) takes their style.
pub(super) fn find(blocks: &[Block], extras: &[Extra], settled: &[bool]) -> Vec<Option<Member>> {
    let lines: Vec<Line> = blocks
        .iter()
        .zip(extras)
        .enumerate()
        .filter(|(_, (_, extra))| is_candidate(extra))
        .filter_map(|(i, (block, _))| line(i, block))
        .collect();
    let mut groups: HashMap<Key, Vec<usize>> = HashMap::new();
    for (k, line) in lines.iter().enumerate() {
        for key in line.keys() {
            groups.entry(key).or_default().push(k);
        }
    }
    let mut ranked: Vec<(Key, Vec<usize>)> = groups
        .into_iter()
        .filter(|(key, members)| qualifies(key, members, &lines))
        .collect();
    // Largest first; ties in the order the keys first appear, so the result is deterministic.
    ranked.sort_by_key(|(key, members)| {
        (std::cmp::Reverse(members.len()), members[0], key_rank(key))
    });
    let mut out: Vec<Option<Member>> = (0..blocks.len()).map(|_| None).collect();
    // For each block in a sequence, the block its sequence begins with.
    let mut started_at: Vec<Option<usize>> = vec![None; blocks.len()];
    let mut sequence = 0;
    for (key, members) in ranked {
        let mut free: Vec<usize> = members
            .into_iter()
            .filter(|&k| out[lines[k].block].is_none())
            .collect();
        if free.len() < MIN_MEMBERS {
            continue;
        }
        if let Key::Shape(shape) = &key {
            free = with_misspelt(shape, free, &lines, &out);
        }
        // A line followed by a heading of a sequence that began before it heads nothing:
        // it is the content of that sequence (bodies opening with the same word), not a
        // sequence around it.
        let start = lines[free[0]].block;
        free.retain(|&k| {
            let next = lines[k].block + 1;
            next < blocks.len() && started_at[next].is_none_or(|s| s > start)
        });
        if free.len() < MIN_MEMBERS {
            continue;
        }
        if free.iter().all(|&k| settled[lines[k].block]) {
            continue;
        }
        let style = free
            .iter()
            .map(|&k| lines[k].block)
            .find(|&b| settled[b])
            .and_then(|b| extras[b].shape.as_ref().map(|(style, _)| style.clone()))
            .unwrap_or(Style::Sequence(sequence));
        for k in free {
            let line = &lines[k];
            started_at[line.block] = Some(start);
            let reading = blocks[line.block]
                .label
                .is_empty()
                .then(|| line.reading(&key));
            out[line.block] = Some(Member {
                style: style.clone(),
                reading,
                settled: settled[line.block],
            });
        }
        sequence += 1;
    }
    out
}

/// The members of a numbered sequence, and the lines between two of them that carry the
/// numbers missing there, in order, in a shape all but the same (`15 straipsnas` among the
/// `N straipsnis`, `Kufungu cha 7.` among the `Kifungu cha N.`): the count continues through
/// a misprint.
fn with_misspelt(
    shape: &str,
    mut members: Vec<usize>,
    lines: &[Line],
    taken: &[Option<Member>],
) -> Vec<usize> {
    let value = |k: usize| lines[k].numeral.as_ref().and_then(|n| n.value);
    let mut found = Vec::new();
    for pair in members.windows(2) {
        let (Some(before), Some(after)) = (value(pair[0]), value(pair[1])) else {
            continue;
        };
        // The numbers the gap misses, in order, each on a line shaped all but the same.
        let mut expected = before + 1;
        for (k, line) in lines.iter().enumerate().take(pair[1]).skip(pair[0] + 1) {
            if expected >= after {
                break;
            }
            let Some(numeral) = &line.numeral else {
                continue;
            };
            if numeral.value != Some(expected) || taken[line.block].is_some() {
                continue;
            }
            let own = format!(
                "{}#{}",
                &line.text[..numeral.range.start],
                &line.text[numeral.range.end..]
            );
            if within_edit_distance(&own, shape, MISPRINT) {
                found.push(k);
                expected += 1;
            }
        }
    }
    members.extend(found);
    members.sort_unstable();
    members
}

/// Characters a misprinted line may differ by from its sequence's shape.
const MISPRINT: usize = 2;

/// Whether two strings are at most `max` edits apart (Levenshtein, by characters). Only
/// the diagonal band `max` wide either side can stay within it, so only that band is
/// computed: a long text's many numbered lines cost a few steps each, not the square of
/// their length.
fn within_edit_distance(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Distances are capped at `beyond`; each row is computed only inside the band, with the
    // cells just outside it set to `beyond` for the next row to read.
    let beyond = max + 1;
    let mut previous: Vec<usize> = (0..=b.len()).map(|j| j.min(beyond)).collect();
    let mut current = vec![beyond; b.len() + 1];
    for i in 1..=a.len() {
        let low = i.saturating_sub(max);
        let high = (i + max).min(b.len());
        let mut best = beyond;
        if low == 0 {
            current[0] = i.min(beyond);
            best = current[0];
        } else {
            current[low - 1] = beyond;
        }
        for j in low.max(1)..=high {
            let cell = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + usize::from(a[i - 1] != b[j - 1]))
                .min(beyond);
            current[j] = cell;
            best = best.min(cell);
        }
        if high < b.len() {
            current[high + 1] = beyond;
        }
        if best > max {
            return false;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()] <= max
}

/// Levenshtein distance of two short strings, by characters.
#[cfg(test)]
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

fn key_rank(key: &Key) -> u8 {
    match key {
        Key::Shape(_) => 0,
        Key::FirstWord(_) => 1,
        Key::LastWord(_) => 2,
    }
}

/// A one-line block that is not a list item.
fn is_candidate(extra: &Extra) -> bool {
    let list_item = extra
        .shape
        .as_ref()
        .is_some_and(|(style, _)| super::structure::is_list_style(style));
    !list_item && extra.pieces == 1 && extra.markdown_level.is_none()
}

/// The line of a short block, with its numeral and edge words.
fn line(block: usize, b: &Block) -> Option<Line> {
    // No character is wider than its UTF-8 encoding is long, nor takes fewer than one byte:
    // most paragraphs are ruled out by their length alone, before their line is built.
    if b.label.len() + b.text.len() > MAX_WIDTH * 4 {
        return None;
    }
    let text = b.display_text();
    if text::wider_than(&text, MAX_WIDTH) || text.split_whitespace().nth(MAX_WORDS).is_some() {
        return None;
    }
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    let (first_word, last_word) = edge_words(&text);
    Some(Line {
        block,
        numeral: numerals::first_numeral(&text),
        text,
        first_word,
        last_word,
    })
}

/// Whether lines sharing `key` are a heading sequence: enough of them, each heading content
/// of its own, each with its own number or ordinal, and numbers that count up.
fn qualifies(key: &Key, members: &[usize], lines: &[Line]) -> bool {
    if members.len() < MIN_MEMBERS {
        return false;
    }
    let share = |n: usize| n as f64 / (members.len() - 1).max(1) as f64;
    let separated = members
        .windows(2)
        .filter(|w| lines[w[1]].block > lines[w[0]].block + 1)
        .count();
    if share(separated) < SEPARATED {
        return false;
    }
    let varying: Vec<String> = members.iter().map(|&k| lines[k].varying(key)).collect();
    let mut distinct = varying.clone();
    distinct.sort();
    distinct.dedup();
    let distinct_share = distinct.len() as f64 / varying.len() as f64;
    if varying.iter().any(String::is_empty) || distinct_share < DISTINCT {
        return false;
    }
    match key {
        Key::Shape(_) => {
            let values: Vec<Option<u32>> = members
                .iter()
                .map(|&k| lines[k].numeral.as_ref().and_then(|n| n.value))
                .collect();
            let up = values
                .windows(2)
                .filter(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if b > a))
                .count();
            share(up) >= COUNTING_UP
        }
        Key::FirstWord(_) | Key::LastWord(_) => true,
    }
}

/// Apply the sequences found: members become headings of their sequence's style, read as
/// [`Member::reading`] says where the label reader found no label.
pub(super) fn apply(blocks: &mut [Block], extras: &mut [Extra], members: Vec<Option<Member>>) {
    for ((block, extra), member) in blocks.iter_mut().zip(extras.iter_mut()).zip(members) {
        let Some(member) = member else { continue };
        block.recurring = true;
        if member.settled {
            continue;
        }
        if let Some(reading) = member.reading {
            block.label = reading.label;
            block.text = Text::from(reading.text);
            block.number = reading.number;
        }
        extra.shape = Some((member.style, false));
        extra.sequence = true;
        block.kind = BlockType::Heading;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("# straipsnis", "# straipsnas"), 1);
        assert_eq!(edit_distance("Kifungu cha #.", "Kufungu cha #."), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    proptest::proptest! {
        #[test]
        fn the_band_agrees_with_the_full_distance(
            a in "[ab#. ]{0,12}",
            b in "[ab#. ]{0,12}",
            max in 0usize..4,
        ) {
            proptest::prop_assert_eq!(
                within_edit_distance(&a, &b, max),
                edit_distance(&a, &b) <= max
            );
        }
    }

    #[test]
    fn edge_words_part_at_spaces_and_punctuation() {
        let words = |line: &str| {
            let (first, last) = edge_words(line);
            (
                first.map(|r| line[r].to_string()),
                last.map(|r| line[r].to_string()),
            )
        };
        assert_eq!(
            words("Нэгдүгээр зүйл"),
            (Some("Нэгдүгээр".into()), Some("зүйл".into()))
        );
        assert_eq!(words("དོན་ཚན་དང་པོ།"), (Some("དོན".into()), Some("པོ".into())));
        assert_eq!(words("Word"), (Some("Word".into()), None));
    }
}

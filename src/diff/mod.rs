//! The diff engine: one entry point, [`compare`], from two documents to one
//! [`Comparison`] — the `accord.diff/1` contract every report renders.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::align::{self, MatchedBy};
use crate::model::{Block, Document};
use crate::text::{self, tokens};

pub const SCHEMA: &str = "accord.diff/1";

/// What counts as a difference.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Options {
    pub ignore_case: bool,
    pub ignore_punctuation: bool,
    /// Report differences of whitespace, quote and dash style and repaired PDF damage too.
    pub strict: bool,
}

/// Time allowed for the word diff of one pair before it falls back to a coarser diff.
const WORD_DIFF_BUDGET: Duration = Duration::from_millis(200);
/// Paragraphs larger than this together are not diffed word by word: tokens and their keys
/// would take many times the text's size in memory. They get [`coarse_diff`] instead.
const WORD_DIFF_MAX_BYTES: usize = 4 * 1024 * 1024;

/// Time allowed for the block-level diff of the whole document.
const BLOCK_DIFF_BUDGET: Duration = Duration::from_secs(3);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Comparison {
    /// Always `"accord.diff/1"`.
    pub schema: String,
    pub old: Side,
    pub new: Side,
    pub options: Options,
    pub summary: Summary,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Side {
    pub label: String,
    /// Number of blocks.
    pub blocks: usize,
    /// Heading titles by section number, for naming sections in reports.
    #[serde(default)]
    pub sections: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    pub unchanged: usize,
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
    pub split: usize,
    pub merged: usize,
    pub moved: usize,
    pub renumbered: usize,
}

impl Summary {
    /// The counts in reading order, each with its name: differences first, unchanged last.
    pub fn counts(&self) -> [(&'static str, usize); 8] {
        [
            ("changed", self.changed),
            ("added", self.added),
            ("removed", self.removed),
            ("split", self.split),
            ("merged", self.merged),
            ("moved", self.moved),
            ("renumbered", self.renumbered),
            ("unchanged", self.unchanged),
        ]
    }

    /// The non-zero counts as `4 changed, 1 added`, unchanged ones included or not.
    pub fn describe(&self, with_unchanged: bool) -> Option<String> {
        let listed: Vec<String> = self
            .counts()
            .iter()
            .filter(|(name, n)| *n > 0 && (with_unchanged || *name != "unchanged"))
            .map(|(name, n)| format!("{n} {name}"))
            .collect();
        (!listed.is_empty()).then(|| listed.join(", "))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Unchanged,
    Changed,
    Added,
    Removed,
    Split,
    Merged,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Matched {
    Text,
    Number,
    Content,
    Position,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Word {
    pub op: Op,
    pub text: String,
    /// On an equal word, the old version's spelling where it differs only in what the
    /// comparison ignores (quote style, case): `text` shows the new spelling unhighlighted,
    /// and this keeps the old text rebuildable exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entry {
    pub kind: Kind,
    pub moved: bool,
    pub renumbered: bool,
    pub matched_by: Option<Matched>,
    pub similarity: f64,
    pub old: Vec<Block>,
    pub new: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<Word>>,
    /// Set when the word diff ran out of time and shows the texts as one replacement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<String>,
}

impl Entry {
    /// Whether this entry is a difference at all.
    pub fn differs(&self) -> bool {
        self.kind != Kind::Unchanged || self.moved || self.renumbered
    }
}

/// The comparison key of a text: what must be equal for two blocks to be "unchanged".
pub fn key<'a>(text: &'a str, options: &Options) -> Cow<'a, str> {
    let mut key = if options.strict {
        Cow::Borrowed(text)
    } else {
        text::fold(text)
    };
    if options.ignore_case {
        key = Cow::Owned(key.to_lowercase());
    }
    if options.ignore_punctuation {
        key = Cow::Owned(
            key.chars()
                .map(|c| {
                    if c.is_alphanumeric() || c.is_whitespace() {
                        c
                    } else {
                        ' '
                    }
                })
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    key
}

fn block_key<'a>(block: &'a Block, document: &'a Document, options: &Options) -> Cow<'a, str> {
    // A block without text (`### Art 49`) is known only by its label; keyed by text alone,
    // every untitled heading would be "identical" to every other.
    if block.text.is_empty() {
        return Cow::Owned(format!("\u{0}{}", block.label));
    }
    if options.strict {
        // Strict: the source as written, whitespace and all (label aside).
        let original = document.original(block).trim();
        let without_label = original
            .trim_start_matches('#')
            .trim_start()
            .strip_prefix(block.label.as_str())
            .unwrap_or(original);
        return key(without_label.trim(), options);
    }
    key(&block.text, options)
}

fn section_titles(document: &Document) -> BTreeMap<String, String> {
    document
        .headings()
        .filter_map(|h| {
            // A heading with no title (`### Art 21`) is named by its label.
            let name = if h.text.is_empty() {
                h.label.clone()
            } else {
                h.text.to_string()
            };
            Some((h.section.last()?.clone(), name))
        })
        .collect()
}

/// Compare two normalized documents. Each block moves into the one entry that reports it,
/// so the comparison costs no copy of either text.
pub fn compare(
    old: Document,
    new: Document,
    old_label: &str,
    new_label: &str,
    options: &Options,
) -> Comparison {
    // The section titles of each side are independent of the alignment: gathered on
    // another core meanwhile.
    let ((pairs, unchanged), (old_sections, new_sections)) = rayon::join(
        || {
            let old_key = |i: usize| block_key(&old.blocks[i], &old, options);
            let new_key = |i: usize| block_key(&new.blocks[i], &new, options);
            let (old_items, new_items) = rayon::join(
                || align_items(&old.blocks, &old_key),
                || align_items(&new.blocks, &new_key),
            );
            // The aligner's passes are greedy, and where several pairings are equally good the
            // one found can depend on which side is "old". Aligning in a canonical orientation
            // (the documents ordered by their keys) and swapping back makes B→A the mirror of A→B.
            let deadline = Some(Instant::now() + BLOCK_DIFF_BUDGET);
            let in_order = (0..old.blocks.len().min(new.blocks.len()))
                .map(|i| old_key(i).cmp(&new_key(i)))
                .find(|o| o.is_ne())
                .unwrap_or_else(|| old.blocks.len().cmp(&new.blocks.len()))
                .is_le();
            let pairs: Vec<align::Pair> = if in_order {
                align::align(&old_items, &new_items, (&old_key, &new_key), deadline)
            } else {
                align::align(&new_items, &old_items, (&new_key, &old_key), deadline)
                    .into_iter()
                    .map(|p| align::Pair {
                        old: p.new,
                        new: p.old,
                        matched_by: p.matched_by,
                    })
                    .collect()
            };
            let unchanged: Vec<bool> = {
                use rayon::prelude::*;
                pairs
                    .par_iter()
                    .map(|p| match (p.old.as_slice(), p.new.as_slice()) {
                        // Equal texts have equal keys: most pairs are settled by one memcmp,
                        // without folding either text. (Strict keys read the source instead.)
                        ([o], [n])
                            if !options.strict
                                && !old.blocks[*o].text.is_empty()
                                && old.blocks[*o].text.as_str() == new.blocks[*n].text.as_str() =>
                        {
                            true
                        }
                        ([o], [n]) => old_key(*o) == new_key(*n),
                        _ => false,
                    })
                    .collect()
            };
            (pairs, unchanged)
        },
        || rayon::join(|| section_titles(&old), || section_titles(&new)),
    );

    // Entries follow NEW's order; a removed block sits after the entry of the nearest
    // paired old block before it.
    let mut new_position_of_old: Vec<Option<usize>> = vec![None; old.blocks.len()];
    for p in &pairs {
        if let Some(&n) = p.new.first() {
            for &o in &p.old {
                new_position_of_old[o] = Some(n);
            }
        }
    }
    let mut order: Vec<((i64, u8, usize), usize)> = pairs
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let sort_key = match p.new.first() {
                Some(&n) => (n as i64, 0, 0),
                None => {
                    let o = p.old[0];
                    let anchor = (0..o)
                        .rev()
                        .find_map(|x| new_position_of_old[x])
                        .map_or(-1, |n| n as i64);
                    (anchor, 1, o)
                }
            };
            (sort_key, k)
        })
        .collect();
    order.sort_unstable();

    let moved = moved_flags(&pairs, &order);
    let old_side = Side {
        label: old_label.to_string(),
        blocks: old.blocks.len(),
        sections: old_sections,
    };
    let new_side = Side {
        label: new_label.to_string(),
        blocks: new.blocks.len(),
        sections: new_sections,
    };
    let mut old_blocks = BlockPool::new(old.blocks);
    let mut new_blocks = BlockPool::new(new.blocks);
    let mut summary = Summary::default();
    let mut entries = Vec::with_capacity(pairs.len());
    for (_, k) in order {
        let pair = &pairs[k];
        // The aligner pairs every block exactly once, so each is still there to take.
        let olds = old_blocks.take(&pair.old);
        let news = new_blocks.take(&pair.new);
        let kind = match (olds.len(), news.len()) {
            (0, _) => Kind::Added,
            (_, 0) => Kind::Removed,
            (1, 1) if unchanged[k] => Kind::Unchanged,
            (1, 1) => Kind::Changed,
            (1, _) => Kind::Split,
            _ => Kind::Merged,
        };
        let renumbered = match (olds.first(), news.first()) {
            (Some(o), Some(n)) => o.number != n.number,
            _ => false,
        };
        let similarity = match kind {
            Kind::Unchanged => 1.0,
            _ => 0.0,
        };
        match kind {
            Kind::Unchanged => summary.unchanged += 1,
            Kind::Changed => summary.changed += 1,
            Kind::Added => summary.added += 1,
            Kind::Removed => summary.removed += 1,
            Kind::Split => summary.split += 1,
            Kind::Merged => summary.merged += 1,
        }
        summary.moved += usize::from(moved[k]);
        summary.renumbered += usize::from(renumbered);
        entries.push(Entry {
            kind,
            moved: moved[k],
            renumbered,
            matched_by: pair.matched_by.map(|m| match m {
                MatchedBy::Text => Matched::Text,
                MatchedBy::Number => Matched::Number,
                MatchedBy::Content => Matched::Content,
                MatchedBy::Position => Matched::Position,
            }),
            similarity,
            old: olds,
            new: news,
            words: None,
            fallback: None,
        });
    }
    drop((pairs, old_blocks, new_blocks));
    // Word diffs are independent of each other: spread over the cores.
    {
        use rayon::prelude::*;
        entries
            .par_iter_mut()
            .filter(|e| matches!(e.kind, Kind::Changed | Kind::Split | Kind::Merged))
            .for_each(|entry| {
                let old_text = join_texts(&entry.old);
                let new_text = join_texts(&entry.new);
                let (words, similarity, fallback) = word_diff(&old_text, &new_text, options);
                entry.words = Some(words);
                entry.similarity = (similarity * 1000.0).round() / 1000.0;
                entry.fallback = fallback;
            });
    }
    Comparison {
        schema: SCHEMA.to_string(),
        old: old_side,
        new: new_side,
        options: *options,
        summary,
        entries,
    }
}

/// A document's blocks on their way into entries, in chunks that are freed as soon as their
/// last block is taken: entries follow the new order (and mostly the old), so the blocks
/// are never held twice over, once in the document and once in the entries.
struct BlockPool {
    chunks: Vec<Option<Vec<Option<Block>>>>,
    left: Vec<usize>,
}

impl BlockPool {
    const CHUNK: usize = 4096;

    fn new(blocks: Vec<Block>) -> BlockPool {
        let mut chunks = Vec::new();
        let mut left = Vec::new();
        let mut blocks = blocks.into_iter();
        loop {
            let chunk: Vec<Option<Block>> = blocks.by_ref().take(Self::CHUNK).map(Some).collect();
            if chunk.is_empty() {
                break;
            }
            left.push(chunk.len());
            chunks.push(Some(chunk));
        }
        BlockPool { chunks, left }
    }

    /// The blocks at `indices`, moved out, in a vector of exactly their number (collecting
    /// would round a one-block entry up to room for four). The aligner pairs every block
    /// exactly once, so each is still there to take.
    fn take(&mut self, indices: &[usize]) -> Vec<Block> {
        let mut taken = Vec::with_capacity(indices.len());
        for &i in indices {
            let (c, k) = (i / Self::CHUNK, i % Self::CHUNK);
            let Some(block) = self.chunks[c].as_mut().and_then(|chunk| chunk[k].take()) else {
                continue;
            };
            taken.push(block);
            self.left[c] -= 1;
            if self.left[c] == 0 {
                self.chunks[c] = None;
            }
        }
        taken
    }
}

fn align_items<'a>(blocks: &'a [Block], key: align::Keys<'_, 'a>) -> Vec<align::Item<'a>> {
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| align::Item {
            heading: b.is_heading(),
            number: b.number.as_deref(),
            hash: align::item_hash(b.is_heading(), &key(i)),
        })
        .collect()
}

/// The texts of blocks read as one, as an entry's word diff compares them.
pub fn join_texts(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A pair is moved when it breaks the order of the pairs around it: it is not on the
/// longest run of pairs whose old positions increase along the new order.
fn moved_flags(pairs: &[align::Pair], order: &[((i64, u8, usize), usize)]) -> Vec<bool> {
    let sequence: Vec<(usize, usize)> = order
        .iter()
        .filter_map(|&(_, k)| {
            let p = &pairs[k];
            (!p.old.is_empty() && !p.new.is_empty()).then(|| (k, p.old[0]))
        })
        .collect();
    // Longest increasing subsequence of old positions, O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; sequence.len()];
    for (idx, &(_, o)) in sequence.iter().enumerate() {
        let at = tails.partition_point(|&t| sequence[t].1 < o);
        if at > 0 {
            previous[idx] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(idx);
        } else {
            tails[at] = idx;
        }
    }
    let mut in_order = vec![false; pairs.len()];
    let mut cursor = tails.last().copied();
    while let Some(idx) = cursor {
        in_order[sequence[idx].0] = true;
        cursor = previous[idx];
    }
    let mut moved = vec![false; pairs.len()];
    for &(k, _) in &sequence {
        moved[k] = !in_order[k];
    }
    moved
}

/// Both sides of a word diff put back together: equal and deleted words give the old text
/// (an equal word's old spelling where it has one), equal and inserted words the new.
pub fn rebuild(words: &[Word]) -> (String, String) {
    let mut old = String::new();
    let mut new = String::new();
    for w in words {
        match w.op {
            Op::Equal => {
                old.push_str(w.old.as_deref().unwrap_or(&w.text));
                new.push_str(&w.text);
            }
            Op::Delete => old.push_str(&w.text),
            Op::Insert => new.push_str(&w.text),
        }
    }
    (old, new)
}

/// Word-level diff of two texts. Returns the words, the similarity of the word sequences
/// and, when the deadline fired, a note saying the diff fell back to whole-text replacement.
pub fn word_diff(old: &str, new: &str, options: &Options) -> (Vec<Word>, f64, Option<String>) {
    if old.len() + new.len() > WORD_DIFF_MAX_BYTES {
        return coarse_diff(old, new);
    }
    let old_tokens = tokens::tokenize(old);
    let new_tokens = tokens::tokenize(new);
    let old_keys: Vec<Cow<'_, str>> = old_tokens.iter().map(|t| key(t.core, options)).collect();
    let new_keys: Vec<Cow<'_, str>> = new_tokens.iter().map(|t| key(t.core, options)).collect();
    let started = Instant::now();
    let deadline = started + WORD_DIFF_BUDGET;
    let ops =
        capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, Some(deadline));
    let fallback = (Instant::now() > deadline).then(|| {
        format!(
            "word diff stopped after {} ms ({} and {} words); differences are shown coarser",
            WORD_DIFF_BUDGET.as_millis(),
            old_tokens.len(),
            new_tokens.len()
        )
    });
    let mut words = Words::default();
    let (mut same_words, mut old_words, mut new_words) = (0usize, 0usize, 0usize);
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (i, j) in o.zip(n) {
                    let (old_token, new_token) = (old_tokens[i], new_tokens[j]);
                    same_words += usize::from(new_token.is_word());
                    old_words += usize::from(old_token.is_word());
                    new_words += usize::from(new_token.is_word());
                    // Ignored differences (quotes, case) show the new text, unhighlighted.
                    words.equal(old_token.core, new_token.core);
                    // Whitespace after an equal word may differ (a sentence that now ends the
                    // paragraph); both sides keep theirs so each text rebuilds exactly.
                    let old_space = &old_token.text[old_token.core.len()..];
                    let new_space = &new_token.text[new_token.core.len()..];
                    if old_space == new_space {
                        words.equal(old_space, new_space);
                    } else {
                        words.push(Op::Delete, old_space);
                        words.push(Op::Insert, new_space);
                    }
                }
            }
            _ => {
                for i in o {
                    old_words += usize::from(old_tokens[i].is_word());
                    words.push(Op::Delete, old_tokens[i].text);
                }
                for j in n {
                    new_words += usize::from(new_tokens[j].is_word());
                    words.push(Op::Insert, new_tokens[j].text);
                }
            }
        }
    }
    let similarity = if old_words + new_words == 0 {
        1.0
    } else {
        2.0 * same_words as f64 / (old_words + new_words) as f64
    };
    (words.0, similarity, fallback)
}

/// Words being built: runs of one operation merge into one word.
#[derive(Default)]
struct Words(Vec<Word>);

impl Words {
    fn push(&mut self, op: Op, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => self.0.push(Word {
                op,
                text: text.to_string(),
                old: None,
            }),
        }
    }

    /// Text equal on both sides up to what the comparison ignores: shown as the new
    /// spelling, with the old one kept where the two differ.
    fn equal(&mut self, old: &str, new: &str) {
        if old == new {
            if let Some(Word {
                op: Op::Equal,
                old: Some(spelling),
                ..
            }) = self.0.last_mut()
            {
                spelling.push_str(old);
            }
            self.push(Op::Equal, new);
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.op == Op::Equal => {
                last.old
                    .get_or_insert_with(|| last.text.clone())
                    .push_str(old);
                last.text.push_str(new);
            }
            _ => self.0.push(Word {
                op: Op::Equal,
                text: new.to_string(),
                old: Some(old.to_string()),
            }),
        }
    }
}

/// The diff of two huge paragraphs in linear time and memory: the common beginning and end
/// are equal, the middle is replaced, and the report says so.
fn coarse_diff(old: &str, new: &str) -> (Vec<Word>, f64, Option<String>) {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
    let suffix = old_rest
        .chars()
        .rev()
        .zip(new_rest.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let mut words = Vec::new();
    let mut push = |op: Op, text: &str| {
        if !text.is_empty() {
            words.push(Word {
                op,
                text: text.to_string(),
                old: None,
            });
        }
    };
    push(Op::Equal, &old[..prefix]);
    push(Op::Delete, &old_rest[..old_rest.len() - suffix]);
    push(Op::Insert, &new_rest[..new_rest.len() - suffix]);
    push(Op::Equal, &old_rest[old_rest.len() - suffix..]);
    let same = (prefix + suffix) as f64;
    let similarity = 2.0 * same / (old.len() + new.len()).max(1) as f64;
    let note = format!(
        "paragraphs of {} and {} bytes are too large to compare word by word; the differing middle is shown whole",
        old.len(),
        new.len()
    );
    (words, similarity.min(1.0), Some(note))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{self, Options as NormalizeOptions};

    fn doc(text: &str) -> Document {
        normalize::document(text, &NormalizeOptions::default())
    }

    #[test]
    fn word_diff_rebuilds_both_sides() {
        let (words, similarity, fallback) = word_diff(
            "The Member States support it.",
            "The States firmly support it!",
            &Options::default(),
        );
        let (old, new) = rebuild(&words);
        assert_eq!(old, "The Member States support it.");
        assert_eq!(new, "The States firmly support it!");
        assert!(similarity > 0.7 && similarity < 1.0);
        assert!(fallback.is_none());
    }

    #[test]
    fn ignored_spellings_show_the_new_one_and_keep_the_old() {
        let options = Options {
            ignore_case: true,
            ..Options::default()
        };
        let old = "The S`CO, the Organization's members agree.";
        let new = "the S’CO, the Organization’s Members now agree.";
        let (words, _, _) = word_diff(old, new, &options);
        assert_eq!(rebuild(&words), (old.to_string(), new.to_string()));
        assert_eq!(words[0].op, Op::Equal);
        assert_eq!(words[0].text, "the S’CO, the Organization’s Members ");
        assert_eq!(
            words[0].old.as_deref(),
            Some("The S`CO, the Organization's members ")
        );
        assert!(
            words
                .iter()
                .filter(|w| w.op == Op::Equal)
                .nth(1)
                .unwrap()
                .old
                .is_none(),
            "a spelling that does not differ carries no old one: {words:?}"
        );
    }

    #[test]
    fn huge_paragraphs_get_a_coarse_diff_that_still_rebuilds_both() {
        let old = "word ".repeat(1_000_000);
        let new = format!(
            "{}changed {}",
            "word ".repeat(500_000),
            "word ".repeat(499_999)
        );
        let (words, similarity, note) = word_diff(&old, &new, &Options::default());
        let (rebuilt_old, rebuilt_new) = rebuild(&words);
        assert_eq!(rebuilt_old, old);
        assert_eq!(rebuilt_new, new);
        assert!(note.is_some() && similarity > 0.9);
    }

    #[test]
    fn renumbered_only_is_unchanged_and_renumbered() {
        let old = doc("1. A\n\n1. First paragraph text.\n\n2. Second paragraph text.\n");
        let new = doc(
            "1. A\n\n1. Inserted paragraph here.\n\n2. First paragraph text.\n\n3. Second paragraph text.\n",
        );
        let c = compare(old.clone(), new.clone(), "old", "new", &Options::default());
        assert_eq!(c.summary.added, 1);
        assert_eq!(c.summary.unchanged, 3);
        assert_eq!(c.summary.renumbered, 2);
        assert_eq!(c.summary.changed, 0);
        assert_eq!(c.entries[1].kind, Kind::Added);
    }

    #[test]
    fn quote_and_dash_style_ignored_unless_strict() {
        let old = doc("1. The “Shanghai spirit” – trust.\n");
        let new = doc("1. The \"Shanghai spirit\" - trust.\n");
        assert_eq!(
            compare(old.clone(), new.clone(), "a", "b", &Options::default())
                .summary
                .unchanged,
            1
        );
        let strict = Options {
            strict: true,
            ..Options::default()
        };
        assert_eq!(
            compare(old.clone(), new.clone(), "a", "b", &strict)
                .summary
                .changed,
            1
        );
    }
}

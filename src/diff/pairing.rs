//! Which blocks of the two versions go together: comparison keys with the ignored
//! differences folded away, the aligner run on them in a canonical orientation, and whether
//! each pair is unchanged.

use std::borrow::Cow;
use std::time::{Duration, Instant};

use super::Options;
use crate::align;
use crate::model::{Block, Document};
use crate::text;

/// Time allowed for the block-level diff of the whole document.
const BLOCK_DIFF_BUDGET: Duration = Duration::from_secs(3);

/// The aligner's pairs, and for each whether its two texts are the same.
pub(super) struct Pairing {
    pub pairs: Vec<align::Pair>,
    pub unchanged: Vec<bool>,
}

/// Pair the blocks of two documents under `options`.
pub(super) fn pair_blocks(old: &Document, new: &Document, options: &Options) -> Pairing {
    let old_key = |i: usize| block_key(&old.blocks[i], old, options);
    let new_key = |i: usize| block_key(&new.blocks[i], new, options);
    let (old_items, new_items) = rayon::join(
        || align_items(&old.blocks, &old_key),
        || align_items(&new.blocks, &new_key),
    );
    // The aligner's passes are greedy, and where several pairings are equally good the one
    // found can depend on which side is "old". Aligning in a canonical orientation (the
    // documents ordered by their keys) and swapping back makes B→A the mirror of A→B.
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
    let unchanged = {
        use rayon::prelude::*;
        pairs
            .par_iter()
            .map(|p| match (p.old.as_slice(), p.new.as_slice()) {
                // Equal texts have equal keys: most pairs are settled by one memcmp, without
                // folding either text. (Strict keys read the source instead.)
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
    Pairing { pairs, unchanged }
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
    // A block without text (`Article 49`, `### Art 49`, `مادهٔ اول`) is only its label, that
    // is its number, in the document's numbering style; so is a heading of a sequence of one
    // shape (`12. artikla.`, `12 straipsnis`): they say nothing that a renumbering would
    // change (a changed label or word shows as renumbered).
    if block.text.is_empty() || block.recurring {
        return Cow::Borrowed("\u{0}");
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
    if block.is_heading() {
        // A heading's final punctuation is a matter of style (`17 бап.` among `N бап`), as the
        // heading-punctuation finding reports it, not a change of its words.
        let title = block
            .text
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace());
        if !title.is_empty() {
            return key(title, options);
        }
    }
    key(&block.text, options)
}

/// A key's letters and digits, lowercased: headings that differ only in punctuation or case
/// are alike.
fn fingerprint(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn align_items<'a>(blocks: &'a [Block], key: align::Keys<'_, 'a>) -> Vec<align::Item<'a>> {
    let mut items: Vec<align::Item<'a>> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| align::Item {
            heading: b.is_heading(),
            anonymous: false,
            number: b.number.as_deref(),
            hash: align::item_hash(b.is_heading(), &key(i)),
            id: b.eid.as_deref(),
        })
        .collect();
    // A heading that is only its number (`Article 12`), or whose words recur among the
    // document's headings (`1. artikla.`, a generic `Anwendungsbereich`), says nothing of
    // which heading it is: what it heads does.
    let headings: Vec<usize> = (0..blocks.len()).filter(|&i| items[i].heading).collect();
    let fingerprints: Vec<String> = headings.iter().map(|&i| fingerprint(&key(i))).collect();
    let mut counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for f in &fingerprints {
        *counts.entry(f.as_str()).or_default() += 1;
    }
    for (&i, f) in headings.iter().zip(&fingerprints) {
        let block = &blocks[i];
        items[i].anonymous = block.text.is_empty() || block.recurring || counts[f.as_str()] > 1;
    }
    items
}

//! The aligner: pairs the blocks of two versions, in passes from surest to loosest
//! (`passes`). One entry point, [`align`].
//!
//! 1. Identical text (label stripped) in the same order: a patience diff over block hashes
//!    (`patience`), so one inserted paragraph costs one entry, not a
//!    renumbering of everything after it.
//! 2. Identical text out of order: moved blocks, by hash.
//! 3. The same identifier in the sources' markup (an Akoma Ntoso `eId`) and some words in
//!    common: a block its markup names pairs with the block of that name.
//! 4. Inside each stretch the first pass left unpaired: same number and similar text, then
//!    similar text under another number; headings left over under one number anywhere.
//! 5. Similar text anywhere: moved and edited, found through an index of rare words, so no
//!    block is compared with every other.
//! 6. Splits and merges (`splits`): a leftover block next to a pair whose text it completes;
//!    several leftovers in a row may together complete it.
//! 7. Rewritten in place (`in_place`): the only block left between two pairs that keep their
//!    order, or one keeping its number there, pairs with its counterpart whatever its words.
//!
//! Similarity is the overlap of word multisets (`bags`), built only for the
//! blocks the exact passes left. Cost is near linear for realistic edits: hashing, one diff
//! of hashes, and similarity only within small stretches or among a handful of candidates.

#![warn(missing_docs)]

mod bags;
mod in_place;
pub mod order;
mod passes;
mod patience;
mod splits;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use bags::Bags;
use passes::{Sides, State};

/// How a pair was found. Also the `matched_by` of an `accord.diff/1` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Matched")]
pub enum MatchedBy {
    /// The same text (up to what the comparison ignores).
    Text,
    /// The same number, and for paragraphs similar text.
    Number,
    /// The same identifier in the source's markup (an Akoma Ntoso `eId`), and some words
    /// in common.
    Identifier,
    /// Similar text.
    Content,
    /// The only blocks left between paired neighbours, sharing some words.
    Position,
}

impl MatchedBy {
    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchedBy::Text => "text",
            MatchedBy::Number => "number",
            MatchedBy::Identifier => "identifier",
            MatchedBy::Content => "content",
            MatchedBy::Position => "position",
        }
    }
}

/// What the aligner needs to know of a block.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// Whether the block is a heading: headings pair only with headings by content.
    pub heading: bool,
    /// A heading whose words do not tell it from other headings of its document (they are
    /// only its number, or they recur): it pairs by what it heads.
    pub anonymous: bool,
    /// The block's number, compared as written (`"4c"`, `"3.2"`).
    pub number: Option<&'a str>,
    /// [`item_hash`] of the block: blocks with equal hashes are taken to be identical.
    pub hash: u64,
    /// The identifier the source's markup gave the block (an Akoma Ntoso `eId`).
    pub id: Option<&'a str>,
}

/// The comparison key of block `i` of one side (its text with the ignored differences
/// folded away), made on demand: only the few blocks left unpaired by their hashes need it,
/// and keys kept for every block would cost memory on the order of the text.
pub type Keys<'k, 'a> = &'k (dyn Fn(usize) -> std::borrow::Cow<'a, str> + Sync);

/// The hash the aligner pairs identical blocks by.
pub fn item_hash(heading: bool, key: &str) -> u64 {
    bags::hash_of(&(heading, key))
}

/// Positions of blocks on one side of a pair: nearly always one, kept in place rather than
/// allocated, as a large document has a pair for every block.
pub type Indices = smallvec::SmallVec<[usize; 1]>;

/// Blocks of OLD paired with blocks of NEW; one of the two lists may be empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Positions of the old blocks, ascending.
    pub old: Indices,
    /// Positions of the new blocks, ascending.
    pub new: Indices,
    /// How the pair was found; `None` for an added or removed block.
    pub matched_by: Option<MatchedBy>,
}

/// Pair the blocks of two documents: every block of each side in exactly one pair.
/// `deadline` bounds the block-level diff.
pub fn align(
    old: &[Item<'_>],
    new: &[Item<'_>],
    (old_key, new_key): (Keys<'_, '_>, Keys<'_, '_>),
    deadline: Option<std::time::Instant>,
) -> Vec<Pair> {
    let mut state = State::new(old, new);
    let stretches = passes::identical_in_order(old, new, deadline, &mut state);
    passes::identical_out_of_order(old, new, &stretches, &mut state);
    // Word bags only for blocks the exact passes left: for realistic edits, a few percent.
    let (mut old_bags, mut new_bags) = rayon::join(
        || Bags::for_unpaired(old_key, &state.old_pair),
        || Bags::for_unpaired(new_key, &state.new_pair),
    );
    let sides = Sides {
        old,
        new,
        old_bags: &old_bags,
        new_bags: &new_bags,
    };
    passes::same_identifier(&sides, &mut state);
    passes::within_stretches(&sides, &stretches, &mut state);
    passes::headings_by_number(old, new, &mut state);
    passes::similar_anywhere(&sides, &stretches, &mut state);
    passes::headings_by_content(old, new, &mut state);
    splits::fill_neighbour_bags((old_key, new_key), &mut old_bags, &mut new_bags, &state);
    splits::splits_and_merges(&old_bags, &new_bags, &mut state);
    let sides = Sides {
        old,
        new,
        old_bags: &old_bags,
        new_bags: &new_bags,
    };
    in_place::rewritten_in_place(&sides, &mut state);
    state.into_pairs()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items<'a>(texts: &'a [(&'a str, &'a str)]) -> Vec<Item<'a>> {
        texts
            .iter()
            .map(|(n, t)| Item {
                heading: false,
                anonymous: false,
                number: (!n.is_empty()).then_some(*n),
                hash: item_hash(false, t),
                id: None,
            })
            .collect()
    }

    fn run(old: &[(&str, &str)], new: &[(&str, &str)]) -> Vec<Pair> {
        let old_key = |i: usize| std::borrow::Cow::Borrowed(old[i].1);
        let new_key = |i: usize| std::borrow::Cow::Borrowed(new[i].1);
        align(&items(old), &items(new), (&old_key, &new_key), None)
    }

    fn summary(pairs: &[Pair]) -> Vec<(Vec<usize>, Vec<usize>)> {
        let mut v: Vec<_> = pairs
            .iter()
            .map(|p| (p.old.to_vec(), p.new.to_vec()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn insertion_pairs_shifted_blocks_by_text() {
        let old = [("1", "alpha beta gamma"), ("2", "delta epsilon zeta")];
        let new = [
            ("1", "new paragraph here"),
            ("2", "alpha beta gamma"),
            ("3", "delta epsilon zeta"),
        ];
        let pairs = run(&old, &new);
        assert_eq!(
            summary(&pairs),
            vec![(vec![], vec![0]), (vec![0], vec![1]), (vec![1], vec![2])]
        );
        assert!(
            pairs
                .iter()
                .filter(|p| !p.old.is_empty())
                .all(|p| p.matched_by == Some(MatchedBy::Text))
        );
    }

    #[test]
    fn split_and_merge() {
        let old = [
            ("1", "one two three four five six seven eight"),
            ("2", "red green blue"),
            ("3", "cyan magenta yellow"),
        ];
        let new = [
            ("1", "one two three four"),
            ("2", "five six seven eight"),
            ("3", "red green blue cyan magenta yellow"),
        ];
        let pairs = run(&old, &new);
        assert_eq!(
            summary(&pairs),
            vec![(vec![0], vec![0, 1]), (vec![1, 2], vec![2])]
        );
    }
}

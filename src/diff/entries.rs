//! Entries of a comparison: the pairs in the new version's order, each with the blocks it
//! reports, its kind, and whether it moved or was renumbered.

use std::collections::BTreeMap;

use super::{Entry, Kind};
use crate::align;
use crate::model::{Block, Document};

/// The pairs in entry order, as indices into `pairs`: the new version's order, a removed
/// block after the entry of the nearest paired old block before it.
pub(super) fn order(pairs: &[align::Pair], old_blocks: usize) -> Vec<usize> {
    let mut new_position_of_old: Vec<Option<usize>> = vec![None; old_blocks];
    for p in pairs {
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
    order.into_iter().map(|(_, k)| k).collect()
}

/// What the entries are built from: the pairs in order, whether each is unchanged and moved.
pub(super) struct Plan<'p> {
    pub pairs: &'p [align::Pair],
    pub order: &'p [usize],
    pub unchanged: &'p [bool],
    pub moved: &'p [bool],
}

/// The entries, each holding its blocks: taken from the versions as the entries need them.
pub(super) fn build(plan: &Plan<'_>, mut old: Blocks<'_>, mut new: Blocks<'_>) -> Vec<Entry> {
    let mut entries = Vec::with_capacity(plan.pairs.len());
    for &k in plan.order {
        let pair = &plan.pairs[k];
        let olds = old.take(&pair.old);
        let news = new.take(&pair.new);
        let kind = match (olds.len(), news.len()) {
            (0, _) => Kind::Added,
            (_, 0) => Kind::Removed,
            (1, 1) if plan.unchanged[k] => Kind::Unchanged,
            (1, 1) => Kind::Changed,
            (1, _) => Kind::Split,
            _ => Kind::Merged,
        };
        let renumbered = match (olds.first(), news.first()) {
            (Some(o), Some(n)) => renumbered(o, n),
            _ => false,
        };
        entries.push(Entry {
            kind,
            moved: plan.moved[k],
            renumbered,
            matched_by: pair.matched_by,
            similarity: if kind == Kind::Unchanged { 1.0 } else { 0.0 },
            old: olds,
            new: news,
            words: None,
            fallback: None,
            old_positions: pair.old.to_vec(),
            new_positions: pair.new.to_vec(),
        });
    }
    entries
}

/// Whether a pair's number changed: its number, or its label where neither has a number it
/// can read (a spelled-out ordinal: `Нэгдүгээр зүйл` → `Хоёрдугаар зүйл`), or its label and
/// words where they are all numbering (`第24条` → `弟23条`, `15 straipsnas` → `14 straipsnis`).
fn renumbered(old: &Block, new: &Block) -> bool {
    let numbering = |b: &Block| b.text.is_empty() || b.recurring;
    if old.number != new.number {
        return true;
    }
    if numbering(old) && numbering(new) {
        return old.label != new.label || old.text != new.text;
    }
    old.number.is_none() && new.number.is_none() && old.label != new.label
}

/// Heading titles by section number, for naming sections in reports.
pub(super) fn section_titles(document: &Document) -> BTreeMap<String, String> {
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

/// A version's blocks on their way into entries: moved out of a version the comparison owns,
/// copied from one it borrows.
pub(super) enum Blocks<'a> {
    Owned(BlockPool),
    Borrowed(&'a [Block]),
}

impl Blocks<'_> {
    /// The blocks at `indices`, in a vector of exactly their number (collecting would round a
    /// one-block entry up to room for four).
    fn take(&mut self, indices: &[usize]) -> Vec<Block> {
        match self {
            Blocks::Owned(pool) => pool.take(indices),
            Blocks::Borrowed(blocks) => {
                let mut taken = Vec::with_capacity(indices.len());
                taken.extend(indices.iter().filter_map(|&i| blocks.get(i)).cloned());
                taken
            }
        }
    }
}

/// A document's blocks on their way into entries, in chunks that are freed as soon as their
/// last block is taken: entries follow the new order (and mostly the old), so the blocks
/// are never held twice over, once in the document and once in the entries.
pub(super) struct BlockPool {
    chunks: Vec<Option<Vec<Option<Block>>>>,
    left: Vec<usize>,
}

impl BlockPool {
    const CHUNK: usize = 4096;

    pub(super) fn new(blocks: Vec<Block>) -> BlockPool {
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

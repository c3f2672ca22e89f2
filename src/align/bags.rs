//! Words of a block as a multiset, and how much two blocks share: what the similarity
//! passes compare. Bags are built only for blocks the exact passes left unpaired.

use std::hash::{Hash, Hasher};

use super::Keys;

/// The words of a block as a multiset: their hashes, sorted, repeats kept. Compared by
/// one merge walk, and far smaller than a hash map of counts.
#[derive(Default)]
pub(super) struct Bag {
    words: Vec<u64>,
}

impl Bag {
    fn from_hashes(mut words: Vec<u64>) -> Bag {
        words.sort_unstable();
        words.shrink_to_fit();
        Bag { words }
    }

    pub(super) fn total(&self) -> usize {
        self.words.len()
    }

    /// Each distinct word once.
    pub(super) fn distinct(&self) -> impl Iterator<Item = u64> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(|&(k, w)| k == 0 || self.words[k - 1] != *w)
            .map(|(_, &w)| w)
    }
}

/// The word bags of one side, built only for the blocks that need one (most are paired by
/// their exact text first): a slot costs a pointer, not an empty map.
pub(super) struct Bags(Vec<Option<Box<Bag>>>);

static NO_WORDS: Bag = Bag { words: Vec::new() };

impl Bags {
    /// Bags for the blocks `paired` says are still unpaired, from their keys. Each bag is
    /// independent of the others: built on every core.
    pub(super) fn for_unpaired(key: Keys<'_, '_>, paired: &[Option<usize>]) -> Bags {
        use rayon::prelude::*;
        Bags(
            paired
                .par_iter()
                .enumerate()
                .map(|(i, p)| p.is_none().then(|| Box::new(bag(&key(i)))))
                .collect(),
        )
    }

    /// Give block `i` its bag where it has none yet.
    pub(super) fn ensure(&mut self, i: usize, key: Keys<'_, '_>) {
        if self[i].total() == 0 {
            self.set(i, bag(&key(i)));
        }
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    fn set(&mut self, i: usize, bag: Bag) {
        self.0[i] = Some(Box::new(bag));
    }
}

impl std::ops::Index<usize> for Bags {
    type Output = Bag;
    fn index(&self, i: usize) -> &Bag {
        self.0[i].as_deref().unwrap_or(&NO_WORDS)
    }
}

pub(super) fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

fn bag(key: &str) -> Bag {
    Bag::from_hashes(
        crate::text::tokens::tokens_of(key)
            .filter(|token| token.is_word())
            .map(|token| hash_of(token.core))
            .collect(),
    )
}

/// Dice's coefficient of two bags: twice the shared words over all words, a repeated word
/// shared as often as both have it.
pub(super) fn dice(a: &Bag, b: &Bag) -> f64 {
    let total = a.total() + b.total();
    if total == 0 {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0u32);
    while i < a.words.len() && j < b.words.len() {
        match a.words[i].cmp(&b.words[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * f64::from(shared) / total as f64
}

pub(super) fn merged_bag(parts: &[&Bag]) -> Bag {
    Bag::from_hashes(parts.iter().flat_map(|p| p.words.iter().copied()).collect())
}

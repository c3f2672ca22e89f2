//! The aligner: pairs the blocks of two versions, in passes from surest to loosest.
//!
//! 1. Identical text (label stripped) in the same order: a patience diff over block hashes,
//!    so one inserted paragraph costs one entry, not a renumbering of everything after it.
//! 2. Identical text out of order: moved blocks, by hash.
//! 3. Inside each stretch the first pass left unpaired: same number and similar text, then
//!    similar text under another number.
//! 4. Similar text anywhere: moved and edited, found through an index of rare words, so no
//!    block is compared with every other.
//! 5. Splits and merges: a leftover block next to a pair whose text it completes.
//!
//! Cost is near linear for realistic edits: hashing, one diff of hashes, and similarity only
//! within small stretches or among a handful of candidates.

use std::collections::VecDeque;

use rustc_hash::FxHashMap as HashMap;
use smallvec::smallvec;
use std::hash::{Hash, Hasher};

/// How a pair was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    Text,
    Number,
    Content,
    Position,
}

/// What the aligner needs to know of a block.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub heading: bool,
    pub number: Option<&'a str>,
    /// [`item_hash`] of the block: blocks with equal hashes are taken to be identical.
    pub hash: u64,
}

/// The comparison key of block `i` of one side (its text with the ignored differences
/// folded away), made on demand: only the few blocks left unpaired by their hashes need it,
/// and keys kept for every block would cost memory on the order of the text.
pub type Keys<'k, 'a> = &'k (dyn Fn(usize) -> std::borrow::Cow<'a, str> + Sync);

/// The hash the aligner pairs identical blocks by.
pub fn item_hash(heading: bool, key: &str) -> u64 {
    hash_of(&(heading, key))
}

/// Positions of blocks on one side of a pair: nearly always one, kept in place rather than
/// allocated, as a large document has a pair for every block.
pub type Indices = smallvec::SmallVec<[usize; 1]>;

/// Blocks of OLD paired with blocks of NEW; one of the two lists may be empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub old: Indices,
    pub new: Indices,
    pub matched_by: Option<MatchedBy>,
}

/// Similar enough to be one paragraph edited (word multiset overlap, Dice coefficient).
const SIMILAR: f64 = 0.5;
/// A block found elsewhere (moved and edited) must be closer still: far from its place, a
/// merely similar paragraph is more often a different one on the same subject.
const SIMILAR_ELSEWHERE: f64 = 0.7;
/// A lone old and a lone new block between identical neighbours are the same paragraph
/// rewritten, if they share this much.
const SIMILAR_IN_PLACE: f64 = 0.3;
/// A split's parts (or a merge's sources) together must say nearly what the whole says.
const SPLIT_WHOLE: f64 = 0.8;
/// Stretches up to this many candidate pairs are compared exhaustively.
const EXHAUSTIVE_LIMIT: usize = 20_000;
/// Words in more blocks than this say nothing about which block is which.
const COMMON_WORD_BLOCKS: usize = 40;
const CANDIDATES: usize = 8;

/// The words of a block as a multiset: their hashes, sorted, repeats kept. Compared by
/// one merge walk, and a tenth of the size of a hash map of counts.
#[derive(Default)]
struct Bag {
    words: Vec<u64>,
}

impl Bag {
    fn from_hashes(mut words: Vec<u64>) -> Bag {
        words.sort_unstable();
        words.shrink_to_fit();
        Bag { words }
    }

    fn total(&self) -> usize {
        self.words.len()
    }

    /// Each distinct word once.
    fn distinct(&self) -> impl Iterator<Item = u64> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(|&(k, w)| k == 0 || self.words[k - 1] != *w)
            .map(|(_, &w)| w)
    }
}

/// The word bags of one side, built only for the blocks that need one (most are paired by
/// their exact text first): a slot costs a pointer, not an empty map.
struct Bags(Vec<Option<Box<Bag>>>);

static NO_WORDS: Bag = Bag { words: Vec::new() };

impl Bags {
    fn len(&self) -> usize {
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

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
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
fn dice(a: &Bag, b: &Bag) -> f64 {
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

fn merged_bag(parts: &[&Bag]) -> Bag {
    Bag::from_hashes(parts.iter().flat_map(|p| p.words.iter().copied()).collect())
}

struct State {
    old_pair: Vec<Option<usize>>,
    new_pair: Vec<Option<usize>>,
    pairs: Vec<Pair>,
}

impl State {
    fn link(&mut self, old: Indices, new: Indices, by: MatchedBy) {
        let id = self.pairs.len();
        for &o in &old {
            self.old_pair[o] = Some(id);
        }
        for &n in &new {
            self.new_pair[n] = Some(id);
        }
        self.pairs.push(Pair {
            old,
            new,
            matched_by: Some(by),
        });
    }
}

/// The equal runs of a diff, `(old start, new start, length)`, in order.
#[derive(Default)]
struct EqualRuns(Vec<(usize, usize, usize)>);

impl similar::algorithms::DiffHook for EqualRuns {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        match self.0.last_mut() {
            Some((o, n, l)) if *o + *l == old && *n + *l == new => *l += len,
            _ => self.0.push((old, new, len)),
        }
        Ok(())
    }
}

/// The equal runs of a patience diff of two hash sequences, as
/// `similar::algorithms::patience` finds them: items that occur once on each side are
/// matched by a Myers diff of those items alone, and the gaps between the matches by Myers
/// diffs of their own. Written for hashes: the once-only items are found by sorting rather
/// than by a map per item, which at 100,000s of blocks was most of the aligner's memory.
fn patience_runs(old: &[u64], new: &[u64], deadline: Option<std::time::Instant>) -> EqualRuns {
    let old_unique = unique_positions(old);
    let new_unique = unique_positions(new);
    let old_keys: Vec<u64> = old_unique.iter().map(|&i| old[i]).collect();
    let new_keys: Vec<u64> = new_unique.iter().map(|&j| new[j]).collect();
    let mut anchors = Anchors {
        old,
        new,
        old_unique: &old_unique,
        new_unique: &new_unique,
        old_current: 0,
        new_current: 0,
        deadline,
        runs: EqualRuns::default(),
    };
    let _ = similar::algorithms::myers::diff_deadline(
        &mut anchors,
        &old_keys,
        0..old_keys.len(),
        &new_keys,
        0..new_keys.len(),
        deadline,
    );
    anchors.runs
}

/// Positions of the items that occur exactly once, in order.
fn unique_positions(items: &[u64]) -> Vec<usize> {
    let mut sorted: Vec<(u64, usize)> = items.iter().copied().zip(0..).collect();
    sorted.sort_unstable();
    let mut unique: Vec<usize> = sorted
        .iter()
        .enumerate()
        .filter(|&(k, &(hash, _))| {
            (k == 0 || sorted[k - 1].0 != hash) && sorted.get(k + 1).is_none_or(|n| n.0 != hash)
        })
        .map(|(_, &(_, position))| position)
        .collect();
    unique.sort_unstable();
    unique
}

/// The hook that turns matched once-only items into equal runs, diffing the gaps before
/// them (and after the last) as it goes.
struct Anchors<'a> {
    old: &'a [u64],
    new: &'a [u64],
    old_unique: &'a [usize],
    new_unique: &'a [usize],
    old_current: usize,
    new_current: usize,
    deadline: Option<std::time::Instant>,
    runs: EqualRuns,
}

impl similar::algorithms::DiffHook for Anchors<'_> {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        for (old, new) in (old..old + len).zip(new..new + len) {
            let (old_anchor, new_anchor) = (self.old_unique[old], self.new_unique[new]);
            // Myers strips the gap's common prefix itself, and the runs merge, so the
            // anchor's own equal item is found as part of the next gap's diff.
            similar::algorithms::myers::diff_deadline(
                &mut self.runs,
                self.old,
                self.old_current..old_anchor,
                self.new,
                self.new_current..new_anchor,
                self.deadline,
            )?;
            self.old_current = old_anchor;
            self.new_current = new_anchor;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Self::Error> {
        similar::algorithms::myers::diff_deadline(
            &mut self.runs,
            self.old,
            self.old_current..self.old.len(),
            self.new,
            self.new_current..self.new.len(),
            self.deadline,
        )
    }
}

/// Pair the blocks of two documents. `deadline` bounds the block-level diff.
pub fn align(
    old: &[Item<'_>],
    new: &[Item<'_>],
    (old_key, new_key): (Keys<'_, '_>, Keys<'_, '_>),
    deadline: Option<std::time::Instant>,
) -> Vec<Pair> {
    let old_hash: Vec<u64> = old.iter().map(|b| b.hash).collect();
    let new_hash: Vec<u64> = new.iter().map(|b| b.hash).collect();
    let mut state = State {
        old_pair: vec![None; old.len()],
        new_pair: vec![None; new.len()],
        // Nearly every block ends up in a pair of its own: room for them all at once.
        pairs: Vec::with_capacity(old.len().max(new.len())),
    };

    // Pass 1: identical text in order; everything else falls into stretches between.
    // Only the equal runs matter (the stretches are the gaps between them), so they are
    // taken straight from the algorithm, without building and tidying a list of operations.
    let equal_runs = patience_runs(&old_hash, &new_hash, deadline);
    let mut stretches: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    let (mut old_at, mut new_at) = (0, 0);
    let ends = [(old_hash.len(), new_hash.len(), 0)];
    for &(o, n, len) in equal_runs.0.iter().chain(&ends) {
        if o > old_at || n > new_at {
            stretches.push((old_at..o, new_at..n));
        }
        for k in 0..len {
            state.link(smallvec![o + k], smallvec![n + k], MatchedBy::Text);
        }
        (old_at, new_at) = (o + len, n + len);
    }

    // Pass 2: identical text out of order.
    let mut by_hash: HashMap<u64, VecDeque<usize>> = HashMap::default();
    for (_, n) in &stretches {
        for j in n.clone() {
            by_hash.entry(new_hash[j]).or_default().push_back(j);
        }
    }
    for (o, _) in &stretches {
        for i in o.clone() {
            if let Some(j) = by_hash.get_mut(&old_hash[i]).and_then(VecDeque::pop_front) {
                state.link(smallvec![i], smallvec![j], MatchedBy::Text);
            }
        }
    }

    // Word bags only for blocks the exact passes left: for realistic edits, a few percent.
    // Each bag is independent of the others: built on every core.
    let bags_for = |key: Keys<'_, '_>, paired: &[Option<usize>]| -> Bags {
        use rayon::prelude::*;
        Bags(
            paired
                .par_iter()
                .enumerate()
                .map(|(i, p)| p.is_none().then(|| Box::new(bag(&key(i)))))
                .collect(),
        )
    };
    let (mut old_bags, mut new_bags) = rayon::join(
        || bags_for(old_key, &state.old_pair),
        || bags_for(new_key, &state.new_pair),
    );

    // Pass 3: within each stretch, by number, then by similarity.
    for (o, n) in &stretches {
        let olds: Vec<usize> = o.clone().filter(|&i| state.old_pair[i].is_none()).collect();
        let news: Vec<usize> = n.clone().filter(|&j| state.new_pair[j].is_none()).collect();
        if olds.is_empty() || news.is_empty() {
            continue;
        }
        let mut by_number: HashMap<&str, Vec<usize>> = HashMap::default();
        for &j in &news {
            if let Some(num) = new[j].number {
                by_number.entry(num).or_default().push(j);
            }
        }
        for &i in &olds {
            let Some(num) = old[i].number else { continue };
            let Some(cands) = by_number.get(num) else {
                continue;
            };
            // A heading keeps its number when renamed, so for headings the number alone
            // (within the stretch) is enough; paragraphs must also say much the same.
            // A block that turned from heading to paragraph (or back) needs the similar text.
            let heading = old[i].heading;
            if let Some(&j) = cands.iter().find(|&&j| {
                state.new_pair[j].is_none()
                    && ((heading && new[j].heading) || dice(&old_bags[i], &new_bags[j]) >= SIMILAR)
            }) {
                state.link(smallvec![i], smallvec![j], MatchedBy::Number);
            }
        }
        let olds: Vec<usize> = olds
            .into_iter()
            .filter(|&i| state.old_pair[i].is_none())
            .collect();
        let news: Vec<usize> = news
            .into_iter()
            .filter(|&j| state.new_pair[j].is_none())
            .collect();
        if olds.len() == 1 && news.len() == 1 {
            let (i, j) = (olds[0], news[0]);
            if old[i].heading == new[j].heading
                && dice(&old_bags[i], &new_bags[j]) >= SIMILAR_IN_PLACE
            {
                state.link(smallvec![i], smallvec![j], MatchedBy::Position);
            }
            continue;
        }
        if olds.len() * news.len() <= EXHAUSTIVE_LIMIT {
            let mut scored: Vec<(f64, usize, usize)> = Vec::new();
            for &i in &olds {
                for &j in &news {
                    if old[i].heading != new[j].heading {
                        continue;
                    }
                    let s = dice(&old_bags[i], &new_bags[j]);
                    if s >= SIMILAR {
                        scored.push((s, i, j));
                    }
                }
            }
            // Best pairs first; ties go to the nearer position, keeping order where possible.
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            for (_, i, j) in scored {
                if state.old_pair[i].is_none() && state.new_pair[j].is_none() {
                    state.link(smallvec![i], smallvec![j], MatchedBy::Content);
                }
            }
        }
    }

    // Pass 3b: headings left over on both sides under one number are one heading renamed,
    // wherever the diff's anchors put them.
    let mut headings_by_number: HashMap<&str, VecDeque<usize>> = HashMap::default();
    for (j, item) in new.iter().enumerate() {
        if item.heading && state.new_pair[j].is_none() {
            if let Some(num) = item.number {
                headings_by_number.entry(num).or_default().push_back(j);
            }
        }
    }
    for (i, item) in old.iter().enumerate() {
        if !item.heading || state.old_pair[i].is_some() {
            continue;
        }
        let Some(num) = item.number else { continue };
        if let Some(j) = headings_by_number
            .get_mut(num)
            .and_then(VecDeque::pop_front)
        {
            state.link(smallvec![i], smallvec![j], MatchedBy::Number);
        }
    }

    // Pass 4: similar text anywhere, through an index of distinctive words.
    // Which stretch each block fell in: a candidate in the same or a neighbouring stretch is
    // near its place, whichever anchor the diff happened to choose between them.
    let mut old_stretch = vec![usize::MAX; old.len()];
    let mut new_stretch = vec![usize::MAX; new.len()];
    for (k, (o, n)) in stretches.iter().enumerate() {
        o.clone().for_each(|i| old_stretch[i] = k);
        n.clone().for_each(|j| new_stretch[j] = k);
    }
    content_pass(
        old,
        new,
        &old_bags,
        &new_bags,
        (&old_stretch, &new_stretch),
        &mut state,
    );

    // Pass 5: splits and merges. Their neighbours may have been paired exactly and have no
    // bag yet.
    fill_neighbour_bags((old_key, new_key), &mut old_bags, &mut new_bags, &state);
    splits_and_merges(&old_bags, &new_bags, &mut state);

    let mut pairs = state.pairs;
    // Room for the unpaired blocks at once: growing by doubling would hold the list twice
    // over at its largest, at 100,000s of pairs a passing peak of tens of megabytes.
    let unpaired = |side: &[Option<usize>]| side.iter().filter(|p| p.is_none()).count();
    pairs.reserve_exact(unpaired(&state.old_pair) + unpaired(&state.new_pair));
    for (i, p) in state.old_pair.iter().enumerate() {
        if p.is_none() {
            pairs.push(Pair {
                old: smallvec![i],
                new: Indices::new(),
                matched_by: None,
            });
        }
    }
    for (j, p) in state.new_pair.iter().enumerate() {
        if p.is_none() {
            pairs.push(Pair {
                old: Indices::new(),
                new: smallvec![j],
                matched_by: None,
            });
        }
    }
    pairs.retain(|p| !p.old.is_empty() || !p.new.is_empty());
    pairs
}

fn content_pass(
    old: &[Item<'_>],
    new: &[Item<'_>],
    old_bags: &Bags,
    new_bags: &Bags,
    (old_stretch, new_stretch): (&[usize], &[usize]),
    state: &mut State,
) {
    let free_old: Vec<usize> = (0..old.len())
        .filter(|&i| state.old_pair[i].is_none())
        .collect();
    if free_old.is_empty() {
        return;
    }
    let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
    for &i in &free_old {
        for word in old_bags[i].distinct() {
            index.entry(word).or_default().push(i);
        }
    }
    for j in 0..new.len() {
        if state.new_pair[j].is_some() {
            continue;
        }
        let mut votes: HashMap<usize, u32> = HashMap::default();
        for word in new_bags[j].distinct() {
            if let Some(olds) = index.get(&word).filter(|v| v.len() <= COMMON_WORD_BLOCKS) {
                for &i in olds {
                    *votes.entry(i).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(u32, usize)> = votes.into_iter().map(|(i, v)| (v, i)).collect();
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let best = candidates
            .iter()
            .take(CANDIDATES)
            .filter(|&&(_, i)| state.old_pair[i].is_none() && old[i].heading == new[j].heading)
            .map(|&(_, i)| (dice(&old_bags[i], &new_bags[j]), i))
            .filter(|&(s, i)| {
                let near = old_stretch[i].abs_diff(new_stretch[j]) <= 1;
                s >= if near { SIMILAR } else { SIMILAR_ELSEWHERE }
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, i)) = best {
            state.link(smallvec![i], smallvec![j], MatchedBy::Content);
        }
    }
}

fn fill_neighbour_bags(
    (old_key, new_key): (Keys<'_, '_>, Keys<'_, '_>),
    old_bags: &mut Bags,
    new_bags: &mut Bags,
    state: &State,
) {
    let mut want_old = Vec::new();
    let mut want_new = Vec::new();
    let mut visit = |k: usize, pair_of: &[Option<usize>], new_side: bool| {
        for neighbour in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
            let Some(id) = pair_of.get(neighbour).copied().flatten() else {
                continue;
            };
            want_old.extend(&state.pairs[id].old);
            want_new.extend(&state.pairs[id].new);
        }
        if new_side {
            want_new.push(k)
        } else {
            want_old.push(k)
        }
    };
    for (k, p) in state.new_pair.iter().enumerate() {
        if p.is_none() {
            visit(k, &state.new_pair, true);
        }
    }
    for (k, p) in state.old_pair.iter().enumerate() {
        if p.is_none() {
            visit(k, &state.old_pair, false);
        }
    }
    for i in want_old {
        if old_bags[i].total() == 0 {
            old_bags.set(i, bag(&old_key(i)));
        }
    }
    for j in want_new {
        if new_bags[j].total() == 0 {
            new_bags.set(j, bag(&new_key(j)));
        }
    }
}

/// A leftover block next to a 1:1 pair, whose text together with its neighbour's matches
/// the other side's block better than the neighbour alone: a split (new side) or a merge
/// (old side).
fn splits_and_merges(old_bags: &Bags, new_bags: &Bags, state: &mut State) {
    for side in [Side::New, Side::Old] {
        let (leftover_len, pair_of): (usize, &Vec<Option<usize>>) = match side {
            Side::New => (new_bags.len(), &state.new_pair),
            Side::Old => (old_bags.len(), &state.old_pair),
        };
        let leftovers: Vec<usize> = (0..leftover_len)
            .filter(|&k| pair_of[k].is_none())
            .collect();
        for k in leftovers {
            let pair_of = match side {
                Side::New => &state.new_pair,
                Side::Old => &state.old_pair,
            };
            let mut best: Option<(f64, usize)> = None;
            for neighbour in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
                let Some(id) = pair_of.get(neighbour).copied().flatten() else {
                    continue;
                };
                let pair = &state.pairs[id];
                let (same_side, other_side) = match side {
                    Side::New => (&pair.new, &pair.old),
                    Side::Old => (&pair.old, &pair.new),
                };
                if other_side.len() != 1 || same_side.contains(&k) {
                    continue;
                }
                // Only parts adjacent to the group already formed.
                let lo = *same_side.iter().min().unwrap_or(&neighbour);
                let hi = *same_side.iter().max().unwrap_or(&neighbour);
                if !(k + 1 == lo || k == hi + 1) {
                    continue;
                }
                let (bags_same, bags_other) = match side {
                    Side::New => (new_bags, old_bags),
                    Side::Old => (old_bags, new_bags),
                };
                let whole = &bags_other[other_side[0]];
                let parts: Vec<&Bag> = same_side.iter().map(|&x| &bags_same[x]).collect();
                let before = dice(whole, &merged_bag(&parts));
                let mut with = parts.clone();
                with.push(&bags_same[k]);
                let after = dice(whole, &merged_bag(&with));
                if after >= SPLIT_WHOLE
                    && after > before + 0.05
                    && best.is_none_or(|(s, _)| after > s)
                {
                    best = Some((after, id));
                }
            }
            if let Some((_, id)) = best {
                let pair = &mut state.pairs[id];
                match side {
                    Side::New => {
                        pair.new.push(k);
                        pair.new.sort_unstable();
                        state.new_pair[k] = Some(id);
                    }
                    Side::Old => {
                        pair.old.push(k);
                        pair.old.sort_unstable();
                        state.old_pair[k] = Some(id);
                    }
                }
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Side {
    Old,
    New,
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The hash-specialised patience diff finds the equal runs similar's does (below the
        /// size where similar first checks for nearly disjoint inputs).
        #[test]
        fn patience_runs_are_similars(
            alphabet in proptest::sample::select(vec![3u64, 12, 60, 1000]),
            old in proptest::collection::vec(0u64..1000, 0..200),
            new in proptest::collection::vec(0u64..1000, 0..200),
        ) {
            let old: Vec<u64> = old.into_iter().map(|x| x % alphabet).collect();
            let new: Vec<u64> = new.into_iter().map(|x| x % alphabet).collect();
            let mut theirs = EqualRuns::default();
            let _ = similar::algorithms::patience::diff_deadline(
                &mut theirs, &old, 0..old.len(), &new, 0..new.len(), None,
            );
            proptest::prop_assert_eq!(patience_runs(&old, &new, None).0, theirs.0);
        }
    }

    fn items<'a>(texts: &'a [(&'a str, &'a str)]) -> Vec<Item<'a>> {
        texts
            .iter()
            .map(|(n, t)| Item {
                heading: false,
                number: (!n.is_empty()).then_some(*n),
                hash: item_hash(false, t),
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

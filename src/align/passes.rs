//! The aligner's passes, surest first. Each pairs only blocks the passes before it left
//! unpaired, so a block is in at most one pair; what no pass pairs is added or removed.

use std::collections::VecDeque;
use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;
use smallvec::smallvec;

use super::bags::{Bags, dice};
use super::patience::patience_runs;
use super::{Indices, Item, MatchedBy, Pair};

/// Similar enough to be one paragraph edited (word multiset overlap, Dice coefficient).
const SIMILAR: f64 = 0.5;
/// A block found elsewhere (moved and edited) must be closer still: far from its place, a
/// merely similar paragraph is more often a different one on the same subject.
const SIMILAR_ELSEWHERE: f64 = 0.7;
/// A lone old and a lone new block between identical neighbours are the same paragraph
/// rewritten, if they share this much, before splits and merges are looked for; once none
/// claimed them, whatever they share (pass 7).
const SIMILAR_IN_PLACE: f64 = 0.3;
/// Similarity at which two blocks the markup gives one identifier are one block: some words
/// in common, which a neighbour that took over a renumbered identifier rarely has.
const SAME_NAME_SIMILAR: f64 = 0.1;
/// A heading in one version and a paragraph in the other are one block if they share this
/// much: the same title, read one way here and another there.
const SAME_WORDS: f64 = 0.9;
/// Stretches up to this many candidate pairs are compared exhaustively.
const EXHAUSTIVE_LIMIT: usize = 20_000;
/// Words in more blocks than this say nothing about which block is which.
const COMMON_WORD_BLOCKS: usize = 40;
/// Old blocks sharing the most distinctive words with a new block that are compared with it.
const CANDIDATES: usize = 8;

/// A stretch the first pass left between two runs of identical blocks: old and new blocks.
pub(super) type Stretch = (Range<usize>, Range<usize>);

/// The pairs found so far, and which pair each block is in.
pub(super) struct State {
    pub old_pair: Vec<Option<usize>>,
    pub new_pair: Vec<Option<usize>>,
    pub pairs: Vec<Pair>,
    /// Blocks whose text recurs in their own version (`(weggefallen)`, `-`, a generic title):
    /// boilerplate, which says nothing of where it belongs, so it pairs only in place.
    pub old_recurring: Vec<bool>,
    pub new_recurring: Vec<bool>,
}

impl State {
    pub fn new(old: &[Item<'_>], new: &[Item<'_>]) -> State {
        State {
            old_pair: vec![None; old.len()],
            new_pair: vec![None; new.len()],
            // Nearly every block ends up in a pair of its own: room for them all at once.
            pairs: Vec::with_capacity(old.len().max(new.len())),
            old_recurring: recurring(old),
            new_recurring: recurring(new),
        }
    }

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

    pub(super) fn link_one(&mut self, old: usize, new: usize, by: MatchedBy) {
        self.link(smallvec![old], smallvec![new], by);
    }

    /// Undo a pair: its blocks are unpaired again, and the emptied pair is dropped at the end.
    fn unlink(&mut self, id: usize) {
        let pair = &mut self.pairs[id];
        for o in pair.old.drain(..) {
            self.old_pair[o] = None;
        }
        for n in pair.new.drain(..) {
            self.new_pair[n] = None;
        }
    }

    pub(super) fn unpaired_old(&self, blocks: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let free = |&i: &usize| self.old_pair[i].is_none();
        blocks.into_iter().filter(free).collect()
    }

    pub(super) fn unpaired_new(&self, blocks: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let free = |&j: &usize| self.new_pair[j].is_none();
        blocks.into_iter().filter(free).collect()
    }

    /// The pairs, with a pair of its own for every block still unpaired (added or removed).
    pub fn into_pairs(self) -> Vec<Pair> {
        let mut pairs = self.pairs;
        // Room for the unpaired blocks at once: growing by doubling would hold the list twice
        // over at its largest, a passing peak that grows with the document.
        let unpaired = |side: &[Option<usize>]| side.iter().filter(|p| p.is_none()).count();
        pairs.reserve_exact(unpaired(&self.old_pair) + unpaired(&self.new_pair));
        for (i, p) in self.old_pair.iter().enumerate() {
            if p.is_none() {
                pairs.push(Pair {
                    old: smallvec![i],
                    new: Indices::new(),
                    matched_by: None,
                });
            }
        }
        for (j, p) in self.new_pair.iter().enumerate() {
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
}

/// Which items share their hash with another item of the same version.
fn recurring(items: &[Item<'_>]) -> Vec<bool> {
    let mut counts: HashMap<u64, u32> = HashMap::default();
    for item in items {
        *counts.entry(item.hash).or_default() += 1;
    }
    items.iter().map(|item| counts[&item.hash] > 1).collect()
}

/// Pass 1: identical text in order, from a patience diff of the hashes; everything else
/// falls into the stretches between, which it returns. Only the equal runs matter, so they
/// are taken straight from the algorithm, without building and tidying a list of operations.
pub(super) fn identical_in_order(
    old: &[Item<'_>],
    new: &[Item<'_>],
    deadline: Option<std::time::Instant>,
    state: &mut State,
) -> Vec<Stretch> {
    let old_hash: Vec<u64> = old.iter().map(|b| b.hash).collect();
    let new_hash: Vec<u64> = new.iter().map(|b| b.hash).collect();
    let equal_runs = patience_runs(&old_hash, &new_hash, deadline);
    let mut stretches = Vec::new();
    let (mut old_at, mut new_at) = (0, 0);
    let ends = [(old.len(), new.len(), 0)];
    for &(o, n, len) in equal_runs.0.iter().chain(&ends) {
        if o > old_at || n > new_at {
            stretches.push((old_at..o, new_at..n));
        }
        for k in 0..len {
            state.link_one(o + k, n + k, MatchedBy::Text);
        }
        (old_at, new_at) = (o + len, n + len);
    }
    stretches
}

/// Pass 2: identical text out of order, by hash, first come first paired. Boilerplate and
/// anonymous headings are left out: being alike is all they are, so out of order nothing
/// says which is which (pass 5b pairs headings by what they head).
pub(super) fn identical_out_of_order(
    old: &[Item<'_>],
    new: &[Item<'_>],
    stretches: &[Stretch],
    state: &mut State,
) {
    let mut by_hash: HashMap<u64, VecDeque<usize>> = HashMap::default();
    for (_, n) in stretches {
        for j in n
            .clone()
            .filter(|&j| !new[j].anonymous && !state.new_recurring[j])
        {
            by_hash.entry(new[j].hash).or_default().push_back(j);
        }
    }
    for (o, _) in stretches {
        for i in o.clone() {
            if old[i].anonymous || state.old_recurring[i] {
                continue;
            }
            if let Some(j) = by_hash.get_mut(&old[i].hash).and_then(VecDeque::pop_front) {
                state.link_one(i, j, MatchedBy::Text);
            }
        }
    }
}

/// The two sides' items and word bags, as the similarity passes read them.
pub(super) struct Sides<'s, 'a> {
    pub old: &'s [Item<'a>],
    pub new: &'s [Item<'a>],
    pub old_bags: &'s Bags,
    pub new_bags: &'s Bags,
}

impl Sides<'_, '_> {
    fn similarity(&self, i: usize, j: usize) -> f64 {
        dice(&self.old_bags[i], &self.new_bags[j])
    }

    /// Whether two blocks may be one block: both headings or both paragraphs, or a title that
    /// is a heading in one version and a paragraph in the other, with the same words.
    pub(super) fn alike_in_kind(&self, i: usize, j: usize) -> bool {
        self.old[i].heading == self.new[j].heading || self.similarity(i, j) >= SAME_WORDS
    }
}

/// Pass 3: blocks the sources' markup gives one identifier (unique on each side), of one
/// kind and with some words in common. Identifiers are not always stable: where a markup
/// derives them from numbers (`para_12`), a renumbered version gives an old paragraph's
/// identifier to its neighbour, which the words tell apart.
pub(super) fn same_identifier(sides: &Sides<'_, '_>, state: &mut State) {
    if sides.old.iter().all(|item| item.id.is_none()) {
        return;
    }
    let news = unique_ids(sides.new);
    for (id, i) in unique_ids(sides.old) {
        let (Some(i), Some(Some(j))) = (i, news.get(id).copied()) else {
            continue;
        };
        if state.old_pair[i].is_none()
            && state.new_pair[j].is_none()
            && sides.old[i].heading == sides.new[j].heading
            && sides.similarity(i, j) >= SAME_NAME_SIMILAR
        {
            state.link_one(i, j, MatchedBy::Identifier);
        }
    }
}

/// Each identifier of a side, with its block if only one block has it.
fn unique_ids<'a>(items: &[Item<'a>]) -> HashMap<&'a str, Option<usize>> {
    let mut ids: HashMap<&'a str, Option<usize>> = HashMap::default();
    for (i, item) in items.iter().enumerate() {
        if let Some(id) = item.id {
            ids.entry(id)
                .and_modify(|seen| *seen = None)
                .or_insert(Some(i));
        }
    }
    ids
}

/// Pass 4: inside each stretch, the same number and similar text, then a lone pair between
/// identical neighbours, then similar text under another number.
pub(super) fn within_stretches(sides: &Sides<'_, '_>, stretches: &[Stretch], state: &mut State) {
    for (o, n) in stretches {
        let olds = state.unpaired_old(o.clone());
        let news = state.unpaired_new(n.clone());
        if olds.is_empty() || news.is_empty() {
            continue;
        }
        by_number(sides, &olds, &news, state);
        let olds = state.unpaired_old(olds);
        let news = state.unpaired_new(news);
        if let ([i], [j]) = (olds.as_slice(), news.as_slice()) {
            if sides.old[*i].heading == sides.new[*j].heading
                && sides.similarity(*i, *j) >= SIMILAR_IN_PLACE
            {
                state.link_one(*i, *j, MatchedBy::Position);
            }
            continue;
        }
        if olds.len() * news.len() <= EXHAUSTIVE_LIMIT {
            by_similarity(sides, &olds, &news, state);
        }
    }
}

/// Blocks of a stretch under the same number. A heading keeps its number when renamed, so
/// for headings the number alone (within the stretch) is enough; paragraphs must also say
/// much the same. A block that turned from heading to paragraph (or back) needs the
/// similar text.
fn by_number(sides: &Sides<'_, '_>, olds: &[usize], news: &[usize], state: &mut State) {
    let mut by_number: HashMap<&str, Vec<usize>> = HashMap::default();
    for &j in news {
        if let Some(num) = sides.new[j].number {
            by_number.entry(num).or_default().push(j);
        }
    }
    for &i in olds {
        let Some(candidates) = sides.old[i].number.and_then(|num| by_number.get(num)) else {
            continue;
        };
        let heading = sides.old[i].heading;
        if let Some(&j) = candidates.iter().find(|&&j| {
            state.new_pair[j].is_none()
                && ((heading && sides.new[j].heading) || sides.similarity(i, j) >= SIMILAR)
        }) {
            state.link_one(i, j, MatchedBy::Number);
        }
    }
}

/// Every old block of a stretch against every new one: the most similar pairs first, ties
/// to the nearer position, keeping order where possible.
fn by_similarity(sides: &Sides<'_, '_>, olds: &[usize], news: &[usize], state: &mut State) {
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for &i in olds {
        for &j in news {
            if !sides.alike_in_kind(i, j) {
                continue;
            }
            let s = sides.similarity(i, j);
            if s >= SIMILAR {
                scored.push((s, i, j));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in scored {
        if state.old_pair[i].is_none() && state.new_pair[j].is_none() {
            state.link_one(i, j, MatchedBy::Content);
        }
    }
}

/// Pass 4b: headings left over on both sides under one number are one heading renamed,
/// wherever the diff's anchors put them.
pub(super) fn headings_by_number(old: &[Item<'_>], new: &[Item<'_>], state: &mut State) {
    let mut headings: HashMap<&str, VecDeque<usize>> = HashMap::default();
    for (j, item) in new.iter().enumerate() {
        if item.heading
            && state.new_pair[j].is_none()
            && let Some(num) = item.number
        {
            headings.entry(num).or_default().push_back(j);
        }
    }
    for (i, item) in old.iter().enumerate() {
        if !item.heading || state.old_pair[i].is_some() {
            continue;
        }
        let Some(num) = item.number else { continue };
        if let Some(j) = headings.get_mut(num).and_then(VecDeque::pop_front) {
            state.link_one(i, j, MatchedBy::Number);
        }
    }
}

/// Pass 5: similar text anywhere (moved and edited), found through an index of distinctive
/// words, so no block is compared with every other. A candidate in the same or a
/// neighbouring stretch is near its place, whichever anchor the diff happened to choose
/// between them, and needs less similarity than one far away.
pub(super) fn similar_anywhere(sides: &Sides<'_, '_>, stretches: &[Stretch], state: &mut State) {
    let (old, new) = (sides.old, sides.new);
    let free_old: Vec<usize> = (0..old.len())
        .filter(|&i| state.old_pair[i].is_none() && !state.old_recurring[i])
        .collect();
    if free_old.is_empty() {
        return;
    }
    let mut old_stretch = vec![usize::MAX; old.len()];
    let mut new_stretch = vec![usize::MAX; new.len()];
    for (k, (o, n)) in stretches.iter().enumerate() {
        o.clone().for_each(|i| old_stretch[i] = k);
        n.clone().for_each(|j| new_stretch[j] = k);
    }
    let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
    for &i in &free_old {
        for word in sides.old_bags[i].distinct() {
            index.entry(word).or_default().push(i);
        }
    }
    for (j, &stretch_of_j) in new_stretch.iter().enumerate() {
        if state.new_pair[j].is_some() || state.new_recurring[j] {
            continue;
        }
        let mut votes: HashMap<usize, u32> = HashMap::default();
        for word in sides.new_bags[j].distinct() {
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
            .filter(|&&(_, i)| state.old_pair[i].is_none() && sides.alike_in_kind(i, j))
            .map(|&(_, i)| (sides.similarity(i, j), i))
            .filter(|&(s, i)| {
                let near = old_stretch[i].abs_diff(stretch_of_j) <= 1;
                s >= if near { SIMILAR } else { SIMILAR_ELSEWHERE }
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, i)) = best {
            state.link_one(i, j, MatchedBy::Content);
        }
    }
}

/// Pass 5b: an anonymous heading (one whose words do not tell it from the others: `Article
/// 12`, `1. artikla.`) pairs with the heading of the same content: the heading of the new
/// version whose blocks the old heading's blocks were paired with, by most of them. So a
/// heading travels with its article; only its number changes when articles before it come or
/// go, and it moves only when its article does.
pub(super) fn headings_by_content(old: &[Item<'_>], new: &[Item<'_>], state: &mut State) {
    let new_owner = owners(new);
    let (mut old_done, mut new_done) = (vec![false; old.len()], vec![false; new.len()]);
    let mut votes: HashMap<(usize, usize), u32> = HashMap::default();
    for (h, item) in old.iter().enumerate() {
        if !item.anonymous {
            continue;
        }
        // Where the heading's blocks went in the new version. Boilerplate (`(weggefallen)`,
        // `-`) says nothing of which article it is in: only blocks found once vote.
        let went: Vec<usize> = (h + 1..old.len())
            .take_while(|&b| !old[b].heading)
            .filter(|&b| !state.old_recurring[b])
            .filter_map(|b| state.old_pair[b])
            .flat_map(|id| state.pairs[id].new.iter().copied())
            .collect();
        // A pair the earlier passes made stands where the heading's blocks follow its partner
        // (a heading, or a heading that became a paragraph): the heading is where its content
        // is.
        if let Some(partner) = state.old_pair[h].and_then(|id| state.pairs[id].new.first()) {
            let heads = |n: usize| n > *partner && (partner + 1..n).all(|m| !new[m].heading);
            if went.iter().any(|&n| heads(n)) {
                old_done[h] = true;
                new_done[*partner] = true;
                continue;
            }
        }
        for n in went {
            if let Some(heading) = new_owner[n].filter(|&k| new[k].anonymous) {
                *votes.entry((h, heading)).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(u32, usize, usize)> =
        votes.into_iter().map(|((h, k), v)| (v, h, k)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, h, k) in ranked {
        if old_done[h] || new_done[k] {
            continue;
        }
        old_done[h] = true;
        new_done[k] = true;
        if state.old_pair[h].is_some() && state.old_pair[h] == state.new_pair[k] {
            continue;
        }
        for id in [state.old_pair[h], state.new_pair[k]].into_iter().flatten() {
            state.unlink(id);
        }
        state.link_one(h, k, MatchedBy::Content);
    }
}

/// For each block that is not a heading, the heading it stands under, if any.
pub(super) fn owners(items: &[Item<'_>]) -> Vec<Option<usize>> {
    let mut current = None;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if item.heading {
                current = Some(i);
                None
            } else {
                current
            }
        })
        .collect()
}

//! What the alignment of two versions settles after its stretches: a numbered paragraph's
//! pair that takes the unmatched block after it, and one block against two neighbours it
//! fits equally, where the other version left one of them out and nothing tells which.

use std::ops::RangeInclusive;

use super::Evidence;
use super::cost::{Features, Model, pair_cost};
use super::pairwise::Link;
use super::stretch::{SKIP_COST, TWO_TO_ONE_COST};
use crate::model::{Block, Document};
use crate::text;

/// Cost difference under which two candidates for one block are taken as equally likely: about
/// odds of 3 to 1, which length and a lexicon learnt from one document cannot beat.
const UNDECIDED_MARGIN: f64 = 1.0;
/// Costs are sums of squared deviations and weighted agreements, not log-odds: a margin is
/// read at half its size, so that a pair whose neighbours would cost 2 more is not yet
/// taken as sure (confidence 0.73, where the raw margin would say 0.88).
const MARGIN_SCALE: f64 = 2.0;
/// The share of a sentence's length its unmatched opening fragments may have to be taken
/// into the pair of the block that goes on with it.
const FRAGMENT_MAX_SHARE: f64 = 0.1;
/// The confidence of such a pair: a reviewer should look at it.
const UNDECIDED_CONFIDENCE: f64 = 0.3;

/// A numbered paragraph anchors one block on each side. Where the block after it on one side
/// found no counterpart, and the two together fit the other side's block better than the
/// anchored one alone, the other version has them as one (`（一）… （二）…` against `1. …`,
/// `2. …`): the pair takes both, by the test the stretch applies to its 2:1 moves.
pub(super) fn absorb_continuations(
    links: &mut Vec<Link>,
    a: &Document,
    b: &Document,
    model: &Model,
) {
    let mut k = 0;
    while k + 1 < links.len() {
        if let Some((ra, rb)) = continuation(&links[k], &links[k + 1], a, b, model) {
            links[k].a = ra.collect();
            links[k].b = rb.collect();
            links.remove(k + 1);
        }
        k += 1;
    }
}

/// The blocks `anchor` would take with the unmatched block in `next`, if they fit better.
fn continuation(
    anchor: &Link,
    next: &Link,
    a: &Document,
    b: &Document,
    model: &Model,
) -> Option<(RangeInclusive<usize>, RangeInclusive<usize>)> {
    let ([i], [j]) = (anchor.a.as_slice(), anchor.b.as_slice()) else {
        return None;
    };
    let (i, j) = (*i, *j);
    let paragraphs = |d: &Document, r: &RangeInclusive<usize>| {
        d.blocks[r.clone()].iter().all(|x| !x.is_heading())
    };
    let (ra, rb) = match (next.a.as_slice(), next.b.as_slice()) {
        ([x], []) if *x == i + 1 => (i..=*x, j..=j),
        ([], [y]) if *y == j + 1 => (i..=i, j..=*y),
        _ => return None,
    };
    if anchor.by != Some(Evidence::Number) || !paragraphs(a, &ra) || !paragraphs(b, &rb) {
        return None;
    }
    let cost = |ra: RangeInclusive<usize>, rb: RangeInclusive<usize>| {
        pair_cost(
            &model.features_a(&a.blocks[ra]),
            &model.features_b(&b.blocks[rb]),
            model,
        )
        .0
    };
    let alone = cost(i..=i, j..=j);
    let together = cost(ra.clone(), rb.clone());
    (together < alone && together + TWO_TO_ONE_COST < alone + SKIP_COST).then_some((ra, rb))
}

/// Short unmatched paragraphs that open a sentence the next block goes on with (`Now,
/// therefore,` / `The General Assembly` / `Proclaims this Declaration …`), where that block
/// is paired and the fragments are a small part of it (`FRAGMENT_MAX_SHARE`), belong to its
/// pair: a translation that writes the sentence as one block (`因此现在，大会，发布…`) renders
/// them too. A longer unmatched block, or one that ends its sentence, stays unmatched.
pub(super) fn absorb_sentence_openings(links: &mut Vec<Link>, a: &Document, b: &Document) {
    let mut k = 0;
    while k < links.len() {
        let Some(side) = lone_side(&links[k]) else {
            k += 1;
            continue;
        };
        let (doc, other) = if side == 0 { (a, b) } else { (b, a) };
        let block = |l: &Link| if side == 0 { l.a[0] } else { l.b[0] };
        // The run of unmatched fragments on this side, starting at `k`.
        let mut end = k;
        while end < links.len()
            && lone_side(&links[end]) == Some(side)
            && opens_a_sentence(&doc.blocks[block(&links[end])])
        {
            end += 1;
        }
        // Of the run, the part from the first block that is short beside the rest of the
        // sentence: a recital ending in a comma may stand before `Now, therefore,`.
        let start = (end < links.len())
            .then(|| opening_start(&links[k..=end], side, doc, other, &block))
            .flatten();
        if let Some(start) = start {
            let start = k + start;
            let taken: Vec<usize> = (start..end).map(|m| block(&links[m])).collect();
            let next = &mut links[end];
            let mine = if side == 0 { &mut next.a } else { &mut next.b };
            mine.splice(0..0, taken);
            links.drain(start..end);
            k = start + 1;
        } else {
            k = end.max(k + 1);
        }
    }
}

/// In `run` (unmatched openings on `side`, then the link that may finish their sentence),
/// where the openings the finishing pair takes begin, if any: the pair must be a pair of
/// paragraphs that starts with the block after them, and the openings a small part of the
/// sentence.
fn opening_start(
    run: &[Link],
    side: usize,
    doc: &Document,
    other: &Document,
    block: &dyn Fn(&Link) -> usize,
) -> Option<usize> {
    let (next, openings) = run.split_last()?;
    let last = openings.last()?;
    let (mine, theirs) = if side == 0 {
        (&next.a, &next.b)
    } else {
        (&next.b, &next.a)
    };
    let finishes = next.by.is_some()
        && !next.undecided
        && mine.first() == Some(&(block(last) + 1))
        && !theirs.is_empty()
        && theirs.iter().all(|&t| !other.blocks[t].is_heading());
    if !finishes {
        return None;
    }
    let finish = chars(doc, mine);
    let mut length = 0;
    let mut start = None;
    for (m, link) in openings.iter().enumerate().rev() {
        length += chars(doc, &[block(link)]);
        if (length as f64) < FRAGMENT_MAX_SHARE * (length + finish) as f64 {
            start = Some(m);
        } else {
            break;
        }
    }
    start
}

/// For each block, whether it is a short opening of a sentence that a later block of
/// `blocks` finishes (`Now, therefore,` before `The General Assembly` before `Proclaims …`):
/// the alignment leaves such a block unmatched cheaply, for the pair of the block that
/// finishes the sentence to take it.
pub(super) fn short_openings(blocks: &[Block]) -> Vec<bool> {
    let length = |x: &Block| x.text.chars().count();
    let mut out = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let mut end = i;
        while end < blocks.len() && opens_a_sentence(&blocks[end]) {
            end += 1;
        }
        if end > i && end < blocks.len() && !blocks[end].is_heading() {
            // From each block of the run to the end of the sentence: a preamble's recitals
            // all end in commas too, but each is long beside what finishes the sentence.
            let finish = length(&blocks[end]);
            let mut openings = 0;
            for k in (i..end).rev() {
                openings += length(&blocks[k]);
                out[k] = (openings as f64) < FRAGMENT_MAX_SHARE * (openings + finish) as f64;
            }
        }
        i = end + 1;
    }
    out
}

/// The side (0 for A, 1 for B) of a link that holds one block of one side and none of the
/// other.
fn lone_side(l: &Link) -> Option<usize> {
    match (l.a.len(), l.b.len()) {
        (1, 0) => Some(0),
        (0, 1) => Some(1),
        _ => None,
    }
}

/// A paragraph that does not end its sentence: no full stop or other sentence end.
fn opens_a_sentence(block: &Block) -> bool {
    !block.is_heading()
        && text::last_significant_char(&block.text).is_some_and(|c| !text::is_sentence_end(c))
}

fn chars(d: &Document, ids: &[usize]) -> usize {
    ids.iter().map(|&i| d.blocks[i].text.chars().count()).sum()
}

/// Where a block of one version pairs with one of two neighbouring paragraphs of the other,
/// the other neighbour is left unmatched, and the block fits either neighbour alone about as
/// well (`UNDECIDED_MARGIN`), the alignment cannot tell which of the two the version left
/// out: the pair takes both and says so, rather than point at a paragraph that may be fine.
pub(super) fn undecided_omissions(
    links: &mut Vec<Link>,
    a: &Document,
    b: &Document,
    model: &Model,
) {
    // An unmatched block beside other unmatched ones is part of a stretch the other version
    // does not cover (an excerpt's end, a late start): no omission to place.
    let isolated = |links: &[Link], k: usize| {
        let side = lone_side(&links[k]);
        let beside = [k.checked_sub(1), Some(k + 1)];
        beside
            .into_iter()
            .flatten()
            .filter_map(|m| links.get(m))
            .all(|l| l.by.is_some() || lone_side(l) != side)
    };
    let mut k = 0;
    while k + 1 < links.len() {
        let merged = if isolated(links, k + 1) {
            undecided(&links[k], &links[k + 1], a, b, model)
        } else {
            None
        }
        .or_else(|| {
            isolated(links, k)
                .then(|| undecided(&links[k + 1], &links[k], a, b, model))
                .flatten()
        });
        if let Some(link) = merged {
            links[k] = link;
            links.remove(k + 1);
        }
        k += 1;
    }
}

/// The pair `pair` taking the unmatched neighbour in `lone`, if the two fit it equally.
fn undecided(pair: &Link, lone: &Link, a: &Document, b: &Document, model: &Model) -> Option<Link> {
    let ([i], [j]) = (pair.a.as_slice(), pair.b.as_slice()) else {
        return None;
    };
    if pair.by == Some(Evidence::Number) || pair.by.is_none() || pair.undecided {
        return None;
    }
    let (i, j) = (*i, *j);
    let paragraph = |d: &Document, x: usize| !d.blocks[x].is_heading();
    let cost = |x: usize, y: usize| {
        pair_cost(
            &model.features_a(&a.blocks[x..=x]),
            &model.features_b(&b.blocks[y..=y]),
            model,
        )
        .0
    };
    let (a_ids, b_ids, alternative) = match (lone.a.as_slice(), lone.b.as_slice()) {
        ([x], []) if x.abs_diff(i) == 1 && paragraph(a, *x) => {
            (vec![i.min(*x), i.max(*x)], vec![j], cost(*x, j))
        }
        ([], [y]) if y.abs_diff(j) == 1 && paragraph(b, *y) => {
            (vec![i], vec![j.min(*y), j.max(*y)], cost(i, *y))
        }
        _ => return None,
    };
    if !paragraph(a, i) || !paragraph(b, j) || alternative - cost(i, j) >= UNDECIDED_MARGIN {
        return None;
    }
    Some(Link {
        a: a_ids,
        b: b_ids,
        by: pair.by,
        confidence: pair.confidence.min(UNDECIDED_CONFIDENCE),
        undecided: true,
    })
}

/// Each pair's confidence from how much better it fits than the pairings next to it: the
/// cost of the best alternative for its blocks (one of them with a neighbour of the other, or
/// both left unmatched) less its own, scaled (`MARGIN_SCALE`) and through the logistic
/// function. A pair that
/// its neighbours would fit as well scores about one half, however well it fits: that is the
/// pair a reviewer should look at. Anchored pairs (a number, the same text) keep theirs.
pub(super) fn confidences(links: &mut [Link], a: &Document, b: &Document, model: &Model) {
    let mut cache = FeatureCache::new(a, b, model);
    for link in links.iter_mut() {
        if link.undecided
            || link.a.is_empty()
            || link.b.is_empty()
            || matches!(link.by, Some(Evidence::Number | Evidence::Text) | None)
        {
            continue;
        }
        let margin = cache.margin(&link.a, &link.b) / MARGIN_SCALE;
        link.confidence = ((1.0 / (1.0 + (-margin).exp())) * 100.0).round() / 100.0;
    }
}

/// Features of single blocks, computed once each.
struct FeatureCache<'d> {
    a: &'d Document,
    b: &'d Document,
    model: &'d Model,
    single_a: Vec<Option<Features>>,
    single_b: Vec<Option<Features>>,
}

impl<'d> FeatureCache<'d> {
    fn new(a: &'d Document, b: &'d Document, model: &'d Model) -> Self {
        let none = |n: usize| (0..n).map(|_| None).collect();
        FeatureCache {
            a,
            b,
            model,
            single_a: none(a.blocks.len()),
            single_b: none(b.blocks.len()),
        }
    }

    fn ensure(&mut self, i: usize, j: usize) {
        let (a, b, model) = (self.a, self.b, self.model);
        if self.single_a[i].is_none() {
            self.single_a[i] = Some(model.features_a(&a.blocks[i..=i]));
        }
        if self.single_b[j].is_none() {
            self.single_b[j] = Some(model.features_b(&b.blocks[j..=j]));
        }
    }

    /// The cost of pairing block `i` of A with block `j` of B.
    fn cost(&mut self, i: usize, j: usize) -> f64 {
        self.ensure(i, j);
        match (&self.single_a[i], &self.single_b[j]) {
            (Some(x), Some(y)) => pair_cost(x, y, self.model).0,
            _ => f64::INFINITY,
        }
    }

    /// The cost of pairing blocks `xs` of A with `ys` of B, one or two on a side.
    fn run_cost(&mut self, xs: &[usize], ys: &[usize]) -> f64 {
        for &x in xs {
            for &y in ys {
                self.ensure(x, y);
            }
        }
        self.joined_cost(xs, ys).unwrap_or(f64::INFINITY)
    }

    fn joined_cost(&self, xs: &[usize], ys: &[usize]) -> Option<f64> {
        let model = self.model;
        let (joined_a, joined_b);
        let fa = match xs {
            [one] => self.single_a[*one].as_ref()?,
            [x, y] => {
                joined_a = model.join_a(self.single_a[*x].as_ref()?, self.single_a[*y].as_ref()?);
                &joined_a
            }
            _ => return None,
        };
        let fb = match ys {
            [one] => self.single_b[*one].as_ref()?,
            [x, y] => {
                joined_b = model.join_b(self.single_b[*x].as_ref()?, self.single_b[*y].as_ref()?);
                &joined_b
            }
            _ => return None,
        };
        Some(pair_cost(fa, fb, model).0)
    }

    /// How much more the best alternative to pairing `xs` with `ys` costs.
    fn margin(&mut self, xs: &[usize], ys: &[usize]) -> f64 {
        let (a, b) = (self.a, self.b);
        let together = self.run_cost(xs, ys)
            + if xs.len() + ys.len() > 2 {
                TWO_TO_ONE_COST
            } else {
                0.0
            };
        // Left unmatched: every block a skip.
        let mut best = SKIP_COST * (xs.len() + ys.len()) as f64;
        if xs.len() + ys.len() > 2 {
            // Two against one: one of the two alone, the other unmatched.
            for &x in xs {
                for &y in ys {
                    best = best.min(self.cost(x, y) + SKIP_COST);
                }
            }
        } else {
            let (x, y) = (xs[0], ys[0]);
            let neighbours_b = [
                y.checked_sub(1),
                Some(y + 1).filter(|&k| k < b.blocks.len()),
            ];
            let neighbours_a = [
                x.checked_sub(1),
                Some(x + 1).filter(|&k| k < a.blocks.len()),
            ];
            for k in neighbours_b.into_iter().flatten() {
                best = best.min(self.cost(x, k));
            }
            for k in neighbours_a.into_iter().flatten() {
                best = best.min(self.cost(k, y));
            }
        }
        best - together
    }
}

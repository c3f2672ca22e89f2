//! The alignment of one version with the pivot: number labels anchor it, and each stretch
//! between anchors is aligned by a dynamic programme over lengths and anchor tokens.

use std::ops::RangeInclusive;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::Evidence;
use super::cost::{LengthModel, features, pair_cost};
use super::stretch::{Ends, SKIP_COST, Stretch, TWO_TO_ONE_COST, confidence, lone};
use crate::model::{Block, Document};

/// Blocks of the pivot (`a`) linked with blocks of another version (`b`); one side may be
/// empty.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Link {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
    pub by: Option<Evidence>,
    pub confidence: f64,
}

/// An unnumbered block this long whose text recurs in the other version anchors the
/// alignment there; shorter ones (`Now, therefore,`) say too little.
const SAME_TEXT_MIN_WORDS: usize = 4;
/// Link every block of `a` and of `b`: number labels first, then each stretch between them.
pub(super) fn links(a: &Document, b: &Document) -> Vec<Link> {
    let anchors = number_anchors(a, b);
    let positions: Vec<(usize, usize)> = anchors.iter().map(|&(i, j, _)| (i, j)).collect();
    let model = LengthModel::fit(a, b, &positions);
    let mut links = Vec::new();
    let (mut ia, mut ib) = (0, 0);
    let end = (a.blocks.len(), b.blocks.len());
    for (i, j, by) in anchors
        .into_iter()
        .chain([(end.0, end.1, Evidence::Number)])
    {
        let ends = Ends {
            start: (ia, ib) == (0, 0),
            end: (i, j) == end,
        };
        links.extend(gap(
            &a.blocks[ia..i],
            &b.blocks[ib..j],
            (ia, ib),
            model,
            ends,
        ));
        if (i, j) != end {
            links.push(Link {
                a: vec![i],
                b: vec![j],
                by: Some(by),
                confidence: 0.99,
            });
        }
        (ia, ib) = (i + 1, j + 1);
    }
    absorb_continuations(&mut links, a, b, model);
    links
}

/// A numbered paragraph anchors one block on each side. Where the block after it on one side
/// found no counterpart, and the two together fit the other side's block better than the
/// anchored one alone, the other version has them as one (`（一）… （二）…` against `1. …`,
/// `2. …`): the pair takes both, by the test the stretch applies to its 2:1 moves.
fn absorb_continuations(links: &mut Vec<Link>, a: &Document, b: &Document, model: LengthModel) {
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
    model: LengthModel,
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
        pair_cost(&features(&a.blocks[ra]), &features(&b.blocks[rb]), model).0
    };
    let alone = cost(i..=i, j..=j);
    let together = cost(ra.clone(), rb.clone());
    (together < alone && together + TWO_TO_ONE_COST < alone + SKIP_COST).then_some((ra, rb))
}

/// Blocks with the same key (number, or text), in an order both versions keep: a patience diff of the
/// keys of the numbered blocks.
fn number_anchors(a: &Document, b: &Document) -> Vec<(usize, usize, Evidence)> {
    let keyed = |d: &Document| -> (Vec<usize>, Vec<String>) {
        number_keys(d)
            .into_iter()
            .enumerate()
            .filter_map(|(i, k)| Some((i, k?)))
            .unzip()
    };
    let (pos_a, seq_a) = keyed(a);
    let (pos_b, seq_b) = keyed(b);
    let mut anchors = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &seq_a, &seq_b) {
        let (tag, ra, rb) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            anchors.extend(ra.zip(rb).map(|(i, j)| {
                let by = if seq_a[i].starts_with("T:") {
                    Evidence::Text
                } else {
                    Evidence::Number
                };
                (pos_a[i], pos_b[j], by)
            }));
        }
    }
    anchors
}

/// Keys that identify a block across versions: a numbered heading by its level and number, a
/// numbered paragraph by its number within the nearest numbered heading, and an unnumbered
/// block of some length by its text, which two versions in one language share where they
/// agree (and versions in two languages do not).
fn number_keys(d: &Document) -> Vec<Option<String>> {
    let mut context = String::new();
    d.blocks
        .iter()
        .map(|b| {
            let Some(n) = b.number.as_ref() else {
                let words = b.text.split_whitespace().count();
                return (words >= SAME_TEXT_MIN_WORDS)
                    .then(|| format!("T:{}", crate::text::fold(&b.text).to_lowercase()));
            };
            Some(if b.is_heading() {
                context = n.clone();
                format!("H{}:{n}", b.level.unwrap_or(1))
            } else {
                format!("P:{context}:{n}")
            })
        })
        .collect()
}

/// Align an unanchored stretch by dynamic programming over 1-1, 1-2, 2-1, 1-0 and 0-1 moves.
/// `offset` is where the stretch begins in each document.
pub(super) fn gap(
    a: &[Block],
    b: &[Block],
    offset: (usize, usize),
    model: LengthModel,
    ends: Ends,
) -> Vec<Link> {
    if let Some(links) = settled_without_search(a, b, offset.0, offset.1, model) {
        return links;
    }
    Stretch::new(a, b, model, ends).align(offset.0, offset.1)
}

/// The stretches that need no search: one side empty (all unmatched), or one block on each
/// side of the same kind (paired by position, or by what the cost says they share).
fn settled_without_search(
    a: &[Block],
    b: &[Block],
    offset_a: usize,
    offset_b: usize,
    model: LengthModel,
) -> Option<Vec<Link>> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        let mut links: Vec<Link> = (0..n).map(|i| lone(vec![offset_a + i], vec![])).collect();
        links.extend((0..m).map(|j| lone(vec![], vec![offset_b + j])));
        return Some(links);
    }
    if n == 1 && m == 1 {
        let (fa, fb) = (features(a), features(b));
        let (cost, by) = pair_cost(&fa, &fb, model);
        if fa.heading == fb.heading {
            let by = if by == Evidence::Length {
                Evidence::Position
            } else {
                by
            };
            return Some(vec![Link {
                a: vec![offset_a],
                b: vec![offset_b],
                by: Some(by),
                confidence: confidence(cost).max(0.6),
            }]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::stretch::BAND;
    use super::*;
    use crate::normalize::{self, Options};

    /// Every block of both sides in exactly one link.
    fn assert_covered(links: &[Link], n: usize, m: usize) {
        let mut a: Vec<usize> = links.iter().flat_map(|l| l.a.clone()).collect();
        let mut b: Vec<usize> = links.iter().flat_map(|l| l.b.clone()).collect();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, (0..n).collect::<Vec<_>>());
        assert_eq!(b, (0..m).collect::<Vec<_>>());
    }

    /// One side with many times the paragraphs of the other puts the diagonal more than a
    /// band's width apart from row to row; every block must still land in a link.
    #[test]
    fn a_lopsided_stretch_keeps_every_block() {
        let paragraphs = |count: usize, word: &str| {
            (0..count)
                .map(|k| format!("{word} paragraph {k} of a text without numbers."))
                .collect::<Vec<_>>()
                .join("\n\n")
        };
        for (n, m) in [(1, 96), (96, 1), (2, 300), (3, 3 * BAND * 2 + 7)] {
            let a = normalize::document(paragraphs(n, "one"), &Options::default());
            let b = normalize::document(paragraphs(m, "two"), &Options::default());
            assert_eq!((a.blocks.len(), b.blocks.len()), (n, m));
            let links = gap(
                &a.blocks,
                &b.blocks,
                (0, 0),
                LengthModel {
                    ratio: 1.0,
                    variance: 6.8,
                },
                Ends::default(),
            );
            assert_covered(&links, n, m);
        }
    }
}

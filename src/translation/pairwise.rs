//! The alignment of one version with the pivot: number labels anchor it, and each stretch
//! between anchors is aligned by a dynamic programme over lengths and anchor tokens.

use std::collections::BTreeMap;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::Evidence;
use super::anchors;
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

/// Gale and Church's variance of length per character, scaled for paragraphs.
const LENGTH_VARIANCE: f64 = 6.8;
const SKIP_COST: f64 = 6.0;
const TWO_TO_ONE_COST: f64 = 2.5;
/// An unnumbered block this long whose text recurs in the other version anchors the
/// alignment there; shorter ones (`Now, therefore,`) say too little.
const SAME_TEXT_MIN_WORDS: usize = 4;
/// Widest stretch compared exhaustively; longer ones are aligned within a band around the
/// diagonal, which is where a translation's paragraphs lie.
const BAND: usize = 40;

/// Link every block of `a` and of `b`: number labels first, then each stretch between them.
pub(super) fn links(a: &Document, b: &Document) -> Vec<Link> {
    let ratio = length_ratio(a, b);
    let mut links = Vec::new();
    let (mut ia, mut ib) = (0, 0);
    let end = (a.blocks.len(), b.blocks.len());
    for (i, j, by) in number_anchors(a, b)
        .into_iter()
        .chain([(end.0, end.1, Evidence::Number)])
    {
        links.extend(gap(&a.blocks[ia..i], &b.blocks[ib..j], ia, ib, ratio));
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
    links
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

/// Characters of B per character of A over the whole documents: Chinese says in one
/// character what English says in three or four.
fn length_ratio(a: &Document, b: &Document) -> f64 {
    let total = |d: &Document| {
        d.blocks
            .iter()
            .map(|x| x.text.chars().count())
            .sum::<usize>() as f64
    };
    let (la, lb) = (total(a), total(b));
    if la == 0.0 || lb == 0.0 { 1.0 } else { lb / la }
}

/// What the cost of a pairing looks at in a run of one or two blocks.
struct Features {
    chars: f64,
    heading: bool,
    numbers: BTreeMap<u64, usize>,
    latin: Vec<String>,
}

fn features(blocks: &[Block]) -> Features {
    let text: String = blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Features {
        chars: text.chars().count() as f64,
        heading: blocks.iter().any(Block::is_heading),
        numbers: anchors::numbers(&text),
        latin: anchors::latin_tokens(&text),
    }
}

/// Cost of pairing A-run with B-run (lower is likelier), and how the pair is best described.
fn pair_cost(fa: &Features, fb: &Features, ratio: f64) -> (f64, Evidence) {
    let expected = fa.chars * ratio;
    let spread = (LENGTH_VARIANCE * (fa.chars + fb.chars / ratio.max(0.01)) / 2.0 + 1.0).sqrt();
    let delta = (fb.chars - expected) / spread;
    let mut cost = (delta * delta / 2.0).min(30.0);
    let mut by = Evidence::Length;
    if fa.heading != fb.heading {
        cost += 8.0;
    } else if fa.heading {
        cost -= 3.0;
        by = Evidence::Heading;
    }
    let has_a = !fa.numbers.is_empty();
    let has_b = !fb.numbers.is_empty();
    if has_a && has_b {
        let o = anchors::overlap(&fa.numbers, &fb.numbers);
        cost += 4.0 * (1.0 - o) - 3.0 * o;
        if o > 0.0 && by == Evidence::Length {
            by = Evidence::Anchors;
        }
    } else if has_a != has_b {
        cost += 1.5;
    }
    if !fa.latin.is_empty() && !fb.latin.is_empty() {
        let shared = fa.latin.iter().filter(|t| fb.latin.contains(t)).count();
        if shared > 0 {
            cost -= 2.0;
            if by == Evidence::Length {
                by = Evidence::Anchors;
            }
        }
    }
    (cost, by)
}

/// Align an unanchored stretch by dynamic programming over 1-1, 1-2, 2-1, 1-0 and 0-1 moves.
pub(super) fn gap(
    a: &[Block],
    b: &[Block],
    offset_a: usize,
    offset_b: usize,
    ratio: f64,
) -> Vec<Link> {
    if let Some(links) = settled_without_search(a, b, offset_a, offset_b, ratio) {
        return links;
    }
    let stretch = Stretch::new(a, b, ratio);
    let table = Table::fill(&stretch);
    table.trace_back(offset_a, offset_b)
}

/// The stretches that need no search: one side empty (all unmatched), or one block on each
/// side of the same kind (paired by position, or by what the cost says they share).
fn settled_without_search(
    a: &[Block],
    b: &[Block],
    offset_a: usize,
    offset_b: usize,
    ratio: f64,
) -> Option<Vec<Link>> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        let mut links: Vec<Link> = (0..n).map(|i| lone(vec![offset_a + i], vec![])).collect();
        links.extend((0..m).map(|j| lone(vec![], vec![offset_b + j])));
        return Some(links);
    }
    if n == 1 && m == 1 {
        let (fa, fb) = (features(a), features(b));
        let (cost, by) = pair_cost(&fa, &fb, ratio);
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

/// The features of every block of a stretch and of every two neighbours, computed once: the
/// 2-1 and 1-2 moves look at each neighbour pair many times.
struct Stretch {
    ratio: f64,
    single_a: Vec<Features>,
    single_b: Vec<Features>,
    double_a: Vec<Option<Features>>,
    double_b: Vec<Option<Features>>,
}

impl Stretch {
    fn new(a: &[Block], b: &[Block], ratio: f64) -> Stretch {
        let singles = |x: &[Block]| (0..x.len()).map(|i| features(&x[i..=i])).collect();
        let doubles = |x: &[Block]| {
            (0..x.len())
                .map(|i| (i >= 1).then(|| features(&x[i - 1..=i])))
                .collect()
        };
        Stretch {
            ratio,
            single_a: singles(a),
            single_b: singles(b),
            double_a: doubles(a),
            double_b: doubles(b),
        }
    }

    fn len(&self) -> (usize, usize) {
        (self.single_a.len(), self.single_b.len())
    }
}

/// The columns each row of the table keeps, around the diagonal: memory and time grow with
/// the stretch's length, not its square.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
}

impl Band {
    fn new(n: usize, m: usize) -> Band {
        let lo: Vec<usize> = (0..=n).map(|i| (i * m / n).saturating_sub(BAND)).collect();
        let mut hi: Vec<usize> = (0..=n)
            .map(|i| ((i * m).div_ceil(n) + BAND).min(m))
            .collect();
        // Where one side has many times the blocks of the other, the diagonal climbs more
        // than a band's width per row: each row reaches on to where the next begins, or no
        // path would cross from one to the next.
        for i in 0..n {
            hi[i] = hi[i].max(lo[i + 1]);
        }
        Band { lo, hi }
    }

    fn width(&self, i: usize) -> usize {
        self.hi[i] - self.lo[i] + 1
    }
}

/// A move of the alignment: how many blocks of each side it takes, and why.
#[derive(Clone, Copy)]
struct Move {
    a: u8,
    b: u8,
    by: Evidence,
}

const NO_MOVE: Move = Move {
    a: 0,
    b: 0,
    by: Evidence::Length,
};

/// The banded cost table and the move that reached each cell.
struct Table {
    /// Blocks of each side: the table runs from `(0, 0)` to this cell.
    last: (usize, usize),
    band: Band,
    cost: Vec<Vec<f64>>,
    back: Vec<Vec<Move>>,
}

impl Table {
    fn cost_at(&self, i: usize, j: usize) -> f64 {
        if j < self.band.lo[i] || j > self.band.hi[i] {
            f64::INFINITY
        } else {
            self.cost[i][j - self.band.lo[i]]
        }
    }

    fn fill(stretch: &Stretch) -> Table {
        let (n, m) = stretch.len();
        let band = Band::new(n, m);
        let mut table = Table {
            last: (n, m),
            cost: (0..=n)
                .map(|i| vec![f64::INFINITY; band.width(i)])
                .collect(),
            back: (0..=n).map(|i| vec![NO_MOVE; band.width(i)]).collect(),
            band,
        };
        table.cost[0][0] = 0.0;
        for i in 0..=n {
            for j in table.band.lo[i]..=table.band.hi[i] {
                if (i, j) == (0, 0) {
                    continue;
                }
                let (cost, step) = table.best_move(stretch, i, j);
                let k = j - table.band.lo[i];
                table.cost[i][k] = cost;
                table.back[i][k] = step;
            }
        }
        table
    }

    /// The cheapest way to reach cell `(i, j)`, over the five moves.
    fn best_move(&self, s: &Stretch, i: usize, j: usize) -> (f64, Move) {
        let mut best = (f64::INFINITY, NO_MOVE);
        let mut consider = |a: usize, b: usize, step: f64, by: Evidence| {
            if i >= a && j >= b {
                let c = self.cost_at(i - a, j - b) + step;
                if c < best.0 {
                    let (a, b) = (a as u8, b as u8);
                    best = (c, Move { a, b, by });
                }
            }
        };
        if i >= 1 && j >= 1 {
            let (c, by) = pair_cost(&s.single_a[i - 1], &s.single_b[j - 1], s.ratio);
            consider(1, 1, c, by);
        }
        if i >= 1 {
            consider(1, 0, SKIP_COST, Evidence::Length);
        }
        if j >= 1 {
            consider(0, 1, SKIP_COST, Evidence::Length);
        }
        if i >= 2
            && j >= 1
            && !s.single_a[i - 1].heading
            && !s.single_a[i - 2].heading
            && let Some(pair) = &s.double_a[i - 1]
        {
            let (c, by) = pair_cost(pair, &s.single_b[j - 1], s.ratio);
            consider(2, 1, c + TWO_TO_ONE_COST, by);
        }
        if i >= 1
            && j >= 2
            && !s.single_b[j - 1].heading
            && !s.single_b[j - 2].heading
            && let Some(pair) = &s.double_b[j - 1]
        {
            let (c, by) = pair_cost(&s.single_a[i - 1], pair, s.ratio);
            consider(1, 2, c + TWO_TO_ONE_COST, by);
        }
        best
    }

    /// The links along the cheapest path, from the last cell back to the first.
    fn trace_back(&self, offset_a: usize, offset_b: usize) -> Vec<Link> {
        let mut links = Vec::new();
        let (mut i, mut j) = self.last;
        while i > 0 || j > 0 {
            let step = self.back[i][j - self.band.lo[i]];
            let (di, dj) = (usize::from(step.a), usize::from(step.b));
            if di == 0 && dj == 0 {
                // The bands chain, so every cell is reachable; should that ever fail, what is
                // left is reported unmatched rather than lost.
                links.extend((0..i).rev().map(|k| lone(vec![offset_a + k], vec![])));
                links.extend((0..j).rev().map(|k| lone(vec![], vec![offset_b + k])));
                break;
            }
            let cost = self.cost_at(i, j) - self.cost_at(i - di, j - dj);
            let a_ids: Vec<usize> = (i - di..i).map(|k| offset_a + k).collect();
            let b_ids: Vec<usize> = (j - dj..j).map(|k| offset_b + k).collect();
            links.push(if di == 0 || dj == 0 {
                lone(a_ids, b_ids)
            } else {
                Link {
                    a: a_ids,
                    b: b_ids,
                    by: Some(step.by),
                    confidence: confidence(cost),
                }
            });
            (i, j) = (i - di, j - dj);
        }
        links.reverse();
        links
    }
}

fn lone(a: Vec<usize>, b: Vec<usize>) -> Link {
    Link {
        a,
        b,
        by: None,
        confidence: 0.0,
    }
}

fn confidence(cost: f64) -> f64 {
    let c = (-cost.max(0.0) / 6.0).exp();
    (c * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
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
            let links = gap(&a.blocks, &b.blocks, 0, 0, 1.0);
            assert_covered(&links, n, m);
        }
    }
}

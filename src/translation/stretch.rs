//! The dynamic programme that aligns one stretch between anchors, in the manner of Gale and
//! Church: one block against one, two against one, one against two, or one left unmatched,
//! each move with a cost, over a band of the table around the paths a translation takes.
//!
//! A stretch at either end of the documents is open there: one version may begin later or end
//! earlier than the other (an excerpt, an extract of the operative part), so a block beyond
//! the other version's first or last one costs less to leave unmatched than one inside, and
//! the pairs keep to the end that both versions share.

use super::Evidence;
use super::cost::{Features, Model, pair_cost};
use super::pairwise::Link;
use crate::model::Block;

/// Cost of leaving one block unmatched inside the shared text.
pub(super) const SKIP_COST: f64 = 6.0;
/// Cost of leaving one block unmatched beyond the other version's first or last block, at an
/// open end: below `SKIP_COST`, so an excerpt's pairs keep to the shared end rather than skip
/// blocks inside to reach a better fit; not nothing, so two texts are not left wholly
/// unpaired, one beyond the start and the other beyond the end.
const EDGE_SKIP_COST: f64 = 2.0;
pub(super) const TWO_TO_ONE_COST: f64 = 2.5;
/// The least share of two joined blocks' length the shorter must have for the join to be
/// told by length: a tenth is within the spread of any translation's length.
const MERGE_MIN_SHARE: f64 = 0.25;
/// Half-width of the band: how far from the expected path the table looks.
pub(super) const BAND: usize = 40;
/// Cells the table may keep when one version covers much more than the other in one
/// stretch without anchors; beyond it only the diagonal's band is kept.
const CELL_BUDGET: usize = 4_000_000;

/// Which ends of a stretch are ends of the documents.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Ends {
    pub start: bool,
    pub end: bool,
}

/// The features of every block of a stretch and of every two neighbours, computed once: the
/// 2-1 and 1-2 moves look at each neighbour pair many times.
pub(super) struct Stretch<'m> {
    model: &'m Model,
    ends: Ends,
    single_a: Vec<Features>,
    single_b: Vec<Features>,
    double_a: Vec<Option<Features>>,
    double_b: Vec<Option<Features>>,
    /// Blocks that open a sentence a later block finishes, and are short beside it.
    opening_a: Vec<bool>,
    opening_b: Vec<bool>,
}

impl<'m> Stretch<'m> {
    pub(super) fn new(a: &[Block], b: &[Block], model: &'m Model, ends: Ends) -> Stretch<'m> {
        let single_a: Vec<Features> = (0..a.len()).map(|i| model.features_a(&a[i..=i])).collect();
        let single_b: Vec<Features> = (0..b.len()).map(|j| model.features_b(&b[j..=j])).collect();
        let double_a = (0..a.len())
            .map(|i| (i >= 1).then(|| model.join_a(&single_a[i - 1], &single_a[i])))
            .collect();
        let double_b = (0..b.len())
            .map(|j| (j >= 1).then(|| model.join_b(&single_b[j - 1], &single_b[j])))
            .collect();
        Stretch {
            model,
            ends,
            single_a,
            single_b,
            double_a,
            double_b,
            opening_a: super::refine::short_openings(a),
            opening_b: super::refine::short_openings(b),
        }
    }

    fn len(&self) -> (usize, usize) {
        (self.single_a.len(), self.single_b.len())
    }

    /// The links of the cheapest alignment of the stretch, with the block positions offset
    /// to the documents'.
    pub(super) fn align(&self, offset_a: usize, offset_b: usize) -> Vec<Link> {
        Table::fill(self).trace_back(offset_a, offset_b)
    }
}

/// The columns each row of the table keeps: memory and time grow with the stretch's length,
/// not its square.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
}

impl Band {
    /// A band around the diagonal of the stretch, where the paragraphs of a translation
    /// that covers the same text lie; at an open end, also around the path of one block for
    /// one from the shared end, where those of an excerpt lie.
    fn new(n: usize, m: usize, ends: Ends) -> Band {
        let diagonal = Band::around(n, m, |i| (i * m / n, (i * m).div_ceil(n)));
        if !(ends.start || ends.end) {
            return diagonal;
        }
        let band = Band::around(n, m, |i| {
            let mut lines = vec![i * m / n, (i * m).div_ceil(n)];
            if ends.end {
                lines.push(i.min(m));
            }
            if ends.start {
                lines.push(m.saturating_sub(n - i));
            }
            let lowest = lines.iter().copied().min().unwrap_or(0);
            let highest = lines.iter().copied().max().unwrap_or(m);
            (lowest, highest)
        });
        if band.cells() > CELL_BUDGET.max(diagonal.cells()) {
            diagonal
        } else {
            band
        }
    }

    /// Rows `0..=n`, each from `BAND` columns before the lowest of its lines to `BAND` after
    /// the highest.
    fn around(n: usize, m: usize, lines: impl Fn(usize) -> (usize, usize)) -> Band {
        let (lo, mut hi): (Vec<usize>, Vec<usize>) = (0..=n)
            .map(|i| {
                let (low, high) = lines(i);
                (low.saturating_sub(BAND), (high + BAND).min(m))
            })
            .unzip();
        // Where one side has many times the blocks of the other, the path climbs more than
        // a band's width per row: each row reaches on to where the next begins, or no path
        // would cross from one to the next.
        for i in 0..n {
            hi[i] = hi[i].max(lo[i + 1]);
        }
        Band { lo, hi }
    }

    fn width(&self, i: usize) -> usize {
        self.hi[i] - self.lo[i] + 1
    }

    fn cells(&self) -> usize {
        (0..self.lo.len()).map(|i| self.width(i)).sum()
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
    ends: Ends,
    band: Band,
    cost: Vec<Vec<f64>>,
    back: Vec<Vec<Move>>,
    /// The cost of pairing block `i - 1` of A with block `j - 1` of B, at cell `(i, j)`:
    /// the two-against-one moves weigh each block alone against the two.
    pair: Vec<Vec<(f64, Evidence)>>,
}

impl Table {
    /// The cost of pairing block `x` of A with block `y` of B, computed at cell
    /// `(x + 1, y + 1)` if the band holds it.
    fn pair_at(&self, s: &Stretch, x: usize, y: usize) -> (f64, Evidence) {
        let (i, j) = (x + 1, y + 1);
        if j < self.band.lo[i] || j > self.band.hi[i] {
            pair_cost(&s.single_a[x], &s.single_b[y], s.model)
        } else {
            self.pair[i][j - self.band.lo[i]]
        }
    }

    fn cost_at(&self, i: usize, j: usize) -> f64 {
        if j < self.band.lo[i] || j > self.band.hi[i] {
            f64::INFINITY
        } else {
            self.cost[i][j - self.band.lo[i]]
        }
    }

    fn back_at(&self, i: usize, j: usize) -> Move {
        self.back[i][j - self.band.lo[i]]
    }

    fn fill(stretch: &Stretch) -> Table {
        let (n, m) = stretch.len();
        let band = Band::new(n, m, stretch.ends);
        let mut table = Table {
            last: (n, m),
            ends: stretch.ends,
            cost: (0..=n)
                .map(|i| vec![f64::INFINITY; band.width(i)])
                .collect(),
            back: (0..=n).map(|i| vec![NO_MOVE; band.width(i)]).collect(),
            pair: (0..=n)
                .map(|i| vec![(f64::INFINITY, Evidence::Length); band.width(i)])
                .collect(),
            band,
        };
        table.cost[0][0] = 0.0;
        for i in 0..=n {
            for j in table.band.lo[i]..=table.band.hi[i] {
                if (i, j) == (0, 0) {
                    continue;
                }
                let k = j - table.band.lo[i];
                if i >= 1 && j >= 1 {
                    let one_to_one = &stretch.single_a[i - 1];
                    table.pair[i][k] =
                        pair_cost(one_to_one, &stretch.single_b[j - 1], stretch.model);
                }
                let (cost, step) = table.best_move(stretch, i, j);
                table.cost[i][k] = cost;
                table.back[i][k] = step;
            }
        }
        table
    }

    /// The cheapest way to reach cell `(i, j)`, over the five moves. Two blocks against one
    /// must fit better together than either alone, and the shorter of the two must be long
    /// enough for its length to show: a merge is found by its length and anchors, and never
    /// absorbs a block that has no counterpart (`Now, therefore,` beside a recital). A numbered heading is
    /// never one of two.
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
            let (c, by) = self.pair_at(s, i - 1, j - 1);
            consider(1, 1, c, by);
        }
        // Along the first row or column from an open start, or the last from an open end,
        // a skip runs beyond the other version's first or last block.
        let (n, m) = self.last;
        let ends = self.ends;
        let edge = |on_first: bool, on_last: bool| {
            if (ends.start && on_first) || (ends.end && on_last) {
                EDGE_SKIP_COST
            } else {
                SKIP_COST
            }
        };
        // A short opening of a sentence is left for the block that finishes it to take.
        let opening = |is: bool, cost: f64| if is { cost.min(EDGE_SKIP_COST) } else { cost };
        if i >= 1 {
            let skip = opening(s.opening_a[i - 1], edge(j == 0, j == m));
            consider(1, 0, skip, Evidence::Length);
        }
        if j >= 1 {
            let skip = opening(s.opening_b[j - 1], edge(i == 0, i == n));
            consider(0, 1, skip, Evidence::Length);
        }
        if i >= 2
            && j >= 1
            && !s.single_a[i - 1].numbered_heading
            && !s.single_a[i - 2].numbered_heading
            && substantial(&s.single_a[i - 2], &s.single_a[i - 1])
            && let Some(pair) = &s.double_a[i - 1]
        {
            let (c, by) = pair_cost(pair, &s.single_b[j - 1], s.model);
            if c < self
                .pair_at(s, i - 1, j - 1)
                .0
                .min(self.pair_at(s, i - 2, j - 1).0)
            {
                consider(2, 1, c + TWO_TO_ONE_COST, by);
            }
        }
        if i >= 1
            && j >= 2
            && !s.single_b[j - 1].numbered_heading
            && !s.single_b[j - 2].numbered_heading
            && substantial(&s.single_b[j - 2], &s.single_b[j - 1])
            && let Some(pair) = &s.double_b[j - 1]
        {
            let (c, by) = pair_cost(&s.single_a[i - 1], pair, s.model);
            if c < self
                .pair_at(s, i - 1, j - 1)
                .0
                .min(self.pair_at(s, i - 1, j - 2).0)
            {
                consider(1, 2, c + TWO_TO_ONE_COST, by);
            }
        }
        best
    }

    /// The links along the cheapest path, from the last cell back to the first.
    fn trace_back(&self, offset_a: usize, offset_b: usize) -> Vec<Link> {
        let mut links = Vec::new();
        let (mut i, mut j) = self.last;
        while i > 0 || j > 0 {
            let step = self.back_at(i, j);
            let (di, dj) = (usize::from(step.a), usize::from(step.b));
            if di == 0 && dj == 0 {
                // Should the chained bands ever leave a cell unreached, what is left is
                // unmatched rather than lost.
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
                    undecided: false,
                }
            });
            (i, j) = (i - di, j - dj);
        }
        links.reverse();
        links
    }
}

/// Whether the shorter of two neighbours is enough of their joint length
/// (`MERGE_MIN_SHARE`) that a length fit can tell them joined from one alone.
fn substantial(x: &Features, y: &Features) -> bool {
    x.chars.min(y.chars) >= MERGE_MIN_SHARE * (x.chars + y.chars)
}

pub(super) fn lone(a: Vec<usize>, b: Vec<usize>) -> Link {
    Link {
        a,
        b,
        by: None,
        confidence: 0.0,
        undecided: false,
    }
}

pub(super) fn confidence(cost: f64) -> f64 {
    let c = (-cost.max(0.0) / 6.0).exp();
    (c * 100.0).round() / 100.0
}

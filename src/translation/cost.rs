//! What pairing blocks of two versions costs: a length model in the manner of Gale and
//! Church, fitted on the pairs the anchors settle, and the signals that survive translation
//! (heading structure, numbers, Latin-script tokens).

use std::collections::BTreeMap;

use super::Evidence;
use super::anchors;
use super::lexicon::{self, Lexicon, Reading, Tokenizer};
use crate::model::{Block, Document};

/// Gale and Church's variance of length per character, scaled for paragraphs: the least the
/// model allows, however closely the anchored pairs agree.
const LENGTH_VARIANCE: f64 = 6.8;
/// Stretches between anchors needed before the median of their ratios is taken, when none
/// has as many paragraphs on each side.
const MEDIAN_MIN_STRETCHES: usize = 3;
/// Anchored one-to-one paragraphs needed before their spread replaces the default variance.
const CALIBRATION_MIN_PAIRS: usize = 5;
/// A numbered heading against a paragraph is unlikely; a short line read as a heading against
/// a paragraph much less so (`فإن الجمعية العامة` against `The General Assembly`).
const NUMBERED_HEADING_MISMATCH_COST: f64 = 8.0;
const GUESSED_HEADING_MISMATCH_COST: f64 = 2.0;

/// Weight of the lexicon's say: the cost falls by this much per unit of agreement above what
/// unrelated blocks share, and rises as much below it.
const LEXICON_WEIGHT: f64 = 6.0;

/// Everything a pairing's cost is computed from, for one pair of versions.
#[derive(Debug)]
pub(super) struct Model {
    pub length: LengthModel,
    /// Learnt on a first alignment; absent in that first one.
    pub words: Option<Words>,
}

/// Words of the two versions that translate each other, and how each version is cut into
/// words.
#[derive(Debug)]
pub(super) struct Words {
    /// One lexicon, or two learnt on the two halves of the documents, each reading the
    /// other half: a pair a first alignment got wrong cannot then confirm itself.
    pub lexicons: Lexicons,
    pub tokenizer_a: Tokenizer,
    pub tokenizer_b: Tokenizer,
}

/// The lexicon a block is read with.
#[derive(Debug)]
pub(super) enum Lexicons {
    One(Lexicon),
    /// Learnt on the pairs before and after the lines where the second half starts in A
    /// and in B; a block before them is read with the second, and the others with the first.
    Halves {
        first: Lexicon,
        second: Lexicon,
        split: (usize, usize),
    },
}

impl Words {
    /// The lexicon that reads a block of A (`forward`) or of B at `line`.
    fn lexicon(&self, forward: bool, line: usize) -> &Lexicon {
        match &self.lexicons {
            Lexicons::One(lexicon) => lexicon,
            Lexicons::Halves {
                first,
                second,
                split,
            } => {
                let at = if forward { split.0 } else { split.1 };
                if line < at { second } else { first }
            }
        }
    }

    /// What two unrelated blocks agree on by chance.
    fn chance(&self) -> f64 {
        match &self.lexicons {
            Lexicons::One(lexicon) => lexicon.chance,
            Lexicons::Halves { first, second, .. } => (first.chance + second.chance) / 2.0,
        }
    }
}

impl Model {
    /// The features of a run of blocks of the pivot.
    pub(super) fn features_a(&self, blocks: &[Block]) -> Features {
        let line = blocks.first().map_or(0, |b| b.line);
        features(
            blocks,
            self.words
                .as_ref()
                .map(|w| (&w.tokenizer_a, w.lexicon(true, line), true)),
        )
    }

    /// The features of a run of blocks of the other version.
    pub(super) fn features_b(&self, blocks: &[Block]) -> Features {
        let line = blocks.first().map_or(0, |b| b.line);
        features(
            blocks,
            self.words
                .as_ref()
                .map(|w| (&w.tokenizer_b, w.lexicon(false, line), false)),
        )
    }

    /// The features of two neighbours of the pivot, from each one's.
    pub(super) fn join_a(&self, x: &Features, y: &Features) -> Features {
        join(
            x,
            y,
            self.words.as_ref().map(|w| (w.lexicon(true, x.line), true)),
        )
    }

    /// The features of two neighbours of the other version, from each one's.
    pub(super) fn join_b(&self, x: &Features, y: &Features) -> Features {
        join(
            x,
            y,
            self.words
                .as_ref()
                .map(|w| (w.lexicon(false, x.line), false)),
        )
    }
}

/// How the length of a block of B follows from the length of its counterpart in A.
#[derive(Debug, Clone, Copy)]
pub(super) struct LengthModel {
    /// Characters of B per character of A: Chinese says in one character what English says
    /// in three or four.
    pub ratio: f64,
    /// Variance of the length difference per character.
    pub variance: f64,
}

impl LengthModel {
    /// The model for `a` and `b`, anchored at `anchors` (pairs of block positions, in
    /// order). The ratio is measured over the text both versions cover, from the first anchor
    /// to the last, where there are anchors that far apart: over the whole documents, an
    /// excerpt would make every one of its paragraphs look short. The variance is widened
    /// to how far apart the paragraphs that anchors alone pair (the only block between two
    /// anchors on each side) are: two translations of an original differ more than a
    /// translation and its original.
    pub(super) fn fit(a: &Document, b: &Document, anchors: &[(usize, usize)]) -> LengthModel {
        let ratio = shared_ratio(a, b, anchors);
        let settled: Vec<(f64, f64)> = anchors
            .windows(2)
            .filter(|w| w[1].0 == w[0].0 + 2 && w[1].1 == w[0].1 + 2)
            .map(|w| (&a.blocks[w[0].0 + 1], &b.blocks[w[0].1 + 1]))
            .filter(|(x, y)| !x.is_heading() && !y.is_heading())
            .map(|(x, y)| (x.text.chars().count() as f64, y.text.chars().count() as f64))
            .collect();
        let mut variance = LENGTH_VARIANCE;
        if settled.len() >= CALIBRATION_MIN_PAIRS {
            let spread = settled
                .iter()
                .map(|&(la, lb)| {
                    let b_as_a = lb / ratio;
                    (b_as_a - la).powi(2) / ((la + b_as_a) / 2.0).max(1.0)
                })
                .sum::<f64>()
                / settled.len() as f64;
            variance = variance.max(spread);
        }
        LengthModel { ratio, variance }
    }
}

fn shared_ratio(a: &Document, b: &Document, anchors: &[(usize, usize)]) -> f64 {
    let chars =
        |blocks: &[Block]| blocks.iter().map(|x| x.text.chars().count()).sum::<usize>() as f64;
    let ratio = |la: f64, lb: f64| (la > 0.0 && lb > 0.0).then(|| lb / la);
    let whole = ratio(chars(&a.blocks), chars(&b.blocks)).unwrap_or(1.0);
    // Each stretch between two anchors with prose on both sides gives a ratio. Those with as
    // many paragraphs on each side are most likely faithful, and their median holds against
    // the odd one that is not; failing those, the median of all, if there are a few.
    let mut even: Vec<f64> = Vec::new();
    let mut all: Vec<f64> = Vec::new();
    for w in anchors.windows(2) {
        let (xs, ys) = (&a.blocks[w[0].0 + 1..w[1].0], &b.blocks[w[0].1 + 1..w[1].1]);
        let prose = |blocks: &[Block]| blocks.iter().filter(|x| !x.is_heading()).count();
        if prose(xs) == 0 || prose(ys) == 0 {
            continue;
        }
        if let Some(r) = ratio(chars(xs), chars(ys)) {
            all.push(r);
            if prose(xs) == prose(ys) {
                even.push(r);
            }
        }
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    if !even.is_empty() {
        return median(even);
    }
    if all.len() >= MEDIAN_MIN_STRETCHES {
        return median(all);
    }
    let (Some(first), Some(last)) = (anchors.first(), anchors.last()) else {
        return whole;
    };
    let (la, lb) = (
        chars(&a.blocks[first.0..=last.0]),
        chars(&b.blocks[first.1..=last.1]),
    );
    // Headings alone (`Article 1` … `Article 2`) say little of how long prose grows; a
    // paragraph on each side does, better than a whole text that may be an excerpt.
    let has_prose = |blocks: &[Block]| blocks.iter().any(|x| !x.is_heading());
    if !(has_prose(&a.blocks[first.0..=last.0]) && has_prose(&b.blocks[first.1..=last.1])) {
        return whole;
    }
    ratio(la, lb).unwrap_or(whole)
}

/// What the cost of a pairing looks at in a run of one or two blocks.
pub(super) struct Features {
    pub chars: f64,
    pub heading: bool,
    /// A heading with a number label: structure the text states, where an unnumbered one is
    /// only guessed from its shape (short, no full stop) and a translation may not share it.
    pub numbered_heading: bool,
    numbers: BTreeMap<u64, usize>,
    latin: Vec<String>,
    /// The words as the lexicon reads them; empty in a first alignment.
    words: Reading,
    /// The line of the first block: which lexicon reads the run.
    line: usize,
}

/// The features of a run of blocks; `words` cuts them into words and reads them with a
/// lexicon, from A to B if `true`.
fn features(blocks: &[Block], words: Option<(&Tokenizer, &Lexicon, bool)>) -> Features {
    let text: String = blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Features {
        chars: text.chars().count() as f64,
        heading: blocks.iter().any(Block::is_heading),
        numbered_heading: blocks.iter().any(|b| b.is_heading() && b.number.is_some()),
        numbers: anchors::numbers(&text),
        latin: anchors::latin_tokens(&text),
        words: words
            .map(|(tokenizer, lexicon, forward)| lexicon.read(tokenizer.tokens(&text), forward))
            .unwrap_or_default(),
        line: blocks.first().map_or(0, |b| b.line),
    }
}

/// The features of two neighbouring blocks, as `features` would find them in their joined
/// text, without reading it again.
fn join(x: &Features, y: &Features, lexicon: Option<(&Lexicon, bool)>) -> Features {
    let mut numbers = x.numbers.clone();
    for (n, count) in &y.numbers {
        *numbers.entry(*n).or_default() += count;
    }
    let words = lexicon.map_or_else(Reading::default, |(lexicon, forward)| {
        let mut tokens = [x.words.tokens(), y.words.tokens()].concat();
        tokens.sort_unstable();
        tokens.dedup();
        lexicon.read(tokens, forward)
    });
    Features {
        chars: x.chars + y.chars + 1.0,
        heading: x.heading || y.heading,
        numbered_heading: x.numbered_heading || y.numbered_heading,
        numbers,
        latin: [x.latin.as_slice(), y.latin.as_slice()].concat(),
        words,
        line: x.line,
    }
}

/// Cost of pairing A-run with B-run (lower is likelier), and how the pair is best described.
pub(super) fn pair_cost(fa: &Features, fb: &Features, model: &Model) -> (f64, Evidence) {
    // Both lengths in characters of A, so that the cost is the same whichever version is
    // the pivot.
    let length = model.length;
    let b_as_a = fb.chars / length.ratio.max(0.01);
    let spread = (length.variance * (fa.chars + b_as_a) / 2.0 + 1.0).sqrt();
    let delta = (b_as_a - fa.chars) / spread;
    let mut cost = (delta * delta / 2.0).min(30.0);
    let mut by = Evidence::Length;
    if fa.heading != fb.heading {
        cost += if fa.numbered_heading || fb.numbered_heading {
            NUMBERED_HEADING_MISMATCH_COST
        } else {
            GUESSED_HEADING_MISMATCH_COST
        };
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
    if let Some(words) = &model.words
        && let Some(agreement) = lexicon::agreement(&fa.words, &fb.words)
    {
        let said = agreement - words.chance();
        cost -= LEXICON_WEIGHT * said;
        if said > 0.0 && by == Evidence::Length {
            by = Evidence::Words;
        }
    }
    (cost, by)
}

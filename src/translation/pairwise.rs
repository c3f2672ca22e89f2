//! The alignment of one version with the pivot: number labels anchor it, and each stretch
//! between anchors is aligned by a dynamic programme over lengths and anchor tokens.

use std::collections::BTreeMap;
use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::Evidence;
use super::cost::{LengthModel, Lexicons, Model, Words, pair_cost};
use super::lexicon::{Lexicon, MAX_TRAINING_PAIRS, Tokenizer};
use super::refine;
use super::stretch::{Ends, Stretch, confidence, lone};
use crate::model::{Block, Document};

/// Blocks of the pivot (`a`) linked with blocks of another version (`b`); one side may be
/// empty.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Link {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
    pub by: Option<Evidence>,
    pub confidence: f64,
    /// One block against two where it fits either alone and not both: the other version
    /// left one of the two out, and nothing tells which.
    pub undecided: bool,
}

/// An unnumbered block this long whose text recurs in the other version anchors the
/// alignment there; shorter ones (`Now, therefore,`) say too little.
const SAME_TEXT_MIN_WORDS: usize = 4;
/// Pairs of a first alignment this sure teach the lexicon.
const SURE_CONFIDENCE: f64 = 0.5;

/// Link every block of `a` and of `b`: number labels first, then each stretch between them;
/// then those stretches that needed a search again, with the words the first alignment's
/// sure pairs show to translate each other.
pub(super) fn links(a: &Document, b: &Document) -> Vec<Link> {
    let anchors = number_anchors(a, b);
    let positions: Vec<(usize, usize)> = anchors.iter().map(|&(i, j, _)| (i, j)).collect();
    let mut model = Model {
        length: LengthModel::fit(a, b, &positions),
        words: None,
    };
    let spans = spans(a, b, &anchors);
    let mut first: Vec<(Vec<Link>, bool)> =
        spans.iter().map(|span| span.align(a, b, &model)).collect();
    // The lexicon learns from the pairs no search decided (alone between anchors, or
    // anchored numbered paragraphs) where there are enough: a pair the search got wrong would
    // otherwise teach the words that confirm it. Without anchors, from every sure pair, each
    // half of them for the other half of the text.
    let anchored: Vec<Link> = spans
        .iter()
        .filter_map(|span| span.anchor)
        .map(anchor_link)
        .collect();
    let settled = first
        .iter()
        .filter(|(_, searched)| !*searched)
        .flat_map(|(links, _)| links)
        .chain(&anchored);
    if first.iter().any(|(_, searched)| *searched)
        && let Some(words) = learn_words(a, b, settled, false)
            .or_else(|| learn_words(a, b, first.iter().flat_map(|(links, _)| links), true))
    {
        model.words = Some(words);
        for (span, (links, searched)) in spans.iter().zip(&mut first) {
            if *searched {
                *links = span.align(a, b, &model).0;
            }
        }
    }
    let mut links = Vec::new();
    for (span, (stretch, _)) in spans.iter().zip(first) {
        links.extend(stretch);
        if let Some(anchor) = span.anchor {
            links.push(anchor_link(anchor));
        }
    }
    refine::absorb_continuations(&mut links, a, b, &model);
    refine::absorb_sentence_openings(&mut links, a, b);
    refine::undecided_omissions(&mut links, a, b, &model);
    refine::confidences(&mut links, a, b, &model);
    links
}

/// The link of an anchor: one block on each side, paired by number or text.
fn anchor_link((i, j, by): (usize, usize, Evidence)) -> Link {
    Link {
        a: vec![i],
        b: vec![j],
        by: Some(by),
        confidence: 0.99,
        undecided: false,
    }
}

/// A stretch between anchors (or a document's start or end) and the anchor after it.
struct Span {
    a: Range<usize>,
    b: Range<usize>,
    ends: Ends,
    anchor: Option<(usize, usize, Evidence)>,
}

impl Span {
    /// The stretch's links, and whether it needed a search (where a lexicon could change
    /// the outcome).
    fn align(&self, a: &Document, b: &Document, model: &Model) -> (Vec<Link>, bool) {
        let offset = (self.a.start, self.b.start);
        gap(
            &a.blocks[self.a.clone()],
            &b.blocks[self.b.clone()],
            offset,
            model,
            self.ends,
        )
    }
}

fn spans(a: &Document, b: &Document, anchors: &[(usize, usize, Evidence)]) -> Vec<Span> {
    let end = (a.blocks.len(), b.blocks.len());
    let mut start = (0, 0);
    let mut spans = Vec::with_capacity(anchors.len() + 1);
    for anchor in anchors.iter().map(Some).chain([None]) {
        let (i, j) = anchor.map_or(end, |&(i, j, _)| (i, j));
        spans.push(Span {
            a: start.0..i,
            b: start.1..j,
            ends: Ends {
                start: start == (0, 0),
                end: anchor.is_none(),
            },
            anchor: anchor.copied(),
        });
        start = (i + 1, j + 1);
    }
    spans
}

/// The lexicon of a pair of versions, learnt from the sure one-to-one paragraph pairs of a
/// first alignment (a sample of them, spread over the documents, in a long text). With
/// `halves`, two lexicons, each learnt on one half of the pairs and reading the other half:
/// a first alignment that no anchor settled may have a pair wrong, and a lexicon learnt on
/// that pair would confirm it.
fn learn_words<'l>(
    a: &Document,
    b: &Document,
    links: impl Iterator<Item = &'l Link>,
    halves: bool,
) -> Option<Words> {
    let sure: Vec<(usize, usize)> = links
        .filter(|l| l.confidence >= SURE_CONFIDENCE)
        .filter_map(|l| match (l.a.as_slice(), l.b.as_slice()) {
            ([i], [j]) if !a.blocks[*i].is_heading() && !b.blocks[*j].is_heading() => {
                Some((*i, *j))
            }
            _ => None,
        })
        .collect();
    let (tokenizer_a, tokenizer_b) = (Tokenizer::for_document(a), Tokenizer::for_document(b));
    let learn = |pairs: &[(usize, usize)]| {
        let step = pairs.len().div_ceil(MAX_TRAINING_PAIRS).max(1);
        let training: Vec<(Vec<u64>, Vec<u64>)> = pairs
            .iter()
            .step_by(step)
            .map(|&(i, j)| {
                (
                    tokenizer_a.tokens(&a.blocks[i].text),
                    tokenizer_b.tokens(&b.blocks[j].text),
                )
            })
            .collect();
        Lexicon::learn(&training)
    };
    let (first_half, second_half) = sure.split_at(sure.len() / 2);
    let lexicons = match (halves, second_half.first()) {
        (true, Some(&(i, j))) => Lexicons::Halves {
            first: learn(first_half)?,
            second: learn(second_half)?,
            split: (a.blocks[i].line, b.blocks[j].line),
        },
        _ => Lexicons::One(learn(&sure)?),
    };
    Some(Words {
        lexicons,
        tokenizer_a,
        tokenizer_b,
    })
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

/// Keys that identify a block across versions: a numbered heading of the level most numbered
/// headings have (the articles) by its number, a
/// numbered paragraph by its number within the nearest numbered heading, and an unnumbered
/// block of some length by its text, which two versions in one language share where they
/// agree (and versions in two languages do not).
fn number_keys(d: &Document) -> Vec<Option<String>> {
    // Levels come from the order numbering styles first appear, and a version that spells
    // out its outer numbers (`Titolo primo` against `1. Titel`) has one numbered style fewer,
    // so its levels shift. The level with the most numbered headings (the articles) anchors,
    // known as such in either version; the few headings above it (titles, chapters, whose
    // numbers the articles' repeat) are paired within the stretches, by heading structure.
    let mut per_level: BTreeMap<u8, usize> = BTreeMap::new();
    for b in d
        .blocks
        .iter()
        .filter(|b| b.is_heading() && b.number.is_some())
    {
        *per_level.entry(b.level.unwrap_or(1)).or_default() += 1;
    }
    let main_level = per_level
        .iter()
        .max_by_key(|(level, count)| (**count, std::cmp::Reverse(**level)))
        .map(|(level, _)| *level);
    let mut context = String::new();
    d.blocks
        .iter()
        .map(|b| {
            let Some(n) = b.number.as_ref() else {
                let words = b.text.split_whitespace().count();
                return (words >= SAME_TEXT_MIN_WORDS)
                    .then(|| format!("T:{}", crate::text::fold(&b.text).to_lowercase()));
            };
            if b.is_heading() {
                context = n.clone();
                (Some(b.level.unwrap_or(1)) == main_level).then(|| format!("A:{n}"))
            } else {
                Some(format!("P:{context}:{n}"))
            }
        })
        .collect()
}

/// Align an unanchored stretch by dynamic programming over 1-1, 1-2, 2-1, 1-0 and 0-1 moves.
/// `offset` is where the stretch begins in each document.
pub(super) fn gap(
    a: &[Block],
    b: &[Block],
    offset: (usize, usize),
    model: &Model,
    ends: Ends,
) -> (Vec<Link>, bool) {
    if let Some(links) = settled_without_search(a, b, offset.0, offset.1, model) {
        return (links, false);
    }
    (
        Stretch::new(a, b, model, ends).align(offset.0, offset.1),
        true,
    )
}

/// The stretches that need no search: one side empty (all unmatched), or one block on each
/// side of the same kind (paired by position, or by what the cost says they share).
fn settled_without_search(
    a: &[Block],
    b: &[Block],
    offset_a: usize,
    offset_b: usize,
    model: &Model,
) -> Option<Vec<Link>> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        let mut links: Vec<Link> = (0..n).map(|i| lone(vec![offset_a + i], vec![])).collect();
        links.extend((0..m).map(|j| lone(vec![], vec![offset_b + j])));
        return Some(links);
    }
    if n == 1 && m == 1 {
        let (fa, fb) = (model.features_a(a), model.features_b(b));
        let (cost, by) = pair_cost(&fa, &fb, model);
        if fa.heading == fb.heading {
            let by = match by {
                Evidence::Length | Evidence::Words => Evidence::Position,
                by => by,
            };
            return Some(vec![Link {
                a: vec![offset_a],
                b: vec![offset_b],
                by: Some(by),
                confidence: confidence(cost).max(0.6),
                undecided: false,
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
                &Model {
                    length: LengthModel {
                        ratio: 1.0,
                        variance: 6.8,
                    },
                    words: None,
                },
                Ends::default(),
            )
            .0;
            assert_covered(&links, n, m);
        }
    }
}

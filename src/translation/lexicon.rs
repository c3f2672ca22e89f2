//! Words that translate each other, learnt from the two versions themselves: the pairs a
//! first alignment is sure of (anchored, or alone between anchors) show which word of one
//! language keeps company with which word of the other, as translation memories' aligners
//! bootstrap their dictionaries. A second alignment then tells apart blocks that length
//! cannot: which of two paragraphs of an article a translation left out, which short line
//! renders which.
//!
//! Nothing here knows a language. Words are runs of letters; a version whose words run long
//! (a script written without spaces, such as Chinese or Thai) is read in pairs of letters
//! instead, and the others by the first letters of each word, which holds an inflected
//! word's stem.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use smallvec::SmallVec;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use crate::model::Document;

/// Letters of a word kept as its stem.
const STEM_LETTERS: usize = 4;
/// Blocks a document's word length is measured on.
const SAMPLE_BLOCKS: usize = 500;
/// Mean word length (in letters) above which a text is taken to run its words together.
const UNSPACED_MEAN_WORD: f64 = 9.0;
/// Pairs the lexicon is learnt from, at most: spread over the documents, enough for the
/// words that recur, and a bound on the time a very long text takes.
pub(super) const MAX_TRAINING_PAIRS: usize = 1000;
/// Sure pairs needed before a lexicon is worth learning.
pub(super) const MIN_TRAINING_PAIRS: usize = 10;
/// How often two words must meet, and how exclusively (Dice's coefficient), to be taken as
/// translations.
const MIN_MEETINGS: u32 = 2;
const MIN_DICE: f64 = 0.7;
/// Translations kept per word: a word of one language may be rendered by several of the
/// other (inflected forms, synonyms).
const PARTNERS: usize = 2;

/// The tokens of a block of A and of its counterpart in B.
pub(super) type TokenPair = (Vec<u64>, Vec<u64>);

/// How one version's text is cut into words.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tokenizer {
    letter_pairs: bool,
}

impl Tokenizer {
    /// The tokenizer for a document, from the mean length of its words in (at most)
    /// `SAMPLE_BLOCKS` blocks spread over it.
    pub(super) fn for_document(d: &Document) -> Tokenizer {
        let (mut words, mut letters) = (0usize, 0usize);
        let step = d.blocks.len().div_ceil(SAMPLE_BLOCKS).max(1);
        for block in d.blocks.iter().step_by(step) {
            for_each_word(&block.text, |w| {
                words += 1;
                letters += w.chars().count();
            });
        }
        let mean = letters as f64 / words.max(1) as f64;
        Tokenizer {
            letter_pairs: mean > UNSPACED_MEAN_WORD,
        }
    }

    /// The distinct tokens of `text`, as sorted hashes.
    pub(super) fn tokens(&self, text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let mut chars: Vec<char> = Vec::new();
        for_each_word(text, |w| {
            chars.clear();
            chars.extend(w.chars().flat_map(char::to_lowercase));
            if self.letter_pairs && chars.len() > 1 {
                out.extend(chars.windows(2).map(hash));
            } else {
                out.push(hash(stem(&chars)));
            }
        });
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let in_word = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            c.is_alphabetic() || is_mark(c)
        }
    };
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (in_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                f(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
}

/// The first `STEM_LETTERS` letters of a word with the marks that go with them (an Indic
/// vowel sign or virama is a code point of its own, and no letter).
fn stem(word: &[char]) -> &[char] {
    let mut letters = 0;
    let end = word
        .iter()
        .position(|c| {
            if is_mark(*c) {
                return false;
            }
            letters += 1;
            letters > STEM_LETTERS
        })
        .unwrap_or(word.len());
    &word[..end]
}

fn is_mark(c: char) -> bool {
    !c.is_ascii() && c.general_category_group() == GeneralCategoryGroup::Mark
}

fn hash(chars: &[char]) -> u64 {
    let mut h = FxHasher::default();
    chars.hash(&mut h);
    h.finish()
}

/// Each word's likeliest translation in the other version, both ways, with how much a match
/// of it says (rarer words say more).
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    forward: FxHashMap<u64, Translations>,
    backward: FxHashMap<u64, Translations>,
    /// The mean agreement of a training block with the block after its counterpart: what
    /// two unrelated blocks of these versions share.
    pub chance: f64,
}

/// A word's translations: the words of the other version it keeps company with most
/// exclusively, best first, and the weight of a match (the rarer the word, the more it says).
#[derive(Debug, Clone, Default)]
struct Translations {
    weight: f64,
    partners: SmallVec<[(u64, f64); PARTNERS]>,
}

impl Lexicon {
    /// Add `partner` (with its Dice coefficient) to `word`'s translations if it is among the
    /// best, `forward` from A to B.
    fn keep(&mut self, forward: bool, word: u64, weight: f64, partner: (u64, f64)) {
        let map = if forward {
            &mut self.forward
        } else {
            &mut self.backward
        };
        let entry = map.entry(word).or_default();
        entry.weight = weight;
        let at = entry.partners.partition_point(|p| p.1 >= partner.1);
        if at < PARTNERS {
            entry.partners.insert(at, partner);
            entry.partners.truncate(PARTNERS);
        }
    }

    /// Learn from `pairs` of token sets (A's, B's), at most `MAX_TRAINING_PAIRS` of them.
    /// `None` when there are too few.
    pub(super) fn learn(pairs: &[TokenPair]) -> Option<Lexicon> {
        if pairs.len() < MIN_TRAINING_PAIRS {
            return None;
        }
        let n = pairs.len() as f64;
        let count = |side: fn(&TokenPair) -> &Vec<u64>| {
            let mut c: FxHashMap<u64, u32> = FxHashMap::default();
            for pair in pairs {
                for t in side(pair) {
                    *c.entry(*t).or_default() += 1;
                }
            }
            c
        };
        let (count_a, count_b) = (count(|p| &p.0), count(|p| &p.1));
        // Words met once can show no company; words in most blocks show none worth having.
        let useful = |c: &FxHashMap<u64, u32>| -> FxHashSet<u64> {
            c.iter()
                .filter(|&(_, &k)| k >= MIN_MEETINGS && f64::from(k) <= n / 2.0)
                .map(|(t, _)| *t)
                .collect()
        };
        let (useful_a, useful_b) = (useful(&count_a), useful(&count_b));
        let mut met: FxHashMap<(u64, u64), u32> = FxHashMap::default();
        for (ta, tb) in pairs {
            let tb: Vec<u64> = tb
                .iter()
                .copied()
                .filter(|t| useful_b.contains(t))
                .collect();
            for p in ta.iter().filter(|t| useful_a.contains(t)) {
                for q in &tb {
                    *met.entry((*p, *q)).or_default() += 1;
                }
            }
        }
        let mut lexicon = Lexicon::default();
        for (&(p, q), &k) in &met {
            if k < MIN_MEETINGS {
                continue;
            }
            let (ca, cb) = (f64::from(count_a[&p]), f64::from(count_b[&q]));
            let dice = 2.0 * f64::from(k) / (ca + cb);
            if dice < MIN_DICE {
                continue;
            }
            let weight = |c: f64| ((n + 1.0) / c).ln();
            lexicon.keep(true, p, weight(ca), (q, dice));
            lexicon.keep(false, q, weight(cb), (p, dice));
        }
        if lexicon.forward.is_empty() {
            return None;
        }
        let shifted: Vec<f64> = pairs
            .windows(2)
            .filter_map(|w| {
                let a = lexicon.read(w[0].0.clone(), true);
                let b = lexicon.read(w[1].1.clone(), false);
                agreement(&a, &b)
            })
            .collect();
        lexicon.chance = shifted.iter().sum::<f64>() / shifted.len().max(1) as f64;
        Some(lexicon)
    }

    /// A block's tokens as this lexicon reads them, `forward` for a block of A.
    pub(super) fn read(&self, tokens: Vec<u64>, forward: bool) -> Reading {
        let map = if forward {
            &self.forward
        } else {
            &self.backward
        };
        let known = tokens
            .iter()
            .filter_map(|t| map.get(t))
            .map(|tr| {
                (
                    tr.weight,
                    tr.partners.iter().map(|(word, _)| *word).collect(),
                )
            })
            .collect();
        Reading { tokens, known }
    }
}

/// A block's words as a lexicon reads them: its tokens (sorted), and for each token the
/// lexicon knows, the weight of a match and its translations.
#[derive(Debug, Default)]
pub(super) struct Reading {
    tokens: Vec<u64>,
    known: Vec<(f64, SmallVec<[u64; PARTNERS]>)>,
}

impl Reading {
    pub(super) fn tokens(&self) -> &[u64] {
        &self.tokens
    }
}

/// How far two blocks render each other, from 0 to 1: the share of the known words of both
/// sides (weighted by rarity) whose translation is on the other side. A short block whose few
/// known words all recur in a long one says less than the long one's many that do not.
/// `None` when neither side has a known word.
pub(super) fn agreement(a: &Reading, b: &Reading) -> Option<f64> {
    let side = |from: &Reading, to: &Reading| {
        let (mut known, mut found) = (0.0, 0.0);
        for (weight, partners) in &from.known {
            known += weight;
            if partners.iter().any(|w| to.tokens.binary_search(w).is_ok()) {
                found += weight;
            }
        }
        (known, found)
    };
    let ((known_a, found_a), (known_b, found_b)) = (side(a, b), side(b, a));
    let known = known_a + known_b;
    (known > 0.0).then(|| (found_a + found_b) / known)
}

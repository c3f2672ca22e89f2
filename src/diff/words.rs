//! Word-level differences inside changed, split and merged entries: a patience diff of
//! tokens under a deadline, and a linear coarse diff for paragraphs too large for it.

use std::borrow::Cow;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::{Entry, Kind, Op, Options, Word, key};
use crate::model::Block;
use crate::text::tokens;

/// Time allowed for the word diff of one pair before it falls back to a coarser diff.
const WORD_DIFF_BUDGET: Duration = Duration::from_millis(200);
/// Paragraphs larger than this together are not diffed word by word: tokens and their keys
/// would take many times the text's size in memory. They get [`coarse_diff`] instead.
const WORD_DIFF_MAX_BYTES: usize = 4 * 1024 * 1024;

/// The words of two texts, marked equal, deleted or inserted.
#[derive(Debug, Clone, PartialEq)]
pub struct WordDiff {
    /// Equal and deleted words rebuild the old text, equal and inserted words the new
    /// ([`rebuild`]).
    pub words: Vec<Word>,
    /// Twice the words the texts share over all their words, from 0 to 1.
    pub similarity: f64,
    /// Why the diff is coarser than word by word, when it is (a deadline, a huge text).
    pub fallback: Option<String>,
}

/// The word diffs of every changed, split and merged entry. They are independent of each
/// other: spread over the cores.
pub(super) fn diff_entries(entries: &mut [Entry], options: &Options) {
    use rayon::prelude::*;
    entries
        .par_iter_mut()
        .filter(|e| matches!(e.kind, Kind::Changed | Kind::Split | Kind::Merged))
        .for_each(|entry| {
            let diff = word_diff(&join_texts(&entry.old), &join_texts(&entry.new), options);
            entry.words = Some(diff.words);
            entry.similarity = (diff.similarity * 1000.0).round() / 1000.0;
            entry.fallback = diff.fallback;
        });
}

/// The texts of blocks read as one, as an entry's word diff compares them.
pub fn join_texts(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Both sides of a word diff put back together: equal and deleted words give the old text
/// (an equal word's old spelling where it has one), equal and inserted words the new.
pub fn rebuild(words: &[Word]) -> (String, String) {
    let mut old = String::new();
    let mut new = String::new();
    for w in words {
        match w.op {
            Op::Equal => {
                old.push_str(w.old.as_deref().unwrap_or(&w.text));
                new.push_str(&w.text);
            }
            Op::Delete => old.push_str(&w.text),
            Op::Insert => new.push_str(&w.text),
        }
    }
    (old, new)
}

/// Word-level diff of two texts, under a deadline; texts too large for it get a coarse
/// diff of their common beginning and end.
pub fn word_diff(old: &str, new: &str, options: &Options) -> WordDiff {
    if old.len() + new.len() > WORD_DIFF_MAX_BYTES {
        return coarse_diff(old, new);
    }
    let old_tokens = tokens::tokenize(old);
    let new_tokens = tokens::tokenize(new);
    let old_keys: Vec<Cow<'_, str>> = old_tokens.iter().map(|t| key(t.core, options)).collect();
    let new_keys: Vec<Cow<'_, str>> = new_tokens.iter().map(|t| key(t.core, options)).collect();
    let started = Instant::now();
    let deadline = started + WORD_DIFF_BUDGET;
    let ops =
        capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, Some(deadline));
    let fallback = (Instant::now() > deadline).then(|| stopped_note(&old_tokens, &new_tokens));
    let mut words = Words::default();
    let (mut same_words, mut old_words, mut new_words) = (0usize, 0usize, 0usize);
    // Whitespace owed after a deletion or insertion: see `space_after_equal`.
    let mut owed_space: Option<&str> = None;
    for (at, op) in ops.iter().enumerate() {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                let last = o.end.saturating_sub(1);
                for (i, j) in o.zip(n) {
                    let (old_token, new_token) = (old_tokens[i], new_tokens[j]);
                    same_words += usize::from(new_token.is_word());
                    old_words += usize::from(old_token.is_word());
                    new_words += usize::from(new_token.is_word());
                    // Ignored differences (quotes, case) show the new text, unhighlighted.
                    words.equal(old_token.core, new_token.core);
                    let old_space = &old_token.text[old_token.core.len()..];
                    let new_space = &new_token.text[new_token.core.len()..];
                    let next = (i == last).then(|| ops.get(at + 1)).flatten();
                    owed_space = space_after_equal(
                        (old_space, new_space),
                        next.map(|op| {
                            let (_, o, n) = op.as_tag_tuple();
                            (&old_tokens[o], &new_tokens[n])
                        }),
                        options,
                        &mut words,
                    );
                }
            }
            _ => {
                let (old_run, new_run) = (&old_tokens[o], &new_tokens[n]);
                old_words += old_run.iter().filter(|t| t.is_word()).count();
                new_words += new_run.iter().filter(|t| t.is_word()).count();
                push_changed(&mut words, old_run, new_run, owed_space.take());
            }
        }
    }
    let similarity = if old_words + new_words == 0 {
        1.0
    } else {
        2.0 * same_words as f64 / (old_words + new_words) as f64
    };
    WordDiff {
        words: words.0,
        similarity,
        fallback,
    }
}

/// A deletion and an insertion standing between two equal stretches. `owed_space` is
/// whitespace `space_after_equal` moved past them; failing that, two runs ending in the
/// same whitespace keep it as equal text after both (`[-term-]{+Term+} `), not once inside
/// each mark.
fn push_changed(
    words: &mut Words,
    old_run: &[tokens::Token<'_>],
    new_run: &[tokens::Token<'_>],
    owed_space: Option<&str>,
) {
    let after = owed_space.or_else(|| match (old_run.last(), new_run.last()) {
        (Some(&old), Some(&new)) => common_trailing_space(old, new),
        _ => None,
    });
    for (op, run) in [(Op::Delete, old_run), (Op::Insert, new_run)] {
        for (k, token) in run.iter().enumerate() {
            let shifted = after.is_some() && k + 1 == run.len();
            words.push(op, if shifted { token.core } else { token.text });
        }
    }
    if let Some(space) = after {
        words.equal(space, space);
    }
}

/// The whitespace two tokens both end with, if any.
fn common_trailing_space<'t>(old: tokens::Token<'t>, new: tokens::Token<'t>) -> Option<&'t str> {
    let space = &old.text[old.core.len()..];
    (!space.is_empty() && space == &new.text[new.core.len()..]).then_some(space)
}

fn stopped_note(old_tokens: &[tokens::Token<'_>], new_tokens: &[tokens::Token<'_>]) -> String {
    format!(
        "word diff stopped after {} ms ({} and {} words); differences are shown coarser",
        WORD_DIFF_BUDGET.as_millis(),
        old_tokens.len(),
        new_tokens.len()
    )
}

/// Whitespace after an equal word, where the two texts may differ (a sentence that now
/// ends the paragraph, the join between the parts of a split). Both sides keep theirs so
/// each text rebuilds exactly. Where a deletion follows and ends with the new text's space
/// (`werden, und` → `werden und`), the space belongs after it: the deletion is `,`, not a
/// space inserted before `, ` (and likewise for an insertion); the space owed is returned
/// for the caller to put after the run. Otherwise a whitespace difference is one the
/// comparison ignores, unless strict.
fn space_after_equal<'t>(
    (old_space, new_space): (&'t str, &'t str),
    next: Option<(&[tokens::Token<'t>], &[tokens::Token<'t>])>,
    options: &Options,
    words: &mut Words,
) -> Option<&'t str> {
    if old_space == new_space {
        words.equal(old_space, new_space);
        return None;
    }
    let trailing = |t: &tokens::Token<'t>| &t.text[t.core.len()..];
    match next {
        Some(([.., last], [])) if old_space.is_empty() && trailing(last) == new_space => {
            return Some(new_space);
        }
        Some(([], [.., last])) if new_space.is_empty() && trailing(last) == old_space => {
            return Some(old_space);
        }
        _ => {}
    }
    if options.strict {
        words.push(Op::Delete, old_space);
        words.push(Op::Insert, new_space);
    } else {
        words.equal(old_space, new_space);
    }
    None
}

/// Words being built: runs of one operation merge into one word.
#[derive(Default)]
struct Words(Vec<Word>);

impl Words {
    fn push(&mut self, op: Op, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => self.0.push(Word {
                op,
                text: text.to_string(),
                old: None,
            }),
        }
    }

    /// Text equal on both sides up to what the comparison ignores: shown as the new
    /// spelling, with the old one kept where the two differ.
    fn equal(&mut self, old: &str, new: &str) {
        if old == new {
            if let Some(Word {
                op: Op::Equal,
                old: Some(spelling),
                ..
            }) = self.0.last_mut()
            {
                spelling.push_str(old);
            }
            self.push(Op::Equal, new);
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.op == Op::Equal => {
                last.old
                    .get_or_insert_with(|| last.text.clone())
                    .push_str(old);
                last.text.push_str(new);
            }
            _ => self.0.push(Word {
                op: Op::Equal,
                text: new.to_string(),
                old: Some(old.to_string()),
            }),
        }
    }
}

/// The diff of two huge paragraphs in linear time and memory: the common beginning and end
/// are equal, the middle is replaced, and the report says so.
fn coarse_diff(old: &str, new: &str) -> WordDiff {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
    let suffix = old_rest
        .chars()
        .rev()
        .zip(new_rest.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let mut words = Vec::new();
    let mut push = |op: Op, text: &str| {
        if !text.is_empty() {
            words.push(Word {
                op,
                text: text.to_string(),
                old: None,
            });
        }
    };
    push(Op::Equal, &old[..prefix]);
    push(Op::Delete, &old_rest[..old_rest.len() - suffix]);
    push(Op::Insert, &new_rest[..new_rest.len() - suffix]);
    push(Op::Equal, &old_rest[old_rest.len() - suffix..]);
    let same = (prefix + suffix) as f64;
    let similarity = 2.0 * same / (old.len() + new.len()).max(1) as f64;
    let note = format!(
        "paragraphs of {} and {} bytes are too large to compare word by word; the differing middle is shown whole",
        old.len(),
        new.len()
    );
    WordDiff {
        words,
        similarity: similarity.min(1.0),
        fallback: Some(note),
    }
}

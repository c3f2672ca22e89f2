//! The words a document spells, looked up in one pass over its text: what the hyphenation
//! repair asks before it drops a hyphen (`neigh- bourly` becomes `neighbourly` only where the
//! document spells `neighbourly` elsewhere).

use std::collections::HashSet;
use std::ops::{ControlFlow, Range};

use rustc_hash::FxHashMap as HashMap;

/// How often the text spells each of `wanted` (lowercase words) as a whole word, in any case,
/// counting each up to `enough`: a word met that often is not looked at again. Words never
/// met are absent.
///
/// One pass over the text, word by word. ASCII words (nearly all, in most texts) are hashed
/// as they are read, lowercased byte by byte, and only a word whose hash is wanted is
/// compared; other words are lowercased and looked up. The cost is one pass whatever the
/// number of wanted words, which runs to hundreds in a long text damaged by PDF extraction.
pub(super) fn word_counts(
    text: &str,
    wanted: &HashSet<String>,
    enough: usize,
) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::default();
    if wanted.is_empty() || enough == 0 {
        return counts;
    }
    let ascii_wanted = || {
        wanted
            .iter()
            .filter(|w| w.bytes().all(|b| b.is_ascii_alphanumeric()))
    };
    // For each hash of a wanted ASCII word, how many such words are still short of `enough`:
    // a word counted enough (a common word, met on every page) is not looked at again.
    let mut unfinished: HashMap<u64, usize> = HashMap::default();
    for w in ascii_wanted() {
        *unfinished.entry(lowercase_hash(w.as_bytes())).or_default() += 1;
    }
    let sieve = Sieve::new(ascii_wanted());
    let mut lowered = String::new();
    let mut finished = 0usize;
    let mut consider = |word: &str, ascii: bool, counts: &mut HashMap<String, usize>| -> bool {
        let mut still_unfinished = None;
        if ascii {
            match unfinished.get_mut(&lowercase_hash(word.as_bytes())) {
                Some(count) if *count > 0 => still_unfinished = Some(count),
                _ => return false,
            }
        }
        lowered.clear();
        lowered.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(w) = wanted.get(lowered.as_str()) {
            let count = counts.entry(w.clone()).or_default();
            if *count < enough {
                *count += 1;
                if *count == enough {
                    finished += 1;
                    if let Some(unfinished) = still_unfinished {
                        *unfinished -= 1;
                    }
                }
            }
        }
        finished == wanted.len()
    };
    let mut look_up = |run: Range<usize>, ascii: bool| {
        let done = if ascii {
            consider(&text[run], true, &mut counts)
        } else {
            // A run with characters beyond ASCII: letters join words, other characters
            // (dashes, quotes) part them, as the characters say.
            unicode_words(&text[run]).any(|(word, ascii)| {
                (!ascii || sieve.admits(word.as_bytes())) && consider(word, ascii, &mut counts)
            })
        };
        if done {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let _ = for_each_word_run(
        text.as_bytes(),
        #[inline(always)]
        |run, ascii| {
            // The probe comes first and alone, inlined into the scan.
            if ascii && !sieve.admits(&text.as_bytes()[run.clone()]) {
                return ControlFlow::Continue(());
            }
            look_up(run, ascii)
        },
    );
    counts
}

/// Length, first and last letter of each wanted ASCII word, as bits of a small table that
/// stays in cache: nearly every word of a text is ruled out by one probe, before it is
/// hashed.
struct Sieve {
    bits: Vec<u64>,
}

impl Sieve {
    fn new<'a>(words: impl Iterator<Item = &'a String>) -> Sieve {
        let mut bits = vec![0u64; SIEVE_BITS / 64];
        for w in words {
            let bit = sieve_bit(w.as_bytes());
            bits[bit / 64] |= 1 << (bit % 64);
        }
        Sieve { bits }
    }

    #[inline]
    fn admits(&self, word: &[u8]) -> bool {
        let bit = sieve_bit(word);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

const SIEVE_BITS: usize = 1 << 16;

fn sieve_bit(word: &[u8]) -> usize {
    let first = usize::from(word[0] | 0x20);
    let last = usize::from(word[word.len() - 1] | 0x20);
    (first.wrapping_mul(0x9E37) ^ last.wrapping_mul(0x85EB) ^ word.len().wrapping_mul(0xC2B3))
        % SIEVE_BITS
}

/// Calls `f` with each maximal run of ASCII letters and digits and of bytes beyond ASCII,
/// and whether the run is all ASCII. Every ASCII byte that is not a letter or digit ends a
/// word, so an ASCII run is a word as it stands; a run beyond ASCII is split by its
/// characters. Bytes are classified 64 at a time and runs found from the bit masks, so the
/// cost is a few instructions per word rather than a branch per byte.
fn for_each_word_run(
    bytes: &[u8],
    mut f: impl FnMut(Range<usize>, bool) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut run_start: Option<usize> = None;
    let mut beyond_ascii = false;
    for (index, chunk) in bytes.chunks(64).enumerate() {
        let base = index * 64;
        let (word, high) = classify64(chunk);
        // A bit marks a byte whose class differs from the byte before it; a run that
        // reaches the end of a short last chunk ends at the bit just past it.
        let mut edges = word ^ ((word << 1) | u64::from(run_start.is_some()));
        while edges != 0 {
            let at = edges.trailing_zeros() as usize;
            edges &= edges - 1;
            match run_start {
                None => {
                    run_start = Some(base + at);
                    beyond_ascii = false;
                }
                Some(start) => {
                    let from = start.max(base) - base;
                    beyond_ascii |= high & ((1u64 << at) - 1) & (u64::MAX << from) != 0;
                    run_start = None;
                    f(start..base + at, !beyond_ascii)?;
                }
            }
        }
        if let Some(start) = run_start {
            beyond_ascii |= high & (u64::MAX << (start.max(base) - base)) != 0;
        }
    }
    match run_start {
        Some(start) => f(start..bytes.len(), !beyond_ascii),
        None => ControlFlow::Continue(()),
    }
}

/// For up to 64 bytes, a bit per byte: whether it belongs to a word run (an ASCII letter or
/// digit, or any byte beyond ASCII), and whether it is beyond ASCII. Eight bytes at a time
/// in one `u64` (SWAR): no byte's sum below carries into the next, so each byte's top bit
/// answers one comparison.
fn classify64(chunk: &[u8]) -> (u64, u64) {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    const fn each(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    // Top bit set in each byte of `y` (a 7-bit value) that is at least `c`.
    let at_least = |y: u64, c: u8| (y + each(0x80 - c)) & TOPS;
    // The top bits of the eight bytes, gathered into the low eight bits.
    let gather = |tops: u64| ((tops >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
    let mut word = 0u64;
    let mut beyond = 0u64;
    for (k, eight) in chunk.chunks(8).enumerate() {
        let x = match <[u8; 8]>::try_from(eight) {
            Ok(full) => u64::from_le_bytes(full),
            Err(_) => {
                let mut padded = [0u8; 8];
                padded[..eight.len()].copy_from_slice(eight);
                u64::from_le_bytes(padded)
            }
        };
        let high = x & TOPS;
        let y = x & LOW7;
        let lower = y | each(0x20);
        let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
        let digit = at_least(y, b'0') & !at_least(y, b'9' + 1);
        word |= gather(letter | digit | high) << (8 * k);
        beyond |= gather(high) << (8 * k);
    }
    (word, beyond)
}

/// The words of a run of letters, digits and other characters, with whether each is ASCII.
fn unicode_words(run: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = run;
    std::iter::from_fn(move || {
        let start = rest.find(char::is_alphanumeric)?;
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(tail.len());
        let word = &tail[..len];
        rest = &tail[len..];
        Some((word, word.is_ascii()))
    })
}

/// A hash of an ASCII word of letters and digits as if lowercased, eight bytes at a time:
/// setting bit 5 of every byte lowercases letters and leaves digits as they are.
fn lowercase_hash(word: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        h.write_u64(u64::from_le_bytes(eight) | 0x2020_2020_2020_2020);
    }
    let mut tail = [0u8; 8];
    for (k, &b) in chunks.remainder().iter().enumerate() {
        tail[k] = b | 0x20;
    }
    h.write_u64(u64::from_le_bytes(tail));
    h.write_usize(word.len());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_forms_are_found_as_whole_words_in_any_case() {
        let wanted: HashSet<String> = ["neighbourly", "nonproliferation", "ecommerce", "статья"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let found = word_counts(
            "Good-Neighbourly. NONPROLIFERATION; eCommerce2 and Статья 5, neighbourlyness",
            &wanted,
            1,
        );
        let mut found: Vec<_> = found.into_keys().collect();
        found.sort();
        assert_eq!(found, ["neighbourly", "nonproliferation", "статья"]);
    }

    #[test]
    fn words_are_counted_up_to_enough() {
        let wanted: HashSet<String> = ["und", "noch", "wie"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let counts = word_counts("Und und UND und noch; Noch-wie", &wanted, 3);
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort();
        assert_eq!(
            counts,
            [
                ("noch".to_string(), 2),
                ("und".to_string(), 3),
                ("wie".to_string(), 1)
            ]
        );
    }

    /// Words as the characters say, one at a time: what the run scanner must agree with.
    fn words_one_by_one(text: &str) -> Vec<&str> {
        unicode_words(text).map(|(w, _)| w).collect()
    }

    fn words_by_runs(text: &str) -> Vec<&str> {
        let mut words = Vec::new();
        let _ = for_each_word_run(text.as_bytes(), |run, ascii| {
            let run = &text[run];
            if ascii {
                assert!(run.bytes().all(|b| b.is_ascii_alphanumeric()), "{run:?}");
                words.push(run);
            } else {
                words.extend(unicode_words(run).map(|(w, _)| w));
            }
            ControlFlow::Continue(())
        });
        words
    }

    #[test]
    fn word_runs_cross_the_64_byte_chunks() {
        for pad in 0..130 {
            for tail in ["", "x", "éa", " b", "—c", "a—"] {
                let text = format!("{}{}{tail} end", "ab ".repeat(pad / 3), "y".repeat(pad % 3));
                assert_eq!(words_by_runs(&text), words_one_by_one(&text), "{text:?}");
            }
        }
        let long = "w".repeat(200);
        assert_eq!(words_by_runs(&long), [long.as_str()]);
        assert_eq!(words_by_runs("   "), Vec::<&str>::new());
        assert_eq!(
            words_by_runs(&format!("{}é", "z".repeat(63))),
            [format!("{}é", "z".repeat(63))]
        );
    }

    proptest::proptest! {
        #[test]
        fn word_runs_read_words_as_characters_do(
            text in "([a-zA-Z0-9 .,;\\-]|é|Ж|—|“|\u{a0}|\u{301}){0,300}"
        ) {
            proptest::prop_assert_eq!(words_by_runs(&text), words_one_by_one(&text));
        }
    }
}

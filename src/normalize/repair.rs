//! Repairs of damage that PDF extraction and copy-paste do to text. Each is a general rule
//! with its own guard against the correct text it resembles:
//! - line-break hyphenation `good- neighbourly`, but not a suspended hyphen
//!   (`medium- and long-term`) nor a spaced dash (`bodies - the Council`);
//! - a space lost after a sentence end, `extremism.Member`, but not `U.N.`, `e.g.`, `3.2`;
//! - a numbered paragraph run into the previous one, `peoples.165. In making`.

use std::collections::HashSet;
use std::ops::{ControlFlow, Range};

use super::label::Style;

/// Words after which a hyphen is a suspended compound (`medium- and long-term`,
/// `Bundes- und Landesrecht`), never broken hyphenation.
const SUSPENDING_WORDS: &[&str] = &[
    "and", "or", "nor", "to", "as", "und", "oder", "bis", "sowie", "et", "ou", "y", "o", "e", "u",
    "i", "и", "или", "а", "либо", "та", "або",
];

/// A place where a hyphen is followed by a space inside a word: `good- neighbourly`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HyphenSite {
    start: usize,
    end: usize,
    prefix: String,
    next: String,
}

impl HyphenSite {
    /// The word as it would read without the hyphen, lowercased, to look up in the text.
    pub fn closed_form(&self) -> String {
        format!("{}{}", self.prefix, self.next).to_lowercase()
    }
}

pub fn hyphen_sites(text: &str) -> Vec<HyphenSite> {
    let mut sites = Vec::new();
    let bytes = text.as_bytes();
    let mut search = 0;
    while let Some(found) = memchr::memmem::find(&bytes[search..], b"- ") {
        let hyphen = search + found;
        search = hyphen + 2;
        let before = &text[..hyphen];
        let prefix_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric())
            .last()
            .map(|(i, _)| i);
        let Some(prefix_start) = prefix_start else {
            continue;
        };
        // The word before may be the second half of the previous site (`part- dig- ach`):
        // sites must not overlap, and that word is already repaired.
        if sites
            .last()
            .is_some_and(|s: &HyphenSite| prefix_start < s.end)
        {
            continue;
        }
        // `x-- y` or `–- y` are not hyphenated words.
        if before[..prefix_start].ends_with(['-', '\u{2010}']) {
            continue;
        }
        let after_start = hyphen + 2;
        if bytes.get(after_start).is_some_and(|b| *b == b' ') {
            continue;
        }
        let next_len: usize = text[after_start..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .map(char::len_utf8)
            .sum();
        if next_len == 0 {
            continue;
        }
        let next = &text[after_start..after_start + next_len];
        if SUSPENDING_WORDS.contains(&next.to_lowercase().as_str()) {
            continue;
        }
        sites.push(HyphenSite {
            start: prefix_start,
            end: after_start + next_len,
            prefix: before[prefix_start..].to_string(),
            next: next.to_string(),
        });
    }
    sites
}

/// Which of `wanted` (lowercase words) the text spells as whole words, in any case.
///
/// One pass over the text, word by word. ASCII words (nearly all, in most texts) are hashed
/// as they are read, lowercased byte by byte, and only a word whose hash is wanted is
/// compared; other words are lowercased and looked up. The cost is one pass whatever the
/// number of wanted words, which runs to hundreds in a long text damaged by PDF extraction.
pub fn words_present(text: &str, wanted: &HashSet<String>) -> HashSet<String> {
    let mut found = HashSet::new();
    if wanted.is_empty() {
        return found;
    }
    let ascii_wanted = || {
        wanted
            .iter()
            .filter(|w| w.bytes().all(|b| b.is_ascii_alphanumeric()))
    };
    // For each hash of a wanted ASCII word, how many such words are still to be found: a
    // word found once (a common word, met on every page) is not looked at again.
    let mut unfound: rustc_hash::FxHashMap<u64, usize> = rustc_hash::FxHashMap::default();
    for w in ascii_wanted() {
        *unfound.entry(lowercase_hash(w.as_bytes())).or_default() += 1;
    }
    let sieve = Sieve::new(ascii_wanted());
    let mut lowered = String::new();
    let mut consider = |word: &str, ascii: bool, found: &mut HashSet<String>| -> bool {
        let mut still_unfound = None;
        if ascii {
            match unfound.get_mut(&lowercase_hash(word.as_bytes())) {
                Some(count) if *count > 0 => still_unfound = Some(count),
                _ => return false,
            }
        }
        lowered.clear();
        lowered.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(w) = wanted.get(lowered.as_str())
            && !found.contains(w)
        {
            found.insert(w.clone());
            if let Some(count) = still_unfound {
                *count -= 1;
            }
        }
        found.len() == wanted.len()
    };
    let mut look_up = |run: Range<usize>, ascii: bool| {
        let done = if ascii {
            consider(&text[run], true, &mut found)
        } else {
            // A run with characters beyond ASCII: letters join words, other characters
            // (dashes, quotes) part them, as the characters say.
            unicode_words(&text[run]).any(|(word, ascii)| {
                (!ascii || sieve.admits(word.as_bytes())) && consider(word, ascii, &mut found)
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
    found
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

/// Apply hyphenation repairs. A hyphen is dropped only where the document itself spells
/// the closed word elsewhere (`neigh- bourly` when `neighbourly` occurs); otherwise it is
/// kept (`good- neighbourly` → `good-neighbourly`), which never invents a word.
pub fn apply_hyphenation(
    text: &str,
    sites: &[HyphenSite],
    closed_words: &HashSet<String>,
) -> (String, Vec<(String, String)>) {
    let mut out = String::with_capacity(text.len());
    let mut changes = Vec::new();
    let mut last = 0;
    for site in sites {
        out.push_str(&text[last..site.start]);
        let letters = site
            .prefix
            .chars()
            .chain(site.next.chars())
            .all(char::is_alphabetic);
        let after = if letters && closed_words.contains(&site.closed_form()) {
            format!("{}{}", site.prefix, site.next)
        } else {
            format!("{}-{}", site.prefix, site.next)
        };
        changes.push((text[site.start..site.end].to_string(), after.clone()));
        out.push_str(&after);
        last = site.end;
    }
    out.push_str(&text[last..]);
    (out, changes)
}

/// Insert the space lost after a sentence end: `extremism.Member` → `extremism. Member`.
/// The word before must be at least two lowercase letters and the word after must be
/// capitalised, which leaves `U.N.`, `e.g.`, `3.2` and `www.sco.org` alone.
/// `None` when there is nothing to repair, which is almost always.
pub fn missing_spaces(text: &str) -> Option<(String, Vec<(String, String)>)> {
    // Most paragraphs have no sentence end followed directly by a letter: a byte scan says so
    // before the character-by-character pass.
    let bytes = text.as_bytes();
    let candidate = memchr::memchr3_iter(b'.', b'!', b'?', bytes).any(|k| {
        bytes
            .get(k + 1)
            .is_some_and(|&b| b.is_ascii_uppercase() || b >= 0x80)
    });
    if !candidate {
        return None;
    }
    // One pass with a little state, no per-character buffer: a 50 MB paragraph costs no
    // more memory than its own text.
    let mut cuts = Vec::new();
    let mut word_start: Option<usize> = None;
    let mut word_chars = 0usize;
    let mut word_lowercase = true;
    let mut after_address_char = false;
    let mut previous = ' ';
    for (pos, c) in text.char_indices() {
        if c.is_alphabetic() {
            if word_start.is_none() {
                word_start = Some(pos);
                word_chars = 0;
                word_lowercase = true;
                // An address or a file name: `sco.Org/`, `name@host.Com`.
                after_address_char = matches!(previous, '.' | '@' | '/' | '\\' | '_');
            }
            word_chars += 1;
            word_lowercase &= c.is_lowercase();
        } else {
            if let Some(start) = word_start
                && matches!(c, '.' | '!' | '?')
                && word_chars >= 2
                && word_lowercase
                && !after_address_char
            {
                let cut = pos + c.len_utf8();
                let mut next = text[cut..].chars();
                if next.next().is_some_and(char::is_uppercase)
                    && next.next().is_some_and(char::is_lowercase)
                {
                    cuts.push((start, cut));
                }
            }
            word_start = None;
        }
        previous = c;
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + cuts.len());
    let mut changes = Vec::new();
    let mut last = 0;
    for (word_start, cut) in cuts {
        out.push_str(&text[last..cut]);
        out.push(' ');
        last = cut;
        let next_end = text[cut..]
            .char_indices()
            .find(|(_, ch)| !ch.is_alphabetic())
            .map_or(text.len(), |(k, _)| cut + k);
        let before = &text[word_start..next_end];
        let after = format!("{} {}", &text[word_start..cut], &text[cut..next_end]);
        changes.push((before.to_string(), after));
    }
    out.push_str(&text[last..]);
    Some((out, changes))
}

/// Whether `bytes` hold `<end>[ ](<digits>.` or `<end>[ ](<digits>)` followed by a space,
/// `<end>` being the last byte of a sentence end or closing quote.
fn maybe_run_in(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'.', b')', bytes).any(|close| {
        if bytes.get(close + 1) != Some(&b' ') {
            return false;
        }
        let digits_start = bytes[..close]
            .iter()
            .rposition(|b| !b.is_ascii_digit())
            .map_or(0, |k| k + 1);
        if digits_start == close || digits_start == 0 {
            return false;
        }
        let mut before = digits_start - 1;
        if bytes[before] == b'(' {
            if before == 0 {
                return false;
            }
            before -= 1;
        }
        if bytes[before] == b' ' {
            if before == 0 {
                return false;
            }
            before -= 1;
        }
        // `.!?;"` and the last bytes of `”` (E2 80 9D) and `»` (C2 BB).
        matches!(
            bytes[before],
            b'.' | b'!' | b'?' | b';' | b'"' | 0x9D | 0xBB
        )
    })
}

/// Where a numbered paragraph starts inside the text of the previous one:
/// `…peoples.165. In making` for a paragraph numbered `current`, with `next` the number of
/// the following paragraph of the same style, if any. Returns the byte offset of the label.
///
/// Without a space after the sentence end the run-in number may skip a little (a missing
/// paragraph is a common companion of this damage); with a space, only the very next
/// number counts, because `… in 2001. 164. The` is too easily a cross-reference.
pub fn find_run_in(text: &str, style: &Style, current: u32, next: Option<u32>) -> Option<usize> {
    // A run-in label is digits closed by `.` or `)` and followed by a space, right after
    // a sentence end (or one space after it): a byte scan over the closing characters
    // rules out nearly every paragraph before the character-by-character pass.
    if !maybe_run_in(text.as_bytes()) {
        return None;
    }
    let (open, close) = match style {
        Style::Decimal { depth: 1 } => (None, '.'),
        Style::CloseParen => (None, ')'),
        Style::Paren => (Some('('), ')'),
        _ => return None,
    };
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?' | ';' | '"' | '”' | '»') {
            continue;
        }
        let mut pos = i + c.len_utf8();
        let spaced = bytes.get(pos) == Some(&b' ');
        if spaced {
            pos += 1;
        }
        let start = pos;
        if let Some(open) = open {
            if !text[pos..].starts_with(open) {
                continue;
            }
            pos += open.len_utf8();
        }
        let digits = text[pos..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 7 {
            continue;
        }
        let Ok(value) = text[pos..pos + digits].parse::<u32>() else {
            continue;
        };
        pos += digits;
        if !text[pos..].starts_with(close) {
            continue;
        }
        pos += close.len_utf8();
        let mut rest = text[pos..].chars();
        if rest.next() != Some(' ') || !rest.next().is_some_and(|ch| ch.is_uppercase()) {
            continue;
        }
        let in_order = value > current && next.is_none_or(|n| value < n);
        let close_enough = if spaced {
            value == current + 1
        } else {
            value <= current + 3
        };
        if in_order && close_enough {
            return Some(start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repair_hyphens(text: &str, vocabulary: &[&str]) -> String {
        let sites = hyphen_sites(text);
        let words = vocabulary.iter().map(|s| s.to_string()).collect();
        apply_hyphenation(text, &sites, &words).0
    }

    #[test]
    fn hyphenation_kept_or_closed_by_the_document_vocabulary() {
        assert_eq!(
            repair_hyphens("good- neighbourly relations", &[]),
            "good-neighbourly relations"
        );
        assert_eq!(
            repair_hyphens("the neigh- bourly", &["neighbourly"]),
            "the neighbourly"
        );
        assert_eq!(repair_hyphens("in 2022- 2024", &[]), "in 2022-2024");
        assert_eq!(repair_hyphens("Anti- Terrorist", &[]), "Anti-Terrorist");
    }

    #[test]
    fn chained_broken_hyphens_do_not_overlap() {
        // Found by fuzzing: the second site started inside the first.
        assert_eq!(
            repair_hyphens("each part- dig- ach part", &[]),
            "each part-dig- ach part"
        );
    }

    #[test]
    fn suspended_hyphens_and_spaced_dashes_untouched() {
        assert!(hyphen_sites("medium- and long-term").is_empty());
        assert!(hyphen_sites("Bundes- und Landesrecht").is_empty());
        assert!(hyphen_sites("bodies - the Council").is_empty());
        assert!(hyphen_sites("pre-  war").is_empty());
    }

    #[test]
    fn closed_forms_are_found_as_whole_words_in_any_case() {
        let wanted: HashSet<String> = ["neighbourly", "nonproliferation", "ecommerce", "статья"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let found = words_present(
            "Good-Neighbourly. NONPROLIFERATION; eCommerce2 and Статья 5, neighbourlyness",
            &wanted,
        );
        let mut found: Vec<_> = found.into_iter().collect();
        found.sort();
        assert_eq!(found, ["neighbourly", "nonproliferation", "статья"]);
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

    #[test]
    fn missing_space_after_sentence() {
        let (out, changes) = missing_spaces("against extremism.Member States").unwrap();
        assert_eq!(out, "against extremism. Member States");
        assert_eq!(
            changes,
            vec![(
                "extremism.Member".to_string(),
                "extremism. Member".to_string()
            )]
        );
        for fine in [
            "the U.N. Charter",
            "e.g. This",
            "section 3.2 of",
            "see www.sectsco.Org",
            "Ph.D. Thesis",
        ] {
            assert_eq!(missing_spaces(fine), None);
        }
    }

    #[test]
    fn run_in_paragraph() {
        let t = "friendship between their peoples.165. In making this Declaration";
        let at = find_run_in(t, &Style::Decimal { depth: 1 }, 163, None).unwrap();
        assert_eq!(&t[at..at + 4], "165.");
        assert_eq!(
            find_run_in(t, &Style::Decimal { depth: 1 }, 163, Some(164)),
            None
        );
        assert_eq!(
            find_run_in(
                "adopted in 2001. 2002. The",
                &Style::Decimal { depth: 1 },
                5,
                None
            ),
            None
        );
        assert_eq!(
            find_run_in("ends. 6. Next", &Style::Decimal { depth: 1 }, 5, None),
            Some(6)
        );
        assert_eq!(
            find_run_in("ends.(3) Next", &Style::Paren, 2, None),
            Some(5)
        );
    }
}

//! Repairs of damage that PDF extraction and copy-paste do to the words of a text. Each is a
//! general rule with its own guard against the correct text it resembles:
//! - line-break hyphenation `good- neighbourly`, but not a suspended hyphen
//!   (`medium- and long-term`, `antrags- noch stimmberechtigt`, `Haupt- bzw. Nebenwohnung`)
//!   nor a spaced dash (`bodies - the Council`);
//! - a space lost after a sentence end, `extremism.Member`, but not `U.N.`, `e.g.`, `3.2`.
//!
//! A numbered paragraph run into the previous one is a repair of structure, in `run_in`.

use std::collections::HashSet;

use rustc_hash::FxHashMap as HashMap;

use super::segment::Unit;
use super::vocabulary::word_counts;
use crate::model::{Block, Repair, RepairKind, Text};

/// Conjunctions after which a hyphen is a suspended compound (`medium- and long-term`,
/// `Bundes- und Landesrecht`), never broken hyphenation. Only hints, for a text too short to
/// say it itself: the rule is `is_joining_word`, which reads any language from the document.
const SUSPENDING_WORDS: &[&str] = &[
    "and", "or", "nor", "to", "as", "und", "oder", "bis", "sowie", "noch", "wie", "bzw", "et",
    "ou", "ni", "y", "o", "e", "u", "i", "en", "of", "och", "eller", "og", "ja", "tai", "lub",
    "oraz", "ani", "és", "vagy", "ve", "veya", "и", "или", "а", "либо", "ни", "та", "або",
];

/// A lowercase word this short that the document uses on its own this often is one of its
/// joining words (a conjunction, `bzw.`), not the tail of a word broken across lines: the
/// tails of broken words (`-tion`, `-bourly`) do not stand alone in running text, and a
/// longer word standing alone is more often a compound's second half (`non- state`,
/// `Anti- Terror`).
const JOINING_WORD_CHARS: usize = 4;
const JOINING_WORD_USES: usize = 3;

/// A place where a hyphen is followed by a space inside a word: `good- neighbourly`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct HyphenSite {
    start: usize,
    end: usize,
    prefix: String,
    next: String,
}

impl HyphenSite {
    /// The word as it would read without the hyphen, lowercased, to look up in the text.
    fn closed_form(&self) -> String {
        format!("{}{}", self.prefix, self.next).to_lowercase()
    }
}

fn hyphen_sites(text: &str) -> Vec<HyphenSite> {
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
        // `Kranken- Pflege- und Unfallversicherung`: a truncated compound follows, so this
        // one is truncated too.
        let chained = text[after_start + next_len..].starts_with("- ");
        if chained || SUSPENDING_WORDS.contains(&next.to_lowercase().as_str()) {
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

/// The word after the hyphen, lowercased, if it is short and all letters: it may be a
/// joining word, which its uses in the document decide.
fn joining_candidate(site: &HyphenSite) -> Option<String> {
    let letters = site.next.chars().all(char::is_alphabetic);
    let capital = site.next.chars().next().is_some_and(char::is_uppercase);
    (letters && !capital && site.next.chars().count() <= JOINING_WORD_CHARS)
        .then(|| site.next.to_lowercase())
}

/// A suspended hyphen in any language: the word after it is one the document uses on its
/// own again and again (`antrags- noch`, `Vor- wie`), and the document never spells the two
/// as one word.
fn is_joining_word(
    site: &HyphenSite,
    uses: &HashMap<String, usize>,
    after_hyphens: &HashMap<String, usize>,
    closed_words: &HashSet<String>,
) -> bool {
    joining_candidate(site).is_some_and(|w| {
        let alone = (uses.get(&w).copied().unwrap_or(0))
            .saturating_sub(after_hyphens.get(&w).copied().unwrap_or(0));
        alone >= JOINING_WORD_USES && !closed_words.contains(&site.closed_form())
    })
}

/// Hyphenation and lost-space repairs on every unit's text.
pub(super) fn repair_words(
    source: &str,
    units: &[Unit<'_>],
    blocks: &mut [Block],
    repairs: &mut Vec<Repair>,
) {
    let mut sites: Vec<Vec<HyphenSite>> = blocks.iter().map(|b| hyphen_sites(&b.text)).collect();
    let wanted: HashSet<String> = sites
        .iter()
        .flatten()
        .flat_map(|s| [Some(s.closed_form()), joining_candidate(s)])
        .flatten()
        .collect();
    // The word after each hyphen is itself one of the uses counted; only uses beyond those
    // say the word stands alone (a fragment such as `tion` may follow many broken lines).
    let mut after_hyphens: HashMap<String, usize> = HashMap::default();
    for w in sites.iter().flatten().filter_map(joining_candidate) {
        *after_hyphens.entry(w).or_default() += 1;
    }
    let most_after_hyphens = after_hyphens.values().copied().max().unwrap_or(0);
    let uses = word_counts(source, &wanted, JOINING_WORD_USES + most_after_hyphens);
    let closed_words: HashSet<String> = sites
        .iter()
        .flatten()
        .map(HyphenSite::closed_form)
        .filter(|w| uses.contains_key(w))
        .collect();
    for block_sites in &mut sites {
        block_sites.retain(|s| !is_joining_word(s, &uses, &after_hyphens, &closed_words));
    }
    for ((item, unit), sites) in blocks.iter_mut().zip(units).zip(&sites) {
        let mut changes = Vec::new();
        if !sites.is_empty() {
            let (fixed, hyphen_changes) = apply_hyphenation(&item.text, sites, &closed_words);
            item.text = Text::from(fixed);
            changes.extend(
                hyphen_changes
                    .into_iter()
                    .map(|c| (RepairKind::Hyphenation, c)),
            );
        }
        if let Some((fixed, space_changes)) = missing_spaces(&item.text) {
            item.text = Text::from(fixed);
            changes.extend(
                space_changes
                    .into_iter()
                    .map(|c| (RepairKind::MissingSpace, c)),
            );
        }
        for (kind, (before, after)) in changes {
            repairs.push(Repair {
                kind,
                line: line_of(unit, &before),
                before,
                after,
            });
        }
    }
}

/// The source line where a repaired fragment starts: the first line holding its first word.
fn line_of(unit: &Unit<'_>, fragment: &str) -> usize {
    let first_word = fragment.split_whitespace().next().unwrap_or(fragment);
    unit.pieces
        .iter()
        .find(|p| p.text.contains(first_word))
        .map_or(unit.first_line(), |p| p.line)
}

/// Apply hyphenation repairs. A hyphen is dropped only where the document itself spells
/// the closed word elsewhere (`neigh- bourly` when `neighbourly` occurs); otherwise it is
/// kept (`good- neighbourly` → `good-neighbourly`), which never invents a word.
fn apply_hyphenation(
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
fn missing_spaces(text: &str) -> Option<(String, Vec<(String, String)>)> {
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
    // One pass with a little state, no per-character buffer: a paragraph of any size costs
    // no more memory than its own text.
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
            "each part- dig-ach part"
        );
    }

    #[test]
    fn suspended_hyphens_and_spaced_dashes_untouched() {
        assert!(hyphen_sites("medium- and long-term").is_empty());
        assert!(hyphen_sites("Bundes- und Landesrecht").is_empty());
        assert!(hyphen_sites("Kranken- Pflege- und Unfallversicherung").is_empty());
        assert!(hyphen_sites("bodies - the Council").is_empty());
        assert!(hyphen_sites("pre-  war").is_empty());
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
}

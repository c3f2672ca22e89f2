//! Headings that stand for a range of provisions: `§§ 3 bis 6 (weggefallen)`, `Art 1 bis 11`,
//! `Articles 12 to 15 (repealed)`, `Art. 7–9`. A code keeps the numbers of repealed
//! provisions under one such heading, so the numbering check counts every number between.
//!
//! No word of any language is known: a range is a keyword, a number, one short word or a
//! dash, and a higher number of the same kind.

/// A range as written: the keyword as it reads there (`§§`, `articles`) and its first and
/// last numbers, normalized as labels' numbers are (`3`, `59a`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Range {
    pub keyword: String,
    pub first: String,
    pub last: String,
}

/// Words joining the two ends (`bis`, `to`, `à`, `und`) are this short at most.
const JOINING_WORD_CHARS: usize = 5;

/// A heading without a label that begins with a range: an opening note in brackets with no
/// number in it (a placeholder such as `(XXXX)`) may come first.
pub(super) fn unlabelled(text: &str) -> Option<Range> {
    let mut rest = text.trim_start();
    if let Some(inner) = rest.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && !inner[..close].chars().any(|c| c.is_numeric())
    {
        rest = inner[close + 1..].trim_start();
    }
    let keyword_len: usize = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && !c.is_ascii_digit())
        .map(char::len_utf8)
        .sum();
    if keyword_len == 0 {
        return None;
    }
    let keyword = normalized_keyword(&rest[..keyword_len]);
    if keyword.is_empty() || keyword.chars().any(|c| !c.is_alphabetic() && c != '§') {
        return None;
    }
    let (first, after) = number(rest[keyword_len..].trim_start())?;
    let last = continued(after, &keyword)?;
    is_higher(&first, &last).then_some(Range {
        keyword,
        first,
        last,
    })
}

/// The end of a range that goes on after a label's number: `bis 11 - Title` after `Art 1`
/// gives `11`, `, 115` after `§§ 114` gives `115`, `, 4 und 5` gives `5`. Each step is a
/// comma, a dash or a short word, perhaps the keyword again (`§ 3 bis § 6`), and a number
/// that ends there.
pub(super) fn continued(text: &str, keyword: &str) -> Option<String> {
    let mut last = None;
    let mut rest = text;
    while let Some((number, after)) = next_in_range(rest, keyword) {
        last = Some(number);
        rest = after;
    }
    last
}

fn next_in_range<'t>(text: &'t str, keyword: &str) -> Option<(String, &'t str)> {
    let text = text.trim_start();
    let join_len: usize = if text.starts_with([',', '-', '–', '—']) {
        text.chars().next().map_or(0, char::len_utf8)
    } else {
        let word: usize = text
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        // A word, not an abbreviation (`Abs. 1` is a place in the provision).
        let spaced = text[word..].starts_with(char::is_whitespace);
        if word == 0 || !spaced || text[..word].chars().count() > JOINING_WORD_CHARS {
            return None;
        }
        word
    };
    let mut rest = text[join_len..].trim_start();
    // The keyword again: `§ 3 bis § 6`, `Art. 1 to Art. 4`.
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        let repeated: usize = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && !c.is_ascii_digit())
            .map(char::len_utf8)
            .sum();
        if !same_keyword(&normalized_keyword(&rest[..repeated]), keyword) {
            return None;
        }
        rest = rest[repeated..].trim_start();
    }
    number(rest)
}

/// A number as labels normalize it (`007a` → `7a`), and what follows it; it must end at a
/// space, punctuation or the end of the text, not run into a word.
fn number(text: &str) -> Option<(String, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let letters: usize = text[digits..]
        .chars()
        .take_while(char::is_ascii_lowercase)
        .count();
    if letters > 2 {
        return None;
    }
    let end = digits + letters;
    if text[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let trimmed = text[..digits].trim_start_matches('0');
    let value = if trimmed.is_empty() { "0" } else { trimmed };
    Some((format!("{value}{}", &text[digits..end]), &text[end..]))
}

fn is_higher(first: &str, last: &str) -> bool {
    match (super::label::ordinal(first), super::label::ordinal(last)) {
        (Some(a), Some(b)) => b > a,
        _ => false,
    }
}

/// Lowercase, without a final dot and with a doubled sign made single (`§§` → `§`).
fn normalized_keyword(keyword: &str) -> String {
    let lower: String = keyword.chars().flat_map(char::to_lowercase).collect();
    let lower = lower.trim_end_matches('.');
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) if lower.chars().count() > 1 && chars.all(|c| c == first) => first.to_string(),
        _ => lower.to_string(),
    }
}

/// Whether a range's keyword (`§§`, `articles`, `artt`, `статьи`) is a label keyword's word
/// (`§`, `article`, `art`, `статья`) in the plural: they share all of the word but perhaps
/// its last letter (an ending that changes), and the plural adds at most two letters.
pub(super) fn same_keyword(range_keyword: &str, word: &str) -> bool {
    let shared = range_keyword
        .chars()
        .zip(word.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let (word_len, range_len) = (word.chars().count(), range_keyword.chars().count());
    let ending_changed = word_len >= 4 && shared + 1 == word_len;
    shared > 0 && (shared == word_len || ending_changed) && range_len - shared <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(keyword: &str, first: &str, last: &str) -> Option<Range> {
        Some(Range {
            keyword: keyword.into(),
            first: first.into(),
            last: last.into(),
        })
    }

    #[test]
    fn ranges_in_any_language_are_read() {
        assert_eq!(
            unlabelled("(XXXX) §§ 3 bis 6 (weggefallen)"),
            range("§", "3", "6")
        );
        assert_eq!(
            unlabelled("§§ 1615b bis 1615k"),
            range("§", "1615b", "1615k")
        );
        assert_eq!(
            unlabelled("Articles 12 to 15 (repealed)"),
            range("articles", "12", "15")
        );
        assert_eq!(unlabelled("Artt. 7–9"), range("artt", "7", "9"));
        assert_eq!(unlabelled("Статьи 5 - 8"), range("статьи", "5", "8"));
        assert_eq!(
            continued(" bis 11 - Übergangsrecht", "art"),
            Some("11".into())
        );
        assert_eq!(continued(" bis § 6", "§"), Some("6".into()));
        assert_eq!(
            unlabelled("(XXXX) §§ 114, 115 (weggefallen)"),
            range("§", "114", "115")
        );
        assert_eq!(continued(", 4 und 5 (aufgehoben)", "§"), Some("5".into()));
    }

    #[test]
    fn prose_and_references_are_not_ranges() {
        assert_eq!(unlabelled("§§ 6 bis 4"), None);
        assert_eq!(unlabelled("Members 3 together with 5"), None);
        assert_eq!(unlabelled("2020 to 2030"), None);
        assert_eq!(continued(" Wohnsitz; Begründung", "§"), None);
        assert_eq!(continued(" Abs. 1 Satz 2", "§"), None);
    }

    #[test]
    fn plural_keywords_match_their_singular() {
        assert!(same_keyword("§", "§"));
        assert!(same_keyword("articles", "article"));
        assert!(same_keyword("artt", "art"));
        assert!(!same_keyword("artikel", "art"));
        assert!(same_keyword("статьи", "статья"));
        assert!(!same_keyword("§", ""));
        assert!(!same_keyword("arts", "are"));
    }
}

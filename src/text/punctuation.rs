//! Punctuation that tells prose from titles, across the scripts accord meets.

/// Sentence-final and clause punctuation of every script (Unicode's Terminal_Punctuation:
/// `.` `;` `,` `。` `،` `۔` `।` `።` `։` `།` …, and the ellipsis); a line that ends with one of
/// these reads as prose, not as a title.
pub fn is_terminal_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '.' | ';' | ':' | ',' | '!' | '?');
    }
    c == '…' || in_ranges(&TERMINAL, c)
}

/// The end of a sentence in any script (Unicode's Sentence_Terminal: `.` `!` `?` `。` `।`
/// `۔` `።` …): not a comma or colon, after which the sentence goes on.
pub fn is_sentence_end(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '.' | '!' | '?');
    }
    c == '…' || in_ranges(&SENTENCE_TERMINAL, c)
}

/// Unicode's Terminal_Punctuation, as ranges: read once from regex-syntax's tables of the
/// Unicode character database, which are kept up to date with it.
static TERMINAL: std::sync::LazyLock<Vec<(char, char)>> =
    std::sync::LazyLock::new(|| property_ranges(r"\p{Terminal_Punctuation}"));

/// Unicode's Sentence_Terminal, as ranges, from the same tables.
static SENTENCE_TERMINAL: std::sync::LazyLock<Vec<(char, char)>> =
    std::sync::LazyLock::new(|| property_ranges(r"\p{Sentence_Terminal}"));

fn property_ranges(class: &str) -> Vec<(char, char)> {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::Parser::new()
        .parse(class)
        .expect("a Unicode property regex-syntax knows");
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect(),
        _ => Vec::new(),
    }
}

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The last character that is not a closing quote or bracket.
pub fn last_significant_char(text: &str) -> Option<char> {
    text.trim_end().chars().rev().find(|c| {
        !matches!(
            c,
            '"' | '\'' | ')' | ']' | '»' | '”' | '’' | '）' | '」' | '』' | '》'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_of_every_script() {
        for c in [
            '.', ',', '。', '，', '、', '،', '۔', '।', '॥', '።', '։', '།', '…',
        ] {
            assert!(is_terminal_punctuation(c), "{c}");
        }
        for c in ['a', ')', '»', '§', '-', '一'] {
            assert!(!is_terminal_punctuation(c), "{c}");
        }
    }
}

//! Keyword labels: `Article 5`, `Art. 12`, `Статья 5`, `§ 7`, `CHAPTER IV`, `Article premier`.

use super::{Cursor, Label, Style, continues_sentence, finish, trim_zeros};
use crate::text::numerals::roman_value;

/// Keywords that introduce a number, in the languages accord meets most. Matched without
/// regard to case; the canonical form groups spellings of one keyword.
const KEYWORDS: &[(&str, &str)] = &[
    ("article", "article"),
    ("art.", "article"),
    ("art", "article"),
    ("artikel", "article"),
    ("artículo", "article"),
    ("articulo", "article"),
    ("articolo", "article"),
    ("artigo", "article"),
    ("статья", "article"),
    ("ст.", "article"),
    ("المادة", "article"),
    ("section", "section"),
    ("sec.", "section"),
    ("§", "section"),
    ("раздел", "section"),
    ("abschnitt", "section"),
    ("sección", "section"),
    ("chapter", "chapter"),
    ("chapitre", "chapter"),
    ("capítulo", "chapter"),
    ("capitulo", "chapter"),
    ("kapitel", "chapter"),
    ("глава", "chapter"),
    ("الفصل", "chapter"),
    ("الباب", "part"),
    ("part", "part"),
    ("partie", "part"),
    ("parte", "part"),
    ("teil", "part"),
    ("часть", "part"),
    ("title", "title"),
    ("titre", "title"),
    ("título", "title"),
    ("titulo", "title"),
    ("annex", "annex"),
    ("annexe", "annex"),
    ("anexo", "annex"),
    ("anhang", "annex"),
    ("приложение", "annex"),
    ("rule", "rule"),
    ("regulation", "regulation"),
    ("paragraph", "paragraph"),
    ("para.", "paragraph"),
    ("пункт", "paragraph"),
    ("principle", "principle"),
    ("principe", "principle"),
];

/// Ordinal words that stand for a number after a keyword (`Article premier`).
const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("premier", 1),
    ("première", 1),
    ("1er", 1),
    ("1re", 1),
    ("first", 1),
    ("primero", 1),
    ("primera", 1),
    ("primo", 1),
    ("único", 1),
    ("unique", 1),
];

/// Whether some keyword begins with this ASCII letter, in either case.
pub(super) fn starts_keyword(first: char) -> bool {
    let lower = first.to_ascii_lowercase();
    KEYWORDS
        .iter()
        .any(|(spelling, _)| spelling.starts_with(lower))
}

/// A keyword, a number and nothing that reads as a sentence going on.
pub(super) fn parse(line: &str) -> Option<Label> {
    let lower_prefix: String = line.chars().take(16).flat_map(char::to_lowercase).collect();
    for &(spelling, canonical) in KEYWORDS {
        if !lower_prefix.starts_with(spelling) {
            continue;
        }
        // Map the lowercase prefix length back to the original: count characters.
        let chars = spelling.chars().count();
        let end = line
            .char_indices()
            .nth(chars)
            .map_or(line.len(), |(i, _)| i);
        let mut c = Cursor {
            text: line,
            pos: end,
        };
        // The keyword must end at a word boundary (`Articles` is not `Article`), except `§5`.
        let gap = c.take_while(char::is_whitespace);
        if gap.is_empty() && spelling != "§" && !spelling.ends_with('.') {
            continue;
        }
        let Some((number, num_end)) = keyword_number(line, c.pos) else {
            continue;
        };
        c.pos = num_end;
        let trailing = c.eat('.') || c.eat(':');
        if !c.at_space_or_end() {
            continue;
        }
        // `Article 5 of the Charter provides…` is a reference, not a label.
        if continues_sentence(line, c.pos) {
            continue;
        }
        let label_end = if trailing { c.pos } else { num_end };
        return Some(finish(
            line,
            label_end,
            number,
            Style::Keyword(canonical),
            false,
        ));
    }
    None
}

/// The number after a keyword: `5`, `12a`, `3.2`, `IV`, `premier`.
fn keyword_number(line: &str, start: usize) -> Option<(String, usize)> {
    let rest = &line[start..];
    let lower: String = rest.chars().take(12).flat_map(char::to_lowercase).collect();
    for &(word, value) in ORDINAL_WORDS {
        if lower.starts_with(word) {
            let end = start
                + rest
                    .char_indices()
                    .nth(word.chars().count())
                    .map_or(rest.len(), |(i, _)| i);
            if line[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
            {
                return Some((value.to_string(), end));
            }
        }
    }
    let mut c = Cursor {
        text: line,
        pos: start,
    };
    let digits = c.take_while(|ch| ch.is_ascii_digit());
    if !digits.is_empty() {
        if digits.len() > 7 {
            return None;
        }
        let mut number = trim_zeros(&digits);
        loop {
            let save = c.pos;
            if c.eat('.') {
                let part = c.take_while(|ch| ch.is_ascii_digit());
                if part.is_empty() {
                    c.pos = save;
                    break;
                }
                number.push('.');
                number.push_str(&trim_zeros(&part));
            } else {
                break;
            }
        }
        number.extend(c.letter_suffix());
        return Some((number, c.pos));
    }
    let roman = c.take_while(|ch| "IVXLCDM".contains(ch));
    if !roman.is_empty() && c.peek().is_none_or(|ch| !ch.is_alphanumeric()) {
        return roman_value(&roman).map(|v| (v.to_string(), c.pos));
    }
    None
}

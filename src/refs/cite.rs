//! Citations of numbered units in a text: a unit word (`Artikel`, `paragraph`, `§`,
//! `пункт`, or one the document's own headings use) followed by the numbers it cites, or a
//! number between `第` and a unit character (`第十二条`). A list (`Artikel 73 und 74`) cites
//! each number; a range (`§§ 3 bis 6`) its two ends; what follows a number's sub-unit
//! (`Art. 93 Abs. 1 Nr. 4a`) belongs to the sub-unit, not to the article. A citation followed
//! by the name of another instrument (`paragraph 5 of resolution 75/1`, `Art. 3 GG`,
//! `Artikel 104 des Vertrags`, `《联合国宪章》第五十一条`) is external.

use crate::text::numerals::{cjk_value, is_cjk_numeral};

/// Words that cite a numbered unit in the languages accord reads: the start of the word is
/// compared, so inflected forms (`Artikels`, `статьи`, `paragraphs`) count.
const UNIT_WORDS: &[&str] = &[
    "paragraph",
    "para.",
    "paras.",
    "article",
    "art.",
    "section",
    "item",
    "rule",
    "regulation",
    "chapter",
    "artikel",
    "absatz",
    "abschnitt",
    "kapitel",
    "paragraphe",
    "alinéa",
    "párrafo",
    "artículo",
    "articolo",
    "пункт",
    "стать",
    "глав",
    "раздел",
];

/// Unit words that cite a numbered paragraph rather than an article or section.
const PARAGRAPH_WORDS: &[&str] = &[
    "paragraph",
    "para",
    "paras",
    "absatz",
    "abs",
    "paragraphe",
    "alinéa",
    "párrafo",
    "пункт",
];

/// Whether a unit word cites a numbered paragraph (`paragraphs`, `Abs.`, `пункта`).
pub fn is_paragraph_word(unit: &str) -> bool {
    let word = unit.trim_end_matches('.').to_lowercase();
    PARAGRAPH_WORDS.iter().any(|p| word.starts_with(p))
}

/// Words that join numbers into a list, and those that make a range.
const LIST_WORDS: &[&str] = &[
    "and", "und", "et", "y", "e", "и", "or", "oder", "ou", "o", "или", "&",
];
const RANGE_WORDS: &[&str] = &[
    "to", "through", "bis", "à", "au", "a", "al", "до", "по", "–", "-",
];

/// Words between a citation and the instrument it belongs to (`of`, `des`, `de la`).
const OF_WORDS: &[&str] = &[
    "of", "des", "der", "du", "de", "la", "del", "della", "dello", "van", "the",
];
/// Words by which a text names itself (`of this Declaration`, `dieses Grundgesetzes`).
const SELF_WORDS: &[&str] = &[
    "this",
    "present",
    "dieses",
    "diesem",
    "dieser",
    "présent",
    "présente",
    "presente",
    "настоящ",
    "данн",
];

/// One cited number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The unit word as written (`Artikel`, `§§`, `第…条`).
    pub unit: String,
    /// The number as cited (`87a`, `12`, `十二` read as `12`).
    pub number: String,
    /// Byte offset of the number in the text.
    pub at: usize,
    /// Whether it cites another instrument.
    pub external: bool,
}

/// A token of the text: a word or number, or a punctuation mark.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    at: usize,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '.' && start.is_some() || c == '§';
        if word && c != '§' {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token {
                text: &text[s..i],
                at: s,
            });
        }
        if !c.is_whitespace() {
            out.push(Token {
                text: &text[i..i + c.len_utf8()],
                at: i,
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text: &text[s..],
            at: s,
        });
    }
    out
}

/// Whether a token is a unit word: one of [`UNIT_WORDS`], or one of the document's own
/// (`own`, lower case, as its headings' labels begin: `art`), either being the start of the
/// other (`Art` and `Artikel`).
fn is_unit(token: &str, own: &[String]) -> bool {
    let word = token.to_lowercase();
    let word = word.trim_end_matches('.');
    if word.chars().count() < 2 {
        return false;
    }
    UNIT_WORDS
        .iter()
        .any(|u| word.starts_with(u.trim_end_matches('.')))
        || own.iter().any(|u| same_unit(word, u))
}

/// A cited number: digits with an optional letter (`87a`, `5`), without a trailing dot.
fn number_of(token: &str) -> Option<String> {
    let token = token.trim_end_matches('.');
    let digits = token.chars().take_while(char::is_ascii_digit).count();
    let rest = &token[digits..];
    let letter = rest.chars().count() <= 1 && rest.chars().all(char::is_alphabetic);
    (digits > 0 && letter).then(|| token.to_string())
}

/// Whether two unit words are the same unit (`Art.` and `Artikel`, `§` and `§§`).
pub fn same_unit(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim_end_matches(['.', '§']).to_lowercase();
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return a == b;
    }
    a.chars().count() >= 2 && b.chars().count() >= 2 && (a.starts_with(&b) || b.starts_with(&a))
}

fn is_one_of(token: &str, words: &[&str]) -> bool {
    let lower = token.to_lowercase();
    words.contains(&lower.as_str())
}

/// Whether the token at `k` joins another number to a list or range (`,`, `und`, `bis`).
fn joins_number(tokens: &[Token<'_>], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| {
        t.text == "," || is_one_of(t.text, LIST_WORDS) || is_one_of(t.text, RANGE_WORDS)
    }) && tokens
        .get(k + 1)
        .is_some_and(|n| number_of(n.text).is_some())
}

/// The numbers a unit word at `k - 1` cites, from `k` on (`73 und 74`, `5(2)(b)`, `3 bis 6`),
/// and where the list ends.
fn cited_numbers<'a>(tokens: &[Token<'a>], mut k: usize) -> (Vec<Token<'a>>, usize) {
    let mut cited = Vec::new();
    while let Some(t) = tokens.get(k).filter(|t| number_of(t.text).is_some()) {
        cited.push(*t);
        k += 1;
        // `5(2)(b)`: the parts in brackets belong to the number.
        while tokens.get(k).is_some_and(|t| t.text == "(") {
            match tokens[k..].iter().position(|t| t.text == ")") {
                Some(close) if close <= 3 => k += close + 1,
                _ => break,
            }
        }
        if !joins_number(tokens, k) {
            break;
        }
        k += 1;
    }
    (cited, k)
}

/// Past the sub-units of a citation and their numbers (`Abs. 1`, `Satz 2 bis 4`, `Nr. 4a`,
/// `und Absatz 3`), which belong to the last number cited, not to the unit. The unit's own
/// word again (`oder Artikel 143e`) starts a new citation.
fn skip_sub_units(tokens: &[Token<'_>], mut k: usize, unit: &str) -> usize {
    loop {
        let joined = tokens
            .get(k)
            .is_some_and(|t| t.text == "," || is_one_of(t.text, LIST_WORDS));
        let at = k + usize::from(joined);
        let sub_unit = tokens.get(at).is_some_and(|t| {
            t.text.chars().any(char::is_alphabetic)
                && number_of(t.text).is_none()
                && !same_unit(t.text, unit)
        }) && tokens
            .get(at + 1)
            .is_some_and(|t| number_of(t.text).is_some());
        if !sub_unit {
            return k;
        }
        k = at + 2;
        while joins_number(tokens, k) {
            k += 2;
        }
    }
}

/// The citations in `text`; `own` are the unit words of the document's own headings,
/// `title_words` those of its title, by which it names itself.
pub fn citations(text: &str, own: &[String], title_words: &[String]) -> Vec<Citation> {
    let tokens = tokens(text);
    let mut out: Vec<Citation> = Vec::new();
    // Each citation's first and last token and its place in `out`: a citation joined by
    // `und`/`oder` to a later one of another instrument (`§ 89a oder § 129a des
    // Strafgesetzbuches`) is of that instrument too.
    let mut groups: Vec<(usize, usize, std::ops::Range<usize>)> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let (start, token) = (k, tokens[k]);
        let starts = token.text == "§" || is_unit(token.text, own);
        let followed = tokens
            .get(k + 1)
            .is_some_and(|t| number_of(t.text).is_some() || t.text == "§");
        if !(starts && followed) {
            k += 1;
            continue;
        }
        let mut unit = token.text.to_string();
        k += 1;
        // `§§`
        while tokens.get(k).is_some_and(|t| t.text == "§") {
            unit.push('§');
            k += 1;
        }
        let (cited, end) = cited_numbers(&tokens, k);
        k = skip_sub_units(&tokens, end, &unit);
        // A sentence that ends after the citation (`Satz 2. Der Antrag`) names nothing more.
        let ended =
            k > 0 && tokens[k - 1].text.ends_with('.') && number_of(tokens[k - 1].text).is_some();
        let external = !ended && names_another_instrument(&tokens[k..], title_words);
        let first = out.len();
        out.extend(cited.into_iter().map(|t| Citation {
            unit: unit.clone(),
            number: t.text.trim_end_matches('.').to_string(),
            at: t.at,
            external,
        }));
        groups.push((start, k, first..out.len()));
        k = k.max(end);
    }
    for g in (0..groups.len().saturating_sub(1)).rev() {
        let (_, end, ref cited) = groups[g];
        let (next_start, _, ref next) = groups[g + 1];
        let joined = next_start == end + 1
            && (tokens[end].text == "," || is_one_of(tokens[end].text, LIST_WORDS));
        if joined && next.clone().next().is_some_and(|i| out[i].external) {
            for i in cited.clone() {
                out[i].external = true;
            }
        }
    }
    out.extend(cjk_citations(text));
    out
}

/// Whether what follows a citation names another instrument: an abbreviation in capitals
/// (`GG`, `BGB`, `ООН`), a document symbol (`75/1`, `A/RES/217`), or `of`/`des` and a name
/// that is not the text's own (`of the Charter`, `des Vertrags`; not `of this Declaration`,
/// nor `des Grundgesetzes` inside the Grundgesetz).
fn names_another_instrument(rest: &[Token<'_>], title_words: &[String]) -> bool {
    let symbol = |t: &str| {
        t.contains('/')
            || (t.chars().any(|c| c.is_ascii_digit())
                && t.chars().any(char::is_alphabetic)
                && t.len() > 4)
    };
    let abbreviation = |t: &str| {
        let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    let own_name = |t: &str| {
        let lower = t.to_lowercase();
        title_words.iter().any(|w| {
            w.chars().count() >= 4 && (lower.starts_with(w.as_str()) || w.starts_with(&lower))
        })
    };
    let Some(first) = rest.first() else {
        return false;
    };
    // An instrument named by its date (`Art. 3 G v. 9.7.2021`).
    if rest.iter().take(4).any(|t| is_date(t.text)) {
        return true;
    }
    if abbreviation(first.text) && !own_name(first.text) {
        return true;
    }
    if !is_one_of(first.text, OF_WORDS) {
        return false;
    }
    for t in rest.iter().skip(1).take(4) {
        let lower = t.text.to_lowercase();
        if SELF_WORDS.iter().any(|w| lower.starts_with(w)) || own_name(t.text) {
            return false;
        }
        if is_one_of(t.text, OF_WORDS) {
            continue;
        }
        // A symbol joined by slashes arrives as its pieces: `75`, `/`, `1`.
        if t.text == "/" || symbol(t.text) {
            return true;
        }
        if t.text.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
        // A lower-case noun (`resolution`) may come before the symbol.
    }
    rest.iter().skip(1).take(5).any(|t| t.text == "/")
}

/// `9.7.2021`, `17.09.2021`: a date as German and other numeric styles write it.
fn is_date(token: &str) -> bool {
    let parts: Vec<&str> = token.trim_end_matches('.').split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts[2].len() == 4
}

/// `第十二条`, `第5条`, `第5条第2款`: the number between 第 and a unit character is the unit's;
/// what follows (`第2款`) is a sub-unit. A citation right after a title in `《…》` is external.
fn cjk_citations(text: &str) -> Vec<Citation> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1 != '第' {
            k += 1;
            continue;
        }
        let start = k + 1;
        let mut end = start;
        while end < chars.len() && (chars[end].1.is_ascii_digit() || is_cjk_numeral(chars[end].1)) {
            end += 1;
        }
        let unit = chars.get(end).map(|c| c.1);
        let is_article = matches!(unit, Some('条' | '章' | '节' | '段'));
        // A sub-unit directly after another unit (`第5条第2款`) is not cited on its own.
        let after_unit = k > 0 && matches!(chars[k - 1].1, '条' | '章' | '节' | '段' | '款' | '项');
        if end > start && is_article && !after_unit {
            let written: String = chars[start..end].iter().map(|c| c.1).collect();
            let number = if written.chars().all(|c| c.is_ascii_digit()) {
                Some(written.clone())
            } else {
                cjk_value(&written).map(|v| v.to_string())
            };
            if let Some(number) = number {
                let before = text[..chars[k].0].trim_end();
                out.push(Citation {
                    unit: format!("第{}", unit.unwrap_or('条')),
                    number,
                    at: chars[start].0,
                    external: before.ends_with('》'),
                });
            }
        }
        k = end.max(k + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(text: &str) -> Vec<(String, bool)> {
        citations(text, &["art".to_string()], &["grundgesetz".to_string()])
            .into_iter()
            .map(|c| (c.number, c.external))
            .collect()
    }

    fn numbers(text: &str) -> Vec<String> {
        cited(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn the_common_forms() {
        assert_eq!(numbers("as set out in paragraph 12 above"), ["12"]);
        assert_eq!(numbers("paragraphs 3 to 5"), ["3", "5"]);
        assert_eq!(numbers("under Article 5(2)(b), it"), ["5"]);
        assert_eq!(numbers("Art. 93 Abs. 1 Nr. 4a gilt"), ["93"]);
        assert_eq!(numbers("§§ 3 bis 6 sind"), ["3", "6"]);
        assert_eq!(numbers("§ 1746 BGB"), ["1746"]);
        assert_eq!(numbers("согласно пункту 12"), ["12"]);
        assert_eq!(numbers("статья 5"), ["5"]);
        assert_eq!(numbers("见第十二条"), ["12"]);
        assert_eq!(numbers("第5条第2款"), ["5"]);
        assert_eq!(numbers("Artikel 73 und 74 bleiben"), ["73", "74"]);
        assert_eq!(
            numbers("Artikel 91a, 91b und 104a Abs. 3 und 4 des Grundgesetzes"),
            ["91a", "91b", "104a"]
        );
        assert_eq!(
            numbers("Artikel 104b Absatz 2 Satz 1 bis 3, 5, 6 und Absatz 3 gilt"),
            ["104b"]
        );
        assert_eq!(
            numbers("Artikel 90 Absatz 4 oder Artikel 143e Absatz 2"),
            ["90", "143e"]
        );
    }

    #[test]
    fn other_instruments_are_external() {
        assert_eq!(
            cited("paragraph 5 of resolution 75/1"),
            [("5".into(), true)]
        );
        assert_eq!(cited("nach Art. 3 GG"), [("3".into(), true)]);
        assert_eq!(
            cited("nach § 89a oder § 129a des Strafgesetzbuches"),
            [("89a".into(), true), ("129a".into(), true)]
        );
        assert_eq!(
            cited("durch Art. 3 G v. 9.7.2021 I 2467"),
            [("3".into(), true)]
        );
        assert_eq!(
            cited("Artikel 104 des Vertrags zur Gründung"),
            [("104".into(), true)]
        );
        assert_eq!(cited("article 51 of the Charter"), [("51".into(), true)]);
        assert_eq!(cited("《联合国宪章》第五十一条"), [("51".into(), true)]);
        // The text itself, named: internal.
        assert_eq!(
            cited("paragraph 5 of this Declaration"),
            [("5".into(), false)]
        );
        assert_eq!(cited("Artikel 5 des Grundgesetzes"), [("5".into(), false)]);
        assert_eq!(cited("本宣言第五条"), [("5".into(), false)]);
        // A sentence ending after the citation: what follows is not the instrument's name.
        assert_eq!(
            cited("nach Artikel 125a Abs. 2 Satz 2. Der Antrag"),
            [("125a".into(), false)]
        );
    }
}

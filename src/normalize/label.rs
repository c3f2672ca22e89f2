//! Numbering labels at the start of a block: `35.`, `(2)`, `3.2.`, `4.1`, `4c.`, `IV.`,
//! `Article premier`, `Статья 5`, `المادة 5`, `第一条`, `一、`, `（一）`, `㈠`, `３５．`.
//!
//! A label is recognised by its shape alone; whether the block is a heading is decided
//! later from the rest of the block.

use crate::text::numerals::{ascii_form, cjk_value, is_cjk_numeral, roman_value};

/// How a label is written. Two labels of one style belong to one numbering sequence and,
/// for headings, one level.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// `3`, `3.2`, `3.2.1` (with or without a final dot): `depth` counts the parts.
    Decimal { depth: u8 },
    /// `(2)`, `(4a)`.
    Paren,
    /// `2)`.
    CloseParen,
    /// `(a)`, `a)`.
    LowerLetter,
    /// `A.`, `(B)`.
    UpperLetter,
    /// `IV.`, a bare `I` on its own line.
    Roman,
    /// `(iv)`, `iv)`.
    LowerRoman,
    /// `Article 5`, `Art. 5`, `Статья 5`, `§ 5`: the canonical keyword.
    Keyword(&'static str),
    /// `第一条`, `第三章`: the counter character.
    CjkOrdinal(char),
    /// `一、`, `1、`.
    CjkEnumeration,
    /// `（一）`, `(一)`.
    CjkParen,
    /// `㈠`, `①`, `⑴`, `⒈`.
    Circled,
}

/// A label found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The label as printed, e.g. `"Article premier"`, `"3.2."`.
    pub printed: String,
    /// Comparable number: `"3.2"`, `"1"`, `"4c"`.
    pub number: String,
    pub style: Style,
    /// True when a decimal label ends with a dot (`4.2.`), for the punctuation check.
    pub trailing_dot: bool,
    /// Byte length of the label in the input.
    pub len: usize,
    /// Byte offset where the text after the label (and any separator) starts.
    pub rest: usize,
}

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

/// A cursor over the folded characters of a line, keeping byte offsets into the original.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next().map(ascii_form)
    }
    fn peek_raw(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.text[self.pos..].chars().next()?;
        self.pos += c.len_utf8();
        Some(ascii_form(c))
    }
    fn eat(&mut self, want: char) -> bool {
        if self.peek() == Some(want) {
            self.bump();
            true
        } else {
            false
        }
    }
    fn at_space_or_end(&self) -> bool {
        self.peek().is_none_or(char::is_whitespace)
    }
    fn take_while(&mut self, f: impl Fn(char) -> bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if !f(c) {
                break;
            }
            out.push(c);
            self.bump();
        }
        out
    }
    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }
}

/// Find a numbering label at the start of `line` (leading whitespace already trimmed).
pub fn parse(line: &str) -> Option<Label> {
    // Most blocks start with an ASCII digit or a letter that begins no keyword; both are
    // settled without trying every shape.
    let first = line.chars().next()?;
    if first.is_ascii_digit() {
        return parse_decimal(line);
    }
    if first.is_ascii_alphabetic() && !starts_keyword(first) {
        return parse_letter_or_roman(line);
    }
    parse_cjk(line)
        .or_else(|| parse_keyword(line))
        .or_else(|| parse_decimal(line))
        .or_else(|| parse_letter_or_roman(line))
}

/// Whether some keyword begins with this ASCII letter, in either case.
fn starts_keyword(first: char) -> bool {
    let lower = first.to_ascii_lowercase();
    KEYWORDS
        .iter()
        .any(|(spelling, _)| spelling.starts_with(lower))
}

fn finish(line: &str, end: usize, number: String, style: Style, trailing_dot: bool) -> Label {
    let mut cursor = Cursor {
        text: line,
        pos: end,
    };
    cursor.skip_spaces();
    // Separators between a label and its title: `I. - Die Grundrechte`, `Article 5: Title`.
    let save = cursor.pos;
    if matches!(cursor.peek(), Some('-' | '–' | '—' | ':' | '.')) {
        cursor.bump();
        if cursor.at_space_or_end() {
            cursor.skip_spaces();
        } else {
            cursor.pos = save;
        }
    }
    Label {
        printed: line[..end].trim_end().to_string(),
        number,
        style,
        trailing_dot,
        len: end,
        rest: cursor.pos,
    }
}

/// Whether the text after a label-less-terminator number reads as a sentence going on
/// (`2.5 million people`) rather than a title (`4.1 New Coronavirus Pandemic`).
fn continues_sentence(line: &str, pos: usize) -> bool {
    line[pos..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

fn parse_decimal(line: &str) -> Option<Label> {
    // The commonest label by far, `12.` before a space, read without the general machinery.
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=7).contains(&digits)
        && bytes.get(digits) == Some(&b'.')
        && bytes.get(digits + 1).is_none_or(|&b| b == b' ')
    {
        let number = trim_zeros(&line[..digits]);
        return Some(finish(
            line,
            digits + 1,
            number,
            Style::Decimal { depth: 1 },
            true,
        ));
    }
    let mut c = Cursor { text: line, pos: 0 };
    let paren = c.eat('(');
    let first = c.take_while(|ch| ch.is_ascii_digit());
    if first.is_empty() || first.len() > 7 {
        return None;
    }
    let mut parts = vec![trim_zeros(&first)];
    let mut suffix = String::new();
    if let Some(ch) = c.peek().filter(char::is_ascii_lowercase) {
        let save = c.pos;
        c.bump();
        if c.peek().is_some_and(char::is_alphanumeric) {
            c.pos = save;
        } else {
            suffix.push(ch);
        }
    }
    let mut trailing_dot = false;
    if suffix.is_empty() {
        loop {
            let save = c.pos;
            if !c.eat('.') {
                break;
            }
            let part = c.take_while(|ch| ch.is_ascii_digit());
            if part.is_empty() {
                trailing_dot = true;
                break;
            }
            if part.len() > 4 {
                c.pos = save;
                break;
            }
            parts.push(trim_zeros(&part));
        }
    }
    let depth = parts.len() as u8;
    let mut number = parts.join(".");
    number.push_str(&suffix);
    if paren {
        if trailing_dot || !c.eat(')') || !c.at_space_or_end() {
            return None;
        }
        return Some(finish(line, c.pos, number, Style::Paren, false));
    }
    if !trailing_dot && !suffix.is_empty() && c.eat('.') {
        trailing_dot = true;
    }
    if trailing_dot {
        if !c.at_space_or_end() {
            return None;
        }
        return Some(finish(line, c.pos, number, Style::Decimal { depth }, true));
    }
    if c.eat(')') {
        if !c.at_space_or_end() {
            return None;
        }
        return Some(finish(line, c.pos, number, Style::CloseParen, false));
    }
    if c.eat('、') {
        return Some(finish(line, c.pos, number, Style::CjkEnumeration, false));
    }
    // No terminator: `4.1 Title` is a label, a bare `12` only when alone on its line.
    if !c.at_space_or_end() {
        return None;
    }
    let alone = line[c.pos..].trim().is_empty();
    if alone || (depth > 1 && !continues_sentence(line, c.pos)) {
        return Some(finish(line, c.pos, number, Style::Decimal { depth }, false));
    }
    None
}

fn trim_zeros(digits: &str) -> String {
    let t = digits.trim_start_matches('0');
    if t.is_empty() { "0".into() } else { t.into() }
}

fn parse_keyword(line: &str) -> Option<Label> {
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
        if let Some(ch) = c.peek().filter(char::is_ascii_lowercase) {
            let save = c.pos;
            c.bump();
            if c.peek().is_some_and(char::is_alphanumeric) {
                c.pos = save;
            } else {
                number.push(ch);
            }
        }
        return Some((number, c.pos));
    }
    let roman = c.take_while(|ch| "IVXLCDM".contains(ch));
    if !roman.is_empty() && c.peek().is_none_or(|ch| !ch.is_alphanumeric()) {
        return roman_value(&roman).map(|v| (v.to_string(), c.pos));
    }
    None
}

fn parse_letter_or_roman(line: &str) -> Option<Label> {
    let mut c = Cursor { text: line, pos: 0 };
    let paren = c.eat('(');
    let word = c.take_while(|ch| ch.is_ascii_alphabetic());
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let closed_paren = c.eat(')');
    if paren && !closed_paren {
        return None;
    }
    let dot = !closed_paren && c.eat('.');
    if !c.at_space_or_end() {
        return None;
    }
    let alone = line[c.pos..].trim().is_empty();
    let terminated = closed_paren || dot;
    let upper = word.chars().all(|ch| ch.is_ascii_uppercase());
    let lower = word.chars().all(|ch| ch.is_ascii_lowercase());

    if upper && (terminated || alone) {
        if let Some(value) = roman_value(&word) {
            // `C.`, `D.` are more often letters of a list than 100 and 500.
            if word.len() > 1 || "IVX".contains(&word) {
                return Some(finish(line, c.pos, value.to_string(), Style::Roman, false));
            }
        }
        if word.len() == 1 && terminated {
            return Some(finish(
                line,
                c.pos,
                word.to_lowercase(),
                Style::UpperLetter,
                false,
            ));
        }
        return None;
    }
    // Lowercase labels need a parenthesis: `a.` at a line start is too often prose.
    if lower && closed_paren {
        if word.len() > 1 || word == "i" || word == "v" || word == "x" {
            if word.chars().all(|ch| "ivx".contains(ch)) {
                let value = roman_value(&word.to_uppercase())?;
                return Some(finish(
                    line,
                    c.pos,
                    value.to_string(),
                    Style::LowerRoman,
                    false,
                ));
            }
            if word.len() > 1 {
                return None;
            }
        }
        return Some(finish(line, c.pos, word, Style::LowerLetter, false));
    }
    None
}

fn parse_cjk(line: &str) -> Option<Label> {
    let mut c = Cursor { text: line, pos: 0 };
    let first = c.peek_raw()?;
    // Enclosed forms carry their number in the code point.
    let circled = match first {
        '\u{3220}'..='\u{3229}' => Some(first as u32 - 0x3220 + 1),
        '\u{2460}'..='\u{2473}' => Some(first as u32 - 0x2460 + 1),
        '\u{2474}'..='\u{2487}' => Some(first as u32 - 0x2474 + 1),
        '\u{2488}'..='\u{249B}' => Some(first as u32 - 0x2488 + 1),
        _ => None,
    };
    if let Some(n) = circled {
        c.bump();
        return Some(finish(line, c.pos, n.to_string(), Style::Circled, false));
    }
    if first == '第' {
        c.bump();
        let numeral = c.take_while(|ch| is_cjk_numeral(ch) || ch.is_ascii_digit());
        let value = cjk_or_ascii_value(&numeral)?;
        let counter = c
            .peek()
            .filter(|ch| "条條章节節款编編部篇项項回卷".contains(*ch))?;
        c.bump();
        return Some(finish(
            line,
            c.pos,
            value.to_string(),
            Style::CjkOrdinal(counter),
            false,
        ));
    }
    if c.eat('(') {
        let numeral = c.take_while(is_cjk_numeral);
        let value = cjk_value(&numeral)?;
        if !c.eat(')') {
            return None;
        }
        return Some(finish(
            line,
            c.pos,
            value.to_string(),
            Style::CjkParen,
            false,
        ));
    }
    let numeral = c.take_while(is_cjk_numeral);
    if !numeral.is_empty() && c.eat('、') {
        let value = cjk_value(&numeral)?;
        return Some(finish(
            line,
            c.pos,
            value.to_string(),
            Style::CjkEnumeration,
            false,
        ));
    }
    None
}

fn cjk_or_ascii_value(s: &str) -> Option<u32> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    cjk_value(s)
}

/// Main number and letter suffix of a normalized number: `"4c"` → (4, Some('c')), the last
/// part of a dotted number, a letter label by its place in the alphabet.
pub fn ordinal(number: &str) -> Option<(u32, Option<char>)> {
    let last = number.rsplit('.').next()?;
    let digits: String = last.chars().take_while(char::is_ascii_digit).collect();
    let suffix = last[digits.len()..].chars().next();
    if digits.is_empty() {
        let c = suffix?;
        return c
            .is_ascii_lowercase()
            .then(|| (c as u32 - 'a' as u32 + 1, None));
    }
    Some((digits.parse().ok()?, suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(line: &str) -> Option<(String, String)> {
        parse(line).map(|l| (l.printed, l.number))
    }

    fn pair(printed: &str, number: &str) -> Option<(String, String)> {
        Some((printed.to_string(), number.to_string()))
    }

    #[test]
    fn decimal_forms() {
        assert_eq!(num("35. The text"), pair("35.", "35"));
        assert_eq!(num("35) The text"), pair("35)", "35"));
        assert_eq!(num("(35) The text"), pair("(35)", "35"));
        assert_eq!(num("3.2. Combating terrorism"), pair("3.2.", "3.2"));
        assert_eq!(num("4.1 New Coronavirus Pandemic"), pair("4.1", "4.1"));
        assert_eq!(num("4c. über Beschwerden"), pair("4c.", "4c"));
        assert_eq!(
            num("３５．全角"),
            None,
            "a full-width label still needs a space"
        );
        assert_eq!(num("３５． 全角"), pair("３５．", "35"));
        assert_eq!(num("12"), pair("12", "12"));
    }

    #[test]
    fn prose_is_not_a_label() {
        assert_eq!(num("2021 was a year"), None);
        assert_eq!(num("2.5 million people"), None);
        assert_eq!(num("I am here"), None);
        assert_eq!(num("Article 5 of the Charter provides"), None);
        assert_eq!(num("Articles 5 and 6"), None);
        assert_eq!(num("a. prose"), None);
        assert_eq!(num("DID. up"), None);
        assert_eq!(num("3.2Something"), None);
    }

    #[test]
    fn keyword_forms() {
        assert_eq!(num("Article 5"), pair("Article 5", "5"));
        assert_eq!(num("Art 143a"), pair("Art 143a", "143a"));
        assert_eq!(num("Art. 12"), pair("Art. 12", "12"));
        assert_eq!(num("Статья 5"), pair("Статья 5", "5"));
        assert_eq!(num("Artikel 1"), pair("Artikel 1", "1"));
        assert_eq!(num("Artículo 30"), pair("Artículo 30", "30"));
        assert_eq!(num("Article premier"), pair("Article premier", "1"));
        assert_eq!(num("المادة 5"), pair("المادة 5", "5"));
        assert_eq!(num("المادة ٥"), pair("المادة ٥", "5"));
        assert_eq!(num("§ 7 Title"), pair("§ 7", "7"));
        assert_eq!(num("CHAPTER IV"), pair("CHAPTER IV", "4"));
    }

    #[test]
    fn roman_and_letters() {
        assert_eq!(num("IV. Title"), pair("IV.", "4"));
        assert_eq!(num("I"), pair("I", "1"));
        assert_eq!(num("I. - Die Grundrechte").map(|l| l.1), Some("1".into()));
        assert_eq!(num("(a) first"), pair("(a)", "a"));
        assert_eq!(num("b) second"), pair("b)", "b"));
        assert_eq!(num("(iv) fourth"), pair("(iv)", "4"));
        assert_eq!(num("C. Third part"), pair("C.", "c"));
        let label = parse("I. - Die Grundrechte").unwrap();
        assert_eq!(&"I. - Die Grundrechte"[label.rest..], "Die Grundrechte");
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("4c"), Some((4, Some('c'))));
        assert_eq!(ordinal("3.12"), Some((12, None)));
        assert_eq!(ordinal("b"), Some((2, None)));
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(num("第一条"), pair("第一条", "1"));
        assert_eq!(num("第二十一条 标题"), pair("第二十一条", "21"));
        assert_eq!(num("一、总则"), pair("一、", "1"));
        assert_eq!(num("（一）内容"), pair("（一）", "1"));
        assert_eq!(num("㈠ 内容"), pair("㈠", "1"));
        assert_eq!(num("① 内容"), pair("①", "1"));
    }
}

//! Numbering labels at the start of a block: `35.`, `(2)`, `3.2.`, `4.1`, `4c.`, `IV.`,
//! `Article premier`, `Статья 5`, `المادة 5`, `第一条`, `一、`, `（一）`, `㈠`, `３５．`.
//!
//! A label is recognised by its shape alone; whether the block is a heading is decided
//! later from the rest of the block.

mod decimal;
mod keyword;
mod scripts;

use crate::text::numerals::ascii_form;

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
    /// `一、`, `1、`, a bare `一` on its own line.
    CjkEnumeration,
    /// `（一）`, `(一)`.
    CjkParen,
    /// `㈠`, `①`, `⑴`, `⒈`.
    Circled,
    /// Headings found by their recurring shape (`Член 12`, `12 бап`, `Нэгдүгээр зүйл`): the
    /// document's own sequence, by its order among the sequences found.
    Sequence(u32),
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
    /// A lowercase letter closing a number (`4c`, `143a`), taken when no letter or digit
    /// follows it: `4ch` is a number and a word.
    fn letter_suffix(&mut self) -> Option<char> {
        let letter = self.peek().filter(char::is_ascii_lowercase)?;
        let save = self.pos;
        self.bump();
        if self.peek().is_some_and(char::is_alphanumeric) {
            self.pos = save;
            return None;
        }
        Some(letter)
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
        return decimal::parse(line);
    }
    if first.is_ascii_alphabetic() && !keyword::starts_keyword(first) {
        return scripts::parse_letter_or_roman(line);
    }
    scripts::parse_cjk(line)
        .or_else(|| keyword::parse(line))
        .or_else(|| decimal::parse(line))
        .or_else(|| scripts::parse_letter_or_roman(line))
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

/// The word of a keyword label, lowercase and without its dot: `§ 5` → `§`, `Art. 5` →
/// `art`, `CHAPTER IV` → `chapter`.
pub(in crate::normalize) fn keyword_word(label: &str) -> String {
    let word: String = label
        .chars()
        .take_while(|c| !c.is_whitespace() && !c.is_ascii_digit())
        .flat_map(char::to_lowercase)
        .collect();
    word.trim_end_matches('.').to_string()
}

fn trim_zeros(digits: &str) -> String {
    let t = digits.trim_start_matches('0');
    if t.is_empty() { "0".into() } else { t.into() }
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

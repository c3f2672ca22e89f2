//! Character-level cleaning: what counts as a space, how text is collapsed for display,
//! and the folded key used to decide whether two texts say the same thing.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Spaces that are not U+0020 but mean one: no-break, thin, ideographic and the rest.
pub fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters that are invisible in print and only get in the way of matching words:
/// zero-width space, word joiner, a stray byte-order mark, the soft hyphen of word processors.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Collapse every run of whitespace to one space, trim, drop invisible characters and
/// compose to NFC: the normalized text a block displays.
pub fn collapse(text: &str) -> String {
    let mut collapser = Collapser::with_capacity(text.len());
    collapser.push(text);
    collapser.finish()
}

/// [`collapse`] over several pieces of text read as one, each piece separated from the
/// next by whitespace: the lines of a paragraph, without joining them first.
#[derive(Debug, Default)]
pub struct Collapser {
    out: String,
    pending_space: bool,
}

impl Collapser {
    pub fn with_capacity(capacity: usize) -> Self {
        Collapser {
            out: String::with_capacity(capacity),
            pending_space: false,
        }
    }

    pub fn push(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.pending_space = true;
        }
        if text.is_ascii() {
            self.push_ascii(text);
            return;
        }
        // Most text is already NFC; composing it again is the costliest step of
        // normalizing, so only text that may need it goes through the composer.
        if unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
        {
            self.push_chars(text.chars());
        } else {
            self.push_chars(text.nfc());
        }
    }

    /// Text that is all ASCII: copy whole runs of words that are already separated by
    /// single spaces, which is nearly all prose.
    fn push_ascii(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
        let mut i = 0;
        while i < bytes.len() {
            let gap = i;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            if i > gap && !self.out.is_empty() {
                self.pending_space = true;
            }
            if i == bytes.len() {
                break;
            }
            let run = i;
            loop {
                while i < bytes.len() && !is_space(bytes[i]) {
                    i += 1;
                }
                if i + 1 < bytes.len() && bytes[i] == b' ' && !is_space(bytes[i + 1]) {
                    i += 1;
                } else {
                    break;
                }
            }
            if self.pending_space {
                self.out.push(' ');
                self.pending_space = false;
            }
            self.out.push_str(&text[run..i]);
        }
    }

    fn push_chars(&mut self, chars: impl Iterator<Item = char>) {
        for c in chars {
            if is_invisible(c) {
                continue;
            }
            if c.is_whitespace() || is_unicode_space(c) {
                self.pending_space = !self.out.is_empty();
                continue;
            }
            if self.pending_space {
                self.out.push(' ');
                self.pending_space = false;
            }
            self.out.push(c);
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Whether [`collapse`] would return `text` unchanged: single spaces between words, no
/// other whitespace, nothing invisible, composed characters. Decided by one scan, without
/// building the collapsed copy.
pub fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    if text.is_ascii() {
        // Vectorised searches for what collapsing would change: other whitespace, or two
        // spaces in a row.
        return memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
            && memchr::memchr2(b'\x0b', b'\x0c', bytes).is_none()
            && memchr::memmem::find(bytes, b"  ").is_none();
    }
    let mut previous_space = false;
    for c in text.chars() {
        if c == ' ' {
            if previous_space {
                return false;
            }
            previous_space = true;
            continue;
        }
        previous_space = false;
        if c.is_whitespace() || is_unicode_space(c) || is_invisible(c) {
            return false;
        }
    }
    unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
}

/// Fold a character's typographic variants to one form for matching: curly and straight
/// quotes, dashes and hyphens, full-width ASCII. Never used for display.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        '\u{2026}' => '.',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The matching key of a normalized text: typographic variants folded. Borrowed when
/// there is nothing to fold, which is most text: every variant is outside ASCII but `` ` ``.
pub fn fold(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // Every variant but `` ` `` is encoded with a lead byte C2, E2 or EF: text without them
    // (ASCII, Cyrillic, Han, most of everything) has nothing to fold.
    let may_fold = if bytes.len() <= 32 {
        // A word of a word diff: a plain loop beats setting up vector searches.
        bytes.iter().any(|b| matches!(b, b'`' | 0xC2 | 0xE2 | 0xEF))
    } else {
        memchr::memchr(b'`', bytes).is_some() || memchr::memchr3(0xC2, 0xE2, 0xEF, bytes).is_some()
    };
    if !may_fold {
        return Cow::Borrowed(text);
    }
    if bytes.len() <= 32 || memchr::memchr(b'`', bytes).is_some() {
        if !text.chars().any(|c| fold_char(c) != c) {
            return Cow::Borrowed(text);
        }
        return Cow::Owned(text.chars().map(fold_char).collect());
    }
    // Only the characters at the lead bytes can fold: the text between them is copied
    // as it stands, not character by character.
    let mut folded: Option<String> = None;
    let mut copied = 0;
    for at in memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes) {
        let Some(c) = text[at..].chars().next() else {
            continue;
        };
        let f = fold_char(c);
        if f != c {
            let out = folded.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..at]);
            out.push(f);
            copied = at + c.len_utf8();
        }
    }
    match folded {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

/// Width of text in columns, East Asian wide characters counting two: the measure for
/// "short enough to be a heading" that treats `序言` and `Preamble` alike.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Whether text is wider than `limit` columns, reading no further than needed.
pub fn wider_than(text: &str, limit: usize) -> bool {
    // No character is wider than its UTF-8 encoding is long.
    if text.len() <= limit {
        return false;
    }
    let mut total = 0;
    for c in text.chars() {
        total += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if total > limit {
            return true;
        }
    }
    false
}

/// Sentence-final and clause punctuation across the scripts accord meets; a line that ends
/// with one of these reads as prose, not as a title.
pub fn is_terminal_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ';'
            | ':'
            | ','
            | '!'
            | '?'
            | '…'
            | '。'
            | '；'
            | '：'
            | '，'
            | '！'
            | '？'
            | '、'
            | '،'
            | '؛'
            | '؟'
            | '۔'
    )
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
    fn collapse_spaces_and_nfc() {
        assert_eq!(collapse("  a\u{00A0}\u{00A0}b\t\nc  "), "a b c");
        assert_eq!(collapse("e\u{0301}"), "é");
        assert_eq!(collapse("co\u{00AD}operation"), "cooperation");
        assert_eq!(collapse("a\u{3000}b"), "a b");
    }

    #[test]
    fn collapsed_text_is_recognised_without_collapsing_it() {
        for text in [
            "",
            "Member States agree.",
            "Статья 1. Все люди",
            "第一条 人人生而自由",
            " leading",
            "trailing ",
            "two  spaces",
            "a\tb",
            "line\nbreak",
            "no\u{00A0}break",
            "zero\u{200B}width",
            "e\u{0301}",
            "\u{3000}ideographic",
        ] {
            assert_eq!(is_collapsed(text), collapse(text) == text, "{text:?}");
        }
    }

    #[test]
    fn every_folded_character_has_a_lead_byte_the_fast_path_looks_for() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if fold_char(c) != c && c != '`' {
                let lead = c.to_string().as_bytes()[0];
                assert!(matches!(lead, 0xC2 | 0xE2 | 0xEF), "{c:?}");
            }
        }
    }

    #[test]
    fn fold_quotes_and_dashes() {
        assert_eq!(
            fold("“Shanghai spirit” – 2022—2024 Organization’s"),
            "\"Shanghai spirit\" - 2022-2024 Organization's"
        );
    }

    proptest::proptest! {
        #[test]
        fn fold_is_fold_char_on_every_character(
            text in "([a-z .`]|’|“|”|—|–|…|Ａ|ｚ|é|Ж|\u{a0}|«){0,120}"
        ) {
            let by_character: String = text.chars().map(fold_char).collect();
            let folded = fold(&text);
            proptest::prop_assert_eq!(&*folded, by_character.as_str());
            proptest::prop_assert_eq!(matches!(folded, Cow::Borrowed(_)), by_character == text);
        }
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(width("序言"), 4);
        assert_eq!(width("abc"), 3);
    }
}

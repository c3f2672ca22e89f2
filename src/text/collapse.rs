//! Whitespace and invisible characters: what counts as a space, and the collapsed form of
//! text that a block displays (single spaces, nothing invisible, NFC).

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
    /// A collapser with room for `capacity` bytes of output.
    pub fn with_capacity(capacity: usize) -> Self {
        Collapser {
            out: String::with_capacity(capacity),
            pending_space: false,
        }
    }

    /// Add the next piece; whitespace separates it from the one before.
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

    /// The collapsed text of all pieces.
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
}

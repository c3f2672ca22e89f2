//! Words for diffing: letters-and-digits runs, single punctuation marks, and single
//! characters of the scripts written without spaces between words (Chinese, Japanese,
//! Thai, Khmer…: a whole paragraph as one "word" would make any edit a full replacement).
//! The unit is the grapheme cluster, never the code point: a letter keeps its combining
//! marks (Thai tone marks, Devanagari vowel signs, Arabic harakat, a decomposed é), so a
//! word diff can never cut a character in two. Each token carries the whitespace after it,
//! so tokens concatenate back to the text exactly.

use unicode_linebreak::{BreakClass, break_property};
use unicode_segmentation::GraphemeCursor;

/// Scripts written without spaces between words, as the Unicode line-breaking property
/// tells them: ideographs, kana, Hangul syllables and the South-East Asian scripts a line
/// may break inside (UAX #14 classes ID, CJ, H2, H3, JL, JV, JT and SA).
pub(crate) fn is_unspaced_script(c: char) -> bool {
    // Below U+0E00 (Thai) every script is written with spaces; this skips the lookup for
    // the Latin, Cyrillic, Greek and Arabic text that is most of what accord reads.
    (c as u32) >= 0x0E00
        && matches!(
            break_property(c as u32),
            BreakClass::Ideographic
                | BreakClass::ConditionalJapaneseStarter
                | BreakClass::HangulLvSyllable
                | BreakClass::HangulLvtSyllable
                | BreakClass::HangulLJamo
                | BreakClass::HangulVJamo
                | BreakClass::HangulTJamo
                | BreakClass::ComplexContext
        )
}

/// One token: `core` is compared, `text` (core plus trailing whitespace) is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word or mark itself.
    pub core: &'a str,
    /// The core and the whitespace after it.
    pub text: &'a str,
}

impl Token<'_> {
    /// Whether the token holds a letter or digit (not punctuation or whitespace alone).
    pub fn is_word(&self) -> bool {
        self.core.chars().any(char::is_alphanumeric)
    }
}

/// All tokens of a text; concatenated, their `text`s give it back.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokens.extend(tokens_of(text));
    tokens
}

/// What a grapheme cluster is to the tokenizer, by its first character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    /// A letter or digit of a script that separates words with spaces: runs join.
    Word,
    /// A character of a script without spaces, a punctuation mark or a symbol: alone.
    Single,
    Space,
}

fn unit(grapheme: &str) -> Unit {
    let first = grapheme.chars().next().unwrap_or(' ');
    if first.is_whitespace() {
        Unit::Space
    } else if first.is_alphanumeric() && !is_unspaced_script(first) {
        Unit::Word
    } else {
        Unit::Single
    }
}

/// The extended grapheme clusters of a text, as byte ranges. An ASCII character followed by
/// another is a cluster of its own, found without the segmentation tables: that is most
/// characters of most texts (a CR LF pair is split, and both are whitespace alike).
fn clusters(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at;
        match bytes.get(at..at + 2) {
            None if at < bytes.len() && bytes[at].is_ascii() => at += 1,
            Some([a, b]) if a.is_ascii() && b.is_ascii() => at += 1,
            _ if at >= bytes.len() => return None,
            _ => {
                let mut cursor = GraphemeCursor::new(at, bytes.len(), true);
                at = match cursor.next_boundary(text, 0) {
                    Ok(Some(end)) => end,
                    _ => bytes.len(),
                };
            }
        }
        Some((start, at))
    })
}

/// The tokens of [`tokenize`] one at a time, for callers that only count them: a huge
/// paragraph then costs no token list several times its size.
pub fn tokens_of(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut graphemes = clusters(text)
        .map(|(i, end)| (i, end, unit(&text[i..end])))
        .peekable();
    // Leading whitespace belongs to no token; keep it as a token of its own so nothing is lost.
    let mut start = 0;
    while let Some(&(_, end, Unit::Space)) = graphemes.peek() {
        graphemes.next();
        start = end;
    }
    let leading = (start > 0).then(|| Token {
        core: "",
        text: &text[..start],
    });
    let rest = std::iter::from_fn(move || {
        let (i, mut end, kind) = graphemes.next()?;
        if kind == Unit::Word {
            while let Some(&(_, next_end, Unit::Word)) = graphemes.peek() {
                graphemes.next();
                end = next_end;
            }
        }
        let core_end = end;
        while let Some(&(_, next_end, Unit::Space)) = graphemes.peek() {
            graphemes.next();
            end = next_end;
        }
        Some(Token {
            core: &text[i..core_end],
            text: &text[i..end],
        })
    });
    leading.into_iter().chain(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cores(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.core).collect()
    }

    #[test]
    fn words_punctuation_and_han() {
        assert_eq!(
            cores("The SCO, in 2021."),
            ["The", "SCO", ",", "in", "2021", "."]
        );
        assert_eq!(cores("人人有权"), ["人", "人", "有", "权"]);
        assert_eq!(cores("good-neighbourly"), ["good", "-", "neighbourly"]);
    }

    #[test]
    fn a_character_and_its_marks_are_never_cut() {
        // Thai: one token per cluster, tone and vowel marks with their consonant.
        assert_eq!(cores("มั่นคง"), ["มั่", "น", "ค", "ง"]);
        // Devanagari and a decomposed é stay in their word; Arabic harakat too.
        assert_eq!(cores("नमस्ते e\u{301}te"), ["नमस्ते", "e\u{301}te"]);
        assert_eq!(cores("كَتَبَ"), ["كَتَبَ"]);
        // An emoji sequence joined by ZWJ is one mark.
        assert_eq!(cores("a 👩\u{200d}💻 b"), ["a", "👩\u{200d}💻", "b"]);
        // A combining mark after a space or a digit is kept with what it follows.
        for text in ["a \u{301}b", "1\u{301}", "\u{301}"] {
            let rebuilt: String = tokenize(text).iter().map(|t| t.text).collect();
            assert_eq!(rebuilt, text);
        }
    }

    #[test]
    fn tokens_rebuild_the_text() {
        for text in ["  a  b,c\t", "第一条 人人", "", "x"] {
            let rebuilt: String = tokenize(text).iter().map(|t| t.text).collect();
            assert_eq!(rebuilt, text);
        }
    }
}

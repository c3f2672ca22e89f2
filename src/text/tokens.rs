//! Words for diffing: letters-and-digits runs, single punctuation marks, and single Han,
//! kana and Hangul characters (Chinese and Japanese do not separate words with spaces, and
//! a whole paragraph as one "word" would make any edit a full replacement). Each token
//! carries the whitespace after it, so tokens concatenate back to the text exactly.

/// Scripts written without spaces between words: one character, one token.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
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

/// The tokens of [`tokenize`] one at a time, for callers that only count them: a huge
/// paragraph then costs no token list several times its size.
pub fn tokens_of(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut chars = text.char_indices().peekable();
    // Leading whitespace belongs to no token; keep it as a token of its own so nothing is lost.
    let mut start = 0;
    while let Some(&(i, c)) = chars.peek() {
        if !c.is_whitespace() {
            break;
        }
        chars.next();
        start = i + c.len_utf8();
    }
    let leading = (start > 0).then(|| Token {
        core: "",
        text: &text[..start],
    });
    let rest = std::iter::from_fn(move || {
        let (i, c) = chars.next()?;
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() && !is_unspaced_script(c) {
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() && !is_unspaced_script(d) || is_combining(d) {
                    chars.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            }
        }
        let core_end = end;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_whitespace() {
                chars.next();
                end = j + d.len_utf8();
            } else {
                break;
            }
        }
        Some(Token {
            core: &text[i..core_end],
            text: &text[i..end],
        })
    });
    leading.into_iter().chain(rest)
}

/// Combining marks stay with their letter (Arabic harakat, Devanagari vowel signs).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0983)
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
    fn tokens_rebuild_the_text() {
        for text in ["  a  b,c\t", "第一条 人人", "", "x"] {
            let rebuilt: String = tokenize(text).iter().map(|t| t.text).collect();
            assert_eq!(rebuilt, text);
        }
    }
}

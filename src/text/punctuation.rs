//! Punctuation that tells prose from titles, across the scripts accord meets.

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

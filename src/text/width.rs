//! Width of text in terminal columns, East Asian wide characters counting two.

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

/// Cut text to at most `max` columns at a word boundary, adding `…` when cut.
pub fn truncate_words(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if width(&next) + 1 > max {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        // One long word (or unspaced CJK or Thai text): cut between grapheme clusters, so
        // a letter keeps its marks.
        let mut taken = 0;
        for cluster in unicode_segmentation::UnicodeSegmentation::graphemes(text, true) {
            taken += width(cluster);
            if taken + 1 > max {
                break;
            }
            out.push_str(cluster);
        }
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(width("序言"), 4);
        assert_eq!(width("abc"), 3);
    }

    #[test]
    fn a_cut_word_keeps_its_marks() {
        // The marks take no column: they come with their consonant or not at all.
        assert_eq!(truncate_words("ความมั่นคงของประเทศไทย", 5), "ความ…");
        assert_eq!(truncate_words("ความมั่นคงของประเทศไทย", 6), "ความมั่…");
    }

    #[test]
    fn truncation_at_word_boundary() {
        assert_eq!(truncate_words("one two three four", 12), "one two…");
        assert_eq!(truncate_words("short", 12), "short");
        assert_eq!(truncate_words("人人有资格享有本宣言所载", 9), "人人有资…");
    }
}

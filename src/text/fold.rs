//! Typographic folding for matching: curly and straight quotes, dashes and hyphens,
//! full-width and half-width forms read as one form. Comparison keys only, never displayed
//! text.

use std::borrow::Cow;

/// Fold a character's typographic variants to one form for matching: curly and straight
/// quotes, dashes and hyphens, and the full-width and half-width forms (`，` `１` `ｶ` `￥`),
/// which are one character in two widths: Unicode's compatibility decomposition (NFKC)
/// gives their other width. Other compatibility forms (`①`, `²`, `ﬁ`) are left: they can
/// say something of their own (a label, a footnote mark). Never used for display.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        '\u{2026}' => '.',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{FF5F}'..='\u{FFEE}' => other_width(c),
        _ => c,
    }
}

/// The one character a full-width or half-width form decomposes to, if it is one.
fn other_width(c: char) -> char {
    let mut single = None;
    let mut count = 0;
    unicode_normalization::char::decompose_compatible(c, |d| {
        single = Some(d);
        count += 1;
    });
    match single {
        Some(d) if count == 1 => d,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_widths_fold_to_one_form() {
        assert_eq!(fold("人人，有权１２"), "人人,有权12");
        assert_eq!(fold("ｶﾀｶﾅ"), "カタカナ");
        assert_eq!(fold("￥100"), "¥100");
        assert_eq!(fold("①²"), "①²");
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
}

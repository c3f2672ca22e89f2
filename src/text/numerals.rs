//! Numerals of every script accord reads: decimal digits of any script (Devanagari, Bengali,
//! Arabic-Indic, Thai, full-width …), Chinese, Ethiopic and Roman numerals, and where the first
//! numeral of a line is.

use std::ops::Range;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// The value of a decimal digit of any script (Unicode's decimal numbers, `Nd`): `7`, `٧`,
/// `७`, `৭`, `๗`, `７` are all 7.
pub fn decimal_digit(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    // Below U+0660 the only decimal digits are ASCII.
    if c < '\u{0660}' || c.general_category() != GeneralCategory::DecimalNumber {
        return None;
    }
    // Unicode encodes each script's digits as runs of ten, 0 to 9, one after another: a digit's
    // value is its place in the run of decimal digits it belongs to.
    let mut start = c as u32;
    while let Some(previous) = start.checked_sub(1).and_then(char::from_u32) {
        if previous.general_category() != GeneralCategory::DecimalNumber {
            break;
        }
        start -= 1;
    }
    Some((c as u32 - start) % 10)
}

/// Full-width ASCII read as ASCII, and decimal digits of every script as ASCII digits, so
/// `３５．`, `١٢` and `১২` read like `35.` and `12`. For recognising labels and numbers only:
/// the text shown keeps the original characters.
pub fn ascii_form(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ if c.is_ascii() => c,
        _ => match decimal_digit(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or(c),
            None => c,
        },
    }
}

/// Ethiopic numerals: `፩`–`፱` (1–9), `፲`–`፺` (10–90), `፻` (100), `፼` (10,000).
fn ethiopic_digit(c: char) -> Option<u32> {
    let v = c as u32;
    Some(match v {
        0x1369..=0x1371 => v - 0x1368,
        0x1372..=0x137A => (v - 0x1371) * 10,
        0x137B => 100,
        0x137C => 10_000,
        _ => return None,
    })
}

/// Value of an Ethiopic numeral: tens and units add (`፴፪` 32), and `፻` and `፼` multiply what
/// comes before them (`፫፻፳` 320).
pub fn ethiopic_value(s: &str) -> Option<u32> {
    let (mut total, mut group) = (0u32, 0u32);
    for c in s.chars() {
        match ethiopic_digit(c)? {
            m @ (100 | 10_000) => {
                total = total.checked_add(group.max(1).checked_mul(m)?)?;
                group = 0;
            }
            v => group = group.checked_add(v)?,
        }
    }
    let total = total.checked_add(group)?;
    (total > 0).then_some(total)
}

/// The first numeral of a line: where it is, and its value where it can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numeral {
    /// Byte range in the line.
    pub range: Range<usize>,
    /// The number it writes, if it is one accord can read.
    pub value: Option<u32>,
}

/// The first numeral of `line`: a run of decimal digits of one script, a run of Chinese or of
/// Ethiopic numerals, or a Roman numeral standing as a word of its own (`Qod IV`, not the `I`
/// of `In`).
pub fn first_numeral(line: &str) -> Option<Numeral> {
    let mut chars = line.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((start, c)) = chars.next() {
        let kind = if decimal_digit(c).is_some() {
            Some(NumeralKind::Decimal)
        } else if is_cjk_numeral(c) {
            Some(NumeralKind::Cjk)
        } else if ethiopic_digit(c).is_some() {
            Some(NumeralKind::Ethiopic)
        } else if "IVXLCDM".contains(c) && previous.is_none_or(opens_word) {
            Some(NumeralKind::Roman)
        } else {
            None
        };
        previous = Some(c);
        let Some(kind) = kind else { continue };
        let mut end = start + c.len_utf8();
        while let Some(&(at, next)) = chars.peek() {
            if !kind.continues(next) {
                break;
            }
            end = at + next.len_utf8();
            previous = Some(next);
            chars.next();
        }
        let text = &line[start..end];
        let value = match kind {
            NumeralKind::Decimal => text.chars().try_fold(0u32, |n, d| {
                n.checked_mul(10)?.checked_add(decimal_digit(d)?)
            }),
            NumeralKind::Cjk => cjk_value(text),
            NumeralKind::Ethiopic => ethiopic_value(text),
            NumeralKind::Roman => {
                // A Roman numeral is a word of its own (`Qod IV`, `IV.`; not the `L` of
                // `L-Artiklu`), and a canonical one.
                if line[end..].chars().next().is_some_and(|c| !closes_word(c)) {
                    continue;
                }
                match roman_value(text) {
                    Some(v) => Some(v),
                    None => continue,
                }
            }
        };
        return Some(Numeral {
            range: start..end,
            value,
        });
    }
    None
}

/// What may stand before a word: a space or an opening bracket.
fn opens_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '«' | '"' | '“')
}

/// What may end a word: a space, or punctuation that is not a hyphen or apostrophe (those
/// join words).
fn closes_word(c: char) -> bool {
    c.is_whitespace() || (!c.is_alphanumeric() && !matches!(c, '-' | '\'' | '’' | '‐'))
}

#[derive(Clone, Copy)]
enum NumeralKind {
    Decimal,
    Cjk,
    Ethiopic,
    Roman,
}

impl NumeralKind {
    fn continues(self, c: char) -> bool {
        match self {
            NumeralKind::Decimal => decimal_digit(c).is_some(),
            NumeralKind::Cjk => is_cjk_numeral(c),
            NumeralKind::Ethiopic => ethiopic_digit(c).is_some(),
            NumeralKind::Roman => "IVXLCDM".contains(c),
        }
    }
}

/// Characters of Chinese numerals, `两` ("two" before a counter) included.
pub fn is_cjk_numeral(c: char) -> bool {
    "〇零一二三四五六七八九十百千两兩".contains(c)
}

/// Value of a Chinese numeral: `三` 3, `十二` 12, `二十一` 21, `一百四十三` 143, `一〇五` 105.
pub fn cjk_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 10 {
        return None;
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' | '兩' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    // Positional form without unit characters: `一〇五`.
    if s.chars().all(|c| digit(c).is_some()) && s.chars().count() > 1 {
        return s
            .chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + digit(c)?));
    }
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    for c in s.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                pending = Some(digit(c)?);
                continue;
            }
        };
        total += pending.take().unwrap_or(1) * unit;
    }
    total += pending.unwrap_or(0);
    (total > 0).then_some(total)
}

/// Value of a Roman numeral in canonical form; `None` for `IIII`, `VX` and other non-numerals.
pub fn roman_value(s: &str) -> Option<u32> {
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let chars: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    // Accept only the canonical spelling, so words like `MIX` or `DID` are not numbers.
    let total = recompute(&chars);
    (to_roman(total) == s).then_some(total)
}

fn recompute(values: &[u32]) -> u32 {
    let mut total: i64 = 0;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    total.max(0) as u32
}

/// A number in Roman numerals, in capitals (`1994` → `MCMXCIV`); empty for 0.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(cjk_value("一百四十三"), Some(143));
        assert_eq!(cjk_value("十"), Some(10));
        assert_eq!(cjk_value("一〇五"), Some(105));
    }

    #[test]
    fn roman_values_are_canonical() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("MCMXLVIII"), Some(1948));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("VX"), None);
    }

    #[test]
    fn digits_of_any_script() {
        for (digit, value) in [('7', 7), ('٧', 7), ('۷', 7), ('७', 7), ('৭', 7), ('๗', 7)] {
            assert_eq!(decimal_digit(digit), Some(value), "{digit}");
        }
        assert_eq!(decimal_digit('７'), Some(7));
        assert_eq!(
            decimal_digit('²'),
            None,
            "a superscript is no decimal digit"
        );
        assert_eq!(decimal_digit('x'), None);
    }

    #[test]
    fn ethiopic_numerals() {
        assert_eq!(ethiopic_value("፩"), Some(1));
        assert_eq!(ethiopic_value("፴፪"), Some(32));
        assert_eq!(ethiopic_value("፫፻፳"), Some(320));
        assert_eq!(ethiopic_value("x"), None);
    }

    #[test]
    fn the_first_numeral_of_a_line() {
        fn find(line: &str) -> Option<(&str, Option<u32>)> {
            first_numeral(line).map(|n| (&line[n.range.clone()], n.value))
        }
        assert_eq!(find("Член 12"), Some(("12", Some(12))));
        assert_eq!(find("ধারা ১২"), Some(("১২", Some(12))));
        assert_eq!(find("አንቀጽ፡፲፪፤"), Some(("፲፪", Some(12))));
        assert_eq!(find("Qod XIV"), Some(("XIV", Some(14))));
        assert_eq!(find("In Ireland"), None, "an I inside a word is no numeral");
        assert_eq!(
            find("L-Artiklu 12."),
            Some(("12", Some(12))),
            "nor the L of L-Artiklu"
        );
        assert_eq!(find("Capitolo IV."), Some(("IV", Some(4))));
        assert_eq!(find("Qod IIII"), None, "nor a Roman numeral out of canon");
        assert_eq!(find("第十四條"), Some(("十四", Some(14))));
        assert_eq!(find("Нэгдүгээр зүйл"), None);
    }

    #[test]
    fn other_digits_read_as_ascii() {
        for (other, ascii) in [
            ('３', '3'),
            ('．', '.'),
            ('٥', '5'),
            ('۵', '5'),
            ('৫', '5'),
            ('x', 'x'),
        ] {
            assert_eq!(ascii_form(other), ascii, "{other}");
        }
    }
}

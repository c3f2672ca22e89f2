//! Numerals of every script accord reads: Chinese numerals, Roman numerals, and digits
//! written full-width or in Arabic-Indic forms.

/// Full-width ASCII and Arabic-Indic (and Persian) digits read as their ASCII counterparts, so
/// `３５．` and `١٢` read like `35.` and `12`. For recognising labels and numbers only: the text
/// shown keeps the original characters.
pub fn ascii_form(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + '0' as u32).unwrap_or(c),
        '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap_or(c),
        _ => c,
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

fn to_roman(mut n: u32) -> String {
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
    fn other_digits_read_as_ascii() {
        for (other, ascii) in [('３', '3'), ('．', '.'), ('٥', '5'), ('۵', '5'), ('x', 'x')] {
            assert_eq!(ascii_form(other), ascii, "{other}");
        }
    }
}

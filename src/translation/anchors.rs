//! Content that survives translation: numbers (in any digits, and Chinese numerals), dates
//! in the forms languages write them, and Latin-script tokens such as acronyms, names and
//! document symbols (`UNSCR 2231`, `OBOR`, `A/RES/75/1`) inside text of another script.

use std::collections::BTreeMap;

use crate::text::numerals::{ascii_form, cjk_value, is_cjk_numeral};

/// Month names and their numbers, in the languages accord ships texts in (genitive forms
/// for Russian, as dates use them).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
];

/// What a text says in numbers: each number once per occurrence, with a month name or a
/// Chinese date turned into its number so `17 September 2021`, `17 сентября 2021 г.` and
/// `2021年9月17日` all say {17, 9, 2021}.
pub fn numbers(text: &str) -> BTreeMap<u64, usize> {
    let mut out: BTreeMap<u64, usize> = BTreeMap::new();
    scan_numbers(text, |n, _| *out.entry(n).or_default() += 1);
    out
}

/// The numbers a text says, each with the words that say it as written (`September` for 9,
/// `一九四八` for 1948), in order: what a finding quotes.
pub fn numbers_as_written(text: &str) -> Vec<(u64, String)> {
    let mut out = Vec::new();
    scan_numbers(text, |n, written| out.push((n, written.iter().collect())));
    out
}

/// Each number of a text, as [`numbers`] reads them, with the characters that write it.
fn scan_numbers(text: &str, mut add: impl FnMut(u64, &[char])) {
    let chars: Vec<char> = text.chars().collect();
    // A month name counts only beside a number: text without a digit says no number at all.
    if !chars
        .iter()
        .any(|&c| ascii_form(c).is_ascii_digit() || is_cjk_digit(c))
    {
        return;
    }
    let mut i = 0;
    while i < chars.len() {
        let c = ascii_form(chars[i]);
        // Digits joined to a word by a hyphen (`COVID-19`, `G-20`) are part of a name, which
        // a translation may render without them; digits written straight after a letter of a
        // cased script (`Verfassung1`, `Art. 5a2`, `CO2`) are a footnote mark or part of a
        // name, numbered by each edition its own way. Scripts without case (`第217号`) write
        // their numbers against their words.
        let cased = |c: char| c.is_lowercase() || c.is_uppercase();
        let in_name = (i >= 2 && chars[i - 1] == '-' && chars[i - 2].is_alphabetic())
            || (i >= 1 && cased(chars[i - 1]));
        if c.is_ascii_digit() && in_name {
            while i < chars.len() && ascii_form(chars[i]).is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        if c.is_ascii_digit() {
            let start = i;
            let mut value: u64 = 0;
            while i < chars.len() && ascii_form(chars[i]).is_ascii_digit() {
                value = value
                    .saturating_mul(10)
                    .saturating_add(u64::from(ascii_form(chars[i]) as u8 - b'0'));
                i += 1;
            }
            add(value, &chars[start..i]);
            continue;
        }
        if is_cjk_digit(chars[i]) {
            let start = i;
            while i < chars.len() && is_cjk_digit(chars[i]) {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            // Numbers spelled out are left out of the check in every script, as `twentieth`
            // and `vingt` are: Chinese numerals count where they write a date (`一九四八年
            // 十二月十日`), not in prose (`二十周年`).
            if matches!(chars.get(i), Some('年' | '月' | '日' | '号'))
                && let Some(v) = cjk_value(&run)
            {
                add(u64::from(v), &chars[start..i]);
            }
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            // Chinese numerals are letters too; they end a word so `大会一九四八年` yields 1948.
            while i < chars.len() && chars[i].is_alphabetic() && !is_cjk_digit(chars[i]) {
                i += 1;
            }
            let month = || -> Option<u32> {
                let word: String = chars[start..i]
                    .iter()
                    .flat_map(|c| c.to_lowercase())
                    .collect();
                MONTHS.iter().find(|(name, _)| *name == word).map(|m| m.1)
            };
            let dated = number_near(&chars[..start], true) || number_near(&chars[i..], false);
            if dated && let Some(month) = month() {
                add(u64::from(month), &chars[start..i]);
            }
            continue;
        }
        i += 1;
    }
}

/// Whether a number stands next to a month name, across spaces, commas and at most one short
/// connecting word (`10 de diciembre de 1948`, `le 10 décembre`): then the month is a date's.
fn number_near(side: &[char], backwards: bool) -> bool {
    if backwards {
        number_first(side.iter().rev().copied())
    } else {
        number_first(side.iter().copied())
    }
}

/// Whether the first word of `chars`, or the second after a word of at most three letters,
/// is a number. Looking backwards the words come reversed: a word's first character is
/// then its last.
fn number_first(mut chars: impl Iterator<Item = char>) -> bool {
    for step in 0..2 {
        let (mut first, mut length, mut letters_only) = (None, 0, true);
        for c in chars.by_ref() {
            if c.is_whitespace() || c == ',' {
                if first.is_some() {
                    break;
                }
                continue;
            }
            first = first.or(Some(c));
            length += 1;
            letters_only &= c.is_alphabetic();
        }
        let Some(first) = first else {
            return false;
        };
        if ascii_form(first).is_ascii_digit() {
            return true;
        }
        if !(step == 0 && length <= 3 && letters_only) {
            return false;
        }
    }
    false
}

/// A character of a written Chinese number; `两` is left out, as in prose it is "both" or
/// "two of" (`两国`) far more often than part of a number worth checking.
fn is_cjk_digit(c: char) -> bool {
    is_cjk_numeral(c) && !matches!(c, '两' | '兩')
}

/// Latin-script tokens that a translation into another script keeps as they are: acronyms
/// (`SCO`, `OBOR`, `UNSCR`) and document symbols (`A/RES/75/1`). Lowercase words are left
/// out; they are translated.
pub fn latin_tokens(text: &str) -> Vec<String> {
    text.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '«' | '»' | '“' | '”' | '"')
    })
    .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
    .filter(|t| {
        let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_ascii_uppercase())
            && (t.contains('/') || letters.len() >= 2)
    })
    .map(str::to_string)
    .collect()
}

/// How far two bags of numbers agree: shared count over the larger bag; 1 when both are empty.
pub fn overlap(a: &BTreeMap<u64, usize>, b: &BTreeMap<u64, usize>) -> f64 {
    let total_a: usize = a.values().sum();
    let total_b: usize = b.values().sum();
    if total_a == 0 && total_b == 0 {
        return 1.0;
    }
    let shared: usize = a
        .iter()
        .map(|(k, n)| (*n).min(b.get(k).copied().unwrap_or(0)))
        .sum();
    shared as f64 / total_a.max(total_b) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(text: &str) -> Vec<u64> {
        numbers(text).keys().copied().collect()
    }

    #[test]
    fn dates_agree_across_languages() {
        let en = set("adopted on 17 September 2021 in Dushanbe");
        assert_eq!(en, vec![9, 17, 2021]);
        assert_eq!(set("принята 17 сентября 2021 г. в Душанбе"), en);
        assert_eq!(set("2021年9月17日在杜尚别通过"), en);
        assert_eq!(set("联合国大会一九四八年十二月十日"), vec![10, 12, 1948]);
        assert_eq!(set("в 2022–2024 гг."), set("for 2022-2024"));
    }

    #[test]
    fn full_width_and_arabic_indic_digits() {
        assert_eq!(set("第２１７号"), vec![217]);
        assert_eq!(set("القرار ٢١٧"), vec![217]);
    }

    #[test]
    fn dates_with_connecting_words() {
        assert_eq!(
            set("resolución 217 A (III), de 10 de diciembre de 1948"),
            vec![10, 12, 217, 1948]
        );
        assert_eq!(set("le 10 décembre 1948"), vec![10, 12, 1948]);
    }

    #[test]
    fn month_names_count_only_in_dates() {
        assert_eq!(set("in March"), Vec::<u64>::new());
        assert_eq!(set("it may be so"), Vec::<u64>::new());
    }

    #[test]
    fn latin_tokens_in_other_scripts() {
        assert_eq!(
            latin_tokens("в соответствии с резолюцией СБ ООН 2231 (UNSCR) и A/RES/75/1"),
            vec!["UNSCR", "A/RES/75/1"]
        );
    }
}

//! Labels of letters and of other scripts: `IV.`, `(a)`, `b)`, `(iv)`, `C.`, and Chinese
//! `第一条`, `一、`, `（一）`, `㈠`, `①`.

use super::{Cursor, Label, Style, finish};
use crate::text::numerals::{cjk_value, is_cjk_numeral, roman_value};

/// Roman numerals and letters, with the punctuation that makes them labels.
pub(super) fn parse_letter_or_roman(line: &str) -> Option<Label> {
    let mut c = Cursor { text: line, pos: 0 };
    let paren = c.eat('(');
    let word = c.take_while(|ch| ch.is_ascii_alphabetic());
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let closed_paren = c.eat(')');
    if paren && !closed_paren {
        return None;
    }
    let dot = !closed_paren && c.eat('.');
    if !c.at_space_or_end() {
        return None;
    }
    let alone = line[c.pos..].trim().is_empty();
    let terminated = closed_paren || dot;
    let upper = word.chars().all(|ch| ch.is_ascii_uppercase());
    let lower = word.chars().all(|ch| ch.is_ascii_lowercase());

    if upper && (terminated || alone) {
        if let Some(value) = roman_value(&word) {
            // `C.`, `D.` are more often letters of a list than 100 and 500.
            if word.len() > 1 || "IVX".contains(&word) {
                return Some(finish(line, c.pos, value.to_string(), Style::Roman, false));
            }
        }
        if word.len() == 1 && terminated {
            return Some(finish(
                line,
                c.pos,
                word.to_lowercase(),
                Style::UpperLetter,
                false,
            ));
        }
        return None;
    }
    // Lowercase labels need a parenthesis: `a.` at a line start is too often prose.
    if lower && closed_paren {
        if word.len() > 1 || word == "i" || word == "v" || word == "x" {
            if word.chars().all(|ch| "ivx".contains(ch)) {
                let value = roman_value(&word.to_uppercase())?;
                return Some(finish(
                    line,
                    c.pos,
                    value.to_string(),
                    Style::LowerRoman,
                    false,
                ));
            }
            if word.len() > 1 {
                return None;
            }
        }
        return Some(finish(line, c.pos, word, Style::LowerLetter, false));
    }
    None
}

/// Enclosed numerals and Chinese ordinal, enumeration and parenthesised labels.
pub(super) fn parse_cjk(line: &str) -> Option<Label> {
    let mut c = Cursor { text: line, pos: 0 };
    let first = c.peek_raw()?;
    // Enclosed forms carry their number in the code point.
    let circled = match first {
        '\u{3220}'..='\u{3229}' => Some(first as u32 - 0x3220 + 1),
        '\u{2460}'..='\u{2473}' => Some(first as u32 - 0x2460 + 1),
        '\u{2474}'..='\u{2487}' => Some(first as u32 - 0x2474 + 1),
        '\u{2488}'..='\u{249B}' => Some(first as u32 - 0x2488 + 1),
        _ => None,
    };
    if let Some(n) = circled {
        c.bump();
        return Some(finish(line, c.pos, n.to_string(), Style::Circled, false));
    }
    if first == '第' {
        c.bump();
        let numeral = c.take_while(|ch| is_cjk_numeral(ch) || ch.is_ascii_digit());
        let value = cjk_or_ascii_value(&numeral)?;
        let counter = c
            .peek()
            .filter(|ch| "条條章节節款编編部篇项項回卷".contains(*ch))?;
        c.bump();
        return Some(finish(
            line,
            c.pos,
            value.to_string(),
            Style::CjkOrdinal(counter),
            false,
        ));
    }
    if c.eat('(') {
        let numeral = c.take_while(is_cjk_numeral);
        let value = cjk_value(&numeral)?;
        if !c.eat(')') {
            return None;
        }
        return Some(finish(
            line,
            c.pos,
            value.to_string(),
            Style::CjkParen,
            false,
        ));
    }
    let numeral = c.take_while(is_cjk_numeral);
    // `一、`, or a numeral alone on its line (`一` above an article's text), which numbers
    // what follows it as a bare `I` does.
    if !numeral.is_empty() && (line[c.pos..].trim().is_empty() || c.eat('、')) {
        let value = cjk_value(&numeral)?;
        return Some(finish(
            line,
            c.pos,
            value.to_string(),
            Style::CjkEnumeration,
            false,
        ));
    }
    None
}

fn cjk_or_ascii_value(s: &str) -> Option<u32> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    cjk_value(s)
}

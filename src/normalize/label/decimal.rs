//! Decimal labels: `35.`, `35)`, `(35)`, `3.2.`, `4.1`, `4c.`, `1、`, a bare `12` alone on its
//! line, and the same in full-width digits.

use super::{Cursor, Label, Style, continues_sentence, finish, trim_zeros};

/// A decimal label at the start of `line`.
pub(super) fn parse(line: &str) -> Option<Label> {
    plain(line).or_else(|| {
        let mut c = Cursor { text: line, pos: 0 };
        let paren = c.eat('(');
        let number = number(&mut c)?;
        terminated(line, c, paren, number)
    })
}

/// The commonest label by far, `12.` before a space, read without the general machinery.
fn plain(line: &str) -> Option<Label> {
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let plain = (1..=7).contains(&digits)
        && bytes.get(digits) == Some(&b'.')
        && bytes.get(digits + 1).is_none_or(|&b| b == b' ');
    plain.then(|| {
        let number = trim_zeros(&line[..digits]);
        finish(line, digits + 1, number, Style::Decimal { depth: 1 }, true)
    })
}

/// The number of a decimal label as read so far.
struct Number {
    /// `3.2`, `4c`.
    text: String,
    /// Parts of a dotted number.
    depth: u8,
    /// A letter follows the digits (`4c`).
    lettered: bool,
    /// The number ended with a dot (`3.2.`).
    trailing_dot: bool,
}

/// Digits, then a lowercase letter (`4c`) or dotted parts (`3.2`, `3.2.`).
fn number(c: &mut Cursor<'_>) -> Option<Number> {
    let first = c.take_while(|ch| ch.is_ascii_digit());
    if first.is_empty() || first.len() > 7 {
        return None;
    }
    let mut parts = vec![trim_zeros(&first)];
    let mut suffix = String::new();
    suffix.extend(c.letter_suffix());
    let mut trailing_dot = false;
    if suffix.is_empty() {
        loop {
            let save = c.pos;
            if !c.eat('.') {
                break;
            }
            let part = c.take_while(|ch| ch.is_ascii_digit());
            if part.is_empty() {
                trailing_dot = true;
                break;
            }
            if part.len() > 4 {
                c.pos = save;
                break;
            }
            parts.push(trim_zeros(&part));
        }
    }
    let mut text = parts.join(".");
    text.push_str(&suffix);
    Some(Number {
        text,
        depth: parts.len() as u8,
        lettered: !suffix.is_empty(),
        trailing_dot,
    })
}

/// The label, by what closes the number: `)` after an opening `(`, a dot, `)`, `、`, or
/// nothing where the rest reads as a title or the number stands alone.
fn terminated(line: &str, mut c: Cursor<'_>, paren: bool, n: Number) -> Option<Label> {
    let Number {
        text: number,
        depth,
        lettered,
        mut trailing_dot,
    } = n;
    if paren {
        // `(4)(weggefallen)`, `(a)(1)`: a parenthesis straight after still leaves `(4)` a
        // label, as a space would.
        if trailing_dot || !c.eat(')') || !(c.at_space_or_end() || c.peek_raw() == Some('(')) {
            return None;
        }
        return Some(finish(line, c.pos, number, Style::Paren, false));
    }
    if !trailing_dot && lettered && c.eat('.') {
        trailing_dot = true;
    }
    if trailing_dot {
        if !c.at_space_or_end() {
            return None;
        }
        return Some(finish(line, c.pos, number, Style::Decimal { depth }, true));
    }
    if c.eat(')') {
        if !c.at_space_or_end() {
            return None;
        }
        return Some(finish(line, c.pos, number, Style::CloseParen, false));
    }
    if c.eat('、') {
        return Some(finish(line, c.pos, number, Style::CjkEnumeration, false));
    }
    // No terminator: `4.1 Title` is a label, a bare `12` only when alone on its line.
    if !c.at_space_or_end() {
        return None;
    }
    let alone = line[c.pos..].trim().is_empty();
    if alone || (depth > 1 && !continues_sentence(line, c.pos)) {
        return Some(finish(line, c.pos, number, Style::Decimal { depth }, false));
    }
    None
}

//! A numbered paragraph run into the previous one (`peoples.165. In making`): found after a
//! sentence end by the number that should come next, reported, and split off when repairing.

use super::Options;
use super::label::{self, Label, Style, ordinal};
use super::segment::{Piece, Pieces, Unit};
use crate::model::{Finding, FindingKind, Repair, RepairKind};

/// Split paragraphs that carry the next numbered paragraph inside them; each run-in found
/// is a finding, and with repairs on, a repair.
pub(super) fn split_run_ins<'a>(
    units: Vec<Unit<'a>>,
    options: &Options,
    findings: &mut Vec<Finding>,
    repairs: &mut Vec<Repair>,
) -> Vec<Unit<'a>> {
    let following = following_numbers(&units);
    let mut out = Vec::with_capacity(units.len());
    for (unit, next) in units.into_iter().zip(following) {
        match next {
            Some(next) => split_unit(unit, next, options, findings, repairs, &mut out),
            None => out.push(unit),
        }
    }
    out
}

/// A unit's numbering label; Markdown headings have none that can run in.
fn label_of(unit: &Unit<'_>) -> Option<Label> {
    match unit.markdown_level {
        Some(_) => None,
        None => label::parse(unit.pieces[0].text.trim()),
    }
}

/// For each unit numbered by a label with a number: the number of the next label of the
/// same style after it, if any (`Some(None)` when none follows); `None` for other units.
/// One backward pass: a forward search from every unit would be quadratic in a document
/// whose styles do not alternate.
fn following_numbers(units: &[Unit<'_>]) -> Vec<Option<Option<u32>>> {
    // Each unit's label style and number, kept small: a document has as many as it has
    // blocks, and the labels themselves are read again only where a run-in is possible.
    let shapes: Vec<Option<(Style, Option<u32>)>> = units
        .iter()
        .map(|u| label_of(u).map(|l| (l.style, ordinal(&l.number).map(|(n, _)| n))))
        .collect();
    let mut next_of_style: Vec<Option<Option<u32>>> = vec![None; shapes.len()];
    let mut following: Vec<(&Style, Option<u32>)> = Vec::new();
    for (i, shape) in shapes.iter().enumerate().rev() {
        let Some((style, number)) = shape else {
            continue;
        };
        let slot = match following.iter().position(|(s, _)| *s == style) {
            Some(k) => k,
            None => {
                following.push((style, None));
                following.len() - 1
            }
        };
        if number.is_some() {
            next_of_style[i] = Some(following[slot].1);
        }
        following[slot].1 = *number;
    }
    next_of_style
}

/// Split one unit at every run-in found in it, `next` being the number of the next
/// paragraph of its style.
fn split_unit<'a>(
    unit: Unit<'a>,
    next: Option<u32>,
    options: &Options,
    findings: &mut Vec<Finding>,
    repairs: &mut Vec<Repair>,
    out: &mut Vec<Unit<'a>>,
) {
    let Some(label) = label_of(&unit) else {
        out.push(unit);
        return;
    };
    let Some((mut current, _)) = ordinal(&label.number) else {
        out.push(unit);
        return;
    };
    let mut unit = unit;
    loop {
        let Some((piece_index, offset)) = locate_run_in(&unit, &label, current, next) else {
            out.push(unit);
            return;
        };
        let piece = unit.pieces[piece_index];
        let (head, tail) = piece.text.split_at(offset);
        let run_in_number = label::parse(tail.trim_start())
            .map(|l| l.number)
            .unwrap_or_default();
        findings.push(Finding {
            kind: FindingKind::RunIn,
            line: piece.line,
            message: format!(
                "paragraph {run_in_number} is run into the end of paragraph {}",
                label.number
            ),
        });
        if !options.repair {
            out.push(unit);
            return;
        }
        repairs.push(repair(piece.line, head, tail));
        let mut first: Pieces<'a> = unit.pieces[..piece_index].iter().copied().collect();
        first.push(Piece {
            line: piece.line,
            text: head,
        });
        let mut second: Pieces<'a> = smallvec::smallvec![Piece {
            line: piece.line,
            text: tail.trim_start(),
        }];
        second.extend_from_slice(&unit.pieces[piece_index + 1..]);
        out.push(Unit {
            pieces: first,
            markdown_level: None,
        });
        unit = Unit {
            pieces: second,
            markdown_level: None,
        };
        current = ordinal(&run_in_number).map_or(current + 1, |(n, _)| n);
    }
}

/// The repair of a run-in split between `head` and `tail`, shown by the word before and the
/// two after.
fn repair(line: usize, head: &str, tail: &str) -> Repair {
    let before = head.split_whitespace().last().unwrap_or("");
    let mut tail_words = tail.split_whitespace();
    let after = format!(
        "{} {}",
        tail_words.next().unwrap_or(""),
        tail_words.next().unwrap_or("")
    );
    let after = after.trim_end();
    Repair {
        kind: RepairKind::RunIn,
        line,
        before: format!("{before}{after}"),
        after: format!("{before}\n{after}"),
    }
}

/// The piece and byte offset where a run-in starts, past the unit's own label.
fn locate_run_in(
    unit: &Unit<'_>,
    label: &Label,
    current: u32,
    next: Option<u32>,
) -> Option<(usize, usize)> {
    unit.pieces.iter().enumerate().find_map(|(i, piece)| {
        // Skip the unit's own label, which sits at the start of its first piece.
        let skip = if i == 0 {
            piece.text.len() - piece.text.trim_start().len() + label.len
        } else {
            0
        };
        let text = piece.text.get(skip..)?;
        find_run_in(text, &label.style, current, next).map(|at| (i, skip + at))
    })
}

/// Whether `bytes` hold `<end>[ ](<digits>.` or `<end>[ ](<digits>)` followed by a space,
/// `<end>` being the last byte of a sentence end or closing quote.
fn maybe_run_in(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'.', b')', bytes).any(|close| {
        if bytes.get(close + 1) != Some(&b' ') {
            return false;
        }
        let digits_start = bytes[..close]
            .iter()
            .rposition(|b| !b.is_ascii_digit())
            .map_or(0, |k| k + 1);
        if digits_start == close || digits_start == 0 {
            return false;
        }
        let mut before = digits_start - 1;
        if bytes[before] == b'(' {
            if before == 0 {
                return false;
            }
            before -= 1;
        }
        if bytes[before] == b' ' {
            if before == 0 {
                return false;
            }
            before -= 1;
        }
        // `.!?;"` and the last bytes of `”` (E2 80 9D) and `»` (C2 BB).
        matches!(
            bytes[before],
            b'.' | b'!' | b'?' | b';' | b'"' | 0x9D | 0xBB
        )
    })
}

/// Where a numbered paragraph starts inside the text of the previous one:
/// `…peoples.165. In making` for a paragraph numbered `current`, with `next` the number of
/// the following paragraph of the same style, if any. Returns the byte offset of the label.
///
/// Without a space after the sentence end the run-in number may skip a little (a missing
/// paragraph is a common companion of this damage); with a space, only the very next
/// number counts, because `… in 2001. 164. The` is too easily a cross-reference.
fn find_run_in(text: &str, style: &Style, current: u32, next: Option<u32>) -> Option<usize> {
    // A run-in label is digits closed by `.` or `)` and followed by a space, right after
    // a sentence end (or one space after it): a byte scan over the closing characters
    // rules out nearly every paragraph before the character-by-character pass.
    if !maybe_run_in(text.as_bytes()) {
        return None;
    }
    let (open, close) = match style {
        Style::Decimal { depth: 1 } => (None, '.'),
        Style::CloseParen => (None, ')'),
        Style::Paren => (Some('('), ')'),
        _ => return None,
    };
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?' | ';' | '"' | '”' | '»') {
            continue;
        }
        let mut pos = i + c.len_utf8();
        let spaced = bytes.get(pos) == Some(&b' ');
        if spaced {
            pos += 1;
        }
        let start = pos;
        if let Some(open) = open {
            if !text[pos..].starts_with(open) {
                continue;
            }
            pos += open.len_utf8();
        }
        let digits = text[pos..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 7 {
            continue;
        }
        let Ok(value) = text[pos..pos + digits].parse::<u32>() else {
            continue;
        };
        pos += digits;
        if !text[pos..].starts_with(close) {
            continue;
        }
        pos += close.len_utf8();
        let mut rest = text[pos..].chars();
        if rest.next() != Some(' ') || !rest.next().is_some_and(|ch| ch.is_uppercase()) {
            continue;
        }
        let in_order = value > current && next.is_none_or(|n| value < n);
        let close_enough = if spaced {
            value == current + 1
        } else {
            value <= current + 3
        };
        if in_order && close_enough {
            return Some(start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_in_paragraph() {
        let t = "friendship between their peoples.165. In making this Declaration";
        let at = find_run_in(t, &Style::Decimal { depth: 1 }, 163, None).unwrap();
        assert_eq!(&t[at..at + 4], "165.");
        assert_eq!(
            find_run_in(t, &Style::Decimal { depth: 1 }, 163, Some(164)),
            None
        );
        assert_eq!(
            find_run_in(
                "adopted in 2001. 2002. The",
                &Style::Decimal { depth: 1 },
                5,
                None
            ),
            None
        );
        assert_eq!(
            find_run_in("ends. 6. Next", &Style::Decimal { depth: 1 }, 5, None),
            Some(6)
        );
        assert_eq!(
            find_run_in("ends.(3) Next", &Style::Paren, 2, None),
            Some(5)
        );
    }
}

//! Where the paragraphs of a split or merged entry meet. Its word diff runs over the
//! paragraphs of each side read as one text, so the words alone do not show where the new
//! paragraph begins (a split) or where the old one did (a merge). Every human format puts
//! a visible seam there, from these pieces.

use std::borrow::Cow;

use crate::diff::{Entry, Kind, Op, Word};
use crate::model::Block;

/// Which version a seam belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Between two old paragraphs (a merge).
    Old,
    /// Between two new paragraphs (a split).
    New,
}

/// A word of the diff, or the place where a paragraph of one side begins.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    /// Words as the diff has them, cut at a seam where one straddles it.
    Word(Cow<'a, Word>),
    /// A paragraph begins here.
    Seam {
        /// The version whose paragraph it is.
        side: Side,
        /// The paragraph's label: `¶ 61`, or `¶` when it is unnumbered.
        label: String,
    },
}

/// How a seam reads in text: `‖¶ 61‖` where a new paragraph begins, `‖was ¶ 61‖` where an
/// old one began.
pub fn seam_text(side: Side, label: &str) -> String {
    match side {
        Side::New => format!("‖{label}‖"),
        Side::Old => format!("‖was {label}‖"),
    }
}

/// The entry's words with seams between the paragraphs of a split's new side and of a
/// merge's old side; `None` when the entry has no word diff.
pub fn pieces(e: &Entry) -> Option<Vec<Piece<'_>>> {
    let words = e.words.as_deref()?;
    let old_seams = if e.kind == Kind::Merged {
        starts(&e.old)
    } else {
        Vec::new()
    };
    let new_seams = if e.kind == Kind::Split {
        starts(&e.new)
    } else {
        Vec::new()
    };
    let mut out = Vec::with_capacity(words.len() + old_seams.len() + new_seams.len());
    let (mut old_at, mut new_at) = (0usize, 0usize);
    let (mut old_next, mut new_next) = (old_seams.iter().peekable(), new_seams.iter().peekable());
    for word in words {
        let (on_old, on_new) = match word.op {
            Op::Equal => (true, true),
            Op::Delete => (true, false),
            Op::Insert => (false, true),
        };
        emit_seams(&mut out, on_old.then_some(old_at), &mut old_next, Side::Old);
        emit_seams(&mut out, on_new.then_some(new_at), &mut new_next, Side::New);
        // Seams inside the word cut it there, as many as it holds (never an equal word
        // spelt otherwise in the old version, whose lengths differ).
        let mut rest = word.text.as_str();
        let (mut old_rest, mut new_rest) = (old_at, new_at);
        while word.old.is_none() {
            let inside = |at: usize, seam: Option<&&(usize, String)>| {
                seam.map(|(offset, _)| *offset)
                    .filter(|&offset| offset > at && offset < at + rest.len())
                    .map(|offset| offset - at)
                    .filter(|&cut| rest.is_char_boundary(cut))
            };
            let new_cut = on_new.then(|| inside(new_rest, new_next.peek())).flatten();
            let old_cut = on_old.then(|| inside(old_rest, old_next.peek())).flatten();
            let (side, cut) = match (new_cut, old_cut) {
                (Some(n), Some(o)) if o < n => (Side::Old, o),
                (Some(n), _) => (Side::New, n),
                (None, Some(o)) => (Side::Old, o),
                (None, None) => break,
            };
            let seams = match side {
                Side::Old => &mut old_next,
                Side::New => &mut new_next,
            };
            let (_, label) = seams.next().expect("a seam was found");
            let (head, tail) = rest.split_at(cut);
            out.push(Piece::Word(Cow::Owned(Word {
                op: word.op,
                text: head.to_string(),
                old: None,
            })));
            out.push(Piece::Seam {
                side,
                label: label.clone(),
            });
            rest = tail;
            old_rest += usize::from(on_old) * cut;
            new_rest += usize::from(on_new) * cut;
        }
        out.push(Piece::Word(if rest.len() == word.text.len() {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(Word {
                op: word.op,
                text: rest.to_string(),
                old: None,
            })
        }));
        if on_old {
            old_at += word.old.as_deref().unwrap_or(&word.text).len();
        }
        if on_new {
            new_at += word.text.len();
        }
    }
    Some(out)
}

/// Seams that stand at `at` (or were passed by): the paragraph begins before this word.
fn emit_seams<'a>(
    out: &mut Vec<Piece<'_>>,
    at: Option<usize>,
    seams: &mut std::iter::Peekable<std::slice::Iter<'a, (usize, String)>>,
    side: Side,
) {
    let Some(at) = at else { return };
    while let Some((_, label)) = seams.next_if(|(offset, _)| *offset <= at) {
        out.push(Piece::Seam {
            side,
            label: label.clone(),
        });
    }
}

/// Where each paragraph after the first begins in the side's text as the word diff reads
/// it (the paragraphs joined by one space), with its label.
fn starts(blocks: &[Block]) -> Vec<(usize, String)> {
    let mut at = 0;
    let mut out = Vec::new();
    for (k, block) in blocks.iter().enumerate() {
        if k > 0 {
            let label = match block.label.trim() {
                "" => "¶".to_string(),
                label => format!("¶ {}", label.trim_end_matches('.')),
            };
            out.push((at, label));
        }
        at += block.text.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff;
    use crate::normalize;

    fn compare(old: &str, new: &str) -> diff::Comparison {
        let version = |label: &str, text: &str| {
            let source = crate::source::Source {
                label: label.into(),
                text: text.into(),
                ..Default::default()
            };
            normalize::version(source, &normalize::Options::default())
        };
        diff::compare(
            version("old", old),
            version("new", new),
            &diff::Options::default(),
        )
    }

    fn shown(pieces: &[Piece<'_>]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Word(w) => match w.op {
                    Op::Equal => w.text.to_string(),
                    Op::Delete => format!("[-{}-]", w.text),
                    Op::Insert => format!("{{+{}+}}", w.text),
                },
                Piece::Seam { side, label } => format!("|{side:?} {label}|"),
            })
            .collect()
    }

    #[test]
    fn a_split_shows_where_the_new_paragraph_begins() {
        let c = compare(
            "1. One text. It goes on here.\n\n2. Two.\n",
            "1. One text.\n\n2. It goes on here.\n\n3. Two.\n",
        );
        let split = c.entries.iter().find(|e| e.kind == Kind::Split).unwrap();
        assert_eq!(
            shown(&pieces(split).unwrap()),
            "One text. |New ¶ 2|It goes on here."
        );
    }

    #[test]
    fn a_split_in_three_shows_both_seams() {
        let c = compare(
            "1. One. Two. Three.\n\n2. Four.\n",
            "1. One.\n\n2. Two.\n\n3. Three.\n\n4. Four.\n",
        );
        let split = c.entries.iter().find(|e| e.kind == Kind::Split).unwrap();
        assert_eq!(
            shown(&pieces(split).unwrap()),
            "One. |New ¶ 2|Two. |New ¶ 3|Three."
        );
    }

    #[test]
    fn a_merge_shows_where_the_old_paragraph_began() {
        let c = compare(
            "1. One text.\n\n2. It goes on here.\n\n3. Two.\n",
            "1. One text. It goes on here.\n\n2. Two.\n",
        );
        let merged = c.entries.iter().find(|e| e.kind == Kind::Merged).unwrap();
        assert_eq!(
            shown(&pieces(merged).unwrap()),
            "One text. |Old ¶ 2|It goes on here."
        );
    }
}

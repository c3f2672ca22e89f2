//! A comparison's entry in two columns for the terminal, old on the left and new on the
//! right, each wrapped to half the width: deleted words marked on the left, inserted on the
//! right. Where a split's new paragraph begins, its column starts a new line under the
//! paragraph's label, and the other column shows the same place with an inline mark.

use super::diff::marked as mark;
use super::wrap::{visible_columns, wrap};
use super::{Paint, sanitize};
use crate::diff::{Entry, Kind, Op};
use crate::report::seams::{Piece, Side, pieces, seam_text};

/// The entry's lines: both columns side by side, separated by a rule.
pub fn lines(e: &Entry, paint: Paint, width: usize) -> Vec<String> {
    let column = (width.saturating_sub(3) / 2).max(10);
    let left = wrap(&side(e, Side::Old, paint), column);
    let right = wrap(&side(e, Side::New, paint), column);
    let rule = paint.dim(" │ ");
    (0..left.len().max(right.len()))
        .map(|k| {
            let l = left.get(k).map_or("", String::as_str);
            let r = right.get(k).map_or("", String::as_str);
            let pad = " ".repeat(column.saturating_sub(visible_columns(l)));
            format!("{l}{pad}{rule}{r}").trim_end().to_string()
        })
        .collect()
}

/// One column's text: that version's words, its changes marked.
fn side(e: &Entry, which: Side, paint: Paint) -> String {
    let Some(pieces) = pieces(e) else {
        let blocks = match which {
            Side::Old => &e.old,
            Side::New => &e.new,
        };
        let text: Vec<String> = blocks
            .iter()
            .map(|b| sanitize(&b.display_text()).into_owned())
            .collect();
        let text = text.join("\n");
        return match (e.kind, which) {
            _ if blocks.is_empty() => paint.dim("—"),
            (Kind::Added, _) => mark(Op::Insert, &text, paint),
            (Kind::Removed, _) => mark(Op::Delete, &text, paint),
            _ => text,
        };
    };
    let mut out = String::new();
    for piece in &pieces {
        match piece {
            Piece::Seam { side, label } => {
                let marker = paint.warn(&seam_text(*side, label));
                if *side == which {
                    out = out.trim_end().to_string();
                    out.push('\n');
                }
                out.push_str(&marker);
                out.push(' ');
            }
            Piece::Word(w) => {
                let shown = match (w.op, which) {
                    (Op::Delete, Side::New) | (Op::Insert, Side::Old) => continue,
                    (Op::Equal, Side::Old) => w.old.as_deref().unwrap_or(&w.text),
                    _ => &w.text,
                };
                let text = sanitize(shown);
                let core = text.trim_end();
                match w.op {
                    Op::Equal => out.push_str(&text),
                    _ if core.is_empty() => out.push_str(&text),
                    op => {
                        out.push_str(&mark(op, core, paint));
                        out.push_str(&text[core.len()..]);
                    }
                }
            }
        }
    }
    out
}

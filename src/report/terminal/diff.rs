//! The terminal redline of a comparison: a header per entry, words marked `[-deleted-]`
//! and `{+inserted+}` (red struck through and green with colour), unchanged runs counted.

use std::fmt::Write as _;
use std::io;

use super::side_by_side;
use super::wrap::{hanging, wrap};
use super::{Paint, sanitize, versions_header};
use crate::diff::{Comparison, Entry, Kind, Op};
use crate::report::View;
use crate::report::naming::{
    Header, entry_note, header as header_of, profile, scope_lines, summary_line,
};
use crate::report::seams::{Piece, pieces, seam_text};

/// Render the comparison for a terminal.
pub fn render(c: &Comparison, view: &View, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(text(c, view).as_bytes())
}

fn text(c: &Comparison, view: &View) -> String {
    let paint = view.paint;
    let mut out = String::new();
    out.push_str(&versions_header(paint, &c.old.label, &c.new.label));
    out.push_str(&hanging(&paint.dim(&profile(c)), view.width, "", ""));
    // Renumbering alone is shown only on request: it is the noise accord exists to remove,
    // and the summary line still counts it.
    let notable: Vec<bool> = c
        .entries
        .iter()
        .map(|e| e.kind != Kind::Unchanged || e.moved)
        .collect();
    let last = c.entries.len().saturating_sub(1);
    let shown: Vec<bool> = (0..c.entries.len())
        .map(|i| {
            view.all
                || (i.saturating_sub(view.context)..=(i + view.context).min(last))
                    .any(|k| notable[k])
        })
        .collect();
    let mut hidden = (0usize, 0usize);
    let flush = |out: &mut String, hidden: &mut (usize, usize)| {
        if hidden.0 > 0 {
            let renumbered = if hidden.1 > 0 {
                format!(", {} of them renumbered", hidden.1)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "{}",
                paint.dim(&format!("  ⋯ {} unchanged{renumbered}", hidden.0))
            );
        }
        *hidden = (0, 0);
    };
    for (entry, show) in c.entries.iter().zip(shown) {
        if !show {
            hidden.0 += 1;
            hidden.1 += usize::from(entry.renumbered);
            continue;
        }
        flush(&mut out, &mut hidden);
        out.push('\n');
        out.push_str(&hanging(&header(c, entry, paint), view.width, "", "    "));
        if view.side_by_side && (entry.kind != Kind::Unchanged || entry.moved) {
            for line in side_by_side::lines(entry, paint, view.width.max(40)) {
                let _ = writeln!(out, "{line}");
            }
            continue;
        }
        let body = body(c, entry, paint);
        for line in wrap(&body, view.width.saturating_sub(2).max(20)) {
            let _ = writeln!(out, "  {line}");
        }
    }
    flush(&mut out, &mut hidden);
    out.push('\n');
    out.push_str(&hanging(
        &paint.heading(&summary_line(c)),
        view.width,
        "",
        "",
    ));
    scope(&mut out, c, view);
    out
}

/// With `--allow`: whether the changes keep within it, and those that do not.
fn scope(out: &mut String, c: &Comparison, view: &View) {
    let Some((title, outside)) = scope_lines(c) else {
        return;
    };
    let title = if outside.is_empty() {
        view.paint.dim(&title)
    } else {
        view.paint.warn(&title)
    };
    out.push_str(&hanging(&title, view.width, "", ""));
    for line in outside {
        out.push_str(&hanging(&sanitize(&line), view.width, "  ", "    "));
    }
}

fn header(c: &Comparison, e: &Entry, paint: Paint) -> String {
    let Header { title: h, what } = header_of(c, e);
    let line = format!("{} — {}", sanitize(&h), what);
    match e.kind {
        Kind::Added => paint.new_side(&line),
        Kind::Removed => paint.old_side(&line),
        Kind::Unchanged if !e.moved && !e.renumbered => paint.dim(&line),
        _ => paint.heading(&line),
    }
}

/// The entry's text with changes marked: colour when on, and always the wdiff-style
/// markers `[-deleted-]` / `{+inserted+}` so the change survives without colour.
fn body(c: &Comparison, e: &Entry, paint: Paint) -> String {
    let ignore_punctuation = c.options.ignore_punctuation;
    if let Some(pieces) = pieces(e) {
        let mut out = String::new();
        for piece in &pieces {
            let w = match piece {
                Piece::Word(w) => w,
                Piece::Seam { side, label } => {
                    out.push_str(&paint.warn(&seam_text(*side, label)));
                    out.push(' ');
                    continue;
                }
            };
            let text = sanitize(&w.text);
            let core = text.trim_end();
            let space = &text[core.len()..];
            // Whitespace alone is never a change worth marking, nor is punctuation when
            // punctuation is ignored.
            let ignored =
                core.is_empty() || (ignore_punctuation && !core.chars().any(char::is_alphanumeric));
            if ignored {
                // The new text, unmarked: what the reader of the final version sees.
                if w.op != Op::Delete {
                    out.push_str(&text);
                }
                continue;
            }
            match w.op {
                Op::Equal => out.push_str(&text),
                Op::Delete | Op::Insert => {
                    out.push_str(&marked(w.op, core, paint));
                    out.push_str(space);
                }
            }
        }
        if let Some(note) = entry_note(c, e) {
            let _ = write!(out, " {}", paint.warn(&format!("({})", sanitize(&note))));
        }
        return out;
    }
    let blocks = if e.new.is_empty() { &e.old } else { &e.new };
    let text: String = blocks
        .iter()
        .map(|b| sanitize(&b.display_text()).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    match e.kind {
        Kind::Added if !paint.color => format!("{{+{text}+}}"),
        Kind::Removed if !paint.color => format!("[-{text}-]"),
        Kind::Added => paint.inserted(&text),
        Kind::Removed => paint.deleted(&text),
        _ => text,
    }
}

/// Deleted or inserted words: coloured when colour is on, else between wdiff's markers.
pub(super) fn marked(op: Op, core: &str, paint: Paint) -> String {
    match (op, paint.color) {
        (Op::Delete, true) => paint.deleted(core),
        (Op::Delete, false) => format!("[-{core}-]"),
        (_, true) => paint.inserted(core),
        (_, false) => format!("{{+{core}+}}"),
    }
}

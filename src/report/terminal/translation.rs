//! `accord align` for people: each row with the text of every version, and its findings.

use std::fmt::Write as _;
use std::io;

use super::sanitize;
use super::wrap::hanging;
use crate::report::View;
use crate::report::naming::{blocks_text, matched};
use crate::text::truncate_words;
use crate::translation::{Alignment, Row};

/// Render the alignment as a table for a terminal: each row with its blocks and findings.
pub fn render(a: &Alignment, view: &View, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(text(a, view).as_bytes())
}

/// Whether a row is shown in `view`: every row, those with findings, or the pairs below the
/// review threshold.
fn shown(p: &Row, view: &View) -> bool {
    if view.only_findings && p.findings.is_empty() {
        return false;
    }
    view.review_below
        .is_none_or(|percent| p.matched_by.is_some() && p.confidence < f64::from(percent) / 100.0)
}

fn text(a: &Alignment, view: &View) -> String {
    let (paint, width) = (view.paint, view.width);
    let mut out = String::new();
    for (d, doc) in a.documents.iter().enumerate() {
        let line = format!(
            "{} {} ({}, {} blocks)",
            paint.label(&format!("[{}]", d + 1)),
            sanitize(&doc.label),
            doc.language,
            doc.blocks
        );
        out.push_str(&hanging(&line, width, "", "    "));
    }
    let text_width = width.saturating_sub(12).max(30);
    let mut hidden = 0;
    for (k, p) in a.pairs.iter().enumerate() {
        if !shown(p, view) {
            hidden += 1;
            continue;
        }
        let _ = writeln!(
            out,
            "\n{} {}",
            paint.heading(&format!("#{}", k + 1)),
            paint.dim(&format!("{} {:.2}", matched(p), p.confidence))
        );
        for (d, blocks) in p.blocks.iter().enumerate() {
            let lang = &a.documents[d].language;
            let shown = if blocks.is_empty() {
                paint.dim("—")
            } else {
                sanitize(&truncate_words(&blocks_text(blocks), text_width)).into_owned()
            };
            let _ = writeln!(out, "  {:<6}{}", lang, shown);
        }
        for f in &p.findings {
            let check = f.check.as_str();
            let line = format!(
                "{} {}",
                paint.warn(&format!("! {check}:")),
                sanitize(&f.message)
            );
            out.push_str(&hanging(&line, width, "  ", "    "));
        }
    }
    if hidden > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            paint.dim(&match view.review_below {
                Some(percent) => format!(
                    "{hidden} rows not shown: unmatched blocks, or pairs of confidence {:.2} or more{}",
                    f64::from(percent) / 100.0,
                    if view.only_findings { ", or without findings" } else { "" }
                ),
                None => format!("{hidden} pairs without findings not shown"),
            })
        );
    }
    let s = &a.summary;
    let checks: Vec<String> = s.checks.iter().map(|(k, n)| format!("{n} {k}")).collect();
    out.push('\n');
    let summary = paint.heading(&format!(
        "{} pairs, {} findings{}",
        s.pairs,
        s.findings,
        if checks.is_empty() {
            String::new()
        } else {
            format!(" ({})", checks.join(", "))
        }
    ));
    out.push_str(&hanging(&summary, width, "", ""));
    out
}

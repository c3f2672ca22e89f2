//! `accord align --format tsv`: one row per line, tab-separated, for spreadsheets.

use std::fmt::Write as _;
use std::io;

use super::View;
use super::naming::{blocks_text, matched};
use crate::translation::Alignment;

/// One field of TSV: tabs and line breaks would break the row, so they become spaces.
fn tsv_field(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Render the alignment as TSV: a header row, then one row per pair.
pub fn render(a: &Alignment, _: &View, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(text(a).as_bytes())
}

fn text(a: &Alignment) -> String {
    let mut out = String::from("pair\tmatched_by\tconfidence");
    for d in &a.documents {
        let _ = write!(out, "\t{}", tsv_field(&d.language));
    }
    out.push_str("\tfindings\n");
    for (k, p) in a.pairs.iter().enumerate() {
        let _ = write!(out, "{}\t{}\t{:.2}", k + 1, matched(p), p.confidence);
        for blocks in &p.blocks {
            let _ = write!(out, "\t{}", tsv_field(&blocks_text(blocks)));
        }
        let findings: Vec<String> = p.findings.iter().map(|f| tsv_field(&f.message)).collect();
        let _ = writeln!(out, "\t{}", findings.join(" | "));
    }
    out
}

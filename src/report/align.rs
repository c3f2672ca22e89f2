//! Renderers of an [`Alignment`]: a terminal table, JSON (`accord.align/1`), TSV and TMX 1.4b
//! for translation tools, and a parallel HTML view.

use std::fmt::Write as _;

use serde::Serialize;

use super::term::{Paint, sanitize};
use crate::model::Block;
use crate::text::truncate_words;
use crate::translation::Alignment;

pub fn json(alignment: &Alignment) -> String {
    let mut out = serde_json::to_string_pretty(alignment).expect("alignment serialises");
    out.push('\n');
    out
}

fn text_of(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(Block::display_text)
        .collect::<Vec<_>>()
        .join(" ¶ ")
}

fn matched(row: &crate::translation::Row) -> &'static str {
    row.matched_by.map_or("unmatched", |m| m.as_str())
}

pub fn terminal(a: &Alignment, paint: Paint, width: usize, only_findings: bool) -> String {
    let mut out = String::new();
    for (d, doc) in a.documents.iter().enumerate() {
        let _ = writeln!(
            out,
            "{} {} ({}, {} blocks)",
            paint.label(&format!("[{}]", d + 1)),
            sanitize(&doc.label),
            doc.language,
            doc.blocks
        );
    }
    let text_width = width.saturating_sub(12).max(30);
    let mut hidden = 0;
    for (k, p) in a.pairs.iter().enumerate() {
        if only_findings && p.findings.is_empty() {
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
                sanitize(&truncate_words(&text_of(blocks), text_width)).into_owned()
            };
            let _ = writeln!(out, "  {:<6}{}", lang, shown);
        }
        for f in &p.findings {
            let check = f.check.as_str();
            let _ = writeln!(
                out,
                "  {} {}",
                paint.warn(&format!("! {check}:")),
                sanitize(&f.message)
            );
        }
    }
    if hidden > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            paint.dim(&format!("{hidden} pairs without findings not shown"))
        );
    }
    let s = &a.summary;
    let checks: Vec<String> = s.checks.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let _ = writeln!(
        out,
        "\n{}",
        paint.heading(&format!(
            "{} pairs, {} findings{}",
            s.pairs,
            s.findings,
            if checks.is_empty() {
                String::new()
            } else {
                format!(" ({})", checks.join(", "))
            }
        ))
    );
    out
}

/// One field of TSV: tabs and line breaks would break the row, so they become spaces.
fn tsv_field(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

pub fn tsv(a: &Alignment) -> String {
    let mut out = String::from("pair\tmatched_by\tconfidence");
    for d in &a.documents {
        let _ = write!(out, "\t{}", tsv_field(&d.language));
    }
    out.push_str("\tfindings\n");
    for (k, p) in a.pairs.iter().enumerate() {
        let _ = write!(out, "{}\t{}\t{:.2}", k + 1, matched(p), p.confidence);
        for blocks in &p.blocks {
            let _ = write!(out, "\t{}", tsv_field(&text_of(blocks)));
        }
        let findings: Vec<String> = p.findings.iter().map(|f| tsv_field(&f.message)).collect();
        let _ = writeln!(out, "\t{}", findings.join(" | "));
    }
    out
}

/// XML text: markup characters escaped, characters XML 1.0 forbids shown as visible marks.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "[U+{:04X}]", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// TMX 1.4b: one translation unit per pair that at least two documents share.
pub fn tmx(a: &Alignment) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n",
    );
    let _ = writeln!(
        out,
        "  <header creationtool=\"accord\" creationtoolversion=\"{}\" segtype=\"paragraph\" o-tmf=\"accord.align/1\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>",
        env!("CARGO_PKG_VERSION"),
        xml(&a.documents[0].language)
    );
    out.push_str("  <body>\n");
    for (k, p) in a.pairs.iter().enumerate() {
        if p.blocks.iter().filter(|b| !b.is_empty()).count() < 2 {
            continue;
        }
        let _ = writeln!(out, "    <tu tuid=\"{}\">", k + 1);
        let _ = writeln!(
            out,
            "      <prop type=\"x-matched-by\">{}</prop>",
            matched(p)
        );
        for (d, blocks) in p.blocks.iter().enumerate() {
            if blocks.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                xml(&a.documents[d].language),
                xml(&text_of(blocks))
            );
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

#[derive(Serialize)]
struct Cell {
    text: String,
    lang: String,
}

#[derive(Serialize)]
struct RowView {
    index: usize,
    matched_by: String,
    confidence: String,
    cells: Vec<Cell>,
    findings: Vec<String>,
}

pub fn html(a: &Alignment) -> String {
    let visible = super::html::visible;
    let rows: Vec<RowView> = a
        .pairs
        .iter()
        .enumerate()
        .map(|(k, p)| RowView {
            index: k + 1,
            matched_by: matched(p).to_string(),
            confidence: format!("{:.2}", p.confidence),
            cells: p
                .blocks
                .iter()
                .enumerate()
                .map(|(d, b)| Cell {
                    text: visible(&text_of(b)),
                    lang: a.documents[d].language.clone(),
                })
                .collect(),
            findings: p.findings.iter().map(|f| visible(&f.message)).collect(),
        })
        .collect();
    let documents: Vec<(String, String)> = a
        .documents
        .iter()
        .map(|d| (visible(&d.label), d.language.clone()))
        .collect();
    super::html::render_template(
        "align.html",
        include_str!("assets/align.html"),
        minijinja::context! {
            documents => documents,
            rows => minijinja::Value::from(minijinja::value::Serde(&rows)),
            pairs => a.summary.pairs,
            findings => a.summary.findings,
        },
    )
}

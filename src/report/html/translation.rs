//! The alignment of language versions as one page: one column per version.

use std::io;

use serde::Serialize;

use super::{render_template, visible};
use crate::report::View;
use crate::report::naming::{blocks_text, matched};
use crate::translation::Alignment;

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

/// The alignment as one page: a parallel view, one column per version.
pub fn render(a: &Alignment, _: &View, out: &mut dyn io::Write) -> io::Result<()> {
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
                    text: visible(&blocks_text(b)),
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
    render_template(
        "translation.html",
        include_str!("../assets/translation.html"),
        minijinja::context! {
            documents => documents,
            rows => minijinja::Value::from(minijinja::value::Serde(&rows)),
            pairs => a.summary.pairs,
            findings => a.summary.findings,
        },
        out,
    )
}

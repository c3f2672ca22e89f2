//! The alignment of language versions as one page: one column per version, each wrapping
//! its text, scrolling sideways only past what a wide screen holds; stacked on a phone. Rows
//! with findings can be filtered and stepped through (j / k), as on the diff page, and the
//! numbers a version does not share with the others are marked in its text.

use std::io;

use serde::Serialize;

use super::{render_template, visible};
use crate::report::View;
use crate::report::naming::{blocks_text, matched};
use crate::text::tokens::is_unspaced_script;
use crate::translation::{Alignment, Check, unshared_numbers};

/// Pairs under this confidence are those the "To review" filter keeps, as `--review` does.
const REVIEW_BELOW: f64 = 0.8;

#[derive(Serialize)]
struct Segment {
    text: String,
    marked: bool,
}

#[derive(Serialize)]
struct Cell {
    segments: Vec<Segment>,
    lang: String,
}

#[derive(Serialize)]
struct RowView {
    index: usize,
    matched_by: String,
    confidence: String,
    review: bool,
    unmatched: bool,
    cells: Vec<Cell>,
    findings: Vec<String>,
}

/// The alignment as one page: a parallel view, one column per version.
pub fn render(a: &Alignment, _: &View, out: &mut dyn io::Write) -> io::Result<()> {
    let rows: Vec<RowView> = a
        .pairs
        .iter()
        .enumerate()
        .map(|(k, p)| {
            // Only a row the numbers check flagged has numbers to mark.
            let unshared = if p.findings.iter().any(|f| f.check == Check::Numbers) {
                unshared_numbers(p)
            } else {
                vec![Vec::new(); p.blocks.len()]
            };
            RowView {
                index: k + 1,
                matched_by: matched(p).to_string(),
                confidence: format!("{:.2}", p.confidence),
                review: p.matched_by.is_some() && p.confidence < REVIEW_BELOW,
                unmatched: p.matched_by.is_none(),
                cells: p
                    .blocks
                    .iter()
                    .enumerate()
                    .map(|(d, b)| Cell {
                        segments: marked(&visible(&blocks_text(b)), &unshared[d]),
                        lang: a.documents[d].language.clone(),
                    })
                    .collect(),
                findings: p.findings.iter().map(|f| visible(&f.message)).collect(),
            }
        })
        .collect();
    let documents: Vec<(String, String)> = a
        .documents
        .iter()
        .map(|d| (visible(&d.label), d.language.clone()))
        .collect();
    let checks: Vec<(String, usize)> = a
        .summary
        .checks
        .iter()
        .map(|(k, n)| (k.clone(), *n))
        .collect();
    render_template(
        "translation.html",
        include_str!("../assets/translation.html"),
        minijinja::context! {
            documents => documents,
            rows => minijinja::Value::from(minijinja::value::Serde(&rows)),
            pairs => a.summary.pairs,
            findings => a.summary.findings,
            checks => checks,
        },
        out,
    )
}

/// The text cut into pieces, the occurrences of `forms` marked: each form where it stands
/// as a whole (not inside a longer number or word).
fn marked(text: &str, forms: &[String]) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for form in forms.iter().filter(|f| !f.is_empty()) {
        let mut from = 0;
        while let Some(found) = text[from..].find(form.as_str()) {
            let (start, end) = (from + found, from + found + form.len());
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let first = form.chars().next();
            let last = form.chars().next_back();
            let whole = !continues(before, first) && !continues(after, last);
            let taken = spans.iter().any(|&(s, e)| start < e && s < end);
            if whole && !taken {
                spans.push((start, end));
                break;
            }
            from = end;
        }
    }
    spans.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in spans {
        if start > at {
            out.push(Segment {
                text: text[at..start].to_string(),
                marked: false,
            });
        }
        out.push(Segment {
            text: text[start..end].to_string(),
            marked: true,
        });
        at = end;
    }
    if at < text.len() || out.is_empty() && !text.is_empty() {
        out.push(Segment {
            text: text[at..].to_string(),
            marked: false,
        });
    }
    out
}

/// Whether `neighbour` would make `edge` part of a longer token: digits beside digits,
/// letters beside letters of a script written with spaces (`年` after `一九四八` does not).
fn continues(neighbour: Option<char>, edge: Option<char>) -> bool {
    let (Some(n), Some(e)) = (neighbour, edge) else {
        return false;
    };
    let word = |c: char| c.is_alphanumeric() && !is_unspaced_script(c);
    (n.is_numeric() && e.is_numeric()) || (word(n) && word(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_marked_where_they_stand_whole() {
        let shown = |text: &str, forms: &[&str]| -> String {
            let forms: Vec<String> = forms.iter().map(|f| f.to_string()).collect();
            marked(text, &forms)
                .iter()
                .map(|s| {
                    if s.marked {
                        format!("[{}]", s.text)
                    } else {
                        s.text.clone()
                    }
                })
                .collect()
        };
        assert_eq!(
            shown("In 1948 and 19480.", &["1948"]),
            "In [1948] and 19480."
        );
        assert_eq!(
            shown("on 10 December 1948", &["10", "1948"]),
            "on [10] December [1948]"
        );
        assert_eq!(shown("一九四八年", &["一九四八"]), "[一九四八]年");
        assert_eq!(shown("", &["1"]), "");
    }
}

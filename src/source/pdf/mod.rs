//! PDF documents as text: each page's text in reading order (`pdf-extract`, on `lopdf`: pure
//! Rust, text by page, and columns in the order the page's content draws them), with what a
//! page adds to a document taken away and said: the running header and footer lines that
//! repeat across pages, page numbers, and ligature characters (`ﬁ` for `fi`). Words broken at
//! line ends are left for the normalizer, which repairs them in any text. Each line's page is
//! kept, so reports can say where a block stands.

use crate::model::{Repair, RepairKind};

mod layout;

pub use layout::Line;

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[allow(missing_docs, reason = "each variant's message says what it is")]
pub enum PdfError {
    #[error("a PDF that cannot be read ({0})")]
    Unreadable(String),
    #[error("an encrypted PDF: accord cannot read it without its password")]
    Encrypted,
    #[error("a PDF with no text layer: it looks scanned (run OCR on it first)")]
    NoText,
}

/// A PDF read: its text, what was taken out of it, and the page of each line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Read {
    /// The pages' text, a page's lines running on into the next page's.
    pub text: String,
    /// Running headers, footers and page numbers removed, ligatures expanded.
    pub repairs: Vec<Repair>,
    /// The 1-based page of each line of `text`, by line (index 0 for line 1).
    pub pages: Vec<u32>,
}

/// Whether bytes are a PDF.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Read a PDF's text.
pub fn read(bytes: &[u8]) -> Result<Read, PdfError> {
    // The extractor panics on some malformed files: a panic there is bad input, not a bug
    // of accord's to crash on, and its message is not for the user's terminal.
    let pages = quietly(|| layout::pages(bytes))
        .map_err(|_| PdfError::Unreadable("the extractor failed on its structure".into()))??;
    if pages.iter().flatten().all(|l| l.text.trim().is_empty()) {
        return Err(PdfError::NoText);
    }
    Ok(assemble(pages))
}

thread_local! {
    /// This thread is inside [`quietly`]: a panic here is caught and said as an error.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f`, a panic in it caught, and not printed: the panic hook in place is wrapped once
/// so that it stays silent on a thread inside this call (inputs are read on several
/// threads at once, so the hook itself cannot be swapped for the call).
fn quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
    static WRAP: std::sync::Once = std::sync::Once::new();
    WRAP.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(f);
    QUIET.with(|q| q.set(false));
    result
}

/// The pages' lines as one text: running lines removed, ligatures expanded, pages joined.
/// (What `read` does once the extractor has placed the lines; public for the fuzz target.)
pub fn assemble(mut pages: Vec<Vec<Line>>) -> Read {
    let mut read = Read::default();
    let texts: Vec<Vec<String>> = pages
        .iter()
        .map(|p| p.iter().map(|l| l.text.clone()).collect())
        .collect();
    let running = running_lines(&texts);
    for (p, lines) in pages.iter_mut().enumerate() {
        let page = u32::try_from(p + 1).unwrap_or(u32::MAX);
        trim_blank_ends(lines);
        let mut removed = Vec::new();
        for edge in [Edge::Top, Edge::Bottom] {
            while let Some(line) = edge.line(lines) {
                let shape = shape_of(&line.text);
                if shape.is_empty() || !running.contains(&(edge, shape)) {
                    break;
                }
                removed.push(edge.take(lines).text);
                trim_blank_ends(lines);
            }
        }
        let line = read.pages.len() + 1;
        for text in removed {
            read.repairs.push(Repair {
                kind: if is_page_number(&text) {
                    RepairKind::PageNumber
                } else {
                    RepairKind::RunningHeader
                },
                line,
                before: format!("page {page}: {}", text.trim()),
                after: String::new(),
            });
        }
        for l in lines.iter() {
            let expanded = expand_ligatures(&l.text, read.pages.len() + 1, &mut read.repairs);
            read.text.push_str(&expanded);
            read.text.push('\n');
            read.pages.push(page);
        }
        // A page whose last line runs to the column's edge (or ends in a broken word) goes
        // on into the next page; one that stops short ends its paragraph.
        if !lines.last().is_some_and(|l| l.runs_on) {
            read.text.push('\n');
            read.pages.push(page);
        }
    }
    read
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Edge {
    Top,
    Bottom,
}

impl Edge {
    fn line(self, lines: &[Line]) -> Option<&Line> {
        match self {
            Edge::Top => lines.first(),
            Edge::Bottom => lines.last(),
        }
    }

    fn take(self, lines: &mut Vec<Line>) -> Line {
        match self {
            Edge::Top => lines.remove(0),
            Edge::Bottom => lines.pop().unwrap_or_default(),
        }
    }
}

fn trim_blank_ends(lines: &mut Vec<Line>) {
    while lines.first().is_some_and(|l| l.text.trim().is_empty()) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| l.text.trim().is_empty()) {
        lines.pop();
    }
}

/// A line with its numbers written `#` and its spacing collapsed: a running header says the
/// same on every page but its page number.
fn shape_of(line: &str) -> String {
    let mut shape = String::new();
    for word in line.split_whitespace() {
        if !shape.is_empty() {
            shape.push(' ');
        }
        let mut in_number = false;
        for c in word.chars() {
            if c.is_ascii_digit() {
                if !in_number {
                    shape.push('#');
                }
                in_number = true;
            } else {
                shape.push(c);
                in_number = false;
            }
        }
    }
    shape
}

/// A line that is only a page number (`7`, `- 7 -`, `Page 7 of 20`).
fn is_page_number(line: &str) -> bool {
    let shape = shape_of(line).to_lowercase();
    matches!(
        shape.as_str(),
        "#" | "- # -" | "-#-" | "page #" | "page # of #" | "# / #" | "#/#" | "[#]" | "(#)"
    )
}

/// The lines (by the edge of the page they stand at, and their shape) that recur on at least
/// half the pages, and on three or more: a document's own lines do not repeat like that.
/// Up to two lines from each edge count (a header can be a title over a rule of dates).
fn running_lines(pages: &[Vec<String>]) -> std::collections::HashSet<(Edge, String)> {
    let mut counts: std::collections::HashMap<(Edge, String), usize> = Default::default();
    for lines in pages {
        let content: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
        let mut seen = std::collections::HashSet::new();
        for (edge, edge_lines) in [
            (Edge::Top, content.iter().take(2).collect::<Vec<_>>()),
            (
                Edge::Bottom,
                content.iter().rev().take(2).collect::<Vec<_>>(),
            ),
        ] {
            for line in edge_lines {
                let shape = shape_of(line);
                if !shape.is_empty() && seen.insert((edge, shape.clone())) {
                    *counts.entry((edge, shape)).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .filter(|((_, shape), n)| {
            *n >= 3 && *n * 2 >= pages.len() || (shape == "#" && *n >= 2 && *n * 2 >= pages.len())
        })
        .map(|(key, _)| key)
        .collect()
}

/// A line with its ligature characters written as their letters, each kind recorded once per
/// line.
fn expand_ligatures(line: &str, line_number: usize, repairs: &mut Vec<Repair>) -> String {
    if !line.chars().any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)) {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + 4);
    for word in line.split_inclusive(char::is_whitespace) {
        let expanded: String = word
            .chars()
            .map(|c| match c {
                '\u{FB00}' => "ff".to_string(),
                '\u{FB01}' => "fi".to_string(),
                '\u{FB02}' => "fl".to_string(),
                '\u{FB03}' => "ffi".to_string(),
                '\u{FB04}' => "ffl".to_string(),
                '\u{FB05}' | '\u{FB06}' => "st".to_string(),
                c => c.to_string(),
            })
            .collect();
        if expanded != word {
            repairs.push(Repair {
                kind: RepairKind::Ligature,
                line: line_number,
                before: word.trim().to_string(),
                after: expanded.trim().to_string(),
            });
        }
        out.push_str(&expanded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of lines, each running on to the next but the last of a paragraph (one that
    /// ends in a full stop).
    fn page(lines: &[&str]) -> Vec<Line> {
        lines
            .iter()
            .map(|l| Line {
                text: l.to_string(),
                runs_on: !l.ends_with('.'),
            })
            .collect()
    }

    #[test]
    fn running_headers_and_page_numbers_go_and_are_said() {
        let pages = vec![
            page(&["1. The first paragraph ends here.", "", "2"]),
            page(&[
                "Declaration    17 September 2021",
                "",
                "2. The second one",
                "",
                "3",
            ]),
            page(&[
                "Declaration    17 September 2021",
                "",
                "3. The third one.",
                "",
                "4",
            ]),
            page(&[
                "Declaration    17 September 2021",
                "",
                "4. The last one.",
                "",
                "5",
            ]),
        ];
        let read = assemble(pages);
        assert!(!read.text.contains("Declaration") && !read.text.contains("\n5\n"));
        assert!(read.text.contains("2. The second one\n3. The third one."));
        let said: Vec<(RepairKind, &str)> = read
            .repairs
            .iter()
            .map(|r| (r.kind, r.before.as_str()))
            .collect();
        assert!(said.contains(&(
            RepairKind::RunningHeader,
            "page 3: Declaration    17 September 2021"
        )));
        assert!(said.contains(&(RepairKind::PageNumber, "page 4: 5")));
        assert_eq!(read.pages.len(), read.text.lines().count());
    }

    #[test]
    fn a_panic_inside_the_extractor_is_caught_and_not_printed() {
        assert!(quietly(|| -> u8 { panic!("malformed") }).is_err());
        assert_eq!(quietly(|| 7).ok(), Some(7));
    }

    #[test]
    fn ligatures_are_written_as_letters() {
        let mut repairs = Vec::new();
        assert_eq!(
            expand_ligatures("the \u{FB01}rst e\u{FB03}cient \u{FB02}ow", 4, &mut repairs),
            "the first efficient flow"
        );
        assert_eq!(repairs.len(), 3);
        assert_eq!(
            (repairs[0].before.as_str(), repairs[0].after.as_str()),
            ("\u{FB01}rst", "first")
        );
    }
}

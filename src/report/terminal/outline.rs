//! `accord outline` for people: the structure the normalizer found as a tree, then its
//! findings and repairs.

use std::fmt::Write as _;
use std::io;

use super::wrap::{columns, hanging};
use super::{Paint, sanitize};
use crate::model::{Block, BlockType};
use crate::normalize::Outline;
use crate::report::View;
use crate::text::truncate_words;

/// Columns given to the first words of a paragraph.
const EXCERPT_WIDTH: usize = 64;

/// Render the outline as a tree for a terminal.
pub fn render(outline: &Outline, view: &View, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(text(outline, view.paint, view.width).as_bytes())
}

/// Where a finding's or a repair's text starts: after `  line NNNNN ` and the kind.
const DETAIL_MARGIN: &str = "                            ";

fn text(outline: &Outline, paint: Paint, width: usize) -> String {
    let mut out = String::new();
    counts(&mut out, outline, paint, width);
    tree(&mut out, &outline.blocks, paint, width);
    if !outline.findings.is_empty() {
        section_title(&mut out, "Findings", outline.findings.len(), paint);
        for f in &outline.findings {
            let kind = paint.warn(&format!("{:<19}", f.kind.as_str()));
            let message = sanitize(&f.message);
            let first = format!("  line {:<5} {kind} ", f.line);
            out.push_str(&hanging(&message, width, &first, DETAIL_MARGIN));
        }
    }
    if !outline.repairs.is_empty() {
        section_title(&mut out, "Repairs", outline.repairs.len(), paint);
        for r in &outline.repairs {
            let kind = paint.dim(&format!("{:<19}", r.kind.as_str()));
            let before = sanitize(&r.before.replace('\n', "⏎")).into_owned();
            let after = sanitize(&r.after.replace('\n', "⏎")).into_owned();
            let first = format!("  line {:<5} {kind} ", r.line);
            let change = format!("{before} → {after}");
            out.push_str(&hanging(&change, width, &first, DETAIL_MARGIN));
        }
    }
    out
}

/// The first line: the input and what it holds.
fn counts(out: &mut String, outline: &Outline, paint: Paint, width: usize) {
    let blocks = &outline.blocks;
    let headings = blocks.iter().filter(|b| b.is_heading()).count();
    let paragraphs = blocks.len() - headings;
    let preamble = blocks.iter().filter(|b| b.preamble).count();
    let read_as = match (outline.reader.as_str(), &outline.main_content) {
        ("html", Some(main)) => format!(" (read as a web page: only its {})", sanitize(main)),
        ("html", None) => " (read as a web page)".to_string(),
        ("docx", _) => " (read as a Word document)".to_string(),
        ("akn", _) => " (read as Akoma Ntoso)".to_string(),
        ("pdf", _) => " (read as a PDF)".to_string(),
        _ => String::new(),
    };
    let line = format!(
        "{}{read_as}: {} blocks — {} headings, {} paragraphs{}",
        paint.heading(&sanitize(&outline.label)),
        blocks.len(),
        headings,
        paragraphs,
        if preamble > 0 {
            format!(" ({preamble} in the preamble)")
        } else {
            String::new()
        }
    );
    out.push_str(&hanging(&line, width, "", "  "));
}

fn section_title(out: &mut String, name: &str, count: usize, paint: Paint) {
    let _ = writeln!(out, "\n{}", paint.heading(&format!("{name} ({count})")));
}

/// Every block, indented by its level: headings with their paragraph counts, paragraphs by
/// label and first words.
fn tree(out: &mut String, blocks: &[Block], paint: Paint, width: usize) {
    let mut preamble_shown = false;
    for (i, block) in blocks.iter().enumerate() {
        match block.kind {
            BlockType::Heading => {
                let level = usize::from(block.level.unwrap_or(1));
                let indent = "  ".repeat(level.saturating_sub(1));
                let (count, range) = section_paragraphs(blocks, i);
                let mut title = String::new();
                if !block.label.is_empty() {
                    title.push_str(&paint.label(&sanitize(&block.label)));
                    title.push(' ');
                }
                title.push_str(&paint.heading(&sanitize(&block.text)));
                let line = format!(
                    "{} {}",
                    title.trim_end(),
                    paint.dim(&format!("· {count} ¶{range} · {}", block.place()))
                );
                out.push_str(&hanging(&line, width, &indent, &format!("{indent}    ")));
            }
            BlockType::Paragraph => {
                // Preamble paragraphs under no heading at all get a heading of their own here.
                if block.preamble && !preamble_shown && !blocks[..i].iter().any(Block::is_heading) {
                    preamble_shown = true;
                    let _ = writeln!(out, "{}", paint.heading("Preamble"));
                }
                let indent = "  ".repeat(enclosing_level(blocks, i));
                let label = if block.label.is_empty() {
                    "¶"
                } else {
                    block.label.as_str()
                };
                let room = width.saturating_sub(indent.len() + columns(label) + 1);
                let _ = writeln!(
                    out,
                    "{indent}{} {}",
                    paint.label(&sanitize(label)),
                    sanitize(&truncate_words(&block.text, room.clamp(12, EXCERPT_WIDTH)))
                );
            }
        }
    }
}

/// Paragraphs inside the section a heading opens (subsections included), and the range of
/// their numbers when they are numbered.
fn section_paragraphs(blocks: &[Block], heading: usize) -> (usize, String) {
    let level = blocks[heading].level.unwrap_or(1);
    let inside = blocks[heading + 1..]
        .iter()
        .take_while(|b| b.level.is_none_or(|l| l > level))
        .filter(|b| !b.is_heading());
    let mut count = 0;
    let mut first = None;
    let mut last = None;
    for b in inside {
        count += 1;
        if let Some(n) = &b.number {
            first.get_or_insert_with(|| n.clone());
            last = Some(n.clone());
        }
    }
    let range = match (first, last) {
        (Some(a), Some(b)) if a == b => format!(" {a}"),
        (Some(a), Some(b)) => format!(" {a}–{b}"),
        _ => String::new(),
    };
    (count, range)
}

fn enclosing_level(blocks: &[Block], index: usize) -> usize {
    blocks[..index]
        .iter()
        .rev()
        .find_map(|b| b.level)
        .map_or(1, usize::from)
}

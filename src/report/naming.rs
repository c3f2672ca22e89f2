//! How reports name entries, sections, rows and comparisons in words: shared by the
//! terminal, Markdown, HTML, TSV and TMX reports.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::diff::{Comparison, Entry, Kind, Op, Summary};
use crate::model::Block;
use crate::text::truncate_words;
use crate::translation::Row;

/// The text of blocks shown as one, parts separated by ` ¶ `.
pub fn blocks_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(Block::display_text)
        .collect::<Vec<_>>()
        .join(" ¶ ")
}

/// What a listed block (a line of blame or of the timeline) stands under: a heading under
/// `§`, as entry titles name headings, followed by its label; a paragraph under its label,
/// or `¶` when it has none. Without the sign an unnumbered heading would read as a paragraph.
pub fn block_mark(b: &Block) -> String {
    match (b.is_heading(), b.label.is_empty()) {
        (true, true) => "§".to_string(),
        (true, false) => format!("§ {}", b.label),
        (false, true) => "¶".to_string(),
        (false, false) => b.label.clone(),
    }
}

/// A note for an entry the reader needs told: the word diff stopped early, or a changed
/// entry whose words show no change, because what differs is the text as written (line
/// breaks, spacing, a label's punctuation), which `--strict` counts and no word shows.
pub fn entry_note(c: &Comparison, e: &Entry) -> Option<String> {
    if let Some(fallback) = &e.fallback {
        return Some(fallback.clone());
    }
    let words = e.words.as_deref()?;
    let marked = words
        .iter()
        .any(|w| w.op != Op::Equal && !w.text.trim().is_empty());
    (e.kind == Kind::Changed && !marked).then(|| {
        if c.options.strict {
            "no word differs, only the text as written: its line breaks or spacing".to_string()
        } else {
            "no word differs as compared".to_string()
        }
    })
}

/// How a row of an alignment was matched, or `unmatched`.
pub fn matched(row: &Row) -> &'static str {
    row.matched_by.map_or("unmatched", |m| m.as_str())
}

/// The summary of a comparison as a line: `4 changed, 1 added, …, 210 unchanged`.
pub fn summary_line(c: &Comparison) -> String {
    c.summary
        .describe(true)
        .unwrap_or_else(|| "no blocks".to_string())
}

/// With `--allow`: a line saying whether the changes keep within the allow list, and one
/// line for each change outside it (its header, as the report names it).
pub fn scope_lines(c: &Comparison) -> Option<(String, Vec<String>)> {
    let scope = c.scope.as_ref()?;
    let title = match scope.outside.len() {
        0 => format!("Every change is within the allowed scope ({})", scope.allow),
        n => format!(
            "{n} change{} outside the allowed scope ({}):",
            if n == 1 { "" } else { "s" },
            scope.allow
        ),
    };
    let lines = scope
        .outside
        .iter()
        .filter_map(|&k| c.entries.get(k))
        .map(|e| {
            let Header { title, what } = header(c, e);
            format!("{title} — {what}")
        })
        .collect();
    Some((title, lines))
}

/// The ignore profile of a comparison, in words.
pub fn profile(c: &Comparison) -> String {
    profile_of(&c.options)
}

/// The ignore profile of a set of options, in words.
pub fn profile_of(o: &crate::diff::Options) -> String {
    let mut ignored: Vec<&str> = Vec::new();
    if !o.strict {
        ignored.extend([
            "whitespace",
            "quote and dash style",
            "full-width and half-width forms",
            "repaired PDF damage",
        ]);
    }
    if o.ignore_case {
        ignored.push("case");
    }
    if o.ignore_punctuation {
        ignored.push("punctuation");
    }
    match (o.strict, ignored.is_empty()) {
        (true, true) => "strict: every character counts".to_string(),
        (true, false) => format!("strict, ignoring {}", ignored.join(", ")),
        (false, _) => format!("ignoring {}", ignored.join(", ")),
    }
}

/// The difference counts of a summary, or a note that there are none.
pub fn changes_line(s: &Summary) -> String {
    s.describe(false)
        .unwrap_or_else(|| "no paragraph-level changes (metadata or whitespace only)".to_string())
}

/// Blocks as an entry's title names them: `¶ 36`, `§ 3.2`, `¶ (2)`, or an unnumbered
/// paragraph by its first words.
fn describe(blocks: &[Block]) -> String {
    // `36.` reads as 36; `(2)`, `Art 21` and `第一条` are clearer as printed.
    let names: Vec<String> = blocks
        .iter()
        .map(|b| match &b.number {
            Some(n) if b.label.trim_end_matches('.') == n.as_str() => n.clone(),
            Some(_) => b.label.clone(),
            None => String::new(),
        })
        .collect();
    let sign = if blocks.first().is_some_and(Block::is_heading) {
        "§"
    } else {
        "¶"
    };
    let joined = names.join(" + ");
    if joined.trim_matches([' ', '+']).is_empty() {
        // An unnumbered paragraph is named by its first words.
        match blocks
            .first()
            .filter(|b| !b.is_heading() && !b.text.is_empty())
        {
            Some(b) => format!("{sign} “{}”", truncate_words(&b.text, 32)),
            None => sign.to_string(),
        }
    } else {
        format!("{sign} {joined}")
    }
}

/// The section a block is in, as reports name it: a heading by its own title, a paragraph
/// by its section's number and title, or `preamble`.
pub fn section_name(
    old_sections: &BTreeMap<String, String>,
    new_sections: &BTreeMap<String, String>,
    blocks: &[Block],
    new_side: bool,
) -> String {
    let Some(block) = blocks.first() else {
        return String::new();
    };
    // A heading is named by its own title.
    if block.is_heading() {
        return block.text.to_string();
    }
    let Some(section) = block.section.last() else {
        return if block.preamble {
            "preamble".to_string()
        } else {
            String::new()
        };
    };
    let titles = if new_side { new_sections } else { old_sections };
    match titles.get(section) {
        // A title that is a label (`Art 21`) already names the number.
        Some(title) if title.ends_with(section.as_str()) => title.clone(),
        Some(title) if !title.is_empty() => format!("{section} {title}"),
        _ => section.clone(),
    }
}

/// A place by its name and line, `3.2 Combating terrorism (line 97)`; by its line alone where
/// it has no name (a paragraph outside any section, a heading that is only its label), so no
/// empty name leaves a gap.
pub fn at_line(name: &str, line: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        line.to_string()
    } else {
        format!("{name} ({line})")
    }
}

/// How a report heads an entry, in plain text.
pub struct Header {
    /// What the entry is and where: `¶ 36 (was 35) · 3.2 Combating terrorism…`.
    pub title: String,
    /// What happened to it: `changed, renumbered`.
    pub what: String,
}

/// An entry's header. Shared by the terminal, Markdown and HTML reports.
pub fn header(c: &Comparison, e: &Entry) -> Header {
    header_in(&c.old.sections, &c.new.sections, e)
}

/// [`header`] with the section titles given directly, for reports that hold entries without
/// their comparison (the log).
pub fn header_in(
    old_sections: &BTreeMap<String, String>,
    new_sections: &BTreeMap<String, String>,
    e: &Entry,
) -> Header {
    let (main, side_new) = if e.new.is_empty() {
        (&e.old, false)
    } else {
        (&e.new, true)
    };
    let mut h = describe(main);
    if e.renumbered || matches!(e.kind, Kind::Split | Kind::Merged) {
        let was = describe(&e.old);
        let was = was.trim_start_matches(['¶', '§', ' ']);
        if !was.is_empty() {
            let _ = write!(h, " (was {was})");
        }
    }
    let place = section_name(old_sections, new_sections, main, side_new);
    if !place.is_empty() {
        let _ = write!(h, " · {place}");
    }
    if let Some(page) = main.first().and_then(|b| b.page) {
        let _ = write!(h, " · page {page}");
    }
    let mut what: Vec<String> = vec![e.kind.as_str().to_string()];
    if e.moved {
        let from = e.old.first().map(|b| {
            let name = section_name(old_sections, new_sections, &e.old, false);
            format!("moved from {}", at_line(&name, &b.place()))
        });
        what.push(from.unwrap_or_else(|| "moved".to_string()));
    }
    if e.renumbered {
        what.push("renumbered".to_string());
    }
    Header {
        title: h,
        what: what.join(", "),
    }
}

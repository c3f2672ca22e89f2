//! `accord diff` reports: the `accord.diff/1` JSON and the terminal redline, both pure
//! renderers of one [`Comparison`].

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::term::{Paint, sanitize};
use crate::diff::{Comparison, Entry, Kind, Op};
use crate::model::Block;

pub fn json(comparison: &Comparison) -> String {
    let mut out = Vec::new();
    write_json(comparison, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// The JSON report written straight into `out`, byte for byte what
/// `serde_json::to_writer_pretty` writes (and a final newline). Entries, nearly all of a
/// large report, are serialised on every core, a batch at a time so memory stays bounded.
pub fn write_json(comparison: &Comparison, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use rayon::prelude::*;
    use std::io::Write as _;
    // serde_json writes a report as many small pieces: a buffer of a concrete type takes
    // them with an inlined copy each, where the `dyn` writer would cost a call per piece.
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, out);
    if comparison.entries.is_empty() {
        serde_json::to_writer_pretty(&mut out, comparison)?;
        out.write_all(b"\n")?;
        return out.flush();
    }
    // Everything but the entries, with the entries written as `[]`: the array is then
    // opened after its `[` and closed as serde_json closes a non-empty one.
    let head = serde_json::to_vec_pretty(&Head {
        schema: &comparison.schema,
        old: &comparison.old,
        new: &comparison.new,
        options: &comparison.options,
        summary: &comparison.summary,
        entries: &[],
    })?;
    let open = head.len() - b"[]\n}".len();
    out.write_all(&head[..=open])?;
    const BATCH: usize = 1024;
    for (b, batch) in comparison.entries.chunks(BATCH).enumerate() {
        let pieces: Vec<Vec<u8>> = batch
            .par_chunks(64)
            .enumerate()
            .map(|(c, chunk)| {
                let mut piece = Vec::new();
                for (k, entry) in chunk.iter().enumerate() {
                    let first = b == 0 && c == 0 && k == 0;
                    piece.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    // Entries sit two levels deep (the report, its `entries`).
                    let mut serializer = serde_json::Serializer::with_formatter(
                        &mut piece,
                        Pretty {
                            depth: 2,
                            has_value: false,
                        },
                    );
                    serde::Serialize::serialize(entry, &mut serializer).expect("entries serialise");
                }
                piece
            })
            .collect();
        for piece in pieces {
            out.write_all(&piece)?;
        }
    }
    out.write_all(b"\n  ]\n}\n")?;
    out.flush()
}

/// serde_json's `PrettyFormatter` (two-space indents), byte for byte, but with each line
/// break and its indentation written as one piece: the original writes the indent two
/// spaces at a time, and at an entry's depth of four to five levels those small copies
/// were a fifth of the JSON report's time.
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break, or a comma and a line break, then `depth` indents.
    fn new_line<W: ?Sized + std::io::Write>(
        &self,
        writer: &mut W,
        comma: bool,
    ) -> std::io::Result<()> {
        const BREAK: &[u8; 66] =
            b",\n                                                                ";
        let start = usize::from(!comma);
        match BREAK.get(start..2 + 2 * self.depth) {
            Some(line) => writer.write_all(line),
            None => {
                writer.write_all(&BREAK[start..2])?;
                (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
            }
        }
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// `]` or `}`, on a line of its own unless the container was empty.
    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(writer, false)?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(writer, !first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(writer, !first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// [`Comparison`] without its entries, fields in the same order.
#[derive(serde::Serialize)]
struct Head<'a> {
    schema: &'a str,
    old: &'a crate::diff::Side,
    new: &'a crate::diff::Side,
    options: &'a crate::diff::Options,
    summary: &'a crate::diff::Summary,
    entries: &'a [Entry],
}

/// What the terminal report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub paint: Paint,
    /// Show unchanged entries too.
    pub all: bool,
    /// Unchanged entries shown around each difference.
    pub context: usize,
    /// Columns to wrap at.
    pub width: usize,
}

pub fn summary_line(c: &Comparison) -> String {
    c.summary
        .describe(true)
        .unwrap_or_else(|| "no blocks".to_string())
}

pub fn terminal(c: &Comparison, view: View) -> String {
    let paint = view.paint;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}\n{} {}\n{}",
        paint.old_side("---"),
        sanitize(&c.old.label),
        paint.new_side("+++"),
        sanitize(&c.new.label),
        paint.dim(&profile(c))
    );
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
        let _ = writeln!(out, "{}", header(c, entry, paint));
        let body = body(entry, paint, c.options.ignore_punctuation);
        for line in wrap(&body, view.width.saturating_sub(2).max(20)) {
            let _ = writeln!(out, "  {line}");
        }
    }
    flush(&mut out, &mut hidden);
    let _ = writeln!(out, "\n{}", paint.heading(&summary_line(c)));
    out
}

/// The ignore profile in force, in words.
pub fn profile(c: &Comparison) -> String {
    profile_of(&c.options)
}

pub fn profile_of(o: &crate::diff::Options) -> String {
    let mut ignored: Vec<&str> = Vec::new();
    if !o.strict {
        ignored.extend(["whitespace", "quote and dash style", "repaired PDF damage"]);
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
            Some(b) => format!("{sign} “{}”", crate::text::truncate_words(&b.text, 32)),
            None => sign.to_string(),
        }
    } else {
        format!("{sign} {joined}")
    }
}

pub(crate) fn section_name(
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

/// An entry's title and what happened to it, as plain text: `¶ 36 (was 35) · 3.2 Combating
/// terrorism…` and `changed, renumbered`. Shared by the terminal and Markdown reports.
pub(crate) fn header_parts(c: &Comparison, e: &Entry) -> (String, String) {
    header_parts_in(&c.old.sections, &c.new.sections, e)
}

/// [`header_parts`] with the section titles given directly, for reports that hold entries
/// without their comparison (the log).
pub(crate) fn header_parts_in(
    old_sections: &BTreeMap<String, String>,
    new_sections: &BTreeMap<String, String>,
    e: &Entry,
) -> (String, String) {
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
    let mut what: Vec<String> = vec![
        match e.kind {
            Kind::Unchanged => "unchanged",
            Kind::Changed => "changed",
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Split => "split",
            Kind::Merged => "merged",
        }
        .to_string(),
    ];
    if e.moved {
        let from = e.old.first().map(|b| {
            format!(
                "moved from {} (line {})",
                section_name(old_sections, new_sections, &e.old, false),
                b.line
            )
        });
        what.push(from.unwrap_or_else(|| "moved".to_string()));
    }
    if e.renumbered {
        what.push("renumbered".to_string());
    }
    (h, what.join(", "))
}

fn header(c: &Comparison, e: &Entry, paint: Paint) -> String {
    let (h, what) = header_parts(c, e);
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
fn body(e: &Entry, paint: Paint, ignore_punctuation: bool) -> String {
    if let Some(words) = &e.words {
        let mut out = String::new();
        for w in words {
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
                Op::Delete => {
                    let marked = if paint.color {
                        paint.deleted(core)
                    } else {
                        format!("[-{core}-]")
                    };
                    out.push_str(&marked);
                    out.push_str(space);
                }
                Op::Insert => {
                    let marked = if paint.color {
                        paint.inserted(core)
                    } else {
                        format!("{{+{core}+}}")
                    };
                    out.push_str(&marked);
                    out.push_str(space);
                }
            }
        }
        if let Some(note) = &e.fallback {
            let _ = write!(out, " {}", paint.warn(&format!("({note})")));
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

/// Wrap at word boundaries to `width` visible columns, ignoring colour escape sequences.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split(' ') {
        let w = visible_width(word);
        if line_width > 0 && line_width + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if line_width > 0 {
            line.push(' ');
            line_width += 1;
        }
        line.push_str(word);
        line_width += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn visible_width(s: &str) -> usize {
    let mut width = 0;
    let mut in_escape = false;
    for c in s.chars() {
        if in_escape {
            in_escape = c != 'm';
            continue;
        }
        if c == '\u{1b}' {
            in_escape = true;
            continue;
        }
        width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    width
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    fn compare(old: &str, new: &str) -> Comparison {
        let options = normalize::Options::default();
        crate::diff::compare(
            normalize::document(old, &options),
            normalize::document(new, &options),
            "old",
            "new",
            &crate::diff::Options::default(),
        )
    }

    #[test]
    fn parallel_json_is_byte_for_byte_serde_json() {
        // Over batch boundaries, with changed, added and unchanged entries, and empty.
        let old: String = (1..=5000)
            .map(|n| format!("{n}. Paragraph number {n} says \"this\".\n\n"))
            .collect();
        let new = old.replace("number 4097 says", "number 4097 now says") + "5001. Added.\n";
        for c in [compare(&old, &new), compare("", "")] {
            let expected = serde_json::to_string_pretty(&c).unwrap() + "\n";
            assert_eq!(json(&c), expected);
        }
    }

    #[test]
    fn the_formatter_indents_as_serde_json_at_any_depth() {
        // Deeper than the formatter's one-piece indents reach, with empty containers.
        let mut value = serde_json::json!({"a": [], "b": {}, "c": [1, "x"]});
        for depth in 0..40 {
            value = serde_json::json!({ "depth": depth, "inner": [value, null] });
        }
        let mut ours = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(
            &mut ours,
            Pretty {
                depth: 0,
                has_value: false,
            },
        );
        serde::Serialize::serialize(&value, &mut serializer).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}

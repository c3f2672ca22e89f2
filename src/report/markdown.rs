//! `--format markdown`: GitHub-flavoured Markdown for a pull-request comment or
//! `$GITHUB_STEP_SUMMARY`. Deleted words are struck (`<del>…</del>`), inserted words bold
//! (`<b>…</b>`).
//!
//! Document text is escaped so it can never open a link, an image, an HTML tag, a mention or
//! an autolink; and the report never exceeds GitHub's 65,536-character comment limit: when
//! the full detail does not fit, the least important detail goes first (long unchanged
//! stretches inside paragraphs, then the words themselves, then whole entries), and the
//! report says what it left out.

use std::fmt::Write as _;
use std::io;

use super::View;
use super::naming::{Header, entry_note, header, profile, scope_lines};
use super::seams::{Piece, pieces, seam_text};
use super::terminal::is_hidden_control;
use crate::diff::{Comparison, Entry, Kind, Op};
use crate::refs::{References, Status};

/// GitHub's limit for a comment body, in characters.
pub const LIMIT: usize = 65_536;

/// Room kept for the closing note about what was left out.
const FOOTER_RESERVE: usize = 600;

/// Unchanged words kept on each side of a change when context is trimmed.
const CONTEXT_WORDS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Detail {
    Full,
    Context,
    Headers,
}

/// Escape document text for Markdown. Every character with a meaning in GFM is escaped;
/// `<`, `>` and `&` become entities so no tag or entity can be formed; `@` and `#` become
/// entities so nobody is mentioned and no issue is linked; words that would autolink
/// (`https://…`, `www.…`, addresses) are put in code spans, where nothing is interpreted.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if would_autolink(word) {
            out.push_str(&code_span(word));
            continue;
        }
        for c in word.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '@' => out.push_str("&#64;"),
                '#' => out.push_str("&#35;"),
                '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '+' | '-' | '.'
                | '!' | '|' | '~' | '^' | '=' | ':' | '"' | '\'' | '$' => {
                    out.push('\\');
                    out.push(c);
                }
                c if is_hidden_control(c) => {
                    let _ = write!(out, "[U+{:04X}]", c as u32);
                }
                c => out.push(c),
            }
        }
    }
    out
}

fn would_autolink(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.contains("://")
        || lower.contains("www.")
        || lower.starts_with("mailto:")
        || (word.contains('@') && word.contains('.'))
}

/// A code span that holds `text` whatever backticks it contains.
fn code_span(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if is_hidden_control(c) { '\u{FFFD}' } else { c })
        .collect();
    let longest = clean.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if clean.starts_with('`') || clean.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{clean}{pad}{fence}")
}

fn summary_table(c: &Comparison) -> String {
    let cells = c.summary.counts();
    let mut out = String::from("|");
    for (name, _) in cells {
        let _ = write!(out, " {name} |");
    }
    out.push_str("\n|");
    for _ in cells {
        out.push_str(" ---: |");
    }
    out.push_str("\n|");
    for (_, n) in cells {
        let _ = write!(out, " {n} |");
    }
    out.push('\n');
    out
}

/// A deletion or an insertion marked up so that it renders whatever it holds.
///
/// GFM's `~~` and `**` open and close only when "flanking": a run followed by a space, or by
/// punctuation (a `\` escape counts) right after a letter, cannot open, so `agree~~\,~~ and`
/// or `cooperate** closely**` shows its markers as text and a deleted sentence reads as if
/// retained. Whether a delimiter flanks depends on the characters on both sides of it, so no
/// placement of `~~` is safe for every change. An inline HTML tag is recognised wherever it
/// stands, GitHub's sanitizer keeps `<del>` and `<b>`, and neither can start an HTML block
/// (they are not block tags, and the marked text follows on the same line). The text inside
/// is still escaped by [`escape`], which turns every `<` into `&lt;`: document text can never
/// open or close a tag of its own.
fn mark(op: Op, text: &str) -> String {
    match op {
        Op::Delete => format!("<del>{}</del>", escape(text)),
        Op::Insert => format!("<b>{}</b>", escape(text)),
        Op::Equal => escape(text),
    }
}

/// Words with markup ([`mark`]); with `context`, long unchanged runs are shortened to a few
/// words on each side.
fn marked_words(e: &Entry, detail: Detail) -> String {
    let Some(pieces) = pieces(e) else {
        let blocks = if e.new.is_empty() { &e.old } else { &e.new };
        let text = blocks
            .iter()
            .map(|b| b.display_text())
            .collect::<Vec<_>>()
            .join(" ");
        let text = match detail {
            Detail::Full => text,
            _ => shorten(&text, CONTEXT_WORDS * 3),
        };
        return match e.kind {
            Kind::Added => mark(Op::Insert, &text),
            Kind::Removed => mark(Op::Delete, &text),
            _ => escape(&text),
        };
    };
    let mut out = String::new();
    let last = pieces.len().saturating_sub(1);
    for (i, piece) in pieces.iter().enumerate() {
        let w = match piece {
            Piece::Word(w) => w,
            Piece::Seam { side, label } => {
                let _ = write!(out, "**{}** ", escape(&seam_text(*side, label)));
                continue;
            }
        };
        let core = w.text.trim_end();
        let space = if w.text.len() > core.len() { " " } else { "" };
        match w.op {
            Op::Equal => {
                let text = if detail == Detail::Context {
                    trim_context(core, i == 0, i == last)
                } else {
                    core.to_string()
                };
                out.push_str(&escape(&text));
            }
            Op::Delete | Op::Insert if !core.is_empty() => out.push_str(&mark(w.op, core)),
            _ => {}
        }
        out.push_str(space);
    }
    out
}

fn shorten(text: &str, words: usize) -> String {
    let all: Vec<&str> = text.split(' ').collect();
    if all.len() <= words {
        return text.to_string();
    }
    format!("{} …", all[..words].join(" "))
}

/// Keep the words of an unchanged run next to the changes around it.
fn trim_context(text: &str, first: bool, last: bool) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let keep = CONTEXT_WORDS;
    if words.len() <= keep * 2 + 1 {
        return text.to_string();
    }
    match (first, last) {
        (true, true) => format!(
            "{} … {}",
            words[..keep].join(" "),
            words[words.len() - keep..].join(" ")
        ),
        (true, false) => format!("… {}", words[words.len() - keep..].join(" ")),
        (false, true) => format!("{} …", words[..keep].join(" ")),
        (false, false) => format!(
            "{} … {}",
            words[..keep].join(" "),
            words[words.len() - keep..].join(" ")
        ),
    }
}

fn entry(c: &Comparison, e: &Entry, detail: Detail) -> String {
    let Header { title, what } = header(c, e);
    let mut out = format!("#### {} — {}\n", escape(&title), escape(&what));
    if detail != Detail::Headers {
        out.push('\n');
        out.push_str(&marked_words(e, detail));
        out.push('\n');
        if let Some(note) = entry_note(c, e) {
            let _ = writeln!(out, "\n_{}_", escape(&note));
        }
    }
    out.push('\n');
    out
}

/// References listed in Markdown at most, so a comment keeps within GitHub's size limit.
const REFERENCES_LISTED: usize = 50;

/// Render a revision's references: the stale and dangling ones as a list (all with
/// `--all`), then the counts.
pub fn references(r: &References, view: &View, out: &mut dyn io::Write) -> io::Result<()> {
    let mut text = String::from("#### References\n\n");
    let listed: Vec<_> = r
        .references
        .iter()
        .filter(|x| view.all || x.status != Status::Ok)
        .collect();
    // A comment has a size limit: the first references, and how many more.
    if listed.len() > REFERENCES_LISTED {
        let _ = writeln!(
            text,
            "_The first {REFERENCES_LISTED} of {}; run `accord refs` for all._\n",
            listed.len()
        );
    }
    for x in listed.into_iter().take(REFERENCES_LISTED) {
        let now = x
            .suggest
            .as_deref()
            .map_or(String::new(), |s| format!(" → {}", escape(s)));
        let _ = writeln!(
            text,
            "- line {}: **{}** {} {}{now} — “…{}…”",
            x.line,
            x.status.as_str(),
            escape(&x.unit),
            escape(&x.target),
            escape(&x.context)
        );
    }
    let s = &r.summary;
    let _ = writeln!(
        text,
        "\n{} stale, {} dangling, {} ok; {} citations of other instruments left alone.",
        s.stale, s.dangling, s.ok, s.external
    );
    out.write_all(text.as_bytes())
}

/// Render the comparison, within [`LIMIT`] characters.
pub fn render(c: &Comparison, _: &View, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(text(c).as_bytes())
}

fn text(c: &Comparison) -> String {
    let mut head = String::new();
    let _ = writeln!(
        head,
        "### accord: {} → {}\n",
        escape(&c.old.label),
        escape(&c.new.label)
    );
    head.push_str(&summary_table(c));
    let _ = writeln!(head, "\nCompared {}.\n", escape(&profile(c)));
    if let Some((title, outside)) = scope_lines(c) {
        let _ = writeln!(head, "**{}**\n", escape(&title));
        for line in &outside {
            let _ = writeln!(head, "- {}", escape(line));
        }
        if !outside.is_empty() {
            head.push('\n');
        }
    }

    // Renumbering alone is counted in the table, not listed: it is the noise to remove.
    let shown: Vec<&Entry> = c
        .entries
        .iter()
        .filter(|e| e.kind != Kind::Unchanged || e.moved)
        .collect();
    if shown.is_empty() {
        head.push_str("No changes beyond renumbering.\n");
        return head;
    }
    let budget = LIMIT - FOOTER_RESERVE - head.chars().count();
    for detail in [Detail::Full, Detail::Context, Detail::Headers] {
        let rendered: Vec<String> = shown.iter().map(|e| entry(c, e, detail)).collect();
        let total: usize = rendered.iter().map(|r| r.chars().count()).sum();
        if total <= budget || detail == Detail::Headers {
            let mut body = String::new();
            let mut used = 0;
            let mut listed = 0;
            for r in &rendered {
                let n = r.chars().count();
                if used + n > budget {
                    break;
                }
                body.push_str(r);
                used += n;
                listed += 1;
            }
            let mut out = head;
            out.push_str(&body);
            let left_out = shown.len() - listed;
            match (detail, left_out) {
                (Detail::Full, 0) => {}
                (Detail::Context, 0) => out.push_str(
                    "_Shortened to fit a comment: long unchanged stretches inside paragraphs are replaced by …; run `accord diff` for the full text._\n",
                ),
                (_, 0) => out.push_str(
                    "_Shortened to fit a comment: only the heading of each change is listed; run `accord diff` for the words._\n",
                ),
                (_, n) => {
                    let _ = writeln!(
                        out,
                        "_Shortened to fit a comment: {listed} of {} changes are listed by heading only, and {n} more are left out; run `accord diff` for the full report._",
                        shown.len()
                    );
                }
            }
            return out;
        }
    }
    unreachable!("the headers-only pass always returns")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_neutralises_markup() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
        );
        assert_eq!(
            escape("[click](javascript:x)"),
            "\\[click\\]\\(javascript\\:x\\)"
        );
        assert_eq!(escape("@team #12"), "&#64;team &#35;12");
        assert_eq!(
            escape("see https://evil.example/x"),
            "see `https://evil.example/x`"
        );
        assert_eq!(escape("a\u{202E}b"), "a[U+202E]b");
        assert_eq!(code_span("a`b"), "``a`b``");
    }

    #[test]
    fn marks_hold_escaped_text() {
        assert_eq!(
            mark(Op::Delete, "</del><script>x"),
            "<del>&lt;/del&gt;&lt;script&gt;x</del>"
        );
        assert_eq!(mark(Op::Insert, ", und"), "<b>, und</b>");
    }

    #[test]
    fn context_trimming_keeps_words_near_changes() {
        let text = (1..=40)
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let trimmed = trim_context(&text, false, false);
        assert!(trimmed.starts_with("1 2 3 4 5 6 7 8 … 33"));
    }
}

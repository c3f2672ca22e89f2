//! History for people: `accord log`, `accord blame` and the timeline of
//! `accord diff A B C …`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;

use super::{Paint, sanitize};
use crate::history::{Blame, Log, Timeline};
use crate::model::Block;
use crate::report::View;
use crate::report::naming::{Header, block_mark, changes_line, header_in};
use crate::text::truncate_words;

/// Entries listed per commit in the terminal log; a file's first version adds everything.
const LISTED_PER_COMMIT: usize = 25;

fn short(id: &str) -> &str {
    &id[..id.len().min(10)]
}

fn date(time: &str) -> &str {
    &time[..time.len().min(10)]
}

/// Render the log: each commit, newest first, with what it did at paragraph level.
pub fn log(log: &Log, view: &View, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(log_text(log, view.paint).as_bytes())
}

/// Render the blame: each block with the commit that last changed it.
pub fn blame(blame: &Blame, view: &View, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(blame_text(blame, view.paint).as_bytes())
}

/// Render the timeline: the versions, then each block of the last with its history.
pub fn timeline(t: &Timeline, view: &View, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(timeline_text(t, view.paint).as_bytes())
}

fn log_text(log: &Log, paint: Paint) -> String {
    let mut out = String::new();
    let none = BTreeMap::new();
    for (k, c) in log.commits.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{} {} {} {}",
            paint.warn(&format!("commit {}", short(&c.commit.id))),
            date(&c.commit.time),
            paint.dim(&sanitize(&c.commit.author)),
            paint.heading(&sanitize(&c.commit.subject))
        );
        if c.truncated {
            let _ = writeln!(
                out,
                "  {}",
                paint.dim("history truncated here (shallow clone): compared with nothing")
            );
        }
        if c.merge {
            let _ = writeln!(
                out,
                "  {}",
                paint.dim("merge: compared with its first parent, so it shows what the merged branch brought too")
            );
        }
        let _ = writeln!(out, "  {}", changes_line(&c.summary));
        for e in c.entries.iter().take(LISTED_PER_COMMIT) {
            let Header { title, what } = header_in(&none, &none, e);
            let _ = writeln!(out, "    {} — {}", sanitize(&title), what);
        }
        if c.entries.len() > LISTED_PER_COMMIT {
            let _ = writeln!(
                out,
                "    {}",
                paint.dim(&format!(
                    "… and {} more (--format json lists all)",
                    c.entries.len() - LISTED_PER_COMMIT
                ))
            );
        }
    }
    if log.commits.is_empty() {
        let _ = writeln!(out, "no commit changed {}", sanitize(&log.path));
    }
    out
}

fn blame_text(blame: &Blame, paint: Paint) -> String {
    let mut out = String::new();
    for b in &blame.blocks {
        let _ = writeln!(
            out,
            "{} {} {:>5}  {}",
            paint.warn(short(&b.commit.id)),
            date(&b.commit.time),
            b.block.line,
            listed(&b.block, paint)
        );
    }
    out
}

fn timeline_text(t: &Timeline, paint: Paint) -> String {
    let mut out = String::new();
    for (i, v) in t.versions.iter().enumerate() {
        let _ = writeln!(
            out,
            "{} {}",
            paint.label(&format!("v{}", i + 1)),
            sanitize(v)
        );
    }
    out.push('\n');
    for b in &t.blocks {
        let mut history = format!("since v{}", b.appeared + 1);
        if !b.changed.is_empty() {
            let changed: Vec<String> = b.changed.iter().map(|v| format!("v{}", v + 1)).collect();
            history.push_str(&format!(", changed in {}", changed.join(", ")));
        }
        let _ = writeln!(
            out,
            "{:<28} {}",
            if b.changed.is_empty() && b.appeared == 0 {
                paint.dim(&history)
            } else {
                paint.warn(&history)
            },
            listed(&b.block, paint)
        );
    }
    out
}

/// A block as blame and the timeline list it: its mark ([`block_mark`]) and first words,
/// a heading's painted as one.
fn listed(b: &Block, paint: Paint) -> String {
    let mark = paint.label(&sanitize(&block_mark(b)));
    if b.text.is_empty() {
        return mark;
    }
    let text = sanitize(&truncate_words(&b.text, 60)).into_owned();
    let text = if b.is_heading() {
        paint.heading(&text)
    } else {
        text
    };
    format!("{mark} {text}")
}

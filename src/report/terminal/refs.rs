//! The references of a revision for the terminal: each stale or dangling one with its line,
//! what it cites and what it should cite now; the ones that are fine with `--all`.

use std::fmt::Write as _;
use std::io;

use super::wrap::hanging;
use super::{sanitize, versions_header};
use crate::refs::{References, Status};
use crate::report::View;

/// Render the references for a terminal.
pub fn render(r: &References, view: &View, out: &mut dyn io::Write) -> io::Result<()> {
    let paint = view.paint;
    let mut text = String::new();
    text.push_str(&versions_header(paint, &r.old, &r.new));
    for reference in &r.references {
        if reference.status == Status::Ok && !view.all {
            continue;
        }
        let status = format!("{:<9}", reference.status.as_str());
        let status = match reference.status {
            Status::Stale => paint.warn(&status),
            Status::Dangling => paint.old_side(&status),
            Status::Ok => paint.dim(&status),
        };
        let cited = format!(
            "{} {}",
            sanitize(&reference.unit),
            sanitize(&reference.target)
        );
        let cited = match &reference.suggest {
            Some(now) => format!("{cited} → {}", paint.new_side(&sanitize(now))),
            None if reference.updated => format!(
                "{cited} (was {})",
                sanitize(reference.was.as_deref().unwrap_or(""))
            ),
            None => cited,
        };
        let line = format!(
            "{cited}  {}",
            paint.dim(&format!("“…{}…”", sanitize(&reference.context)))
        );
        let first = format!("line {:<6} {status} ", reference.line);
        text.push_str(&hanging(&line, view.width, &first, "                  "));
    }
    let s = &r.summary;
    let _ = writeln!(
        text,
        "\n{}",
        paint.heading(&format!(
            "{} stale, {} dangling, {} ok; {} citations of other instruments left alone",
            s.stale, s.dangling, s.ok, s.external
        ))
    );
    out.write_all(text.as_bytes())
}

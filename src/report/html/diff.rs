//! The comparison as one page: the summary and the ignore profile at the top, a table of
//! contents by section, side-by-side and inline views, moved paragraphs linked to and from
//! their old place, unchanged runs collapsed, an anchor for every paragraph.

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;

use super::{Anchors, BlockView, CSS, SCRIPT, block_view, csp_hash, label_of, visible};
use crate::diff::{Comparison, Kind};
use crate::report::View;
use crate::report::naming::{at_line, entry_note, header, profile, section_name, summary_line};
use crate::report::seams::{Piece, Side, pieces, seam_text};

const TEMPLATE: &str = include_str!("../assets/diff.html");

/// Above this much unchanged (or only renumbered) text, a report lists unchanged runs by count
/// and anchor only, so a comparison of whole codes of law still opens and scrolls in a
/// browser.
const UNCHANGED_TEXT_LIMIT: usize = 1024 * 1024;

#[derive(Serialize)]
struct WordView {
    op: &'static str,
    text: String,
    /// Trailing whitespace, kept outside `<del>`/`<ins>` so no blank is struck or underlined.
    space: String,
    /// An equal word's old spelling (with its whitespace), for the old column.
    old: Option<String>,
    /// For a seam: the version whose paragraph begins there (`old` or `new`).
    side: Option<&'static str>,
}

#[derive(Serialize)]
struct EntryView {
    index: usize,
    kind: &'static str,
    differs: bool,
    moved: bool,
    renumbered: bool,
    title: String,
    what: String,
    moved_from: Option<String>,
    stub: String,
    note: Option<String>,
    old: Vec<BlockView>,
    new: Vec<BlockView>,
    words: Option<Vec<WordView>>,
    inline_label: String,
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Row {
    Entry {
        entry: EntryView,
    },
    Run {
        summary: String,
        has_moved: bool,
        has_renumbered: bool,
        entries: Vec<EntryView>,
        anchors: Vec<BlockView>,
    },
    Stub {
        id: String,
        text: String,
        target: String,
        link: String,
    },
}

#[derive(Serialize)]
struct TocItem {
    name: String,
    level: u8,
    target: String,
    changes: usize,
}

#[derive(Serialize)]
struct Count {
    name: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct Page {
    version: &'static str,
    title: String,
    old_label: String,
    new_label: String,
    old_blocks: usize,
    new_blocks: usize,
    counts: Vec<Count>,
    profile: String,
    omitted: bool,
    toc: Vec<TocItem>,
    rows: Vec<Row>,
    css: &'static str,
    js: &'static str,
    style_hash: String,
    script_hash: String,
}

/// Render the comparison as one HTML page.
pub fn render(c: &Comparison, _: &View, out: &mut dyn io::Write) -> io::Result<()> {
    let page = Page {
        version: env!("CARGO_PKG_VERSION"),
        title: format!("Comparison: {}", summary_line(c)),
        old_label: visible(&c.old.label),
        new_label: visible(&c.new.label),
        old_blocks: c.old.blocks,
        new_blocks: c.new.blocks,
        counts: counts(c),
        profile: profile(c),
        omitted: unchanged_text(c) > UNCHANGED_TEXT_LIMIT,
        toc: toc(c),
        rows: Rows::new(c).build(),
        css: CSS,
        js: SCRIPT,
        style_hash: csp_hash(CSS),
        script_hash: csp_hash(SCRIPT),
    };
    let mut env = minijinja::Environment::new();
    env.add_template("diff.html", TEMPLATE)
        .expect("template parses");
    let html = env
        .get_template("diff.html")
        .and_then(|t| t.render(minijinja::Value::from(minijinja::value::Serde(&page))))
        .expect("template renders");
    out.write_all(html.as_bytes())
}

/// Bytes of text in entries shown unchanged and in place.
fn unchanged_text(c: &Comparison) -> usize {
    c.entries
        .iter()
        .filter(|e| e.kind == Kind::Unchanged && !e.moved)
        .flat_map(|e| e.new.iter())
        .map(|b| b.text.len())
        .sum()
}

/// The page's rows, built in entry order: entries that differ one by one, runs of unchanged
/// entries collapsed, and a stub where each moved entry used to be.
struct Rows<'c> {
    c: &'c Comparison,
    old_anchors: Anchors,
    new_anchors: Anchors,
    omitted: bool,
    /// Moved entries by the entry their stub follows (`None`: before the first).
    stubs_after: BTreeMap<Option<usize>, Vec<usize>>,
    rows: Vec<Row>,
    /// Unchanged entries not yet flushed into a run.
    run: Vec<usize>,
}

impl<'c> Rows<'c> {
    fn new(c: &'c Comparison) -> Rows<'c> {
        Rows {
            c,
            old_anchors: Anchors::new("old", c.entries.iter().flat_map(|e| e.old.iter())),
            new_anchors: Anchors::new("new", c.entries.iter().flat_map(|e| e.new.iter())),
            omitted: unchanged_text(c) > UNCHANGED_TEXT_LIMIT,
            stubs_after: stub_places(c),
            rows: Vec::new(),
            run: Vec::new(),
        }
    }

    fn build(mut self) -> Vec<Row> {
        self.push_stubs(None);
        for (i, e) in self.c.entries.iter().enumerate() {
            if e.kind == Kind::Unchanged && !e.moved {
                self.run.push(i);
            } else {
                self.flush_run();
                let entry = self.entry_view(i);
                self.rows.push(Row::Entry { entry });
            }
            if self.stubs_after.contains_key(&Some(i)) {
                self.flush_run();
                self.push_stubs(Some(i));
            }
        }
        self.flush_run();
        self.rows
    }

    /// The stubs of the moved entries that used to stand after entry `after`.
    fn push_stubs(&mut self, after: Option<usize>) {
        for &m in self.stubs_after.get(&after).into_iter().flatten() {
            let e = &self.c.entries[m];
            let target_label = e.new.first().map(label_of).unwrap_or_default();
            // The stub stands after entry `after`: the moved entry is above it or below.
            let arrow = if after.is_some_and(|a| m <= a) {
                "↑"
            } else {
                "↓"
            };
            self.rows.push(Row::Stub {
                id: format!("moved-from-{m}"),
                text: format!(
                    "{} was here in the old version;",
                    e.old.first().map(label_of).unwrap_or_default()
                ),
                target: format!("e-{m}"),
                link: format!("now {target_label} {arrow}"),
            });
        }
    }

    /// The pending unchanged entries as one collapsed run.
    fn flush_run(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run);
        let entries = &self.c.entries;
        let renumbered = run.iter().filter(|&&i| entries[i].renumbered).count();
        let label = |i: usize| entries[i].new.first().map(label_of).unwrap_or_default();
        let mut summary = format!("{} unchanged", run.len());
        if renumbered > 0 {
            summary.push_str(&format!(" ({renumbered} renumbered)"));
        }
        let last = *run.last().unwrap_or(&0);
        summary.push_str(&format!(": {} … {}", label(run[0]), label(last)));
        let views: Vec<EntryView> = run.iter().map(|&i| self.entry_view(i)).collect();
        let (entries, anchors) = if self.omitted {
            let anchors = views
                .into_iter()
                .flat_map(|v| v.old.into_iter().chain(v.new))
                .collect();
            (Vec::new(), anchors)
        } else {
            (views, Vec::new())
        };
        self.rows.push(Row::Run {
            summary,
            has_moved: false,
            has_renumbered: renumbered > 0,
            entries,
            anchors,
        });
    }

    fn entry_view(&mut self, i: usize) -> EntryView {
        let c = self.c;
        let e = &c.entries[i];
        let old: Vec<BlockView> = e
            .old
            .iter()
            .map(|b| block_view(&mut self.old_anchors, b))
            .collect();
        let new: Vec<BlockView> = e
            .new
            .iter()
            .map(|b| block_view(&mut self.new_anchors, b))
            .collect();
        let moved_from = e.moved.then(|| {
            let b = &e.old[0];
            let one = std::slice::from_ref(b);
            let place = visible(&section_name(&c.old.sections, &c.new.sections, one, false));
            let name = format!("{} {place}", label_of(b));
            at_line(&name, &format!("old line {}", b.line))
        });
        let mut what = vec![e.kind.as_str().to_string()];
        if e.moved {
            what.push("moved".into());
        }
        if e.renumbered {
            what.push("renumbered".into());
        }
        let shown = if e.new.is_empty() { &old } else { &new };
        let inline_label = shown
            .iter()
            .map(|b| b.label.clone())
            .collect::<Vec<_>>()
            .join(" + ");
        EntryView {
            index: i,
            kind: e.kind.as_str(),
            differs: e.differs(),
            moved: e.moved,
            renumbered: e.renumbered,
            title: visible(&header(c, e).title),
            what: what.join(", "),
            moved_from,
            stub: format!("moved-from-{i}"),
            note: entry_note(c, e).map(|f| visible(&f)),
            old,
            new,
            words: pieces(e).map(|p| words(&p)),
            inline_label,
        }
    }
}

/// Where each moved entry came from: its stub goes after the last entry that stays in place
/// and holds an earlier old block, and links to the entry (which links back).
fn stub_places(c: &Comparison) -> BTreeMap<Option<usize>, Vec<usize>> {
    let mut last_old_line: Vec<(usize, usize)> = Vec::new();
    for (i, e) in c.entries.iter().enumerate() {
        if !e.moved
            && let Some(max) = e.old.iter().map(|b| b.line).max()
        {
            last_old_line.push((max, i));
        }
    }
    last_old_line.sort();
    let mut stubs_after: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, e) in c.entries.iter().enumerate() {
        if e.moved {
            let line = e.old.first().map_or(0, |b| b.line);
            let at = last_old_line.partition_point(|(l, _)| *l < line);
            let after = at.checked_sub(1).map(|k| last_old_line[k].1);
            stubs_after.entry(after).or_default().push(i);
        }
    }
    stubs_after
}

fn words(pieces: &[Piece<'_>]) -> Vec<WordView> {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Word(w) => WordView {
                op: w.op.as_str(),
                text: visible(w.text.trim_end()),
                space: w.text[w.text.trim_end().len()..].to_string(),
                old: w.old.as_deref().map(visible),
                side: None,
            },
            Piece::Seam { side, label } => WordView {
                op: "seam",
                text: visible(&seam_text(*side, label)),
                space: String::new(),
                old: None,
                side: Some(match side {
                    Side::Old => "old",
                    Side::New => "new",
                }),
            },
        })
        .collect()
}

fn counts(c: &Comparison) -> Vec<Count> {
    c.summary
        .counts()
        .into_iter()
        .map(|(name, count)| Count { name, count })
        .collect()
}

/// The new version's headings with the number of changes in each (renumbering alone not
/// counted), linking to the heading's entry.
fn toc(c: &Comparison) -> Vec<TocItem> {
    // The same anchors the page gives its blocks: assigned in entry order, so a second pass
    // yields the same ids, and a heading inside a collapsed run is still a link target.
    let mut anchors = Anchors::new("new", c.entries.iter().flat_map(|e| e.new.iter()));
    let mut items: Vec<TocItem> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for e in &c.entries {
        let ids: Vec<String> = e.new.iter().map(|b| anchors.anchor(b)).collect();
        if let Some(h) = e.new.first().filter(|b| b.is_heading()) {
            let level = h.level.unwrap_or(1);
            while open.last().is_some_and(|&k| items[k].level >= level) {
                open.pop();
            }
            let name = format!("{} {}", visible(&h.label), visible(&h.text))
                .trim()
                .to_string();
            items.push(TocItem {
                name,
                level: level.min(6),
                target: ids[0].clone(),
                changes: 0,
            });
            open.push(items.len() - 1);
        }
        if e.kind != Kind::Unchanged || e.moved {
            for &k in &open {
                items[k].changes += 1;
            }
        }
    }
    items
}

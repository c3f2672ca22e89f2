//! `--format html`: one self-contained page (CSS and script inline, no requests, a strict
//! Content-Security-Policy) rendered from a [`Comparison`] with minijinja, which escapes
//! everything it interpolates. The view model below only regroups the comparison for the
//! page: it computes nothing the comparison does not hold.

use std::collections::{BTreeMap, HashMap, HashSet};

use base64::Engine as _;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::diff::{header_parts, profile, section_name, summary_line};
use crate::diff::{Comparison, Entry, Kind, Word};
use crate::model::Block;

const TEMPLATE: &str = include_str!("assets/diff.html");
const CSS: &str = include_str!("assets/report.css");
const SCRIPT: &str = include_str!("assets/report.js");

/// Above this much unchanged (or only renumbered) text, a report lists unchanged runs by count
/// and anchor only, so
/// a comparison of whole codes of law still opens and scrolls in a browser.
const UNCHANGED_TEXT_LIMIT: usize = 1024 * 1024;

use super::term::is_hidden_control;

/// Document text made safe to show: hidden controls become visible `[U+202E]` marks.
/// Escaping of markup is the template engine's job.
pub fn visible(text: &str) -> String {
    if !text.chars().any(is_hidden_control) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden_control(c) {
            out.push_str(&format!("[U+{:04X}]", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn csp_hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[derive(Serialize)]
struct BlockView {
    anchor: String,
    label: String,
    text: String,
    heading: bool,
}

#[derive(Serialize)]
struct WordView {
    op: &'static str,
    text: String,
    /// Trailing whitespace, kept outside `<del>`/`<ins>` so no blank is struck or underlined.
    space: String,
    /// An equal word's old spelling (with its whitespace), for the old column.
    old: Option<String>,
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

/// Stable, unique anchors for every block of one side: `new-35` by number where the number
/// is unique in the document, qualified by section where it repeats (`new-93-4c`), and by
/// line for unnumbered blocks.
struct Anchors {
    prefix: &'static str,
    repeated: HashSet<String>,
    used: HashSet<String>,
}

impl Anchors {
    fn new(prefix: &'static str, blocks: impl Iterator<Item = Block>) -> Anchors {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for b in blocks {
            if let Some(n) = &b.number {
                *seen.entry(Self::base(&b, n)).or_default() += 1;
            }
        }
        Anchors {
            prefix,
            repeated: seen
                .into_iter()
                .filter(|(_, c)| *c > 1)
                .map(|(k, _)| k)
                .collect(),
            used: HashSet::new(),
        }
    }

    fn base(block: &Block, number: &str) -> String {
        if block.is_heading() {
            format!("section-{number}")
        } else {
            number.to_string()
        }
    }

    fn anchor(&mut self, block: &Block) -> String {
        let raw = match &block.number {
            Some(n) => {
                let base = Self::base(block, n);
                if self.repeated.contains(&base) {
                    let parent = block
                        .section
                        .iter()
                        .rev()
                        .find(|s| *s != n)
                        .cloned()
                        .unwrap_or_default();
                    format!("{}-{parent}-{base}", self.prefix)
                } else {
                    format!("{}-{base}", self.prefix)
                }
            }
            None => format!("{}-line-{}", self.prefix, block.line),
        };
        let id: String = raw
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '-' | '.' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let mut unique = id.clone();
        let mut k = 2;
        while !self.used.insert(unique.clone()) {
            unique = format!("{id}-{k}");
            k += 1;
        }
        unique
    }
}

fn block_view(anchors: &mut Anchors, b: &Block) -> BlockView {
    BlockView {
        anchor: anchors.anchor(b),
        label: label_of(b),
        text: visible(&b.text),
        heading: b.is_heading(),
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Unchanged => "unchanged",
        Kind::Changed => "changed",
        Kind::Added => "added",
        Kind::Removed => "removed",
        Kind::Split => "split",
        Kind::Merged => "merged",
    }
}

fn label_of(b: &Block) -> String {
    if b.label.is_empty() {
        "¶".to_string()
    } else {
        visible(&b.label)
    }
}

fn words(list: &[Word]) -> Vec<WordView> {
    list.iter()
        .map(|w| WordView {
            op: match w.op {
                crate::diff::Op::Equal => "equal",
                crate::diff::Op::Delete => "delete",
                crate::diff::Op::Insert => "insert",
            },
            text: visible(w.text.trim_end()),
            space: w.text[w.text.trim_end().len()..].to_string(),
            old: w.old.as_deref().map(visible),
        })
        .collect()
}

/// Render the comparison as one HTML page.
pub fn render(c: &Comparison) -> String {
    let mut old_anchors = Anchors::new("old", c.entries.iter().flat_map(|e| e.old.iter().cloned()));
    let mut new_anchors = Anchors::new("new", c.entries.iter().flat_map(|e| e.new.iter().cloned()));
    let unchanged_text: usize = c
        .entries
        .iter()
        .filter(|e| e.kind == Kind::Unchanged && !e.moved)
        .flat_map(|e| e.new.iter())
        .map(|b| b.text.len())
        .sum();
    let omitted = unchanged_text > UNCHANGED_TEXT_LIMIT;

    // Where each moved entry came from: a stub after the last non-moved entry holding an
    // earlier old block, linking to the entry (and the entry links back).
    let mut stubs_after: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    let mut last_old_line: Vec<(usize, usize)> = Vec::new();
    for (i, e) in c.entries.iter().enumerate() {
        if !e.moved {
            if let Some(max) = e.old.iter().map(|b| b.line).max() {
                last_old_line.push((max, i));
            }
        }
    }
    last_old_line.sort();
    for (i, e) in c.entries.iter().enumerate() {
        if e.moved {
            let line = e.old.first().map_or(0, |b| b.line);
            let at = last_old_line.partition_point(|(l, _)| *l < line);
            let after = at.checked_sub(1).map(|k| last_old_line[k].1);
            stubs_after.entry(after).or_default().push(i);
        }
    }

    let mut build = |i: usize, e: &Entry| -> EntryView {
        let old: Vec<BlockView> = e
            .old
            .iter()
            .map(|b| block_view(&mut old_anchors, b))
            .collect();
        let new: Vec<BlockView> = e
            .new
            .iter()
            .map(|b| block_view(&mut new_anchors, b))
            .collect();
        let moved_from = e.moved.then(|| {
            let b = &e.old[0];
            let place = visible(&section_name(
                &c.old.sections,
                &c.new.sections,
                std::slice::from_ref(b),
                false,
            ));
            format!("{} {place} (old line {})", label_of(b), b.line)
        });
        let mut what = vec![kind_name(e.kind).to_string()];
        if e.moved {
            what.push("moved".into());
        }
        if e.renumbered {
            what.push("renumbered".into());
        }
        let inline_label = if e.new.is_empty() {
            old.iter()
                .map(|b| b.label.clone())
                .collect::<Vec<_>>()
                .join(" + ")
        } else {
            new.iter()
                .map(|b| b.label.clone())
                .collect::<Vec<_>>()
                .join(" + ")
        };
        EntryView {
            index: i,
            kind: kind_name(e.kind),
            differs: e.differs(),
            moved: e.moved,
            renumbered: e.renumbered,
            title: visible(&header_parts(c, e).0),
            what: what.join(", "),
            moved_from,
            stub: format!("moved-from-{i}"),
            note: e.fallback.as_ref().map(|f| visible(f)),
            old,
            new,
            words: e.words.as_deref().map(words),
            inline_label,
        }
    };

    let mut rows: Vec<Row> = Vec::new();
    let push_stubs = |rows: &mut Vec<Row>, after: Option<usize>| {
        for &m in stubs_after.get(&after).into_iter().flatten() {
            let e = &c.entries[m];
            let target_label = e.new.first().map(label_of).unwrap_or_default();
            rows.push(Row::Stub {
                id: format!("moved-from-{m}"),
                text: format!(
                    "{} was here in the old version;",
                    e.old.first().map(label_of).unwrap_or_default()
                ),
                target: format!("e-{m}"),
                link: format!("now {target_label} ↓"),
            });
        }
    };
    push_stubs(&mut rows, None);
    let mut run: Vec<usize> = Vec::new();
    let flush = |rows: &mut Vec<Row>,
                 run: &mut Vec<usize>,
                 build: &mut dyn FnMut(usize, &Entry) -> EntryView| {
        if run.is_empty() {
            return;
        }
        let renumbered = run.iter().filter(|&&i| c.entries[i].renumbered).count();
        let first = c.entries[run[0]]
            .new
            .first()
            .map(label_of)
            .unwrap_or_default();
        let last = c.entries[*run.last().unwrap_or(&0)]
            .new
            .first()
            .map(label_of)
            .unwrap_or_default();
        let mut summary = format!("{} unchanged", run.len());
        if renumbered > 0 {
            summary.push_str(&format!(" ({renumbered} renumbered)"));
        }
        summary.push_str(&format!(": {first} … {last}"));
        let views: Vec<EntryView> = run.iter().map(|&i| build(i, &c.entries[i])).collect();
        let (entries, anchors) = if omitted {
            let anchors = views
                .into_iter()
                .flat_map(|v| v.old.into_iter().chain(v.new))
                .collect();
            (Vec::new(), anchors)
        } else {
            (views, Vec::new())
        };
        rows.push(Row::Run {
            summary,
            has_moved: false,
            has_renumbered: renumbered > 0,
            entries,
            anchors,
        });
        run.clear();
    };
    for (i, e) in c.entries.iter().enumerate() {
        if e.kind == Kind::Unchanged && !e.moved {
            run.push(i);
        } else {
            flush(&mut rows, &mut run, &mut build);
            let entry = build(i, e);
            rows.push(Row::Entry { entry });
        }
        if stubs_after.contains_key(&Some(i)) {
            flush(&mut rows, &mut run, &mut build);
            push_stubs(&mut rows, Some(i));
        }
    }
    flush(&mut rows, &mut run, &mut build);

    let page = Page {
        version: env!("CARGO_PKG_VERSION"),
        title: format!("Comparison: {}", summary_line(c)),
        old_label: visible(&c.old.label),
        new_label: visible(&c.new.label),
        old_blocks: c.old.blocks,
        new_blocks: c.new.blocks,
        counts: counts(c),
        profile: profile(c),
        omitted,
        toc: toc(c),
        rows,
        css: CSS,
        js: SCRIPT,
        style_hash: csp_hash(CSS),
        script_hash: csp_hash(SCRIPT),
    };
    let mut env = minijinja::Environment::new();
    env.add_template("diff.html", TEMPLATE)
        .expect("template parses");
    env.get_template("diff.html")
        .and_then(|t| t.render(minijinja::Value::from(minijinja::value::Serde(&page))))
        .expect("template renders")
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
    let mut anchors = Anchors::new("new", c.entries.iter().flat_map(|e| e.new.iter().cloned()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_and_controls_become_visible_marks() {
        assert_eq!(visible("a\u{202E}b\u{1b}c"), "a[U+202E]b[U+001B]c");
        assert_eq!(visible("plain"), "plain");
    }

    #[test]
    fn csp_hash_is_base64_sha256() {
        assert_eq!(
            csp_hash(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }
}

const TIMELINE_TEMPLATE: &str = include_str!("assets/timeline.html");

/// Render one of the simpler pages (no script): the shared CSS and its CSP hash are added to
/// the context.
pub(crate) fn render_template(name: &str, source: &str, context: minijinja::Value) -> String {
    let mut env = minijinja::Environment::new();
    env.add_template(name, source).expect("template parses");
    let base = minijinja::context! {
        version => env!("CARGO_PKG_VERSION"),
        css => CSS,
        style_hash => csp_hash(CSS),
    };
    env.get_template(name)
        .and_then(|tpl| tpl.render(minijinja::context! { ..base, ..context }))
        .expect("template renders")
}

#[derive(Serialize)]
struct TimelineRow {
    #[serde(flatten)]
    block: BlockView,
    appeared: usize,
    changed: Vec<usize>,
}

/// The timeline of three or more versions as one page: every paragraph of the last version
/// with the version where it appeared and those where it changed.
pub fn timeline(t: &crate::history::Timeline) -> String {
    let mut anchors = Anchors::new("v", t.blocks.iter().map(|b| b.block.clone()));
    let blocks: Vec<TimelineRow> = t
        .blocks
        .iter()
        .map(|b| TimelineRow {
            block: block_view(&mut anchors, &b.block),
            appeared: b.appeared,
            changed: b.changed.clone(),
        })
        .collect();
    let versions: Vec<String> = t.versions.iter().map(|v| visible(v)).collect();
    let profile = super::diff::profile_of(&t.options);
    let mut env = minijinja::Environment::new();
    env.add_template("timeline.html", TIMELINE_TEMPLATE)
        .expect("template parses");
    env.get_template("timeline.html")
        .and_then(|tpl| {
            tpl.render(minijinja::context! {
                version => env!("CARGO_PKG_VERSION"),
                versions => versions,
                blocks => minijinja::Value::from(minijinja::value::Serde(&blocks)),
                profile => profile,
                css => CSS,
                style_hash => csp_hash(CSS),
            })
        })
        .expect("template renders")
}

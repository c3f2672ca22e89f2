//! The timeline of three or more versions as one page: every paragraph of the last version
//! with the version it appeared in, those that changed it, and what changed since the first
//! version word by word. Changed rows can be filtered and stepped through (j / k), as on the
//! diff page; the text column wraps, and on a phone each row stacks.

use std::io;

use serde::Serialize;

use super::{Anchors, BlockView, block_view, render_template, visible};
use crate::history::Timeline;
use crate::report::View;
use crate::report::naming::profile_of;

#[derive(Serialize)]
struct WordView {
    op: &'static str,
    text: String,
    space: String,
}

#[derive(Serialize)]
struct TimelineRow {
    #[serde(flatten)]
    block: BlockView,
    appeared: usize,
    changed: Vec<usize>,
    touched: bool,
    words: Option<Vec<WordView>>,
}

/// The timeline of three or more versions as one page.
pub fn render(t: &Timeline, _: &View, out: &mut dyn io::Write) -> io::Result<()> {
    let mut anchors = Anchors::new("v", t.blocks.iter().map(|b| &b.block));
    let blocks: Vec<TimelineRow> = t
        .blocks
        .iter()
        .map(|b| TimelineRow {
            block: block_view(&mut anchors, &b.block),
            appeared: b.appeared,
            changed: b.changed.clone(),
            touched: b.appeared > 0 || !b.changed.is_empty(),
            words: b.words.as_ref().map(|words| {
                words
                    .iter()
                    .map(|w| {
                        let core = w.text.trim_end();
                        WordView {
                            op: w.op.as_str(),
                            text: visible(core),
                            space: w.text[core.len()..].to_string(),
                        }
                    })
                    .collect()
            }),
        })
        .collect();
    let touched = blocks.iter().filter(|b| b.touched).count();
    let versions: Vec<String> = t.versions.iter().map(|v| visible(v)).collect();
    render_template(
        "timeline.html",
        include_str!("../assets/timeline.html"),
        minijinja::context! {
            versions => versions,
            blocks => minijinja::Value::from(minijinja::value::Serde(&blocks)),
            touched => touched,
            profile => profile_of(&t.options),
        },
        out,
    )
}

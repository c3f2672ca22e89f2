//! The timeline of three or more versions as one page.

use std::io;

use serde::Serialize;

use super::{Anchors, BlockView, block_view, render_template, visible};
use crate::history::Timeline;
use crate::report::View;
use crate::report::naming::profile_of;

#[derive(Serialize)]
struct TimelineRow {
    #[serde(flatten)]
    block: BlockView,
    appeared: usize,
    changed: Vec<usize>,
}

/// The timeline of three or more versions as one page: every paragraph of the last version
/// with the version where it appeared and those where it changed.
pub fn render(t: &Timeline, _: &View, out: &mut dyn io::Write) -> io::Result<()> {
    let mut anchors = Anchors::new("v", t.blocks.iter().map(|b| &b.block));
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
    render_template(
        "timeline.html",
        include_str!("../assets/timeline.html"),
        minijinja::context! {
            versions => versions,
            blocks => minijinja::Value::from(minijinja::value::Serde(&blocks)),
            profile => profile_of(&t.options),
        },
        out,
    )
}

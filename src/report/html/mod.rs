//! HTML reports: one self-contained page each (CSS and script inline, no requests, a strict
//! Content-Security-Policy), rendered with minijinja, which escapes everything it
//! interpolates. The view models only regroup a result for its page: they compute nothing the
//! result does not already hold.

pub mod diff;
pub mod timeline;
pub mod translation;

use std::collections::{HashMap, HashSet};

use base64::Engine as _;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::terminal::is_hidden_control;
use crate::model::Block;

const CSS: &str = include_str!("../assets/report.css");
/// The pages' script: filters and keyboard steps, the same on every page.
const SCRIPT: &str = include_str!("../assets/report.js");

/// Document text made safe to show: hidden controls become visible `[U+202E]` marks.
/// Escaping of markup is the template engine's job.
fn visible(text: &str) -> String {
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

pub(super) fn csp_hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[derive(Serialize)]
pub(super) struct BlockView {
    pub anchor: String,
    pub label: String,
    pub text: String,
    pub heading: bool,
}

/// Stable, unique anchors for every block of one side: `new-35` by number where the number
/// is unique in the document, qualified by section where it repeats (`new-93-4c`), and by
/// line for unnumbered blocks.
pub(super) struct Anchors {
    prefix: &'static str,
    repeated: HashSet<String>,
    used: HashSet<String>,
}

impl Anchors {
    pub fn new<'b>(prefix: &'static str, blocks: impl Iterator<Item = &'b Block>) -> Anchors {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for b in blocks {
            if let Some(n) = &b.number {
                *seen.entry(Self::base(b, n)).or_default() += 1;
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

    pub fn anchor(&mut self, block: &Block) -> String {
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

pub(super) fn block_view(anchors: &mut Anchors, b: &Block) -> BlockView {
    BlockView {
        anchor: anchors.anchor(b),
        label: label_of(b),
        text: visible(&b.text),
        heading: b.is_heading(),
    }
}

/// A block's label as the page shows it; without one, the sign of its kind (`§` a heading,
/// `¶` a paragraph), so an unnumbered heading does not read as a paragraph.
pub(super) fn label_of(b: &Block) -> String {
    if b.label.is_empty() {
        if b.is_heading() { "§" } else { "¶" }.to_string()
    } else {
        visible(&b.label)
    }
}

/// Render one of the simpler pages: the shared CSS and script and their CSP hashes are
/// added to the context.
pub(super) fn render_template(
    name: &str,
    source: &str,
    context: minijinja::Value,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut env = minijinja::Environment::new();
    env.add_template(name, source).expect("template parses");
    let base = minijinja::context! {
        version => env!("CARGO_PKG_VERSION"),
        css => CSS,
        style_hash => csp_hash(CSS),
        js => SCRIPT,
        script_hash => csp_hash(SCRIPT),
    };
    let page = env
        .get_template(name)
        .and_then(|tpl| tpl.render(minijinja::context! { ..base, ..context }))
        .expect("template renders");
    out.write_all(page.as_bytes())
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

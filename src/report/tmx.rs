//! `accord align --format tmx`: TMX 1.4b, the exchange format of translation memories.

use std::fmt::Write as _;
use std::io;

use super::View;
use super::naming::{blocks_text, matched};
use crate::translation::Alignment;

/// XML text: markup characters escaped, characters XML 1.0 forbids shown as visible marks.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "[U+{:04X}]", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// TMX 1.4b: one translation unit per pair that at least two documents share.
/// Render the alignment as TMX 1.4b.
pub fn render(a: &Alignment, _: &View, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(text(a).as_bytes())
}

fn text(a: &Alignment) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n",
    );
    let _ = writeln!(
        out,
        "  <header creationtool=\"accord\" creationtoolversion=\"{}\" segtype=\"paragraph\" o-tmf=\"{}\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>",
        env!("CARGO_PKG_VERSION"),
        crate::translation::SCHEMA,
        xml(&a.documents[0].language)
    );
    out.push_str("  <body>\n");
    for (k, p) in a.pairs.iter().enumerate() {
        // A document that renders one of two blocks, nobody knows which, has no unit to
        // offer a translation memory.
        let offered = |d: usize| !p.blocks[d].is_empty() && !p.undecided.contains(&d);
        if (0..p.blocks.len()).filter(|&d| offered(d)).count() < 2 {
            continue;
        }
        let _ = writeln!(out, "    <tu tuid=\"{}\">", k + 1);
        let _ = writeln!(
            out,
            "      <prop type=\"x-matched-by\">{}</prop>",
            matched(p)
        );
        for (d, blocks) in p.blocks.iter().enumerate() {
            if !offered(d) {
                continue;
            }
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                xml(&a.documents[d].language),
                xml(&blocks_text(blocks))
            );
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

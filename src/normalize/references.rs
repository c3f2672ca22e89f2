//! A paragraph that opens by citing a provision (`§ 1746 Abs. 1 Satz 2 ist entsprechend
//! anzuwenden.`) is not that provision: its keyword and number are text, not a label.

use super::label::{Style, keyword_word};
use super::structure::Extra;
use crate::model::{Block, BlockType, Text};

/// A paragraph labelled with the keyword the document's headings are numbered with (`§`
/// under `§ 1767 …` headings) cites a provision when its number does not come next after
/// the latest such heading's: `§ 1746 Abs. 1 …` under § 1767. Where it does come next
/// (`Article 5. Everyone …` after an `Article 4` read as a heading), it is that article.
pub(super) fn unlabel_leading_references(blocks: &mut [Block], extras: &mut [Extra], source: &str) {
    let mut latest_heading: Vec<(String, (u32, Option<char>))> = Vec::new();
    for (block, extra) in blocks.iter_mut().zip(extras.iter_mut()) {
        if !matches!(extra.shape, Some((Style::Keyword(_), _))) {
            continue;
        }
        let Some(value) = block.number.as_deref().and_then(super::label::ordinal) else {
            continue;
        };
        let word = keyword_word(&block.label);
        let latest = latest_heading.iter_mut().find(|(w, _)| *w == word);
        if block.kind == BlockType::Heading {
            match latest {
                Some(entry) => entry.1 = value,
                None => latest_heading.push((word, value)),
            }
            continue;
        }
        let Some((_, heading)) = latest else { continue };
        if !super::findings::follows(*heading, value) {
            unlabel(block, extra, source);
        }
    }
}

/// The label back into the text, with what separated them in the source: spaces, or the
/// one mark the label reader takes as a separator (`Art 5: …`).
fn unlabel(block: &mut Block, extra: &mut Extra, source: &str) {
    let written = source.get(block.span.clone()).unwrap_or("").trim_start();
    let mark = written
        .strip_prefix(block.label.as_str())
        .map(str::trim_start)
        .and_then(|after| after.chars().next())
        .filter(|c| matches!(c, '-' | '–' | '—' | ':' | '.'))
        .filter(|c| !block.text.starts_with(*c));
    let separator = match mark {
        Some(c) => format!(" {c} "),
        None => " ".to_string(),
    };
    let separator = if matches!(mark, Some(':' | '.')) {
        separator.trim_start().to_string()
    } else {
        separator
    };
    block.text = Text::from(format!("{}{separator}{}", block.label, &*block.text));
    block.label.clear();
    block.number = None;
    extra.shape = None;
}

//! Two arbitrary documents (the input split at its first NUL byte) through compare and every
//! diff report: no panic, every block in exactly one entry at its own position, words that
//! rebuild both texts.
#![no_main]

use accord::model::Version;
use accord::report::{self, Format, Paint, View};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len() / 2);
    let (a, b) = (&data[..split], &data[(split + 1).min(data.len())..]);
    let (Ok(a), Ok(b)) = (std::str::from_utf8(a), std::str::from_utf8(b)) else { return };
    let options = accord::normalize::Options::default();
    let old = Version::new("a", accord::normalize::document(a, &options));
    let new = Version::new("b", accord::normalize::document(b, &options));
    let c = accord::diff::compare(&old, &new, &accord::diff::Options::default());
    let mut olds: Vec<usize> = c.entries.iter().flat_map(|e| e.old_positions.clone()).collect();
    let mut news: Vec<usize> = c.entries.iter().flat_map(|e| e.new_positions.clone()).collect();
    olds.sort_unstable();
    news.sort_unstable();
    assert_eq!(olds, (0..old.document.blocks.len()).collect::<Vec<_>>());
    assert_eq!(news, (0..new.document.blocks.len()).collect::<Vec<_>>());
    for e in &c.entries {
        for (block, &at) in e.old.iter().zip(&e.old_positions) {
            assert_eq!(block, &old.document.blocks[at]);
        }
        for (block, &at) in e.new.iter().zip(&e.new_positions) {
            assert_eq!(block, &new.document.blocks[at]);
        }
        if let Some(words) = &e.words {
            let (rebuilt_old, rebuilt_new) = accord::diff::rebuild(words);
            assert_eq!(rebuilt_old, accord::diff::join_texts(&e.old));
            assert_eq!(rebuilt_new, accord::diff::join_texts(&e.new));
        }
    }
    let view = View { paint: Paint { color: true }, all: true, width: 80, ..View::default() };
    for format in [Format::Json, Format::Html, Format::Markdown, Format::Text] {
        report::render(&c, format, &view, &mut std::io::sink()).expect("renders");
    }
});

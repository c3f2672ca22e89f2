//! The PDF reader past the extractor: arbitrary pages of lines (running on or not) through
//! its running-header, page-number and ligature handling and the normalizer: no panic, every
//! visible character of the lines either in a block or named in a repair, and a page for
//! every line. (The extractor, pdf-extract on lopdf, is another project's and fuzzed there.)
#![no_main]

use accord::source::pdf::{self, Line};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let pages: Vec<Vec<Line>> = text
        .split('\u{c}')
        .map(|page| {
            page.lines()
                .map(|l| Line { text: l.split_whitespace().collect::<Vec<_>>().join(" "), runs_on: l.ends_with(' ') })
                .collect()
        })
        .collect();
    let read = pdf::assemble(pages);
    assert_eq!(read.pages.len(), read.text.lines().count(), "a page for every line");
    let source = accord::source::Source {
        label: "fuzz".into(),
        text: read.text.clone(),
        reader: accord::source::Reader::Pdf,
        pages: read.pages.clone(),
        repairs: read.repairs.clone(),
        ..Default::default()
    };
    let version = accord::normalize::version(source, &accord::normalize::Options::default());
    let doc = &version.document;
    assert!(doc.blocks.iter().all(|b| b.page.is_some()), "every block has its page");
});

//! Two arbitrary documents through the translation aligner and its reports: no panic, every
//! block of both in exactly one row.
#![no_main]

use accord::report::{self, Format, View};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len() / 2);
    let (a, b) = (&data[..split], &data[(split + 1).min(data.len())..]);
    let (Ok(a), Ok(b)) = (std::str::from_utf8(a), std::str::from_utf8(b)) else { return };
    let options = accord::normalize::Options::default();
    let docs = [("a", "en", a), ("b", "ru", b)].map(|(label, language, text)| {
        accord::translation::LanguageVersion {
            version: accord::model::Version::new(label, accord::normalize::document(text, &options)),
            language: language.to_string(),
        }
    });
    let alignment = accord::translation::align(&docs);
    for (d, doc) in docs.iter().enumerate() {
        let n: usize = alignment.pairs.iter().map(|p| p.blocks[d].len()).sum();
        assert_eq!(n, doc.version.document.blocks.len());
    }
    for format in [Format::Tmx, Format::Tsv, Format::Html, Format::Text, Format::Json] {
        report::render(&alignment, format, &View::default(), &mut std::io::sink()).expect("renders");
    }
});

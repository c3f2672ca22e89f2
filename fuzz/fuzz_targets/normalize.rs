//! Arbitrary bytes through decoding, normalizing and every report of an outline: no panic,
//! and the conservation invariant (every non-space character of the body in some block).
#![no_main]

use accord::normalize::Outline;
use accord::report::{self, Format, Paint, View};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = accord::source::from_bytes("fuzz".into(), data.to_vec(), None) else { return };
    for repair in [true, false] {
        let version =
            accord::normalize::version(source.clone(), &accord::normalize::Options { repair });
        let outline = Outline::of(&version);
        let view = View { paint: Paint { color: true }, ..View::default() };
        for format in [Format::Json, Format::Text] {
            report::render(&outline, format, &view, &mut std::io::sink()).expect("renders");
        }
        let doc = &version.document;
        let (kept, total) = doc.visible_characters();
        assert!(kept <= total, "blocks hold more than the input");
        if doc.metadata.is_empty() && !source.text.starts_with("---") {
            assert_eq!(kept, total, "characters lost");
        }
    }
});

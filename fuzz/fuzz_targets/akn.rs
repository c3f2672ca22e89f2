//! Arbitrary text as the body of an Akoma Ntoso document, through its reader and the
//! normalizer: no panic, an error or text for every input, every visible character the reader
//! writes kept in a block, and every eId it keeps on a block that starts on its line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let xml = format!(
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><body>{}</body></act></akomaNtoso>",
        String::from_utf8_lossy(data)
    );
    let Ok(source) = accord::source::from_bytes("fuzz".into(), xml.into_bytes(), None) else { return };
    let version = accord::normalize::version(source.clone(), &accord::normalize::Options::default());
    let doc = &version.document;
    let (kept, total) = doc.visible_characters();
    assert_eq!(kept, total, "characters lost");
    for block in &doc.blocks {
        if let Some(eid) = &block.eid {
            assert!(source.ids.iter().any(|(line, id)| *line == block.line && id == eid));
        }
    }
});

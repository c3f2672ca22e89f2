//! Arbitrary text as a web page through the HTML reader and the normalizer: no panic, and
//! what the reader writes is what the normalizer keeps (every visible character in a block).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = format!("<!DOCTYPE html><html><body>{}</body></html>", String::from_utf8_lossy(data));
    let text = accord::source::html::to_text(&page);
    assert!(!text.contains('\0') || page.contains('\0'), "no characters made up");
    let Ok(source) = accord::source::from_bytes("fuzz".into(), page.into_bytes(), None) else { return };
    let version = accord::normalize::version(source.clone(), &accord::normalize::Options { repair: false });
    let doc = &version.document;
    let (kept, total) = doc.visible_characters();
    if doc.metadata.is_empty() && !source.text.starts_with("---") {
        assert_eq!(kept, total, "characters lost");
    }
});

//! Arbitrary bytes as a Word document, and arbitrary text as its body: no panic, an error or
//! text for every input, both ways of reading tracked changes, and every visible character the
//! reader wrote kept in a block by the normalizer.
#![no_main]

use std::io::Write;

use accord::source::docx::{self, Revisions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The bytes as an archive of their own.
    for revisions in [Revisions::Final, Revisions::Original] {
        let _ = docx::to_text(data, revisions);
    }
    // The bytes as the body of a well-formed archive.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    write!(zip, "<w:document {ns}><w:body>{}</w:body></w:document>", String::from_utf8_lossy(data)).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    for revisions in [Revisions::Final, Revisions::Original] {
        let options = accord::source::ReadOptions { revisions, ..Default::default() };
        let Ok(source) = accord::source::decode_input("fuzz".into(), bytes.clone(), &options) else {
            continue;
        };
        assert!(!source.text.contains("\n\n\n"), "blocks are separated by one blank line");
        let version = accord::normalize::version(source.clone(), &accord::normalize::Options::default());
        let (kept, total) = version.document.visible_characters();
        assert_eq!(kept, total, "characters lost");
    }
});

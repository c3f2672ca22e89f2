//! Two arbitrary documents through the translation aligner and its reports: no panic, every
//! block of both in exactly one pair.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len() / 2);
    let (a, b) = (&data[..split], &data[(split + 1).min(data.len())..]);
    let (Ok(a), Ok(b)) = (std::str::from_utf8(a), std::str::from_utf8(b)) else { return };
    let options = accord::normalize::Options::default();
    let docs = vec![
        ("a".to_string(), "en".to_string(), accord::normalize::document(a, &options)),
        ("b".to_string(), "ru".to_string(), accord::normalize::document(b, &options)),
    ];
    let alignment = accord::parallel::align(&docs);
    for (d, (_, _, doc)) in docs.iter().enumerate() {
        let n: usize = alignment.pairs.iter().map(|p| p.blocks[d].len()).sum();
        assert_eq!(n, doc.blocks.len());
    }
    let _ = accord::report::align::tmx(&alignment);
    let _ = accord::report::align::tsv(&alignment);
    let _ = accord::report::align::html(&alignment);
});

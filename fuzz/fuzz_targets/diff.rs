//! Two arbitrary documents (the input split at its first NUL byte) through compare and every
//! diff report: no panic, every block in exactly one entry, words that rebuild both texts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len() / 2);
    let (a, b) = (&data[..split], &data[(split + 1).min(data.len())..]);
    let (Ok(a), Ok(b)) = (std::str::from_utf8(a), std::str::from_utf8(b)) else { return };
    let options = accord::normalize::Options::default();
    let old = accord::normalize::document(a, &options);
    let new = accord::normalize::document(b, &options);
    let c = accord::diff::compare(old.clone(), new.clone(), "a", "b", &accord::diff::Options::default());
    let olds: usize = c.entries.iter().map(|e| e.old.len()).sum();
    let news: usize = c.entries.iter().map(|e| e.new.len()).sum();
    assert_eq!((olds, news), (old.blocks.len(), new.blocks.len()));
    for e in &c.entries {
        if let Some(words) = &e.words {
            let (rebuilt_old, rebuilt_new) = accord::diff::rebuild(words);
            assert_eq!(rebuilt_old, accord::diff::join_texts(&e.old));
            assert_eq!(rebuilt_new, accord::diff::join_texts(&e.new));
        }
    }
    let _ = accord::report::diff::json(&c);
    let _ = accord::report::html::render(&c);
    let _ = accord::report::markdown::render(&c);
    let view = accord::report::diff::View { paint: accord::report::term::Paint { color: true }, all: true, context: 0, width: 80 };
    let _ = accord::report::diff::terminal(&c, view);
});

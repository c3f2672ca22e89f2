//! Nothing is lost: the words of all blocks, in order, are the words of the input (front
//! matter aside), and each block's normalized text is its source with only the recorded
//! repairs applied. Checked on every shipped text and on generated documents.

use accord::model::{Document, RepairKind};
use accord::normalize::{self, Options};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use unicode_normalization::UnicodeNormalization;

use crate::util::{all_texts, read};

/// The input's words, with a YAML front matter block left out (it is metadata).
fn input_words(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    if lines.first().is_some_and(|l| l.trim_end() == "---")
        && let Some(close) = lines
            .iter()
            .skip(1)
            .position(|l| matches!(l.trim_end(), "---" | "..."))
    {
        lines.drain(..close + 2);
    }
    lines.join("\n").chars().filter(|c| visible(*c)).collect()
}

/// Whitespace, and invisible characters that make a line blank, are layout, not content.
fn visible(c: char) -> bool {
    !c.is_whitespace() && !accord::text::is_invisible(c)
}

/// Every character of the blocks' sources but whitespace: a run-in split moves a line
/// break, nothing else.
fn original_words(doc: &Document) -> String {
    doc.blocks
        .iter()
        .flat_map(|b| doc.original(b).chars().filter(|c| visible(*c)))
        .collect()
}

/// The letters and digits of a text: what a reader reads, without the markup around labels
/// (Markdown's `#`, the `-` in `I. - Die Grundrechte`, the `.` after `第一条.`).
fn content_words(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn clean(text: &str) -> String {
    text.nfc()
        .filter(|c| !matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'))
        .collect()
}

/// Check both halves of conservation; returns a description of the first violation.
fn check(text: &str, doc: &Document) -> Result<(), String> {
    if doc.source.as_str() != text {
        return Err("the document does not keep the text it was read from".to_string());
    }
    let input = input_words(text);
    let blocks = original_words(doc);
    if input != blocks {
        let at = input
            .chars()
            .zip(blocks.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let show = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(20))
                .take(40)
                .collect::<String>()
        };
        return Err(format!(
            "source text differs at character {at}: input {:?} vs blocks {:?}",
            show(&input),
            show(&blocks)
        ));
    }
    let mut pending: Vec<_> = doc
        .repairs
        .iter()
        .filter(|r| r.kind != RepairKind::RunIn)
        .collect();
    for (i, block) in doc.blocks.iter().enumerate() {
        let last_line = doc.blocks.get(i + 1).map_or(usize::MAX, |b| b.line);
        let mut expected = clean(
            &doc.original(block)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
        let mut k = 0;
        while k < pending.len() {
            let r = pending[k];
            if r.line >= block.line && r.line <= last_line && expected.contains(&r.before) {
                expected = expected.replacen(&r.before, &r.after, 1);
                pending.remove(k);
            } else {
                k += 1;
            }
        }
        let got = content_words(&block.display_text());
        let want = content_words(&expected);
        if got != want {
            return Err(format!("block at line {}: {got:?} vs {want:?}", block.line));
        }
    }
    if !pending.is_empty() {
        return Err(format!("repairs not found in any block: {pending:?}"));
    }
    Ok(())
}

/// A Word document's or a page's text, as its reader wrote it, is conserved by the
/// normalizer in every reading: every word in exactly one block, in order.
#[test]
fn word_documents_and_web_pages_are_conserved() {
    use accord::source::docx::Revisions;
    use accord::source::{self, Input, ReadOptions};
    let dir = crate::util::root().join("fixtures");
    let mut inputs: Vec<std::path::PathBuf> = ["docx", "html"]
        .iter()
        .flat_map(|kind| std::fs::read_dir(dir.join(kind)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx" || e == "html"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 6, "{inputs:?}");
    for path in inputs {
        for revisions in [Revisions::Final, Revisions::Original] {
            let options = ReadOptions {
                revisions,
                ..ReadOptions::default()
            };
            let read = source::read(&Input::Path(path.clone()), &options).unwrap();
            let text = read.text.clone();
            let version = normalize::version(read, &Options::default());
            if let Err(e) = check(&text, &version.document) {
                panic!("{} ({revisions:?}): {e}", path.display());
            }
        }
    }
}

#[test]
fn every_shipped_text_is_conserved() {
    for path in all_texts() {
        let text = read(&path);
        for repair in [true, false] {
            let doc = normalize::document(&text, &Options { repair });
            if let Err(e) = check(&text, &doc) {
                panic!("{path} (repair {repair}): {e}");
            }
        }
    }
}

/// Words that exercise the repairs and the label parser when they land at a line start.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zäöüéа-я]{1,9}",
        1 => "[A-Z][a-z]{1,8}",
        1 => Just("good- neighbourly".to_string()),
        1 => Just("medium- and".to_string()),
        1 => Just("extremism.Member".to_string()),
        1 => Just("2022- 2024".to_string()),
        1 => Just("U.N.".to_string()),
        1 => "[0-9]{1,3}\\.",
        1 => "\\([0-9a-c]\\)",
        1 => Just("Article 5".to_string()),
        1 => Just("第一条".to_string()),
        1 => Just("co\u{00AD}operation".to_string()),
        1 => Just("—".to_string()),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..25),
        prop::sample::select(vec![".", ";", ":", ",", ""]),
    )
        .prop_map(|(words, end)| format!("{}{end}", words.join(" ")))
}

/// A block of a generated document: a heading, a numbered paragraph or plain prose, maybe
/// hard-wrapped, maybe with a run-in next paragraph.
fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..20, "[A-Z ]{3,30}").prop_map(|(n, t)| format!("{n}. {}", t.trim())),
        (1u32..9, 1u32..9, "[A-Z][a-z ]{2,30}").prop_map(|(a, b, t)| format!("{a}.{b}. {t}")),
        (1u32..200, sentence()).prop_map(|(n, s)| format!("{n}. {s}")),
        (1u32..200, sentence(), sentence())
            .prop_map(|(n, s, t)| format!("{n}. {s}.{}. {t}", n + 1)),
        sentence(),
        (sentence(), 8usize..40).prop_map(|(s, width)| wrap(&s, width)),
    ]
}

fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for w in text.split(' ') {
        if line > 0 && line + w.len() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += w.len();
    }
    out
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(block(), 1..30),
        prop::sample::select(vec!["\n\n", "\r\n\r\n", "\n \n\n", "\n"]),
        any::<bool>(),
    )
        .prop_map(|(blocks, sep, final_newline)| {
            let mut text = blocks.join(sep);
            if final_newline {
                text.push('\n');
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: crate::diff_properties::cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/tests/conservation.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_documents_are_conserved(text in document(), repair in any::<bool>()) {
        let doc = normalize::document(&text, &Options { repair });
        prop_assert!(check(&text, &doc).is_ok(), "{:?}\n{}", check(&text, &doc), text);
    }

    #[test]
    fn arbitrary_text_never_panics_and_keeps_its_words(text in "\\PC{0,400}") {
        let doc = normalize::document(&text, &Options::default());
        prop_assert_eq!(input_words(&text), original_words(&doc));
    }
}

/// The count of visible characters the fuzz targets compare: a block's words counted, the
/// blank line's BOM and the spaces not.
#[test]
fn visible_characters_count_what_the_blocks_hold() {
    let doc = normalize::document(
        "\u{feff}\n\n1. Peace  and\nsecurity.\n\n2. Trade.\n",
        &Options::default(),
    );
    assert_eq!(doc.visible_characters(), (27, 27));
}

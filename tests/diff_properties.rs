//! Invariants of `diff::compare` and `translation::align` over random pairs of generated
//! documents: every block in exactly one entry or row, positions that name each block once,
//! words that rebuild both texts, identity, mirroring, determinism; and of the normalizer:
//! its output read again is the same.

use accord::diff::{self, Kind};
use accord::model::{BlockType, Version};
use accord::normalize::{self, Options as NormalizeOptions};
use accord::translation::{self, LanguageVersion};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![4 => "[a-z]{1,8}", 1 => "[A-Z][a-z]{1,6}", 1 => Just(",".to_string()), 1 => Just("人权".to_string())], 3..30)
        .prop_map(|words| format!("{}.", words.join(" ")))
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize),
    Modify(usize, String),
    Move(usize, usize),
    Split(usize),
    Merge(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), paragraph()).prop_map(|(i, p)| Edit::Insert(i, p)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), "[a-z]{2,8}").prop_map(|(i, w)| Edit::Modify(i, w)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Move(a, b)),
        any::<usize>().prop_map(Edit::Split),
        any::<usize>().prop_map(Edit::Merge),
    ]
}

fn apply(mut paras: Vec<String>, edits: &[Edit]) -> Vec<String> {
    for e in edits {
        let n = paras.len();
        match e {
            Edit::Insert(i, p) => paras.insert(i % (n + 1), p.clone()),
            Edit::Delete(i) if n > 1 => {
                paras.remove(i % n);
            }
            Edit::Modify(i, w) if n > 0 => {
                let p = &mut paras[i % n];
                *p = format!("{w} {p}");
            }
            Edit::Move(a, b) if n > 1 => {
                let p = paras.remove(a % n);
                paras.insert(b % n, p);
            }
            Edit::Split(i) if n > 0 => {
                let p = paras.remove(i % n);
                let words: Vec<&str> = p.split(' ').collect();
                let mid = words.len() / 2;
                if mid == 0 {
                    paras.insert(i % n, p);
                } else {
                    paras.insert(i % n, format!("{}.", words[..mid].join(" ")));
                    paras.insert(i % n + 1, words[mid..].join(" "));
                }
            }
            Edit::Merge(i) if n > 1 => {
                let k = i % (n - 1);
                let second = paras.remove(k + 1);
                paras[k] = format!("{} {second}", paras[k]);
            }
            _ => {}
        }
    }
    paras
}

/// What a block is, apart from where it is: kind, level, label, number and text.
type Shape = (BlockType, Option<u8>, String, Option<String>, String);

fn version(label: &str, text: &str) -> Version {
    Version::new(
        label,
        normalize::document(text, &NormalizeOptions::default()),
    )
}

fn language_version(language: &str, version: &Version) -> LanguageVersion {
    LanguageVersion {
        version: version.clone(),
        language: language.to_string(),
    }
}

fn render(paras: &[String]) -> String {
    let mut out = String::from("1. PROVISIONS\n\n");
    for (i, p) in paras.iter().enumerate() {
        out.push_str(&format!("{}. {p}\n\n", i + 1));
    }
    out
}

/// Cases per property: 256 in CI; `PROPTEST_CASES=10000` for the long run.
pub fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/tests/diff_properties.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn conservation_and_reconstruction(paras in prop::collection::vec(paragraph(), 1..25), edits in prop::collection::vec(edit(), 0..8)) {
        let old_text = render(&paras);
        let new_text = render(&apply(paras, &edits));
        let old = version("old", &old_text);
        let new = version("new", &new_text);
        let c = diff::compare(&old, &new, &diff::Options::default());

        let mut old_lines: Vec<usize> = c.entries.iter().flat_map(|e| e.old.iter().map(|b| b.line)).collect();
        let mut new_lines: Vec<usize> = c.entries.iter().flat_map(|e| e.new.iter().map(|b| b.line)).collect();
        old_lines.sort_unstable();
        new_lines.sort_unstable();
        prop_assert_eq!(old_lines, old.document.blocks.iter().map(|b| b.line).collect::<Vec<_>>());
        prop_assert_eq!(new_lines, new.document.blocks.iter().map(|b| b.line).collect::<Vec<_>>());
        // Positions name the entry's own blocks, each block exactly once.
        let mut old_positions: Vec<usize> = Vec::new();
        let mut new_positions: Vec<usize> = Vec::new();
        for e in &c.entries {
            for (block, &at) in e.old.iter().zip(&e.old_positions) {
                prop_assert_eq!(block, &old.document.blocks[at]);
            }
            for (block, &at) in e.new.iter().zip(&e.new_positions) {
                prop_assert_eq!(block, &new.document.blocks[at]);
            }
            prop_assert_eq!((e.old.len(), e.new.len()), (e.old_positions.len(), e.new_positions.len()));
            old_positions.extend(&e.old_positions);
            new_positions.extend(&e.new_positions);
        }
        old_positions.sort_unstable();
        new_positions.sort_unstable();
        prop_assert_eq!(old_positions, (0..old.document.blocks.len()).collect::<Vec<_>>());
        prop_assert_eq!(new_positions, (0..new.document.blocks.len()).collect::<Vec<_>>());

        for e in &c.entries {
            let old_joined = diff::join_texts(&e.old);
            let new_joined = diff::join_texts(&e.new);
            match &e.words {
                Some(words) => {
                    let (rebuilt_old, rebuilt_new) = diff::rebuild(words);
                    prop_assert_eq!(rebuilt_old, old_joined);
                    prop_assert_eq!(rebuilt_new, new_joined);
                }
                None => prop_assert!(matches!(e.kind, Kind::Unchanged | Kind::Added | Kind::Removed)),
            }
            prop_assert!((0.0..=1.0).contains(&e.similarity));
        }
        // Moving the versions in gives what borrowing them gives.
        let again = diff::compare(old, new, &diff::Options::default());
        prop_assert_eq!(serde_json::to_string(&c).unwrap(), serde_json::to_string(&again).unwrap());
    }

    #[test]
    fn comparing_backwards_mirrors_the_comparison(paras in prop::collection::vec(paragraph(), 1..25), edits in prop::collection::vec(edit(), 0..8)) {
        let old = version("a", &render(&paras));
        let new = version("b", &render(&apply(paras, &edits)));
        let forward = diff::compare(&old, &new, &diff::Options::default()).summary;
        let backward = diff::compare(&new, &old, &diff::Options::default()).summary;
        prop_assert_eq!(forward.added, backward.removed);
        prop_assert_eq!(forward.removed, backward.added);
        prop_assert_eq!(forward.split, backward.merged);
        prop_assert_eq!(forward.merged, backward.split);
        prop_assert_eq!(forward.changed, backward.changed);
        prop_assert_eq!(forward.unchanged, backward.unchanged);
        prop_assert_eq!(forward.renumbered, backward.renumbered);
        prop_assert_eq!(forward.moved, backward.moved);
    }

    #[test]
    fn aligning_keeps_every_block_once_and_is_deterministic(paras in prop::collection::vec(paragraph(), 1..25), edits in prop::collection::vec(edit(), 0..8)) {
        let a = version("a", &render(&paras));
        let b = version("b", &render(&apply(paras, &edits)));
        let docs = vec![language_version("en", &a), language_version("fr", &b)];
        let alignment = translation::align(&docs);
        for (d, doc) in [&a, &b].iter().enumerate() {
            let mut lines: Vec<usize> = alignment.pairs.iter().flat_map(|p| p.blocks[d].iter().map(|x| x.line)).collect();
            lines.sort_unstable();
            prop_assert_eq!(lines, doc.document.blocks.iter().map(|x| x.line).collect::<Vec<_>>());
        }
        let again = translation::align(&docs);
        prop_assert_eq!(serde_json::to_string(&alignment).unwrap(), serde_json::to_string(&again).unwrap());
    }

    #[test]
    fn a_document_aligned_with_itself_pairs_one_to_one(paras in prop::collection::vec(paragraph(), 1..25)) {
        let doc = version("a", &render(&paras));
        let docs = vec![language_version("en", &doc), language_version("en", &doc)];
        let alignment = translation::align(&docs);
        prop_assert!(alignment.pairs.iter().all(|p| p.blocks[0].len() == 1 && p.blocks[1].len() == 1 && p.blocks[0] == p.blocks[1]));
        prop_assert_eq!(alignment.summary.findings, 0);
    }

    /// The normalizer's own output, written out as text (label and text of each block,
    /// blank lines between), reads back as the same blocks: a document the normalizer has
    /// cleaned needs no second cleaning.
    #[test]
    fn normalizing_is_idempotent(paras in prop::collection::vec(paragraph(), 1..25)) {
        let once = version("x", &render(&paras));
        let written: String = once.document.blocks.iter().map(|b| format!("{}\n\n", b.display_text())).collect();
        let twice = version("x", &written);
        let shape = |v: &Version| -> Vec<Shape> {
            v.document.blocks.iter().map(|b| (b.kind, b.level, b.label.clone(), b.number.clone(), b.text.to_string())).collect()
        };
        prop_assert_eq!(shape(&once), shape(&twice));
        prop_assert!(twice.document.repairs.is_empty());
    }

    #[test]
    fn a_document_against_itself_is_unchanged(paras in prop::collection::vec(paragraph(), 1..25)) {
        let doc = version("a", &render(&paras));
        let c = diff::compare(&doc, &doc, &diff::Options::default());
        prop_assert!(c.entries.iter().all(|e| !e.differs()));
    }
}

//! `cargo bench`: each stage of the pipeline (normalize, block alignment, word diffs, the
//! whole comparison, the translation aligner, each report) on the declaration and on
//! generated 1 MB and 10 MB revisions (made by `bench/make_corpus.py` into
//! `target/bench-data/` on first run). Timings only; nothing here asserts speed.
//!
//! Twenty samples a benchmark: at 10 MB one run of a stage takes a tenth of a second or more,
//! and divan's default of a hundred would make `cargo bench` take many minutes.

use std::path::PathBuf;
use std::sync::LazyLock;

use accord::model::{Document, Version};
use accord::normalize::{self, Options};
use accord::report::{self, Format, Paint, View};

fn main() {
    divan::main();
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct Pair {
    new_text: String,
    old: Version,
    new: Version,
}

fn pair(old_text: String, new_text: String) -> Pair {
    let old = Version::new("old", normalize::document(&old_text, &Options::default()));
    let new = Version::new("new", normalize::document(&new_text, &Options::default()));
    Pair { new_text, old, new }
}

static DECLARATION: LazyLock<Pair> = LazyLock::new(|| {
    let read = |p: &str| std::fs::read_to_string(root().join(p)).expect("shipped text");
    pair(
        read("versions/dushanbe-2021.draft.en.txt"),
        read("versions/dushanbe-2021.en.txt"),
    )
});

/// A revision pair of `size` (`1M`, `10M`) made by the bench kit's generator, seed 1.
fn generated(size: &str) -> Pair {
    let dir = root().join("target/bench-data").join(size);
    if !dir.join("new.txt").exists() {
        let status = std::process::Command::new("python3")
            .arg(root().join("bench/make_corpus.py"))
            .args(["--size", size, "--seed", "1", "--out-dir"])
            .arg(&dir)
            .arg("--seed-file")
            .arg(root().join("versions/dushanbe-2021.en.txt"))
            .stderr(std::process::Stdio::null())
            .status()
            .expect("python3 runs");
        assert!(status.success(), "make_corpus.py --size {size} failed");
    }
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("generated corpus");
    pair(read("old.txt"), read("new.txt"))
}

static GENERATED_1M: LazyLock<Pair> = LazyLock::new(|| generated("1M"));
static GENERATED_10M: LazyLock<Pair> = LazyLock::new(|| generated("10M"));

fn input(name: &str) -> &'static Pair {
    match name {
        "declaration" => &DECLARATION,
        "generated-1M" => &GENERATED_1M,
        _ => &GENERATED_10M,
    }
}

const INPUTS: &[&str] = &["declaration", "generated-1M", "generated-10M"];

#[divan::bench(args = INPUTS, sample_count = 20)]
fn normalize_document(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    bencher.bench(|| normalize::document(divan::black_box(&p.new_text), &Options::default()));
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn compare(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    // The versions move into the comparison, as `accord diff` moves them: copies are made
    // outside the timing.
    bencher
        .with_inputs(|| (p.old.clone(), p.new.clone()))
        .bench_values(|(old, new)| {
            accord::diff::compare(old, new, &accord::diff::Options::default())
        });
}

/// The block aligner alone: the pairing of paragraphs that `compare` does before its word
/// diffs, keyed as `accord diff` keys blocks by default.
#[divan::bench(args = INPUTS, sample_count = 20)]
fn align_blocks(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    let options = accord::diff::Options::default();
    let keys =
        |doc: &'static Document| move |i: usize| accord::diff::key(&doc.blocks[i].text, &options);
    let (old_key, new_key) = (keys(&p.old.document), keys(&p.new.document));
    let items = |doc: &'static Document, key: &dyn Fn(usize) -> std::borrow::Cow<'static, str>| {
        doc.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| accord::align::Item {
                heading: b.is_heading(),
                anonymous: false,
                number: b.number.as_deref(),
                hash: accord::align::item_hash(b.is_heading(), &key(i)),
                id: b.eid.as_deref(),
            })
            .collect::<Vec<_>>()
    };
    bencher.bench(|| {
        let (old, new) = (
            items(&p.old.document, &old_key),
            items(&p.new.document, &new_key),
        );
        accord::align::align(&old, &new, (&old_key, &new_key), None)
    });
}

/// The word diffs of every changed paragraph of the comparison, one after another.
#[divan::bench(args = INPUTS, sample_count = 20)]
fn word_diffs(bencher: divan::Bencher, name: &str) {
    let c = comparison(input(name));
    let changed: Vec<(String, String)> = c
        .entries
        .iter()
        .filter(|e| e.kind == accord::diff::Kind::Changed)
        .map(|e| {
            (
                accord::diff::join_texts(&e.old),
                accord::diff::join_texts(&e.new),
            )
        })
        .collect();
    let options = accord::diff::Options::default();
    bencher.bench(|| {
        changed
            .iter()
            .map(|(old, new)| accord::diff::word_diff(old, new, &options).words.len())
            .sum::<usize>()
    });
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn align_translations(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    let docs = [&p.old, &p.new].map(|version| accord::translation::LanguageVersion {
        version: version.clone(),
        language: "en".to_string(),
    });
    bencher.bench(|| accord::translation::align(&docs));
}

fn comparison(p: &Pair) -> accord::diff::Comparison {
    accord::diff::compare(&p.old, &p.new, &accord::diff::Options::default())
}

/// One report of the comparison, rendered and thrown away.
fn bench_report(bencher: divan::Bencher, name: &str, format: Format, paint: Paint) {
    let c = comparison(input(name));
    let view = View {
        paint,
        ..View::default()
    };
    bencher.bench(|| report::render(&c, format, &view, &mut std::io::sink()));
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn report_json(bencher: divan::Bencher, name: &str) {
    bench_report(bencher, name, Format::Json, Paint { color: false });
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn report_html(bencher: divan::Bencher, name: &str) {
    bench_report(bencher, name, Format::Html, Paint { color: false });
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn report_markdown(bencher: divan::Bencher, name: &str) {
    bench_report(bencher, name, Format::Markdown, Paint { color: false });
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn report_terminal(bencher: divan::Bencher, name: &str) {
    bench_report(bencher, name, Format::Text, Paint { color: true });
}

//! `cargo bench`: each stage of the pipeline on the declaration and on a generated 1 MB
//! revision (made by `bench/make_corpus.py` into `target/bench-data/` on first run).
//! Timings only; nothing here asserts speed.

use std::path::PathBuf;
use std::sync::LazyLock;

use accord::model::Document;
use accord::normalize::{self, Options};

fn main() {
    divan::main();
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct Pair {
    new_text: String,
    old: Document,
    new: Document,
}

fn pair(old_text: String, new_text: String) -> Pair {
    let old = normalize::document(&old_text, &Options::default());
    let new = normalize::document(&new_text, &Options::default());
    Pair { new_text, old, new }
}

static DECLARATION: LazyLock<Pair> = LazyLock::new(|| {
    let read = |p: &str| std::fs::read_to_string(root().join(p)).expect("shipped text");
    pair(
        read("versions/dushanbe-2021.draft.en.txt"),
        read("versions/dushanbe-2021.en.txt"),
    )
});

static GENERATED_1M: LazyLock<Pair> = LazyLock::new(|| {
    let dir = root().join("target/bench-data/1M");
    if !dir.join("new.txt").exists() {
        let status = std::process::Command::new("python3")
            .arg(root().join("bench/make_corpus.py"))
            .args(["--size", "1M", "--seed", "1", "--out-dir"])
            .arg(&dir)
            .arg("--seed-file")
            .arg(root().join("versions/dushanbe-2021.en.txt"))
            .stderr(std::process::Stdio::null())
            .status()
            .expect("python3 runs");
        assert!(status.success());
    }
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("generated corpus");
    pair(read("old.txt"), read("new.txt"))
});

fn input(name: &str) -> &'static Pair {
    match name {
        "declaration" => &DECLARATION,
        _ => &GENERATED_1M,
    }
}

const INPUTS: &[&str] = &["declaration", "generated-1M"];

#[divan::bench(args = INPUTS)]
fn normalize_document(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    bencher.bench(|| normalize::document(divan::black_box(&p.new_text), &Options::default()));
}

#[divan::bench(args = INPUTS)]
fn compare(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    // The documents move into the comparison: copies are made outside the timing.
    bencher
        .with_inputs(|| (p.old.clone(), p.new.clone()))
        .bench_values(|(old, new)| {
            accord::diff::compare(old, new, "old", "new", &accord::diff::Options::default())
        });
}

#[divan::bench(args = INPUTS)]
fn align_translations(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    let docs = vec![
        ("old".to_string(), "en".to_string(), p.old.clone()),
        ("new".to_string(), "en".to_string(), p.new.clone()),
    ];
    bencher.bench(|| accord::parallel::align(&docs));
}

fn comparison(p: &Pair) -> accord::diff::Comparison {
    accord::diff::compare(
        p.old.clone(),
        p.new.clone(),
        "old",
        "new",
        &accord::diff::Options::default(),
    )
}

#[divan::bench(args = INPUTS)]
fn report_json(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    let c = comparison(p);
    bencher.bench(|| accord::report::diff::json(&c));
}

#[divan::bench(args = INPUTS)]
fn report_html(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    let c = comparison(p);
    bencher.bench(|| accord::report::html::render(&c));
}

#[divan::bench(args = INPUTS)]
fn report_markdown(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    let c = comparison(p);
    bencher.bench(|| accord::report::markdown::render(&c));
}

#[divan::bench(args = INPUTS)]
fn report_terminal(bencher: divan::Bencher, name: &str) {
    let p = input(name);
    let c = comparison(p);
    let view = accord::report::diff::View {
        paint: accord::report::term::Paint { color: true },
        all: false,
        context: 0,
        width: 100,
    };
    bencher.bench(|| accord::report::diff::terminal(&c, view));
}

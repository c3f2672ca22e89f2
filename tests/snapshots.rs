//! Snapshots of the rendered diff reports on a small pair with one change of every kind
//! (`fixtures/diff-every-kind`). Review changes with `cargo insta review`, or rerun with
//! `INSTA_UPDATE=always` and read the diff of `tests/snapshots/`.

use crate::util::{accord, redacted_reports};

const OLD: &str = "fixtures/diff-every-kind/old.txt";
const NEW: &str = "fixtures/diff-every-kind/new.txt";

fn run(args: &[&str]) -> String {
    let out = accord()
        .env("COLUMNS", "100")
        .args(["diff"])
        .args(args)
        .args([OLD, NEW])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn terminal_without_colour() {
    insta::assert_snapshot!(run(&["--color", "never"]));
}

#[test]
fn terminal_with_colour() {
    // Escape sequences made visible so the snapshot shows what is coloured how.
    insta::assert_snapshot!(run(&["--color", "always"]).replace('\u{1b}', "␛"));
}

#[test]
fn terminal_with_everything_shown() {
    insta::assert_snapshot!(run(&["--color", "never", "--all"]));
}

#[test]
fn json_report() {
    insta::assert_snapshot!(run(&["--format", "json"]));
}

#[test]
fn html_report() {
    redacted_reports().bind(|| insta::assert_snapshot!(run(&["--format", "html"])));
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(run(&["--format", "markdown"]));
}

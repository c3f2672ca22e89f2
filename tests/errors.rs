//! Bad input: one line on stderr naming the input and exit 2, or a valid result; never a
//! panic, never silent garbage.

use crate::util::accord;

/// Assert a clean failure: exit 2, one line on stderr that names `input`, nothing on stdout.
fn fails_cleanly(args: &[&str], input: &str, stdin: Option<&[u8]>) -> String {
    let mut cmd = accord();
    cmd.args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes.to_vec());
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.contains(input), "names {input}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.stdout.is_empty());
    stderr
}

fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path.display().to_string())
}

#[test]
fn missing_file() {
    let err = fails_cleanly(&["outline", "no/such/file.txt"], "no/such/file.txt", None);
    assert!(err.contains("no such file"));
}

#[test]
fn directory() {
    let err = fails_cleanly(&["outline", "versions"], "versions", None);
    assert!(err.contains("directory"));
}

#[test]
fn empty_file_and_whitespace_only() {
    let (_d, path) = temp_file("empty.txt", b"");
    assert!(fails_cleanly(&["outline", &path], &path, None).contains("empty"));
    let (_d2, path) = temp_file("blank.txt", b"  \n\n\t\r\n\xC2\xA0\n");
    assert!(fails_cleanly(&["outline", &path], &path, None).contains("empty"));
    fails_cleanly(&["outline", "-"], "<stdin>", Some(b""));
}

#[test]
fn binary_file() {
    let (_d, path) = temp_file("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let err = fails_cleanly(&["outline", &path], &path, None);
    assert!(err.contains("binary"), "{err}");
}

#[test]
fn invalid_utf8_names_the_offset() {
    let (_d, path) = temp_file("latin1.txt", b"1. Caf\xE9 society.\n");
    let err = fails_cleanly(&["outline", &path], &path, None);
    assert!(err.contains("byte offset 6"), "{err}");
}

#[test]
fn unknown_encoding_name() {
    let (_d, path) = temp_file("a.txt", b"1. Text.\n");
    let err = fails_cleanly(&["outline", "--encoding", "klingon-8", &path], &path, None);
    assert!(err.contains("klingon-8"));
}

#[test]
fn output_into_a_missing_directory() {
    let err = fails_cleanly(
        &[
            "outline",
            "versions/udhr/udhr.en.txt",
            "-o",
            "no/such/dir/out.json",
        ],
        "no/such/dir/out.json",
        None,
    );
    assert!(err.contains("does not exist"));
}

#[test]
fn fifty_megabyte_single_line_gives_a_valid_outline() {
    // Bounded by its size, not by a timer: the point is no panic and a complete result.
    let line = "word ".repeat(10 * 1024 * 1024);
    let (_d, path) = temp_file("huge.txt", line.as_bytes());
    let out = accord()
        .args(["outline", "--format", "json", &path])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outline: accord::report::outline::Outline = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(outline.blocks.len(), 1);
    assert_eq!(outline.blocks[0].text.len(), line.len() - 1);
}

#[test]
fn unnumbered_text_is_outlined_with_a_warning() {
    let out = accord()
        .args(["outline", "-"])
        .write_stdin("Just some prose.\n\nAnd more prose.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no numbered headings or paragraphs"));
}

#[test]
fn usage_errors_exit_2() {
    accord().arg("outline").assert().code(2);
    accord()
        .args(["outline", "--format", "yaml", "x"])
        .assert()
        .code(2);
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let out = accord()
        .args(["outline", "--color", "always", "-"])
        .write_stdin("1. Evil \u{1b}]0;pwned\u{7} title \u{202E}txet\n\n1. Body \u{1b}[2J text.\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\\u{1b}]0;pwned\\u{7}"), "{text}");
    assert!(text.contains("\\u{202e}"));
    assert!(!text.contains("\u{1b}]"));
    assert!(!text.contains("\u{1b}[2J"));
    assert!(!text.contains('\u{202E}'));
    assert!(text.contains("\u{1b}["), "accord's own colours still work");
}

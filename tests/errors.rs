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
    said_once(&stderr);
    stderr
}

/// No part of a message repeats another: an error's text and its cause's are said once.
fn said_once(message: &str) {
    let clauses: Vec<&str> = message
        .trim_start_matches("accord: ")
        .split(": ")
        .map(str::trim)
        .filter(|c| c.len() > 3)
        .collect();
    for (k, clause) in clauses.iter().enumerate() {
        assert!(
            !clauses[k + 1..]
                .iter()
                .any(|later| later.contains(clause) || clause.contains(later)),
            "said twice: {message}"
        );
    }
}

#[test]
fn utf16_without_a_byte_order_mark_gets_a_hint() {
    let text: Vec<u8> = "1. Все люди рождаются свободными.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (_d, path) = temp_file("utf16.txt", &text);
    let err = fails_cleanly(&["outline", &path], &path, None);
    assert!(err.contains("--encoding utf-16le"), "{err}");
    accord()
        .args(["outline", "--encoding", "utf-16le", &path])
        .assert()
        .success();
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_names_standard_output() {
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("accord"))
        .current_dir(crate::util::root())
        .args(["outline", "versions/udhr/udhr.en.txt"])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.starts_with("accord: <stdout>: write failed: "),
        "{stderr}"
    );
    said_once(&stderr);
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

/// Inputs are read at once; where several are bad, the one reported is the first on the
/// command line, whichever failed first.
#[test]
fn of_several_bad_inputs_the_first_is_named() {
    let (_d, empty) = temp_file("empty.txt", b"");
    for _ in 0..5 {
        let err = fails_cleanly(&["diff", &empty, "no/such/file.txt"], &empty, None);
        assert!(!err.contains("no/such/file.txt"), "{err}");
        let err = fails_cleanly(
            &["diff", "no/such/file.txt", &empty],
            "no/such/file.txt",
            None,
        );
        assert!(!err.contains("empty.txt"), "{err}");
    }
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
    assert_eq!(
        err.matches("not valid UTF-8").count(),
        1,
        "said once: {err}"
    );
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
    let outline: accord::normalize::Outline = serde_json::from_slice(&out.stdout).unwrap();
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

#[test]
#[cfg(unix)]
fn unreadable_file() {
    let (_d, path) = temp_file("secret.txt", b"1. Text.\n");
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    std::fs::set_permissions(&path, perms).unwrap();
    // Root reads anything; a file whose read fails is then the kernel's memory file.
    let target = if std::fs::read(&path).is_ok() {
        "/proc/self/mem".to_string()
    } else {
        path.clone()
    };
    fails_cleanly(&["outline", &target], &target, None);
    fails_cleanly(
        &["diff", &target, "versions/udhr/udhr.en.txt"],
        &target,
        None,
    );
}

#[test]
fn corrupt_repository() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| crate::util::git_as_tester(dir.path(), args);
    run(&["init", "-q"]);
    std::fs::write(dir.path().join("a.txt"), "1. Text.\n").unwrap();
    run(&["add", "a.txt"]);
    run(&["commit", "-q", "-m", "one"]);
    // Every object file truncated: the repository is there, its contents are not.
    for entry in walk(&dir.path().join(".git/objects")) {
        std::fs::write(entry, b"garbage").unwrap();
    }
    let repo = dir.path().display().to_string();
    let err = fails_cleanly(
        &["diff", "HEAD:a.txt", "HEAD:a.txt", "--repo", &repo],
        "HEAD",
        None,
    );
    assert!(!err.contains("panicked"));
    fails_cleanly(&["log", "a.txt", "--repo", &repo], "", None);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn closed_stdout_is_not_an_error() {
    use std::process::{Command, Stdio};
    // The terminal report is written whole, the JSON one streamed: both end quietly.
    for format in ["text", "json"] {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("accord"))
            .args([
                "diff",
                "--all",
                "--format",
                format,
                "versions/dushanbe-2021.draft.en.txt",
                "versions/dushanbe-2021.en.txt",
            ])
            .current_dir(crate::util::root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before accord writes, as `accord diff a b | head -0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "{format}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{format}");
    }
}

/// A format the result lacks (the timeline of three versions has no Markdown) is refused
/// before any output is opened: no file is left behind, and the message says which
/// formats there are.
#[test]
fn a_format_the_result_lacks_opens_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("timeline.md");
    let history = "fixtures/grundgesetz-history";
    let err = fails_cleanly(
        &[
            "diff",
            "--format",
            "markdown",
            &format!("{history}/1-8e9e7a10.md"),
            &format!("{history}/4-166018c1.md"),
            &format!("{history}/5-5710c0a6.md"),
            "-o",
            &target.display().to_string(),
        ],
        "has no Markdown form; use text, json or html",
        None,
    );
    assert!(err.starts_with("accord: the timeline"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Git's external diff hands over temporary copies: messages name the file they stand for,
/// and a side git marks absent with `/dev/null` reads as empty, on every platform.
#[test]
fn git_diff_names_the_file_git_stands_for() {
    let (_d, copy) = temp_file("git-temporary-copy.txt", b"1. Caf\xe9 au lait.\n");
    let new = "versions/udhr/udhr.en.txt";
    let args = [
        "git-diff", "decl.txt", &copy, "0000000", "100644", new, "0000000", "100644",
    ];
    // Git stops the whole diff at a driver's failure: the file is reported and skipped.
    let out = accord().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        [
            "diff --git a/decl.txt b/decl.txt",
            "not compared: a/decl.txt: not valid UTF-8 at byte offset 6; if the file is in a legacy encoding, name it with --encoding (e.g. windows-1251, gb18030)"
        ]
    );
    let added = accord()
        .args(["git-diff", "decl.txt", "/dev/null", "0000000", "100644"])
        .args([new, "0000000", "100644"])
        .output()
        .unwrap();
    assert_eq!(added.status.code(), Some(0));
    let text = String::from_utf8(added.stdout).unwrap();
    assert!(
        text.starts_with("diff --git a/decl.txt b/decl.txt\n--- /dev/null\n+++ b/decl.txt\n"),
        "{text}"
    );
    assert!(text.contains("92 added"), "{text}");
}

#[test]
fn no_partial_output_file_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    let target_str = target.display().to_string();
    fails_cleanly(
        &[
            "diff",
            "no/such.txt",
            "versions/udhr/udhr.en.txt",
            "-o",
            &target_str,
        ],
        "no/such.txt",
        None,
    );
    assert!(!target.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary file left"
    );
    // An existing report is replaced whole.
    std::fs::write(&target, "old").unwrap();
    accord()
        .args([
            "outline",
            "--format",
            "json",
            "versions/udhr/udhr.en.txt",
            "-o",
            &target_str,
        ])
        .assert()
        .code(0);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('{'));
}

/// A report written over an existing file keeps that file's permissions.
#[test]
#[cfg(unix)]
fn a_replaced_report_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    accord()
        .args([
            "outline",
            "--format",
            "json",
            "versions/udhr/udhr.en.txt",
            "-o",
        ])
        .arg(&target)
        .assert()
        .code(0);
    let mode = std::fs::metadata(&target).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('{'));
}

#[test]
#[cfg(unix)]
fn devices_are_written_in_place() {
    accord()
        .args([
            "diff",
            "--format",
            "json",
            "versions/udhr/udhr.en.txt",
            "versions/udhr/udhr.en.txt",
            "-o",
            "/dev/null",
        ])
        .assert()
        .code(0);
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device(),
        "/dev/null not replaced"
    );
}

#[test]
fn a_hundred_thousand_identical_paragraphs() {
    // Bounded by its size: every paragraph is the same, so nothing identifies one.
    let base = "The same paragraph again.\n\n".repeat(100_000);
    let changed = format!(
        "{}An inserted paragraph.\n\n{}",
        "The same paragraph again.\n\n".repeat(50_000),
        "The same paragraph again.\n\n".repeat(50_000)
    );
    let (_a, a) = temp_file("a.txt", base.as_bytes());
    let (_b, b) = temp_file("b.txt", changed.as_bytes());
    let out = accord()
        .args(["diff", "--format", "json", &a, &b])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c: accord::diff::Comparison = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (c.summary.added, c.summary.unchanged, c.summary.removed),
        (1, 100_000, 0)
    );
    let aligned = accord()
        .args(["align", "--format", "json", &a, &b])
        .output()
        .unwrap();
    assert!(matches!(aligned.status.code(), Some(0 | 1)));
}

#[test]
fn a_huge_paragraph_falls_back_and_says_so() {
    let old = "word ".repeat(2_000_000);
    let new = format!(
        "{}changed {}",
        "word ".repeat(1_000_000),
        "word ".repeat(999_999)
    );
    let (_a, a) = temp_file("a.txt", old.as_bytes());
    let (_b, b) = temp_file("b.txt", new.as_bytes());
    let out = accord()
        .args(["diff", "--format", "json", &a, &b])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let c: accord::diff::Comparison = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c.summary.changed, 1);
    assert!(
        c.entries[0]
            .fallback
            .as_deref()
            .is_some_and(|f| f.contains("too large"))
    );
}

#[test]
fn web_page_without_text() {
    let page = b"<!DOCTYPE html><html><head><script>var a = 1;</script></head>\
                 <body><nav><a href='/'>Home</a></nav><footer>2021</footer></body></html>";
    let (_d, path) = temp_file("empty.html", page);
    let err = fails_cleanly(&["outline", &path], &path, None);
    assert!(err.contains("a web page with no text to read"), "{err}");
    // Standard input is read the same way.
    let err = fails_cleanly(&["outline", "-"], "<stdin>", Some(page));
    assert!(err.contains("no text"), "{err}");
}

#[test]
fn corrupt_or_foreign_zip_archives() {
    let (_d, corrupt) = temp_file("draft.docx", b"PK\x03\x04 not really an archive");
    let err = fails_cleanly(&["outline", &corrupt], &corrupt, None);
    assert!(err.contains("ZIP"), "{err}");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("notes.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, b"hello").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let (_e, foreign) = temp_file("archive.zip", &bytes);
    let err = fails_cleanly(&["outline", &foreign], &foreign, None);
    assert!(err.contains("not a Word document"), "{err}");
}

/// A Word document of `document_xml` (the whole `word/document.xml` part).
fn word_document(document_xml: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(&mut zip, document_xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// `zip` with a field of every entry's headers (local and central) rewritten: `local` and
/// `central` are the field's offsets in each header.
fn patch_headers(mut zip: Vec<u8>, local: usize, central: usize, value: &[u8]) -> Vec<u8> {
    for (signature, offset) in [(b"PK\x03\x04", local), (b"PK\x01\x02", central)] {
        let starts: Vec<usize> = zip
            .windows(4)
            .enumerate()
            .filter(|(_, w)| w == signature)
            .map(|(i, _)| i)
            .collect();
        for start in starts {
            zip[start + offset..start + offset + value.len()].copy_from_slice(value);
        }
    }
    zip
}

const WORD_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

#[test]
fn encrypted_or_password_protected_word_documents() {
    let doc = word_document(&format!(
        "<w:document {WORD_NS}><w:body><w:p><w:r><w:t>1. Text.</w:t></w:r></w:p></w:body></w:document>"
    ));
    // Bit 0 of the general-purpose flags: the entry is encrypted.
    let encrypted = patch_headers(doc, 6, 8, &[1, 0]);
    let (_d, path) = temp_file("locked.docx", &encrypted);
    let err = fails_cleanly(&["outline", &path], &path, None);
    assert!(err.contains("encrypted ZIP archive"), "{err}");
    // Word keeps a document with a password to open in an OLE compound file.
    let mut compound = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    compound.extend(std::iter::repeat_n(0u8, 504));
    let (_e, path) = temp_file("protected.docx", &compound);
    let err = fails_cleanly(&["outline", &path], &path, None);
    assert!(err.contains("protected by a password"), "{err}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_inflates() {
    let doc = word_document(&format!("<w:document {WORD_NS}><w:body/></w:document>"));
    // The headers claim 4 GiB once inflated.
    let bomb = patch_headers(doc, 22, 24, &u32::MAX.to_le_bytes());
    let (_d, path) = temp_file("bomb.docx", &bomb);
    let err = fails_cleanly(&["outline", &path], &path, None);
    assert!(
        err.contains("word/document.xml inflates to more than"),
        "{err}"
    );
}

#[test]
fn malformed_word_markup() {
    for (name, xml) in [
        (
            "cut.docx",
            format!("<w:document {WORD_NS}><w:body><w:p><w:r><w:t>Art"),
        ),
        (
            "crossed.docx",
            format!("<w:document {WORD_NS}><w:body><w:p></w:body></w:p></w:document>"),
        ),
    ] {
        let (_d, path) = temp_file(name, &word_document(&xml));
        let err = fails_cleanly(&["outline", &path], &path, None);
        assert!(
            err.contains("word/document.xml is not well-formed XML"),
            "{err}"
        );
    }
}

#[test]
fn malformed_akoma_ntoso() {
    let xml = b"<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><body>\
                <article><num>Article 1</num></body></act></akomaNtoso>";
    let (_d, path) = temp_file("act.xml", xml);
    let err = fails_cleanly(&["outline", &path], &path, None);
    assert!(err.contains("not well-formed Akoma Ntoso XML"), "{err}");
}

#[test]
fn pdfs_that_cannot_be_read() {
    // A page with a drawing and no text (fixtures/pdf/no-text.pdf, made by groff).
    let path = crate::util::root().join("fixtures/pdf/no-text.pdf");
    let path = path.to_str().unwrap();
    let err = fails_cleanly(&["outline", path], path, None);
    assert!(err.contains("no text layer: it looks scanned"), "{err}");
    // The same typeset declaration with its trailer naming an encryption dictionary.
    let pdf = std::fs::read(crate::util::root().join("fixtures/pdf/dushanbe-2021.pdf")).unwrap();
    let at = pdf.windows(7).rposition(|w| w == b"/Root 1").unwrap();
    let mut locked = pdf[..at].to_vec();
    locked.extend_from_slice(b"/Encrypt 1 0 R ");
    locked.extend_from_slice(&pdf[at..]);
    let (_d, path) = temp_file("locked.pdf", &locked);
    let err = fails_cleanly(&["outline", &path], &path, None);
    assert!(err.contains("an encrypted PDF"), "{err}");
    let (_e, path) = temp_file("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog");
    let err = fails_cleanly(&["outline", &path], &path, None);
    assert!(err.contains("a PDF that cannot be read"), "{err}");
}

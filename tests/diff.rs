//! `accord diff`: exit statuses, ignored differences, and accuracy against generated
//! revisions with a known truth.

use accord::diff::{Comparison, Kind};

use crate::util::{accord, gfm_html, read, root};

fn diff_json(args: &[&str]) -> (Comparison, i32) {
    let out = accord()
        .args(["diff", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(
        code == 0 || code == 1,
        "{args:?}: exit {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c: Comparison = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c.schema, "accord.diff/1");
    (c, code)
}

const DECLARATION: &str = "versions/dushanbe-2021.en.txt";

#[test]
fn declaration_against_itself_is_all_unchanged() {
    let (c, code) = diff_json(&[DECLARATION, DECLARATION]);
    assert_eq!(code, 0);
    assert!(
        c.entries
            .iter()
            .all(|e| e.kind == Kind::Unchanged && !e.moved && !e.renumbered)
    );
    assert_eq!(c.summary.unchanged, c.old.blocks);
    accord()
        .args(["diff", DECLARATION, DECLARATION])
        .assert()
        .code(0);
}

#[test]
fn cosmetic_copy_is_equal_by_default_and_different_when_strict() {
    // CRLF line endings, straight quotes, and the PDF hyphenation repaired by hand.
    let text = read(DECLARATION)
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .replace("good- neighbourly", "good-neighbourly")
        .replace("Anti- Terrorist", "Anti-Terrorist")
        .replace('\n', "\r\n");
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.txt");
    std::fs::write(&copy, text).unwrap();
    let copy = copy.display().to_string();
    let (c, code) = diff_json(&[DECLARATION, &copy]);
    assert_eq!(code, 0, "{:?}", c.summary);
    let (strict, code) = diff_json(&["--strict", DECLARATION, &copy]);
    assert_eq!(code, 1);
    assert!(strict.summary.changed > 0);
    assert!(strict.options.strict);
}

#[test]
fn every_block_in_exactly_one_entry_and_words_rebuild_both_texts() {
    let (c, _) = diff_json(&[
        "fixtures/grundgesetz-history/1-8e9e7a10.md",
        "fixtures/grundgesetz-history/5-5710c0a6.md",
    ]);
    let old_lines: Vec<usize> = c
        .entries
        .iter()
        .flat_map(|e| e.old.iter().map(|b| b.line))
        .collect();
    let new_lines: Vec<usize> = c
        .entries
        .iter()
        .flat_map(|e| e.new.iter().map(|b| b.line))
        .collect();
    assert_eq!(old_lines.len(), c.old.blocks);
    assert_eq!(new_lines.len(), c.new.blocks);
    let mut sorted = new_lines.clone();
    sorted.sort();
    assert_eq!(sorted, new_lines, "entries follow NEW's order");
    for e in &c.entries {
        let Some(words) = &e.words else {
            assert!(!matches!(
                e.kind,
                Kind::Changed | Kind::Split | Kind::Merged
            ));
            continue;
        };
        let (rebuilt_old, rebuilt_new) = accord::diff::rebuild(words);
        let old_text = accord::diff::join_texts(&e.old);
        let new_text = accord::diff::join_texts(&e.new);
        assert_eq!(rebuilt_new, new_text);
        // Ignored differences (quote style) show the new spelling in equal words, which keep
        // the old one beside it.
        assert_eq!(rebuilt_old, old_text);
    }
}

#[test]
fn fail_on_selects_the_kinds_that_fail() {
    let old = "fixtures/grundgesetz-history/3-bb3f0178.md";
    let new = "fixtures/grundgesetz-history/4-166018c1.md";
    let (c, code) = diff_json(&[old, new]);
    assert_eq!(code, 1);
    assert_eq!(c.summary.added, 1, "{:?}", c.summary);
    let added = c.entries.iter().find(|e| e.kind == Kind::Added).unwrap();
    assert_eq!(added.new[0].label, "4c.");
    accord()
        .args(["diff", "--fail-on", "removed,moved", old, new])
        .assert()
        .code(0);
    accord()
        .args(["diff", "--fail-on", "added", old, new])
        .assert()
        .code(1);
}

#[test]
fn terminal_report_marks_words_without_colour() {
    let out = accord()
        .args([
            "diff",
            "--color",
            "never",
            "fixtures/grundgesetz-history/3-bb3f0178.md",
            "fixtures/grundgesetz-history/4-166018c1.md",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("{+4c. über Beschwerden von Vereinigungen"),
        "{text}"
    );
    assert!(text.contains("[-21-]{+11+}"), "{text}");
    assert!(text.contains("— added"));
    assert!(!text.contains('\u{1b}'));
    assert!(
        text.trim_end()
            .lines()
            .last()
            .unwrap()
            .contains("unchanged")
    );
}

/// Score accord against a generated revision with `bench/score.py`; returns the figures.
fn score(seed: u32, kinds: Option<&str>) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().display().to_string();
    let mut make = std::process::Command::new("python3");
    make.arg(root().join("bench/make_corpus.py"))
        .args([
            "--size",
            "57K",
            "--seed",
            &seed.to_string(),
            "--out-dir",
            &corpus,
            "--seed-file",
        ])
        .arg(root().join(DECLARATION));
    if let Some(k) = kinds {
        make.args(["--kinds", k]);
    }
    let made = make.output().expect("python3 runs");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let report = dir.path().join("report.json");
    accord()
        .args(["diff", "--format", "json", "-o"])
        .arg(&report)
        .arg(dir.path().join("old.txt"))
        .arg(dir.path().join("new.txt"))
        .assert()
        .code(1);
    let scored = std::process::Command::new("python3")
        .arg(root().join("bench/score.py"))
        .arg(&corpus)
        .arg(&report)
        .arg("--json")
        .output()
        .unwrap();
    serde_json::from_slice(&scored.stdout).unwrap()
}

#[test]
fn accuracy_on_generated_revisions() {
    for seed in 1..=5 {
        let s = score(seed, None);
        let figure = |k: &str| s[k].as_f64().unwrap();
        assert!(figure("pairs") >= 0.99, "seed {seed}: {s}");
        assert!(figure("kinds") >= 0.97, "seed {seed}: {s}");
        assert!(
            figure("move_recall") >= 0.9 && figure("move_precision") >= 0.9,
            "seed {seed}: {s}"
        );
        assert_eq!(s["conserved"], true, "seed {seed}");
        assert_eq!(s["false_changed_renumbered"], 0, "seed {seed}");
    }
}

#[test]
fn renumbering_only_revision_is_unchanged_and_renumbered() {
    let s = score(1, Some("insert"));
    assert_eq!(s["pairs"], 1.0, "{s}");
    assert_eq!(s["kinds"], 1.0, "{s}");
    assert_eq!(
        s["by_kind"]["renumbered"]["kinds"],
        s["by_kind"]["renumbered"]["n"]
    );
}

#[test]
fn ignore_options_are_echoed_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "1. The Parties, in good faith, agree.\n").unwrap();
    std::fs::write(&b, "1. The parties in good faith agree!\n").unwrap();
    let run = |flags: &[&str]| {
        let out = accord()
            .args(["diff", "--color", "never"])
            .args(flags)
            .arg(&a)
            .arg(&b)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
        )
    };
    let (code, text) = run(&[]);
    assert_eq!(code, 1);
    assert!(
        text.contains(
            "ignoring whitespace, quote and dash style, full-width and half-width forms, repaired PDF damage\n"
        ),
        "{text}"
    );
    let (code, text) = run(&["--ignore-case", "--ignore-punctuation"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("case, punctuation"));
    let (code, text) = run(&["--ignore-punctuation"]);
    assert_eq!(code, 1);
    assert!(
        !text.contains("[-,-]"),
        "a lone punctuation change is not marked: {text}"
    );
    assert!(
        text.contains("agree!"),
        "punctuation shown unmarked: {text}"
    );
    let (c, _) = diff_json(&["--ignore-case", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(c.options.ignore_case && !c.options.ignore_punctuation);
}

#[test]
fn markdown_of_a_large_revision_fits_a_comment_and_says_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let made = std::process::Command::new("python3")
        .arg(root().join("bench/make_corpus.py"))
        .args(["--size", "1M", "--seed", "1", "--out-dir"])
        .arg(dir.path())
        .arg("--seed-file")
        .arg(root().join(DECLARATION))
        .output()
        .unwrap();
    assert!(made.status.success());
    let out = accord()
        .args(["diff", "--format", "markdown"])
        .arg(dir.path().join("old.txt"))
        .arg(dir.path().join("new.txt"))
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.chars().count() <= 65_536,
        "{} characters",
        md.chars().count()
    );
    assert!(
        md.contains("_Shortened to fit a comment"),
        "says what it left out"
    );
    assert!(md.contains("| changed | added |"));
}

#[test]
fn html_report_of_the_declaration_is_small_and_self_contained() {
    let out = accord()
        .args([
            "diff",
            "--format",
            "html",
            "versions/dushanbe-2021.draft.en.txt",
            DECLARATION,
        ])
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
    assert!(html.contains("Content-Security-Policy"));
    for external in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    // Every paragraph has an anchor by its number in each version.
    assert!(html.contains("id=\"new-35\"") && html.contains("id=\"old-34\""));
    // The policy allows the page's own style and script by their hashes, and nothing else:
    // snapshots redact both, so the hashes are checked against the content here.
    let between = |open: &str, close: &str| {
        let start = html.find(open).unwrap() + open.len();
        &html[start..start + html[start..].find(close).unwrap()]
    };
    let hash = |content: &str| {
        use base64::Engine as _;
        use sha2::Digest as _;
        let digest = sha2::Sha256::digest(content.as_bytes());
        base64::engine::general_purpose::STANDARD.encode(digest)
    };
    let style = hash(between("<style>", "</style>"));
    let script = hash(between("<script>", "</script>"));
    assert!(
        html.contains(&format!("style-src 'sha256-{style}'")),
        "style hash"
    );
    assert!(
        html.contains(&format!("script-src 'sha256-{script}'")),
        "script hash"
    );
}

/// The text of every `<tag>` element of `html`, in order, inner tags dropped and entities
/// decoded.
fn elements(html: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let inner = &rest[start + open.len()..];
        let end = inner.find(&close).expect("element closed");
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner[..end].chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        out.push(
            text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&"),
        );
        rest = &inner[end + close.len()..];
    }
    out
}

/// What a report must mark, in order: the deleted and the inserted words of every entry it
/// shows, and the whole text of added and removed blocks.
fn changed_texts(c: &Comparison) -> (Vec<String>, Vec<String>) {
    let (mut deleted, mut inserted) = (Vec::new(), Vec::new());
    let whole = |blocks: &[accord::model::Block]| {
        let texts: Vec<String> = blocks.iter().map(|b| b.display_text()).collect();
        texts.join(" ")
    };
    for e in &c.entries {
        match (&e.words, e.kind) {
            (Some(words), _) => {
                for w in words {
                    let core = w.text.trim_end().to_string();
                    match w.op {
                        _ if core.is_empty() => {}
                        accord::diff::Op::Delete => deleted.push(core),
                        accord::diff::Op::Insert => inserted.push(core),
                        accord::diff::Op::Equal => {}
                    }
                }
            }
            (None, Kind::Removed) => deleted.push(whole(&e.old)),
            (None, Kind::Added) => inserted.push(whole(&e.new)),
            _ => {}
        }
    }
    (deleted, inserted)
}

/// How many of `want` are rendered exactly, each rendering used once.
fn rendered(want: &[String], mut got: Vec<String>) -> usize {
    want.iter()
        .filter(|w| {
            got.iter()
                .position(|g| g == *w)
                .map(|i| got.remove(i))
                .is_some()
        })
        .count()
}

fn every_mark_renders(old: &str, new: &str) {
    let (c, _) = diff_json(&[old, new]);
    let md = accord()
        .args(["diff", "--format", "markdown", old, new])
        .output()
        .unwrap()
        .stdout;
    let md = String::from_utf8(md).unwrap();
    assert!(!md.contains("_Shortened"), "the full report is checked");
    let html = gfm_html(&md);
    let (deleted, inserted) = changed_texts(&c);
    let (del, ins) = (elements(&html, "del"), elements(&html, "b"));
    let (d, i) = (
        rendered(&deleted, del.clone()),
        rendered(&inserted, ins.clone()),
    );
    assert!(
        d == deleted.len() && i == inserted.len() && del.len() == d && ins.len() == i,
        "{old} → {new}: {d}/{} deletions and {i}/{} insertions render ({} struck, {} strong)\n{html}",
        deleted.len(),
        inserted.len(),
        del.len(),
        ins.len()
    );
}

#[test]
fn every_deletion_and_insertion_renders_under_gfm() {
    every_mark_renders(
        "versions/grundgesetz/gg-2012.md",
        "versions/grundgesetz/gg-2018.md",
    );
    // Changes that begin or end with a space or punctuation, next to letters and to other
    // punctuation: where GFM's flanking rules refuse `~~`/`**` delimiters.
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(
        &old,
        "1. The Parties agree, and shall cooperate.\n\n\
         2. Each Party shall report (annually) to the Council.\n\n\
         3. Costs are shared: half each.\n\n\
         4. This paragraph stays as it is.\n\n\
         5. “Quoted”, then removed.\n\n\
         7. Members: states and bodies.\n\n\
         8. It ends here, finally.\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "1. The Parties agree and shall cooperate closely.\n\n\
         2. Each Party shall report to the Council, in writing.\n\n\
         3. Costs are shared (half each).\n\n\
         4. This paragraph stays as it is.\n\n\
         6. (New) paragraph, “quoted”.\n\n\
         7. Members, states and bodies.\n\n\
         8. It ends here.\n",
    )
    .unwrap();
    every_mark_renders(old.to_str().unwrap(), new.to_str().unwrap());
}

/// The shipped draft and final declaration as Word documents (fixtures/docx, made by make.py
/// from the texts' outlines: heading styles, and every number Word's automatic numbering)
/// compare as the texts do.
#[test]
fn word_documents_compare_as_their_texts() {
    let summary = |old: &str, new: &str| -> serde_json::Value {
        let out = accord()
            .args(["diff", "--format", "json", old, new])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["summary"].clone()
    };
    assert_eq!(
        summary(
            "fixtures/docx/dushanbe-2021.draft.docx",
            "fixtures/docx/dushanbe-2021.final.docx"
        ),
        summary(
            "versions/dushanbe-2021.draft.en.txt",
            "versions/dushanbe-2021.en.txt"
        )
    );
}

/// The redlines of the declaration (Word documents whose tracked changes turn the draft into
/// the final text: make.py's, and LibreOffice's Compare Document's) compare with themselves
/// as the draft and final texts compare: the same entries, kinds, labels and words, the same
/// summary.
#[test]
fn a_redline_is_the_comparison_of_draft_and_final() {
    let entries = |args: &[&str]| -> (serde_json::Value, Vec<serde_json::Value>) {
        let out = accord()
            .args(["diff", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let shown = report["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let blocks = |side: &str| -> Vec<(serde_json::Value, serde_json::Value)> {
                    e[side]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|b| (b["label"].clone(), b["text"].clone()))
                        .collect()
                };
                serde_json::json!([
                    e["kind"],
                    e["moved"],
                    e["renumbered"],
                    blocks("old"),
                    blocks("new")
                ])
            })
            .collect();
        (report["summary"].clone(), shown)
    };
    let texts = entries(&[
        "versions/dushanbe-2021.draft.en.txt",
        "versions/dushanbe-2021.en.txt",
    ]);
    assert_eq!(texts.0["split"], 1);
    assert_eq!(texts.0["merged"], 1);
    assert_eq!(texts.0["moved"], 2);
    for redline in ["redline", "compared"] {
        let path = format!("fixtures/docx/dushanbe-2021.{redline}.docx");
        assert_eq!(entries(&[&path]), texts, "{path}");
    }
}

/// Two versions of the declaration as Akoma Ntoso, one paragraph inserted after 16 and every
/// later one renumbered, paragraph 100 rewritten: 1 added, 148 renumbered, and the rewritten
/// paragraph paired with its old self by its eId where the eIds stayed as they were. Where the
/// eIds were renumbered with the paragraphs (`para_101` now naming old 100), no block pairs
/// with the one that took over its eId.
#[test]
fn akoma_ntoso_versions_pair_by_eid() {
    for (new, rewritten_by) in [
        ("dushanbe-2021.amended.xml", "identifier"),
        ("dushanbe-2021.amended-renumbered-ids.xml", "position"),
    ] {
        let out = accord()
            .args(["diff", "--format", "json", "fixtures/akn/dushanbe-2021.xml"])
            .arg(format!("fixtures/akn/{new}"))
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let summary = &report["summary"];
        assert_eq!(
            (
                &summary["added"],
                &summary["changed"],
                &summary["renumbered"]
            ),
            (&1.into(), &1.into(), &148.into()),
            "{new}"
        );
        let changed = report["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "changed")
            .unwrap();
        assert_eq!(changed["old"][0]["label"], "100.");
        assert_eq!(changed["new"][0]["label"], "101.");
        assert_eq!(changed["matched_by"], rewritten_by, "{new}");
    }
}

/// The draft and final declaration typeset as PDFs (fixtures/pdf) compare as the texts do,
/// and the terminal report says on which page an entry stands.
#[test]
fn pdfs_compare_as_their_texts() {
    let summary = |old: &str, new: &str| -> serde_json::Value {
        let out = accord()
            .args(["diff", "--format", "json", old, new])
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["summary"].clone()
    };
    assert_eq!(
        summary(
            "fixtures/pdf/dushanbe-2021.draft.pdf",
            "fixtures/pdf/dushanbe-2021.pdf"
        ),
        summary(
            "versions/dushanbe-2021.draft.en.txt",
            "versions/dushanbe-2021.en.txt"
        )
    );
    let out = accord()
        .args([
            "diff",
            "--color",
            "never",
            "fixtures/pdf/dushanbe-2021.draft.pdf",
            "fixtures/pdf/dushanbe-2021.pdf",
        ])
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("¶ 17 · 2 POLITICAL DIMENSION · page 2 — added"),
        "{report}"
    );
}

/// One Word document with tracked changes compares as it was against as it is.
#[test]
fn one_word_document_with_tracked_changes_is_its_own_redline() {
    use std::io::Write;
    let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let body = "<w:p><w:r><w:t>1. The parties shall meet </w:t></w:r>\
        <w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>every year.</w:delText></w:r></w:del>\
        <w:ins w:id=\"2\" w:author=\"x\"><w:r><w:t>twice a year.</w:t></w:r></w:ins></w:p>\
        <w:p><w:r><w:t>2. This agreement enters into force on signature.</w:t></w:r></w:p>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    write!(zip, "<w:document {ns}><w:body>{body}</w:body></w:document>").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agreement.docx");
    std::fs::write(&path, bytes).unwrap();
    let path = path.to_str().unwrap();
    let (c, code) = diff_json(&[path]);
    assert_eq!(code, 1);
    assert_eq!(c.summary.changed, 1);
    assert_eq!(c.summary.unchanged, 1);
    assert!(
        c.old.label.ends_with("agreement.docx (original)"),
        "{}",
        c.old.label
    );
    assert!(
        c.new.label.ends_with("agreement.docx (final)"),
        "{}",
        c.new.label
    );
    // A text file alone is no redline.
    let out = accord()
        .args(["diff", "versions/dushanbe-2021.en.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give two versions"));
}

/// Terminal reports fit the width they are given, in display columns, whatever the
/// script: Chinese wraps between characters (two columns each), headers and summaries wrap
/// too, and a Thai line is cut between clusters.
#[test]
fn terminal_reports_fit_their_width_in_every_script() {
    let zh = "versions/udhr/udhr.zh.txt";
    let edited = std::fs::read_to_string(crate::util::root().join(zh))
        .unwrap()
        .replace("人人生而自由", "所有人生而自由");
    let runs: Vec<(Vec<&str>, Option<String>)> = vec![
        (vec!["diff", "--all", zh, "-"], Some(edited)),
        (vec!["outline", zh], None),
        (vec!["align", "versions/udhr/udhr.en.txt", zh], None),
        (
            vec![
                "diff",
                "versions/dushanbe-2021.draft.en.txt",
                "versions/dushanbe-2021.en.txt",
            ],
            None,
        ),
    ];
    for width in [40usize, 80] {
        for (args, stdin) in &runs {
            let mut command = accord();
            command.env("COLUMNS", width.to_string()).args(args);
            if let Some(text) = stdin {
                command.write_stdin(text.clone());
            }
            let out = command.output().unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(text.lines().count() > 3, "{args:?}");
            for line in text.lines() {
                let columns = unicode_width::UnicodeWidthStr::width(line);
                assert!(
                    columns <= width,
                    "{args:?} at {width}: {columns} columns: {line}"
                );
            }
        }
    }
}

/// A split shows where its new paragraph begins, and a merge where its old one began, in
/// every human format: the declaration's ¶ 60 splits into 60 and 61, ¶ 99 and 100 merge.
#[test]
fn splits_and_merges_show_their_seams_in_every_human_format() {
    let pair = [
        "versions/dushanbe-2021.draft.en.txt",
        "versions/dushanbe-2021.en.txt",
    ];
    let report = |args: &[&str]| {
        let out = accord().arg("diff").args(args).args(pair).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let split = "peacekeeping missions. ‖¶ 61‖ Member States underscore";
    let merge = "increase employment. ‖was ¶ 100‖ In this regard";
    let text = report(&["--width", "400"]);
    assert!(text.contains(split) && text.contains(merge), "{text}");
    let markdown = report(&["--format", "markdown"]);
    assert!(
        markdown.contains("missions\\. **‖¶ 61‖** Member States"),
        "{markdown}"
    );
    assert!(markdown.contains("employment\\. **‖was ¶ 100‖** In this regard"));
    let html = report(&["--format", "html"]);
    // Both columns of the side-by-side view: a break in its own version, a mark in the other.
    assert!(html.contains("missions. <span class=\"seam seam-break\" title=\"a new paragraph begins here\">‖¶ 61‖</span>Member States"));
    assert!(html.contains("missions. <span class=\"seam seam-mark\" title=\"a new paragraph begins here\">‖¶ 61‖</span>Member States"));
    assert!(html.contains(
        "<span class=\"seam seam-break\" title=\"an old paragraph began here\">‖was ¶ 100‖</span>"
    ));
}

/// `--side-by-side` puts old and new in two columns that fit `--width`; a split's new
/// paragraph starts its own line in the right column.
#[test]
fn side_by_side_in_the_terminal() {
    let out = accord()
        .args(["diff", "--side-by-side", "--width", "90"])
        .args([
            "versions/dushanbe-2021.draft.en.txt",
            "versions/dushanbe-2021.en.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 90, "{line}");
    }
    let rows: Vec<(&str, &str)> = text.lines().filter_map(|l| l.split_once(" │ ")).collect();
    assert!(rows.len() > 50);
    assert!(
        rows.iter()
            .any(|(old, new)| old.contains("[-clean-]") && !new.contains("clean"))
    );
    assert!(
        rows.iter()
            .any(|(_, new)| new.contains("{+environmentally"))
    );
    assert!(
        rows.iter()
            .any(|(_, new)| new.starts_with("‖¶ 61‖ Member States"))
    );
    assert!(rows.iter().any(|(old, _)| old.contains("‖¶ 61‖")));
}

/// `--allow`: the declaration's draft and final with an allow list that covers every change
/// but one lists that one and exits 1; covering all, it exits 0. The 58 paragraphs renumbered
/// by the insertion of ¶ 17 are never outside.
#[test]
fn allow_lists_the_changes_outside_the_agreed_scope() {
    let pair = [
        "versions/dushanbe-2021.draft.en.txt",
        "versions/dushanbe-2021.en.txt",
    ];
    // ¶ 80 (was 84) is left out of the first list.
    let all_but_one = "10,17,25,40,44-45,60-61,4.3,99-100";
    let out = accord()
        .args(["diff", "--format", "json", "--allow", all_but_one])
        .args(pair)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let outside = report["scope"]["outside"].as_array().unwrap();
    assert_eq!(outside.len(), 1, "{outside:?}");
    let entry = &report["entries"][outside[0].as_u64().unwrap() as usize];
    assert_eq!(entry["new"][0]["number"], "80");
    assert_eq!(entry["old"][0]["number"], "84");
    assert_eq!(report["scope"]["allow"], all_but_one);

    let text = accord()
        .args(["diff", "--allow", all_but_one])
        .args(pair)
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("1 change outside the allowed scope"),
        "{text}"
    );
    assert!(
        text.contains("  ¶ 80 (was 84) · 4 ECONOMIC COOPERATION — changed"),
        "{text}"
    );
    let markdown = accord()
        .args(["diff", "--format", "markdown", "--allow", all_but_one])
        .args(pair)
        .output()
        .unwrap();
    assert!(
        String::from_utf8(markdown.stdout)
            .unwrap()
            .contains("- ¶ 80 \\(was 84\\)")
    );

    // The section 4.2 that ¶ 84 stood in covers it too; so does its number.
    for covering in [format!("{all_but_one},80"), format!("{all_but_one},4.2")] {
        accord()
            .args(["diff", "--allow", &covering])
            .args(pair)
            .assert()
            .code(0)
            .stdout(predicates::str::contains(
                "Every change is within the allowed scope",
            ));
    }
    accord()
        .args(["diff", "--allow", "12-"])
        .args(pair)
        .assert()
        .code(2);
}

//! `accord outline` on the real texts: the structure the acceptance criteria name.

use accord::model::{BlockType, FindingKind, RepairKind};
use accord::normalize::Outline;

use crate::util::{accord, read};

/// Run `accord outline --format json` and parse the contract into its typed form.
fn outline(path: &str) -> (Outline, i32) {
    outline_of(&[path])
}

/// `outline` with more arguments (options, then the path).
fn outline_of(args: &[&str]) -> (Outline, i32) {
    let path = args.last().unwrap();
    let out = accord()
        .args(["outline", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(
        code == 0 || code == 1,
        "{path}: exit {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outline: Outline = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(outline.schema, "accord.outline/1");
    (outline, code)
}

#[test]
fn declaration_structure() {
    let (o, code) = outline("versions/dushanbe-2021.en.txt");
    assert_eq!(code, 1, "the declaration has findings");
    let headings: Vec<_> = o
        .blocks
        .iter()
        .filter(|b| b.kind == BlockType::Heading)
        .collect();
    assert_eq!(headings.iter().filter(|b| b.level == Some(1)).count(), 7);
    assert_eq!(headings.iter().filter(|b| b.level == Some(2)).count(), 38);
    let paragraphs: Vec<_> = o
        .blocks
        .iter()
        .filter(|b| b.kind == BlockType::Paragraph)
        .collect();
    assert_eq!(paragraphs.iter().filter(|b| b.preamble).count(), 9);
    assert!(
        paragraphs
            .iter()
            .take(9)
            .all(|b| b.preamble && b.number.is_none())
    );
    let numbers: Vec<u32> = paragraphs
        .iter()
        .filter_map(|b| b.number.as_ref()?.parse().ok())
        .collect();
    let expected: Vec<u32> = (1..=163).chain([165]).collect();
    assert_eq!(numbers, expected);

    let p165 = paragraphs
        .iter()
        .find(|b| b.number.as_deref() == Some("165"))
        .unwrap();
    assert_eq!(p165.line, 433);
    assert!(p165.text.starts_with("In making this Declaration"));
    let p163 = paragraphs
        .iter()
        .find(|b| b.number.as_deref() == Some("163"))
        .unwrap();
    assert!(
        p163.text.ends_with("between their peoples."),
        "{}",
        p163.text
    );

    let h32 = headings
        .iter()
        .find(|b| b.number.as_deref() == Some("3.2"))
        .unwrap();
    assert_eq!(h32.label, "3.2.");
    assert_eq!(*h32.section, ["3", "3.2"]);
    assert_eq!(h32.text, "Combating terrorism, separatism and extremism");
    let p36 = paragraphs
        .iter()
        .find(|b| b.number.as_deref() == Some("36"))
        .unwrap();
    assert_eq!(*p36.section, ["3", "3.2"]);
    let h41 = headings
        .iter()
        .find(|b| b.number.as_deref() == Some("4.1"))
        .unwrap();
    assert_eq!(h41.label, "4.1");
    assert_eq!(h41.level, Some(2));
}

#[test]
fn declaration_findings_and_repairs() {
    let (o, _) = outline("versions/dushanbe-2021.en.txt");
    let has = |kind, line| o.findings.iter().any(|f| f.kind == kind && f.line == line);
    assert!(has(FindingKind::Gap, 433), "{:?}", o.findings);
    assert!(has(FindingKind::RunIn, 433));
    assert!(
        o.findings
            .iter()
            .any(|f| f.kind == FindingKind::Gap && f.message.contains("164"))
    );
    assert!(
        has(FindingKind::HeadingPunctuation, 209),
        "4.1 lacks the dot of 4.2."
    );

    let after: Vec<&str> = o.repairs.iter().map(|r| r.after.as_str()).collect();
    for word in [
        "good-neighbourly",
        "Anti-Terrorist",
        "2022-2024",
        "counter-terrorism",
        "non-proliferation",
        "e-commerce",
    ] {
        assert!(after.contains(&word), "missing repair {word}: {after:?}");
    }
    assert!(
        o.repairs
            .iter()
            .any(|r| r.kind == RepairKind::MissingSpace && r.after == "extremism. Member")
    );
    assert!(
        o.repairs
            .iter()
            .any(|r| r.kind == RepairKind::RunIn && r.line == 433)
    );
    assert!(!o.repairs.iter().any(|r| r.before.contains("medium")));
    let all_text: String = o
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all_text.contains("medium- and long-term"));
    assert!(!all_text.contains("good- neighbourly"));
}

#[test]
fn no_repair_keeps_the_damage_and_still_reports_the_run_in() {
    let out = accord()
        .args([
            "outline",
            "--format",
            "json",
            "--no-repair",
            "versions/dushanbe-2021.en.txt",
        ])
        .output()
        .unwrap();
    let o: Outline = serde_json::from_slice(&out.stdout).unwrap();
    assert!(o.repairs.is_empty());
    assert!(o.findings.iter().any(|f| f.kind == FindingKind::RunIn));
    assert!(!o.blocks.iter().any(|b| b.number.as_deref() == Some("165")));
    assert!(
        o.blocks
            .iter()
            .any(|b| b.text.contains("good- neighbourly"))
    );
}

#[test]
fn udhr_articles_in_seven_languages() {
    for lang in ["en", "ru", "zh", "fr", "de", "ar", "es"] {
        let path = format!("versions/udhr/udhr.{lang}.txt");
        let (o, _) = outline(&path);
        let articles: Vec<_> = o
            .blocks
            .iter()
            .filter(|b| b.kind == BlockType::Heading && b.number.is_some())
            .collect();
        let numbers: Vec<String> = articles.iter().map(|b| b.number.clone().unwrap()).collect();
        let expected: Vec<String> = (1..=30).map(|n| n.to_string()).collect();
        assert_eq!(numbers, expected, "{lang}");
        let first = articles[0];
        match lang {
            "fr" => assert_eq!(first.label, "Article premier"),
            "zh" => assert_eq!(first.label, "第一条"),
            "ru" => assert_eq!(first.label, "Статья 1"),
            "ar" => assert_eq!(first.label, "المادة 1"),
            _ => {}
        }
        // The preamble: unnumbered paragraphs before Article 1, none after it.
        let article1 = o
            .blocks
            .iter()
            .position(|b| std::ptr::eq(b, first))
            .unwrap();
        let preamble = o.blocks.iter().filter(|b| b.preamble).count();
        // The counts the texts have (English 10, Chinese 8, the others 9). Arabic is the
        // known exception: two short lines of its preamble ("فإن الجمعية العامة", "تنادي …")
        // have no punctuation or case to tell them from headings.
        let expected = match lang {
            "en" => Some(10),
            "zh" => Some(8),
            "ar" => None,
            _ => Some(9),
        };
        if let Some(expected) = expected {
            assert_eq!(preamble, expected, "{lang}: preamble paragraphs");
        }
        assert!(o.blocks[article1..].iter().all(|b| !b.preamble), "{lang}");
        assert!(
            o.blocks[article1..]
                .iter()
                .all(|b| b.section.first().is_some_and(|s| s.parse::<u32>().is_ok())),
            "{lang}"
        );
    }
}

#[test]
fn udhr_chinese_items_use_enclosed_numerals() {
    let (o, _) = outline("versions/udhr/udhr.zh.txt");
    let items: Vec<_> = o
        .blocks
        .iter()
        .filter(|b| b.label.starts_with('㈠'))
        .collect();
    assert!(!items.is_empty());
    assert!(items.iter().all(|b| b.number.as_deref() == Some("1")));
}

#[test]
fn grundgesetz_articles_and_hard_wrapped_paragraphs() {
    let path = "fixtures/grundgesetz-history/5-5710c0a6.md";
    let (o, _) = outline(path);
    let articles: Vec<_> = o
        .blocks
        .iter()
        .filter(|b| b.kind == BlockType::Heading && b.label.starts_with("Art "))
        .collect();
    assert_eq!(articles.first().unwrap().number.as_deref(), Some("1"));
    assert_eq!(articles.last().unwrap().number.as_deref(), Some("146"));
    assert!(articles.iter().any(|b| b.number.as_deref() == Some("143a")));
    assert!(articles.iter().all(|b| b.level == Some(3)));

    // Hard-wrapped lines joined: never more paragraph blocks than blank-line separated blocks.
    let source = read(path);
    let blank_separated = source
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .count();
    let paragraphs = o
        .blocks
        .iter()
        .filter(|b| b.kind == BlockType::Paragraph)
        .count();
    assert!(
        paragraphs <= blank_separated,
        "{paragraphs} > {blank_separated}"
    );
    let art1 = o.blocks.iter().position(|b| b.label == "Art 1").unwrap();
    assert_eq!(
        o.blocks[art1 + 1].text,
        "Die Würde des Menschen ist unantastbar. Sie zu achten und zu schützen ist Verpflichtung aller staatlichen Gewalt."
    );
    assert_eq!(*o.blocks[art1 + 1].section, ["1", "1"]);

    // The YAML front matter is metadata, not a paragraph.
    assert!(!o.blocks.iter().any(|b| b.text.contains("origslug")));
    assert!(o.metadata.iter().any(|(k, v)| k == "jurabk" && v == "GG"));
    assert_eq!(
        o.blocks[0].text,
        "Grundgesetz für die Bundesrepublik Deutschland (GG)"
    );
}

#[test]
fn article_93_items_in_the_2012_amendment() {
    let (o, _) = outline("fixtures/grundgesetz-history/4-166018c1.md");
    let art93 = o.blocks.iter().position(|b| b.label == "Art 93").unwrap();
    let items: Vec<&str> = o.blocks[art93 + 1..]
        .iter()
        .take_while(|b| b.kind == BlockType::Paragraph)
        .map(|b| b.label.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "(1)", "1.", "2.", "2a.", "3.", "4.", "4a.", "4b.", "4c.", "5.", "(2)", "(3)"
        ]
    );
}

#[test]
fn terminal_tree_shows_structure_findings_and_repairs() {
    let out = accord()
        .args([
            "outline",
            "--color",
            "never",
            "versions/dushanbe-2021.en.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("versions/dushanbe-2021.en.txt: 218 blocks — 45 headings, 173 paragraphs (9 in the preamble)"));
    assert!(text.contains(
        "\n  3.2. Combating terrorism, separatism and extremism · 10 ¶ 35–44 · line 95\n"
    ));
    assert!(text.contains("\n    36. "));
    assert!(text.contains("Findings (13)"));
    assert!(text.contains("good- neighbourly → good-neighbourly"));
    assert!(!text.contains('\u{1b}'), "no colour when asked for none");
}

#[test]
fn colour_when_forced_and_not_when_piped() {
    let forced = accord()
        .args(["outline", "--color", "always", "versions/udhr/udhr.en.txt"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&forced.stdout).contains('\u{1b}'));
    let piped = accord()
        .args(["outline", "versions/udhr/udhr.en.txt"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&piped.stdout).contains('\u{1b}'));
    let clicolor = accord()
        .env("CLICOLOR_FORCE", "1")
        .args(["outline", "versions/udhr/udhr.en.txt"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&clicolor.stdout).contains('\u{1b}'));
    let no_color = accord()
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .args(["outline", "versions/udhr/udhr.en.txt"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&no_color.stdout).contains('\u{1b}'));
}

#[test]
fn reads_standard_input_and_writes_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("outline.json");
    accord()
        .args(["outline", "--format", "json", "-", "-o"])
        .arg(&target)
        .write_stdin("1. TITLE\n\n1. First.\n\n2. Second.\n")
        .assert()
        .code(0)
        .stdout("");
    let o: Outline = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(o.label, "<stdin>");
    assert_eq!(o.blocks.len(), 3);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn legacy_encoding_and_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let cp1251 = dir.path().join("ru.txt");
    let (bytes, _, _) =
        encoding_rs::WINDOWS_1251.encode("Статья 1\n\nКаждый человек имеет право.\n");
    std::fs::write(&cp1251, &bytes).unwrap();
    accord()
        .arg("outline")
        .arg(&cp1251)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--encoding"));
    let out = accord()
        .args(["outline", "--format", "json", "--encoding", "windows-1251"])
        .arg(&cp1251)
        .output()
        .unwrap();
    let o: Outline = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(o.blocks[0].label, "Статья 1");

    let utf16 = dir.path().join("utf16.txt");
    let mut data = vec![0xFF, 0xFE];
    for unit in "Article 1\r\n\r\nAll are free.\r\n".encode_utf16() {
        data.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&utf16, data).unwrap();
    let out = accord()
        .args(["outline", "--format", "json"])
        .arg(&utf16)
        .output()
        .unwrap();
    let o: Outline = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(o.blocks[1].text, "All are free.");
}

#[test]
fn help_and_completions() {
    let help = accord().arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("outline") && help.contains("Exit status"));
    let outline_help = accord().args(["outline", "--help"]).output().unwrap();
    let outline_help = String::from_utf8(outline_help.stdout).unwrap();
    for flag in [
        "--format",
        "--encoding",
        "--no-repair",
        "--color",
        "--output",
    ] {
        assert!(outline_help.contains(flag), "{flag}");
    }
    accord()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicates::str::contains("_accord()"));
    accord().args(["completions", "fish"]).assert().success();
}

/// What a reader sees of a block: its kind, heading level, label, number and words.
type Shown = (BlockType, Option<u8>, String, Option<String>, String);

/// What a reader sees of each block.
fn shown(o: &Outline) -> Vec<Shown> {
    o.blocks
        .iter()
        .map(|b| {
            (
                b.kind,
                b.level,
                b.label.clone(),
                b.number.clone(),
                b.text.to_string(),
            )
        })
        .collect()
}

/// The declaration as a web page (fixtures/html, made from the text's own outline, with a
/// menu, header, footer, aside, form and scripts around a `<main>`) outlines to the blocks of
/// the text: the same kinds, labels, numbers and words, in the same order.
#[test]
fn declaration_as_a_web_page_outlines_like_the_text() {
    let (page, _) = outline("fixtures/html/declaration.html");
    let (text, _) = outline("versions/dushanbe-2021.en.txt");
    assert_eq!(shown(&page), shown(&text));
    assert_eq!(
        (page.reader.as_str(), text.reader.as_str()),
        ("html", "text")
    );
    assert_eq!(page.main_content.as_deref(), Some("<main>"), "says so");
    assert_eq!(text.main_content, None);
    let (word, _) = outline("fixtures/docx/dushanbe-2021.final.docx");
    assert_eq!(word.reader, "docx");
    assert_eq!(shown(&word), shown(&text), "the Word document, too");
    let words = |o: &Outline| -> String {
        o.blocks
            .iter()
            .map(|b| b.text.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for left_out in [
        "SCO Secretariat",
        "Accept cookies",
        "analytics",
        "Related:",
        "Home",
    ] {
        assert!(!words(&page).contains(left_out), "{left_out}");
    }
}

/// `--from html` reads a page that does not say it is one (a fragment); `--from text` reads a
/// page's markup as text.
#[test]
fn from_names_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let fragment = dir.path().join("fragment.html");
    std::fs::write(
        &fragment,
        "<p>Article 1</p><ol start=\"3\"><li>Third</li><li>Fourth</li></ol>\n",
    )
    .unwrap();
    let numbers = |args: &[&str]| -> Vec<Option<String>> {
        let out = accord()
            .args(["outline", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        let o: Outline = serde_json::from_slice(&out.stdout).unwrap();
        o.blocks.iter().map(|b| b.number.clone()).collect()
    };
    let path = fragment.to_str().unwrap();
    assert_eq!(numbers(&[path]), [None]);
    assert_eq!(
        numbers(&["--from", "html", path]),
        [
            Some("1".to_string()),
            Some("3".to_string()),
            Some("4".to_string())
        ]
    );
    let (page, _) = outline("fixtures/html/declaration.html");
    let out = accord()
        .args([
            "outline",
            "--format",
            "json",
            "--from",
            "text",
            "fixtures/html/declaration.html",
        ])
        .output()
        .unwrap();
    let raw: Outline = serde_json::from_slice(&out.stdout).unwrap();
    assert!(raw.blocks.iter().any(|b| b.text.contains("<script>")));
    assert!(!page.blocks.iter().any(|b| b.text.contains("<script>")));
}

/// The Word documents whose tracked changes turn the draft declaration into the final one
/// read as the draft with their changes rejected and as the final text with them accepted:
/// the one make.py --tracked writes (word changes, added and removed paragraphs, a move, a
/// split and a merge as paragraph marks, every number automatic), and the one LibreOffice's
/// Compare Document wrote (its own markup of moves, its own lists, which restart by start
/// overrides on a shared definition).
#[test]
fn a_redline_reads_as_the_draft_or_as_the_final_text() {
    let (draft, _) = outline("versions/dushanbe-2021.draft.en.txt");
    let (last, _) = outline("versions/dushanbe-2021.en.txt");
    for redline in [
        "fixtures/docx/dushanbe-2021.redline.docx",
        "fixtures/docx/dushanbe-2021.compared.docx",
    ] {
        let (original, _) = outline_of(&["--revisions", "original", redline]);
        assert_eq!(shown(&original), shown(&draft), "{redline}");
        let (accepted, _) = outline_of(&["--revisions", "final", redline]);
        let (default, _) = outline(redline);
        assert_eq!(shown(&accepted), shown(&last), "{redline}");
        assert_eq!(
            shown(&default),
            shown(&last),
            "{redline}: final is the default"
        );
    }
}

/// Word's list features (fixtures/docx/numbering.docx: a multi-level list "1.", "1.1", "(a)",
/// "(i)", a restart, lists starting at 5, lists linked to styles, letters, Roman numerals,
/// ordinals and numbers in words) get the numbers LibreOffice displays for the same document
/// (numbering.libreoffice.txt, its text export; fixtures/docx/README.md says how).
#[test]
fn word_numbering_is_what_another_reader_displays() {
    let (doc, _) = outline("fixtures/docx/numbering.docx");
    let displayed: Vec<String> = read("fixtures/docx/numbering.libreoffice.txt")
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let ours: Vec<String> = doc
        .blocks
        .iter()
        .map(|b| format!("{} {}", b.label.trim(), b.text).trim().to_string())
        .collect();
    assert_eq!(ours, displayed);
    assert!(displayed.contains(&"(ii) Another part (level 4)".to_string()));
}

/// `--from text` reads Markdown's `#` lines as text; `--from markdown` reads a text without a
/// `#` heading as Markdown: headings are `#` lines only, and escapes are undone.
#[test]
fn from_text_and_from_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let shown = |name: &str, text: &str, args: &[&str]| -> (usize, String) {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let mut all = args.to_vec();
        all.push(path.to_str().unwrap());
        let (o, _) = outline_of(&all);
        let headings = o
            .blocks
            .iter()
            .filter(|b| b.kind == BlockType::Heading)
            .count();
        (headings, o.blocks.last().unwrap().text.to_string())
    };
    let markdown = "# Part 1\n\n1. First.\n\n2. Second.\n";
    assert_eq!(shown("a.md", markdown, &[]).0, 1);
    assert_eq!(shown("a.md", markdown, &["--from", "markdown"]).0, 1);
    assert_eq!(shown("a.md", markdown, &["--from", "text"]).0, 0);
    let plain = "Article 1\n\nEveryone has the right to life.\n\nArticle 2\n\nNo slavery \\*.\n";
    assert_eq!(
        shown("b.txt", plain, &[]),
        (2, "No slavery \\*.".to_string())
    );
    assert_eq!(
        shown("b.txt", plain, &["--from", "markdown"]),
        (0, "No slavery *.".to_string())
    );
}

/// A Word document's text is what its author typed: a dash written "rights- including" is
/// not a word a PDF broke at a line end, and stays as it is; the same text as plain text is
/// repaired.
#[test]
fn word_documents_are_not_repaired_as_pdf_text() {
    let text = "Our constitutional rights- including the freedom of speech.";
    let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(
        &mut zip,
        format!(
            "<w:document {ns}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
        )
        .as_bytes(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let word = dir.path().join("order.docx");
    std::fs::write(&word, zip.finish().unwrap().into_inner()).unwrap();
    let plain = dir.path().join("order.txt");
    std::fs::write(&plain, format!("{text}\n")).unwrap();
    let (o, _) = outline(word.to_str().unwrap());
    assert_eq!(o.blocks[0].text.to_string(), text);
    assert!(o.repairs.is_empty());
    let (o, _) = outline(plain.to_str().unwrap());
    assert_eq!(o.repairs.len(), 1, "the same text as plain text");
}

/// Standard input is told by its content as files are: a Word document and a page.
#[test]
fn word_documents_and_pages_on_standard_input() {
    for (path, reader) in [
        ("fixtures/docx/dushanbe-2021.final.docx", "docx"),
        ("fixtures/html/declaration.html", "html"),
    ] {
        let out = accord()
            .args(["outline", "--format", "json", "-"])
            .write_stdin(std::fs::read(crate::util::root().join(path)).unwrap())
            .output()
            .unwrap();
        let o: Outline = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!((o.reader.as_str(), o.blocks.len()), (reader, 218), "{path}");
    }
}

/// The declaration as Akoma Ntoso (fixtures/akn/make.py: sections as hcontainers, numbered
/// paragraphs with eIds) outlines as the text does, each block keeping its element's eId;
/// the UDHR marked up as an AKN4UN resolution reads as its 30 articles under a preamble of
/// preambular paragraphs.
#[test]
fn akoma_ntoso_outlines_like_the_text_and_keeps_eids() {
    let (akn, _) = outline("fixtures/akn/dushanbe-2021.xml");
    let (text, _) = outline("versions/dushanbe-2021.en.txt");
    assert_eq!(akn.reader, "akn");
    assert_eq!(shown(&akn), shown(&text));
    let eid = |label: &str| -> Option<String> {
        let block = akn.blocks.iter().find(|b| b.label == label).unwrap();
        block.eid.clone()
    };
    assert_eq!(eid("165.").as_deref(), Some("para_165"));
    assert_eq!(eid("3.2.").as_deref(), Some("sec_3__subsec_2"));
    assert!(text.blocks.iter().all(|b| b.eid.is_none()));

    let (udhr, _) = outline("fixtures/akn/udhr-217A-III.xml");
    let articles: Vec<_> = udhr
        .blocks
        .iter()
        .filter(|b| b.kind == BlockType::Heading && b.label.starts_with("Article"))
        .collect();
    assert_eq!(articles.len(), 30);
    assert_eq!(articles[29].eid.as_deref(), Some("art_30"));
    let recitals = udhr
        .blocks
        .iter()
        .filter(|b| b.preamble && b.text.starts_with("Whereas"))
        .count();
    assert_eq!(recitals, 7);
}

/// The declaration typeset as a PDF (fixtures/pdf/make.py: groff, justified and hyphenated,
/// with a running header and page numbers, the run-in paragraph set run in), on one column and
/// on two: the outline has the text's blocks, kinds, levels and labels (numbered paragraphs
/// 1–163 and 165, the run-in split off), the running header and the page numbers are gone and
/// named in the repairs, and every block knows its page.
#[test]
fn a_pdf_outlines_to_the_text_s_paragraphs() {
    let (text, _) = outline("versions/dushanbe-2021.en.txt");
    let numbered = |o: &Outline| -> Vec<(BlockType, Option<u8>, String, Option<String>)> {
        o.blocks
            .iter()
            .map(|b| (b.kind, b.level, b.label.clone(), b.number.clone()))
            .collect()
    };
    // Two columns a page: paragraphs go on from one column into the next.
    let (columns, _) = outline("fixtures/pdf/dushanbe-2021.two-columns.pdf");
    assert_eq!(numbered(&columns), numbered(&text), "two columns");
    let (pdf, _) = outline("fixtures/pdf/dushanbe-2021.pdf");
    assert_eq!(pdf.reader, "pdf");
    assert_eq!(numbered(&pdf), numbered(&text));
    assert!(pdf.findings.iter().any(|f| f.kind == FindingKind::RunIn));
    let removed = |kind: RepairKind| -> Vec<&str> {
        pdf.repairs
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.before.as_str())
            .collect()
    };
    let headers = removed(RepairKind::RunningHeader);
    assert_eq!(headers.len(), 13);
    assert_eq!(headers[0], "page 2: Dushanbe Declaration 17 September 2021");
    assert_eq!(removed(RepairKind::PageNumber).len(), 14);
    assert!(pdf.blocks.iter().all(|b| b.page.is_some()));
    assert_eq!(pdf.blocks.last().unwrap().page, Some(13));
    let words = |o: &Outline| {
        o.blocks
            .iter()
            .map(|b| b.text.to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        !words(&pdf)
            .iter()
            .any(|t| t.contains("Dushanbe Declaration 17 September"))
    );
}

/// `outline --fail-on` fails the run only for the kinds of finding it names, as `diff`'s does.
#[test]
fn outline_fail_on_selects_the_findings_that_fail() {
    let en = "versions/dushanbe-2021.en.txt";
    accord().args(["outline", en]).assert().code(1);
    accord()
        .args(["outline", "--fail-on", "gap", en])
        .assert()
        .code(1);
    accord()
        .args(["outline", "--fail-on", "duplicate,empty-section", en])
        .assert()
        .code(0);
    accord()
        .args(["outline", "--fail-on", "typo", en])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("possible values: gap, duplicate"));
}

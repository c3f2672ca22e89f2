//! `accord align` on the UDHR in seven languages, on defects derived from it, and on the
//! declaration with its numbers stripped.

use accord::translation::{Alignment, Check, Evidence};

use crate::util::{accord, read};

fn align_json(args: &[&str]) -> Alignment {
    let out = accord()
        .args(["align", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: Alignment = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a.schema, "accord.align/1");
    a
}

fn udhr(lang: &str) -> String {
    format!("versions/udhr/udhr.{lang}.txt")
}

/// Index of the row holding the pivot's first numbered heading (Article 1).
fn first_article(a: &Alignment) -> usize {
    a.pairs
        .iter()
        .position(|p| {
            p.blocks[0]
                .first()
                .is_some_and(|b| b.is_heading() && b.number.is_some())
        })
        .unwrap()
}

fn write_temp(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn udhr_pairs_align_by_article_and_find_only_preamble_differences() {
    for (x, y) in [
        ("en", "ru"),
        ("en", "zh"),
        ("en", "fr"),
        ("en", "ar"),
        ("ru", "zh"),
        ("zh", "es"),
    ] {
        let a = align_json(&[&udhr(x), &udhr(y)]);
        assert_eq!(a.documents[0].language, x);
        assert_eq!(a.documents[1].language, y);
        // Every block of both documents in exactly one pair.
        for d in 0..2 {
            let lines: Vec<usize> = a
                .pairs
                .iter()
                .flat_map(|p| p.blocks[d].iter().map(|b| b.line))
                .collect();
            assert_eq!(lines.len(), a.documents[d].blocks, "{x}-{y}");
        }
        let articles: Vec<&str> = a
            .pairs
            .iter()
            .filter(|p| {
                p.matched_by == Some(Evidence::Number)
                    && p.blocks[0].first().is_some_and(|b| b.is_heading())
            })
            .map(|p| {
                assert_eq!(p.blocks[0][0].number, p.blocks[1][0].number, "{x}-{y}");
                p.blocks[0][0].number.as_deref().unwrap()
            })
            .collect();
        let expected: Vec<String> = (1..=30).map(|n| n.to_string()).collect();
        assert_eq!(
            articles, expected,
            "{x}-{y}: article headings paired by number"
        );
        let start = first_article(&a);
        for p in &a.pairs[start..] {
            assert!(
                p.blocks.iter().all(|b| !b.is_empty()),
                "{x}-{y}: unpaired block in the articles"
            );
            assert!(p.findings.is_empty(), "{x}-{y}: {:?}", p.findings);
        }
        // The preambles differ (10, 9 and 8 paragraphs, adoption notes): said as unmatched
        // or merged blocks, nothing else.
        let findings: Vec<_> = a.pairs[..start].iter().flat_map(|p| &p.findings).collect();
        assert!(
            findings.iter().all(|f| f.check == Check::Missing),
            "{x}-{y}: {findings:?}"
        );
        assert!(findings.len() <= 4, "{x}-{y}: {findings:?}");
        if x == "en" && y == "fr" {
            assert_eq!(
                findings.len(),
                1,
                "French: 9 preamble paragraphs against 10, nothing more"
            );
        }
    }
}

#[test]
fn a_deleted_paragraph_is_one_missing_finding_at_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let ru = read(&udhr("ru"));
    let paragraph = ru
        .split("\n\n")
        .find(|b| b.starts_with("Каждый человек имеет право на жизнь"))
        .unwrap();
    let damaged = write_temp(
        &dir,
        "ru.txt",
        &ru.replacen(&format!("{paragraph}\n\n"), "", 1),
    );
    let a = align_json(&[&udhr("en"), &damaged]);
    let start = first_article(&a);
    let findings: Vec<_> = a.pairs[start..].iter().flat_map(|p| &p.findings).collect();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].check, Check::Missing);
    let row = a.pairs[start..]
        .iter()
        .find(|p| !p.findings.is_empty())
        .unwrap();
    assert_eq!(*row.blocks[0][0].section, ["3"], "at Article 3");
    assert!(row.blocks[1].is_empty());
    let unpaired = a.pairs[start..]
        .iter()
        .filter(|p| p.blocks.iter().any(Vec::is_empty))
        .count();
    assert_eq!(unpaired, 1, "everything else still paired");
}

#[test]
fn a_changed_year_is_one_numbers_finding() {
    let dir = tempfile::tempdir().unwrap();
    let es = read(&udhr("es")).replacen("de 1948", "de 1958", 1);
    let changed = write_temp(&dir, "es.txt", &es);
    let before = align_json(&[&udhr("ru"), &udhr("es")]);
    let after = align_json(&[&udhr("ru"), &changed]);
    let numbers = |a: &Alignment| {
        a.pairs
            .iter()
            .flat_map(|p| &p.findings)
            .filter(|f| f.check == Check::Numbers)
            .count()
    };
    assert_eq!(numbers(&before), 0);
    assert_eq!(
        numbers(&after),
        1,
        "{:?}",
        after
            .pairs
            .iter()
            .flat_map(|p| &p.findings)
            .collect::<Vec<_>>()
    );
    let finding = after
        .pairs
        .iter()
        .flat_map(|p| &p.findings)
        .find(|f| f.check == Check::Numbers)
        .unwrap();
    assert!(
        finding.message.contains("1948") && finding.message.contains("1958"),
        "{}",
        finding.message
    );
}

#[test]
fn stripped_article_numbers_still_pair_by_heading_order_and_position() {
    let dir = tempfile::tempdir().unwrap();
    let ru = read(&udhr("ru"));
    let stripped: String = ru
        .split("\n\n")
        .map(|b| {
            if b.starts_with("Статья ") && b.len() < 20 {
                "Статья".to_string()
            } else {
                b.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let path = write_temp(&dir, "ru.txt", &stripped);
    let a = align_json(&[&udhr("en"), &path]);
    let start = first_article(&a);
    let headings: Vec<_> = a.pairs[start..]
        .iter()
        .filter(|p| p.blocks[0].first().is_some_and(|b| b.is_heading()))
        .collect();
    assert_eq!(headings.len(), 30);
    for h in &headings {
        assert_eq!(h.blocks[1].len(), 1, "{:?}", h.blocks);
        assert_eq!(h.blocks[1][0].text, "Статья");
        assert_eq!(h.matched_by, Some(Evidence::Heading));
    }
    let unpaired = a.pairs[start..]
        .iter()
        .filter(|p| p.blocks.iter().any(Vec::is_empty))
        .count();
    assert_eq!(unpaired, 0);
}

#[test]
fn declaration_without_numbers_pairs_one_to_one() {
    let dir = tempfile::tempdir().unwrap();
    let text = read("versions/dushanbe-2021.en.txt");
    let first_ten: Vec<&str> = text.split("\n\n").take(10).collect();
    let stripped: Vec<String> = first_ten
        .iter()
        .map(|b| match b.split_once(". ") {
            Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest.to_string(),
            _ => b.to_string(),
        })
        .collect();
    let a_path = write_temp(&dir, "a.txt", &first_ten.join("\n\n"));
    let b_path = write_temp(&dir, "b.txt", &stripped.join("\n\n"));
    let a = align_json(&[&a_path, &b_path]);
    assert_eq!(a.pairs.len(), 10);
    for p in &a.pairs {
        assert_eq!((p.blocks[0].len(), p.blocks[1].len()), (1, 1));
        assert_eq!(p.blocks[0][0].text, p.blocks[1][0].text);
    }
}

#[test]
fn tmx_is_xml_with_the_pairs_in_order() {
    let out = accord()
        .args(["align", "--format", "tmx", &udhr("en"), &udhr("fr")])
        .output()
        .unwrap();
    let tmx = String::from_utf8(out.stdout).unwrap();
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc =
        roxmltree::Document::parse_with_options(&tmx, options).expect("TMX is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "tmx");
    assert_eq!(root.attribute("version"), Some("1.4"));
    let units: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("tu"))
        .collect();
    assert!(units.len() >= 85);
    let langs: Vec<&str> = units[0]
        .children()
        .filter(|n| n.has_tag_name("tuv"))
        .map(|n| {
            n.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
                .unwrap()
        })
        .collect();
    assert_eq!(langs, ["en", "fr"]);
    let article1 = units
        .iter()
        .find(|u| {
            u.descendants()
                .any(|n| n.has_tag_name("seg") && n.text() == Some("Article premier"))
        })
        .expect("Article premier is a segment");
    assert!(
        article1
            .descendants()
            .any(|n| n.has_tag_name("seg") && n.text() == Some("Article 1"))
    );
    let ids: Vec<usize> = units
        .iter()
        .map(|u| u.attribute("tuid").unwrap().parse().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "in order");
}

#[test]
fn tmx_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let head = |lang: &str, stop: &str| {
        let text = read(&udhr(lang));
        let end = text.find(stop).unwrap();
        write_temp(&dir, &format!("{lang}.txt"), &text[..end])
    };
    let en = head("en", "Article 3");
    let ru = head("ru", "Статья 3");
    let out = accord()
        .args(["align", "--format", "tmx", &en, &ru])
        .output()
        .unwrap();
    let tmx = String::from_utf8(out.stdout).unwrap();
    crate::util::redacted_reports().bind(|| insta::assert_snapshot!(tmx));
}

#[test]
fn other_formats_and_the_language_override() {
    let tsv = accord()
        .args([
            "align",
            "--format",
            "tsv",
            &udhr("en"),
            &udhr("ru"),
            &udhr("zh"),
        ])
        .output()
        .unwrap();
    let tsv = String::from_utf8(tsv.stdout).unwrap();
    assert!(tsv.starts_with("pair\tmatched_by\tconfidence\ten\tru\tzh\tfindings\n"));
    assert!(tsv.lines().skip(1).all(|l| l.split('\t').count() == 7));
    let html = accord()
        .args(["align", "--format", "html", &udhr("en"), &udhr("ar")])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.contains("dir=\"auto\"") && html.contains("lang=\"ar\""));
    let text = accord()
        .args(["align", "--color", "never", &udhr("en"), &udhr("zh")])
        .output()
        .unwrap();
    assert_eq!(text.status.code(), Some(1), "findings exit 1");
    assert!(String::from_utf8_lossy(&text.stdout).contains("! missing:"));
    let a = align_json(&["--lang", "eng,rus", &udhr("en"), &udhr("ru")]);
    assert_eq!(a.documents[1].language, "rus");
    accord()
        .args(["align", "--lang", "en", &udhr("en"), &udhr("ru")])
        .assert()
        .code(2);
    // Identical versions: nothing to report.
    accord()
        .args(["align", &udhr("de"), &udhr("de")])
        .assert()
        .code(0);
}

#[test]
fn three_versions_keep_every_block_exactly_once() {
    let a = align_json(&[&udhr("en"), &udhr("ru"), &udhr("zh")]);
    for d in 0..3 {
        let mut lines: Vec<usize> = a
            .pairs
            .iter()
            .flat_map(|p| p.blocks[d].iter().map(|b| b.line))
            .collect();
        let n = lines.len();
        lines.sort_unstable();
        lines.dedup();
        assert_eq!(
            (n, lines.len()),
            (a.documents[d].blocks, a.documents[d].blocks),
            "document {d}"
        );
    }
    assert!(
        a.pairs
            .iter()
            .flat_map(|p| &p.findings)
            .all(|f| f.check == Check::Missing)
    );
}

#[test]
fn review_shows_only_the_pairs_below_the_threshold() {
    let all = align_json(&[&udhr("en"), &udhr("ar")]);
    let below = |t: f64| {
        all.pairs
            .iter()
            .filter(|p| p.matched_by.is_some() && p.confidence < t)
            .count()
    };
    for (flag, threshold) in [("--review", 0.8), ("--review=0.95", 0.95)] {
        let out = accord()
            .args(["align", "--color", "never", flag, &udhr("en"), &udhr("ar")])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let shown = text.lines().filter(|l| l.starts_with('#')).count();
        assert_eq!(shown, below(threshold), "{flag}:\n{text}");
        assert!(
            shown > 0,
            "{flag}: the preamble's short lines are uncertain"
        );
        assert!(
            text.contains(&format!(
                "rows not shown: unmatched blocks, or pairs of confidence {threshold:.2} or more"
            )),
            "{text}"
        );
    }
    // The threshold is a confidence, and a file name is not taken for one.
    accord()
        .args(["align", "--review=2", &udhr("en"), &udhr("ar")])
        .assert()
        .code(2);
}

/// `align --fail-on` fails the run only for the checks it names.
#[test]
fn align_fail_on_selects_the_checks_that_fail() {
    let pair = ["versions/udhr/udhr.en.txt", "versions/udhr/udhr.fr.txt"];
    accord().arg("align").args(pair).assert().code(1);
    accord()
        .args(["align", "--fail-on", "missing,numbers"])
        .args(pair)
        .assert()
        .code(1);
    accord()
        .args(["align", "--fail-on", "numbers,untranslated"])
        .args(pair)
        .assert()
        .code(0);
}

//! `accord refs`: references left pointing at renumbered or removed units, on the shipped
//! Grundgesetz and on a declaration with `paragraph N` references, made here.

use accord::refs::{References, Status};

use crate::util::{accord, root};

/// The Basic Law of 2018 with an article inserted before Art 93 and every later article
/// renumbered (93 → 94, 125a → 126a, …), its text left as it was.
fn inserted_before_93() -> String {
    let text = std::fs::read_to_string(root().join("versions/grundgesetz/gg-2018.md")).unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("### Art ") {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let suffix = &rest[digits.len()..];
            if let Ok(n) = digits.parse::<u32>()
                && suffix.chars().all(char::is_alphabetic)
            {
                if line == "### Art 93" {
                    out.push("### Art 93".to_string());
                    out.push(String::new());
                    out.push("Der Bund kann einen Rat für Verfassungsfragen einrichten.".into());
                    out.push(String::new());
                }
                let n = if n >= 93 { n + 1 } else { n };
                out.push(format!("### Art {n}{suffix}"));
                continue;
            }
        }
        out.push(line.to_string());
    }
    out.join("\n") + "\n"
}

fn refs(old: &str, new: &str) -> (References, i32) {
    let dir = tempfile::tempdir().unwrap();
    let (old_path, new_path) = (dir.path().join("old.md"), dir.path().join("new.md"));
    std::fs::write(&old_path, old).unwrap();
    std::fs::write(&new_path, new).unwrap();
    let out = accord()
        .args(["refs", "--format", "json"])
        .arg(&old_path)
        .arg(&new_path)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(code < 2, "{}", String::from_utf8_lossy(&out.stderr));
    (serde_json::from_slice(&out.stdout).unwrap(), code)
}

fn with_status(r: &References, status: Status) -> Vec<(usize, String, Option<String>)> {
    r.references
        .iter()
        .filter(|x| x.status == status)
        .map(|x| (x.line, x.target.clone(), x.suggest.clone()))
        .collect()
}

/// Apply every suggestion: each cited number, on its line, becomes the one it should be.
/// The places are found on the line as it was, in order, and replaced from the end.
fn apply(text: &str, r: &References) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut by_line: std::collections::BTreeMap<usize, Vec<(usize, usize, String)>> =
        Default::default();
    for x in r.references.iter().filter(|x| x.status == Status::Stale) {
        let line = &lines[x.line - 1];
        let edits = by_line.entry(x.line).or_default();
        let from = edits.last().map_or(0, |e| e.1);
        let at = line[from..]
            .match_indices(x.target.as_str())
            .map(|(at, _)| from + at)
            .find(|&at| {
                let before = line[..at].chars().next_back();
                let after = line[at + x.target.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .unwrap_or_else(|| panic!("line {}: {} not found in {line}", x.line, x.target));
        edits.push((at, at + x.target.len(), x.suggest.clone().unwrap()));
    }
    for (line, edits) in by_line {
        for (start, end, now) in edits.into_iter().rev() {
            lines[line - 1].replace_range(start..end, &now);
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn grundgesetz_references_left_behind_by_a_renumbering_are_stale() {
    let old = std::fs::read_to_string(root().join("versions/grundgesetz/gg-2018.md")).unwrap();
    let new = inserted_before_93();
    let (r, code) = refs(&old, &new);
    assert_eq!(code, 1);
    let stale = with_status(&r, Status::Stale);
    assert!(
        with_status(&r, Status::Dangling).is_empty(),
        "{:?}",
        with_status(&r, Status::Dangling)
    );
    // Each stale reference's suggestion is its number shifted as the articles were.
    for (line, target, suggest) in &stale {
        let digits: String = target.chars().take_while(char::is_ascii_digit).collect();
        let n: u32 = digits.parse().unwrap();
        assert!(n >= 93, "line {line}: {target} did not move");
        assert_eq!(
            suggest.as_deref(),
            Some(format!("{}{}", n + 1, &target[digits.len()..]).as_str())
        );
    }
    for expected in [
        (33, "145", "146"),
        (2450, "125a", "126a"),
        (2454, "125a", "126a"),
        (2456, "125a", "126a"),
    ] {
        let expected = (
            expected.0,
            expected.1.to_string(),
            Some(expected.2.to_string()),
        );
        assert!(stale.contains(&expected), "{expected:?} not in {stale:?}");
    }
    // Articles before 93 kept their numbers: their references are fine.
    assert!(
        r.references
            .iter()
            .any(|x| x.target == "72" && x.status == Status::Ok)
    );
    // `Artikel 104 des Vertrags zur Gründung der Europäischen Gemeinschaft` cites a treaty:
    // no finding, though an article 104 of the Basic Law was renumbered.
    let treaty_lines: Vec<usize> = new
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            l.contains("Artikel 104 des Vertrags") || l.contains("Artikels 104 des Vertrags")
        })
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(treaty_lines.len(), 2);
    assert!(
        r.references
            .iter()
            .all(|x| !treaty_lines.contains(&x.line) || x.target != "104")
    );
    assert!(r.summary.external >= 2);

    // The references updated as suggested: none is stale any more.
    let updated = apply(&new, &r);
    let (after, code) = refs(&old, &updated);
    assert_eq!(with_status(&after, Status::Stale), []);
    assert_eq!(code, 0);
    assert!(
        after
            .references
            .iter()
            .any(|x| x.updated && x.target == "146")
    );
}

#[test]
fn grundgesetz_references_to_a_removed_article_dangle() {
    let old = std::fs::read_to_string(root().join("versions/grundgesetz/gg-2018.md")).unwrap();
    // Art 95 removed, heading and text, without renumbering.
    let start = old.find("### Art 95\n").unwrap();
    let end = start + old[start..].find("### Art 96\n").unwrap();
    let new = format!("{}{}", &old[..start], &old[end..]);
    let (r, code) = refs(&old, &new);
    assert_eq!(code, 1);
    let dangling = with_status(&r, Status::Dangling);
    assert!(!dangling.is_empty());
    assert!(
        dangling.iter().all(|(_, target, _)| target == "95"),
        "{dangling:?}"
    );
    assert!(with_status(&r, Status::Stale).is_empty());
}

const DECLARATION: &str = "\
1. Member States shall cooperate in good faith.

2. As set out in paragraph 1, cooperation covers trade and culture.

3. Paragraph 5 of resolution 75/1 applies to the reports under paragraph 4.

4. Each Member State reports every two years.

5. Subject to paragraphs 3 and 4, this Declaration enters into force at once.
";

/// The declaration with a paragraph inserted after 1: 2–5 become 3–6, the text unchanged.
fn inserted_after_1() -> String {
    DECLARATION
        .replace("2. As set", "3. As set")
        .replace("3. Paragraph 5", "4. Paragraph 5")
        .replace("4. Each", "5. Each")
        .replace("5. Subject", "6. Subject")
        .replace(
            "\n\n3. As set",
            "\n\n2. Member States shall inform each other.\n\n3. As set",
        )
}

#[test]
fn a_declaration_with_paragraph_references() {
    let new = inserted_after_1();
    let (r, code) = refs(DECLARATION, &new);
    assert_eq!(code, 1);
    let found: Vec<(String, Status, Option<String>)> = r
        .references
        .iter()
        .map(|x| (x.target.clone(), x.status, x.suggest.clone()))
        .collect();
    assert_eq!(
        found,
        [
            ("1".into(), Status::Ok, None),
            ("4".into(), Status::Stale, Some("5".into())),
            ("3".into(), Status::Stale, Some("4".into())),
            ("4".into(), Status::Stale, Some("5".into())),
        ]
    );
    // `Paragraph 5 of resolution 75/1` cites another instrument: left alone.
    assert_eq!(r.summary.external, 1);
    assert_eq!(r.references[1].line, 7);

    let updated = new
        .replace("under paragraph 4.", "under paragraph 5.")
        .replace("paragraphs 3 and 4,", "paragraphs 4 and 5,");
    let (after, code) = refs(DECLARATION, &updated);
    assert_eq!(code, 0, "{:?}", after.references);
    assert!(after.references.iter().filter(|x| x.updated).count() == 3);

    // Paragraph 4 removed (and not renumbered): what cited it dangles.
    let removed = DECLARATION.replace("4. Each Member State reports every two years.\n\n", "");
    let (r, code) = refs(DECLARATION, &removed);
    assert_eq!(code, 1);
    assert_eq!(with_status(&r, Status::Dangling).len(), 2);
}

#[test]
fn refs_text_report_names_line_target_and_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("new.txt"), inserted_after_1()).unwrap();
    std::fs::write(dir.path().join("old.txt"), DECLARATION).unwrap();
    let out = accord()
        .arg("refs")
        .arg(dir.path().join("old.txt"))
        .arg(dir.path().join("new.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("stale     paragraph 4 → 5"), "{text}");
}

/// `diff --refs` lists the references after the report, text or Markdown, and they fail the
/// run; JSON has its own command.
#[test]
fn diff_lists_broken_references_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.txt"), DECLARATION).unwrap();
    std::fs::write(dir.path().join("new.txt"), inserted_after_1()).unwrap();
    let run = |format: &str| {
        let out = accord()
            .args(["diff", "--refs", "--format", format])
            .arg(dir.path().join("old.txt"))
            .arg(dir.path().join("new.txt"))
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, text) = run("text");
    assert_eq!(code, Some(1));
    assert!(
        text.contains("— added") && text.contains("stale     paragraph 4 → 5"),
        "{text}"
    );
    let (_, markdown) = run("markdown");
    assert!(markdown.contains("#### References") && markdown.contains("**stale** paragraph 4 → 5"));
    assert_eq!(run("json").0, Some(2));
    // Fixed references: the diff alone decides, with --fail-on as usual.
    let fixed = inserted_after_1()
        .replace("under paragraph 4.", "under paragraph 5.")
        .replace("paragraphs 3 and 4,", "paragraphs 4 and 5,");
    std::fs::write(dir.path().join("new.txt"), fixed).unwrap();
    let out = accord()
        .args(["diff", "--refs", "--fail-on", "removed"])
        .arg(dir.path().join("old.txt"))
        .arg(dir.path().join("new.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

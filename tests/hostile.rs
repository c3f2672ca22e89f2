//! A document that attacks its reader (`fixtures/hostile`) goes through every output format
//! and comes out inert: no escape sequence or bidi control reaches a terminal, no markup
//! reaches HTML or Markdown, JSON stays valid.

use crate::util::{accord, gfm_html};

const OLD: &str = "fixtures/hostile/old.txt";
const NEW: &str = "fixtures/hostile/new.txt";

fn output(args: &[&str]) -> String {
    let out = accord().args(args).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const BIDI: [char; 9] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

/// Every ESC must start one of accord's own colour codes (`ESC [ digits ; … m`).
fn only_own_escapes(text: &str) -> bool {
    text.match_indices('\u{1b}').all(|(i, _)| {
        let rest = &text[i + 1..];
        rest.starts_with('[')
            && rest[1..]
                .chars()
                .take_while(|c| *c != 'm')
                .all(|c| c.is_ascii_digit() || c == ';')
    })
}

#[test]
fn terminal_output_is_inert() {
    for args in [
        vec!["diff", "--color", "always", "--all", OLD, NEW],
        vec!["diff", "--color", "never", OLD, NEW],
        vec!["outline", "--color", "always", NEW],
    ] {
        let text = output(&args);
        assert!(only_own_escapes(&text), "{args:?}: {text:?}");
        assert!(!text.contains('\u{7}'), "{args:?}");
        assert!(!text.chars().any(|c| BIDI.contains(&c)), "{args:?}");
        assert!(
            text.contains("\\u{1b}]0;pwned\\u{7}"),
            "{args:?}: escapes shown visibly"
        );
        assert!(text.contains("\\u{202e}evil"), "{args:?}");
    }
}

#[test]
fn html_is_inert() {
    let html = output(&["diff", "--format", "html", OLD, NEW]);
    assert!(!html.contains("<script>document"), "script injected");
    assert!(!html.contains("<img"), "tag injected");
    assert!(!html.contains("</style><style>"), "style closed");
    assert!(!html.contains("href=\"javascript"), "link injected");
    assert!(
        html.contains("script&gt;document.title="),
        "payload shown as text"
    );
    assert!(
        html.contains("[U+202E]evil"),
        "bidi override shown as a mark"
    );
    assert!(!html.chars().any(|c| BIDI.contains(&c) || c == '\u{1b}'));
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only accord's own script"
    );
}

#[test]
fn markdown_is_inert() {
    let md = output(&["diff", "--format", "markdown", OLD, NEW]);
    // accord's own marks are the only tags.
    let own = ["<del>", "</del>", "<b>", "</b>"];
    let bare = own.iter().fold(md.clone(), |t, tag| t.replace(tag, ""));
    assert!(!bare.contains('<'), "no tag can open: {md}");
    let html = gfm_html(&md);
    let allowed = [
        "p", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "del", "b", "code", "em",
    ];
    for tag in html.split('<').skip(1) {
        let name = tag.trim_start_matches('/');
        let name = &name[..name.find([' ', '>']).unwrap()];
        assert!(
            allowed.contains(&name),
            "<{name}> rendered from the document"
        );
    }
    assert!(!md.contains("](javascript"), "no link can open");
    assert!(!md.contains(" @everyone"), "no mention");
    assert!(md.contains("&#64;everyone"));
    assert!(md.contains("`www.example.com.`"), "autolink defused");
    assert!(md.contains("[U+202E]evil"));
    assert!(
        !md.chars()
            .any(|c| BIDI.contains(&c) || c == '\u{1b}' || c == '\u{7}')
    );
}

#[test]
fn json_is_valid_and_keeps_the_text() {
    for args in [
        vec!["diff", "--format", "json", OLD, NEW],
        vec!["outline", "--format", "json", NEW],
    ] {
        let text = output(&args);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(value.is_object());
        assert!(
            !text.contains('\u{1b}'),
            "control characters are escaped in JSON strings"
        );
        assert!(text.contains("\\u001b]0;pwned"));
    }
}

#[test]
fn align_outputs_are_inert() {
    let text = output(&["align", "--color", "always", OLD, NEW]);
    assert!(only_own_escapes(&text), "{text:?}");
    assert!(!text.chars().any(|c| BIDI.contains(&c) || c == '\u{7}'));
    let html = output(&["align", "--format", "html", OLD, NEW]);
    assert!(!html.contains("<script>document") && !html.contains("<img"));
    assert!(html.contains("[U+202E]evil"));
    let tsv = output(&["align", "--format", "tsv", OLD, NEW]);
    assert!(!tsv.contains('\u{1b}') && !tsv.contains('\u{7}'));
    assert!(
        tsv.lines().skip(1).all(|l| l.split('\t').count() == 6),
        "no field breaks a row"
    );
    let tmx = output(&["align", "--format", "tmx", OLD, NEW]);
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(&tmx, options)
        .expect("well-formed despite the payload");
    assert!(tmx.contains("&lt;script&gt;"));
    let json: serde_json::Value =
        serde_json::from_str(&output(&["align", "--format", "json", OLD, NEW])).unwrap();
    assert!(json.is_object());
}

#[test]
fn history_outputs_are_inert() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .env("GIT_CONFIG_GLOBAL", crate::util::NO_CONFIG)
            .env("GIT_AUTHOR_NAME", "Evil \u{1b}[2J\u{202e}Author")
            .env("GIT_AUTHOR_EMAIL", "e@example.org")
            .env("GIT_COMMITTER_NAME", "c")
            .env("GIT_COMMITTER_EMAIL", "c@example.org")
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    for (i, file) in [OLD, NEW].iter().enumerate() {
        std::fs::copy(crate::util::root().join(file), dir.path().join("doc.txt")).unwrap();
        git(&["add", "doc.txt"]);
        git(&[
            "commit",
            "-q",
            "-m",
            &format!("v{i} \u{1b}]0;pwned\u{7} <script>"),
        ]);
    }
    for command in ["log", "blame"] {
        let out = accord()
            .args([command, "doc.txt", "--color", "always", "--repo"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(only_own_escapes(&text), "{command}: {text:?}");
        assert!(
            !text.chars().any(|c| BIDI.contains(&c) || c == '\u{7}'),
            "{command}"
        );
    }
}

//! The HTML report in a real browser: `tests/browser/check.mjs` opens the report of the
//! hostile fixture pair in headless Chromium (through playwright-core) and checks that no
//! script from the document runs, its text is visible, the view toggle and the "Changed only"
//! filter work when clicked, nothing is requested and nothing is logged as an error.
//! Screenshots of both views land in `target/browser-artifacts/`.
//!
//! Needs Chromium at /usr/bin/chromium and `npm ci --prefix tests/browser`, so it is an
//! explicit opt-in: `cargo test -- --include-ignored` runs it, as `.ci/run` does after setting
//! both up. Run without them, it fails and says what is missing.

use std::path::Path;

use crate::util::{accord, root};

/// Chromium's path, once checked that it and the driver are there.
fn browser_setup() -> String {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let driver = root().join("tests/browser/node_modules/playwright-core");
    let missing: Vec<&str> = [
        (!Path::new(&chromium).exists()).then_some("Chromium (apt-get install chromium)"),
        (!driver.exists()).then_some("playwright-core (npm ci --prefix tests/browser)"),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(
        missing.is_empty(),
        "the browser test needs {}; .ci/run installs them",
        missing.join(" and ")
    );
    chromium
}

/// Run one of the browser checks in `tests/browser/`; it exits 0 when every check holds.
fn run_node(script: &str, args: &[&std::path::PathBuf], chromium: &str) {
    let out = std::process::Command::new("node")
        .arg(root().join("tests/browser").join(script))
        .args(args)
        .env("CHROMIUM", chromium)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[ignore = "needs Chromium and playwright-core; .ci/run installs them and runs it"]
fn html_report_in_headless_chromium() {
    let chromium = browser_setup();
    let artifacts = root().join("target/browser-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let report = artifacts.join("hostile.html");
    accord()
        .args([
            "diff",
            "--format",
            "html",
            "fixtures/hostile/old.txt",
            "fixtures/hostile/new.txt",
            "-o",
        ])
        .arg(&report)
        .assert()
        .code(1);
    run_node("check.mjs", &[&report, &artifacts], &chromium);
    assert!(artifacts.join("report-side-by-side.png").exists());
    assert!(artifacts.join("report-inline.png").exists());
}

/// The parallel view of two and of four languages, the timeline and the diff page at 1400 px
/// and at 400 px (`tests/browser/pages.mjs` says what is checked); screenshots of each land
/// in `target/browser-artifacts/`.
#[test]
#[ignore = "needs Chromium and playwright-core; .ci/run installs them and runs it"]
fn parallel_timeline_and_diff_pages_at_desktop_and_phone_widths() {
    let chromium = browser_setup();
    let artifacts = root().join("target/browser-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let udhr = |lang: &str| format!("versions/udhr/udhr.{lang}.txt");
    // A French text that says a year the English does not: the page must mark it.
    let french = std::fs::read_to_string(root().join(udhr("fr")))
        .unwrap()
        .replacen("dans le monde,", "dans le monde (1948),", 1);
    let french_path = artifacts.join("udhr.fr.1948.txt");
    std::fs::write(&french_path, french).unwrap();
    let report = |args: &[&str], name: &str| {
        let path = artifacts.join(name);
        let out = accord().args(args).arg("-o").arg(&path).output().unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}");
        path
    };
    let parallel2 = report(
        &[
            "align",
            "--format",
            "html",
            &udhr("en"),
            french_path.to_str().unwrap(),
        ],
        "parallel-2.html",
    );
    let parallel4 = report(
        &[
            "align",
            "--format",
            "html",
            &udhr("en"),
            &udhr("fr"),
            &udhr("ru"),
            &udhr("zh"),
        ],
        "parallel-4.html",
    );
    let (draft, final_text) = (
        "versions/dushanbe-2021.draft.en.txt",
        "versions/dushanbe-2021.en.txt",
    );
    let timeline = report(
        &["diff", "--format", "html", draft, draft, final_text],
        "timeline.html",
    );
    let diff = report(
        &["diff", "--format", "html", draft, final_text],
        "diff.html",
    );
    run_node(
        "pages.mjs",
        &[&artifacts, &parallel2, &parallel4, &timeline, &diff],
        &chromium,
    );
    for shot in [
        "parallel-2-phone.png",
        "parallel-2-desktop.png",
        "parallel-4-desktop.png",
        "timeline-1400.png",
        "timeline-400.png",
        "diff-phone.png",
    ] {
        assert!(artifacts.join(shot).exists(), "{shot}");
    }
}

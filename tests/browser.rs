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

#[test]
#[ignore = "needs Chromium and playwright-core; .ci/run installs them and runs it"]
fn html_report_in_headless_chromium() {
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
    let out = std::process::Command::new("node")
        .arg(root().join("tests/browser/check.mjs"))
        .arg(&report)
        .arg(&artifacts)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(artifacts.join("report-side-by-side.png").exists());
    assert!(artifacts.join("report-inline.png").exists());
}

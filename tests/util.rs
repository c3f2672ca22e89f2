//! Helpers shared by the integration tests.

use std::path::PathBuf;

use assert_cmd::Command;

/// A configuration file that holds nothing, so tests never read the user's git settings.
pub const NO_CONFIG: &str = if cfg!(windows) { "NUL" } else { "/dev/null" };

/// The accord binary built for this test run, with colour and locale noise removed.
pub fn accord() -> Command {
    let mut cmd = Command::cargo_bin("accord").expect("binary builds");
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR");
    cmd.current_dir(root());
    cmd
}

/// The repository root: tests name inputs relative to it.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every text the project ships or tests on.
pub fn all_texts() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["versions", "versions/udhr", "fixtures/grundgesetz-history"] {
        let mut entries: Vec<_> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
            .collect();
        entries.sort();
        out.extend(
            entries
                .into_iter()
                .map(|p| p.strip_prefix(root()).unwrap().display().to_string()),
        );
    }
    out
}

/// Snapshot settings for HTML and TMX reports: what changes with every release or every
/// style tweak (the inline CSS and script, their CSP hashes, the version) is redacted, so a
/// snapshot shows the report's content and markup, and changes only when they do.
pub fn redacted_reports() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"(?s)<style>.*?</style>", "<style>[css]</style>");
    settings.add_filter(r"(?s)<script>.*?</script>", "<script>[script]</script>");
    settings.add_filter(r"sha256-[A-Za-z0-9+/=]+", "sha256-[hash]");
    settings.add_filter(r#"accord \d+\.\d+\.\d+"#, "accord [version]");
    settings.add_filter(
        r#"creationtoolversion="[^"]*""#,
        r#"creationtoolversion="[version]""#,
    );
    settings
}

/// The Markdown report as GitHub renders it: GFM with its extensions, raw HTML kept as GitHub
/// keeps it before sanitizing (so a mark written as a tag is judged on what it renders to).
pub fn gfm_html(md: &str) -> String {
    let mut options = comrak::Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    #[allow(deprecated)]
    {
        options.extension.tagfilter = true;
    }
    options.render.r#unsafe = true;
    comrak::markdown_to_html(md, &options)
}

/// Run git in `dir` as a test author, with no user configuration; panics if it fails.
pub fn git_as_tester(dir: &std::path::Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", NO_CONFIG)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .status()
        .unwrap()
        .success();
    assert!(ok, "git {args:?}");
}

//! Versions from git: a temporary repository holds the five versions of the Basic Law in
//! `fixtures/grundgesetz-history`, one commit each, at `g/gg/index.md`.

use std::path::{Path, PathBuf};
use std::process::Command;

use accord::diff::{Comparison, Kind};
use accord::history::{Blame, Log};

use crate::util::{accord, root};

pub(crate) const PATH: &str = "g/gg/index.md";

fn git(dir: &Path, args: &[&str]) -> String {
    git_at(dir, args, None)
}

/// Run git with a fixed identity, no user configuration, and optionally a commit date.
fn git_at(dir: &Path, args: &[&str], date: Option<&str>) -> String {
    let mut cmd = Command::new("git");
    cmd.args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Drafting Committee")
        .env("GIT_AUTHOR_EMAIL", "committee@example.org")
        .env("GIT_COMMITTER_NAME", "Drafting Committee")
        .env("GIT_COMMITTER_EMAIL", "committee@example.org")
        .env("GIT_CONFIG_GLOBAL", crate::util::NO_CONFIG)
        .env("GIT_CONFIG_NOSYSTEM", "1");
    if let Some(date) = date {
        cmd.env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
    }
    let out = cmd.output().expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn versions() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/grundgesetz-history"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(char::is_numeric))
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    files
}

/// A repository with one commit per version, in file-name order.
pub(crate) fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    std::fs::create_dir_all(dir.path().join("g/gg")).unwrap();
    for (i, file) in versions().iter().enumerate() {
        std::fs::copy(file, dir.path().join(PATH)).unwrap();
        git(dir.path(), &["add", "-A"]);
        let date = format!("2012-0{}-01T10:00:00+02:00", i + 1);
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        git_at(
            dir.path(),
            &["commit", "-q", "-m", &format!("Version {}: {name}", i + 1)],
            Some(&date),
        );
    }
    dir
}

fn json<T: serde::de::DeserializeOwned>(args: &[&str], repo: &Path) -> T {
    let out = accord()
        .args(args)
        .arg("--repo")
        .arg(repo)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn differences(s: &accord::diff::Summary) -> usize {
    s.changed + s.added + s.removed + s.split + s.merged + s.moved + s.renumbered
}

#[test]
fn log_lists_commits_with_paragraph_level_changes() {
    let repo = history();
    let log: Log = json(&["log", PATH, "--format", "json"], repo.path());
    assert_eq!(log.schema, "accord.log/1");
    assert_eq!(log.path, PATH);
    let subjects: Vec<&str> = log
        .commits
        .iter()
        .map(|c| c.commit.subject.as_str())
        .collect();
    assert_eq!(subjects.len(), 5);
    assert!(
        subjects[0].starts_with("Version 5") && subjects[4].starts_with("Version 1"),
        "newest first"
    );
    assert!(
        log.commits
            .iter()
            .all(|c| c.commit.time.starts_with("2012-0") && c.commit.time.ends_with("+02:00"))
    );
    assert_eq!(log.commits[0].commit.author, "Drafting Committee");

    // The two front-matter-only commits: nothing at paragraph level.
    for c in &log.commits[2..=3] {
        assert_eq!(differences(&c.summary), 0, "{}", c.commit.subject);
        assert!(c.entries.is_empty());
    }

    // The Article 93 commit: item 4c. added in Article 93, the amendment note changed, nothing else.
    let art93 = &log.commits[1];
    assert_eq!(
        (
            art93.summary.added,
            art93.summary.changed,
            differences(&art93.summary)
        ),
        (1, 1, 2)
    );
    let added = art93
        .entries
        .iter()
        .find(|e| e.kind == Kind::Added)
        .unwrap();
    assert_eq!(added.new[0].label, "4c.");
    assert_eq!(added.new[0].section.last().map(String::as_str), Some("93"));
    let changed = art93
        .entries
        .iter()
        .find(|e| e.kind == Kind::Changed)
        .unwrap();
    assert!(changed.new[0].text.starts_with("Zuletzt geändert durch"));

    // The last commit agrees with accord diff of its two blobs.
    let files = versions();
    let direct: Comparison = json(
        &[
            "diff",
            "--format",
            "json",
            files[3].to_str().unwrap(),
            files[4].to_str().unwrap(),
        ],
        repo.path(),
    );
    assert_eq!(log.commits[0].summary, direct.summary);
    let direct_entries: Vec<_> = direct.entries.iter().filter(|e| e.differs()).collect();
    assert_eq!(log.commits[0].entries.len(), direct_entries.len());
}

#[test]
fn log_text_reads_well() {
    let repo = history();
    let out = accord()
        .args(["log", PATH, "--repo"])
        .arg(repo.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("no paragraph-level changes (metadata or whitespace only)"));
    assert!(text.contains("¶ 4c · 93 — added"), "{text}");
}

#[test]
fn blame_keeps_origins_through_shifts() {
    let repo = history();
    let blame: Blame = json(&["blame", PATH, "--format", "json"], repo.path());
    assert_eq!(blame.schema, "accord.blame/1");
    let find = |section: &str, label: &str| {
        blame
            .blocks
            .iter()
            .find(|b| {
                b.block.label == label
                    && b.block.section.last().map(String::as_str) == Some(section)
            })
            .unwrap_or_else(|| panic!("{section} {label}"))
    };
    assert!(find("93", "4c.").commit.subject.starts_with("Version 4"));
    assert!(find("1", "(1)").commit.subject.starts_with("Version 1"));
    assert!(
        find("93", "5.").commit.subject.starts_with("Version 1"),
        "not touched by the insertion above it"
    );
    // Blame at an earlier revision knows nothing of later commits.
    let earlier: Blame = json(
        &["blame", PATH, "--rev", "HEAD~2", "--format", "json"],
        repo.path(),
    );
    assert!(
        earlier
            .blocks
            .iter()
            .all(|b| b.commit.subject.starts_with("Version 1"))
    );
}

#[test]
fn git_specs_equal_the_files() {
    let repo = history();
    let files = versions();
    let from_git: Comparison = json(
        &[
            "diff",
            "--format",
            "json",
            &format!("HEAD~1:{PATH}"),
            &format!("HEAD:{PATH}"),
        ],
        repo.path(),
    );
    let from_files: Comparison = json(
        &[
            "diff",
            "--format",
            "json",
            files[3].to_str().unwrap(),
            files[4].to_str().unwrap(),
        ],
        repo.path(),
    );
    assert_eq!(from_git.summary, from_files.summary);
    assert_eq!(from_git.entries, from_files.entries);
    assert_eq!(from_git.old.label, format!("HEAD~1:{PATH}"));
}

#[test]
fn git_errors_are_one_line_and_exit_2() {
    let repo = history();
    let not_repo = tempfile::tempdir().unwrap();
    let cases: Vec<(Vec<String>, &Path, &str)> = vec![
        (
            vec![
                "diff".into(),
                "HEAD~9:g/gg/index.md".into(),
                format!("HEAD:{PATH}"),
            ],
            repo.path(),
            "unknown revision",
        ),
        (
            vec![
                "diff".into(),
                "HEAD:no/such.md".into(),
                format!("HEAD:{PATH}"),
            ],
            repo.path(),
            "is not in HEAD",
        ),
        (
            vec!["diff".into(), "HEAD:g".into(), format!("HEAD:{PATH}")],
            repo.path(),
            "is a directory",
        ),
        (
            vec!["diff".into(), "HEAD:a.txt".into(), "HEAD:b.txt".into()],
            not_repo.path(),
            "not a git repository",
        ),
        (
            vec!["log".into(), PATH.into(), "nosuchbranch".into()],
            repo.path(),
            "unknown revision",
        ),
        (
            vec![
                "blame".into(),
                PATH.into(),
                "--rev".into(),
                "nosuchbranch".into(),
            ],
            repo.path(),
            "unknown revision",
        ),
    ];
    for (args, dir, message) in cases {
        let out = accord()
            .args(&args)
            .arg("--repo")
            .arg(dir)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    // A binary blob.
    std::fs::write(repo.path().join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    git(repo.path(), &["add", "image.png"]);
    git(repo.path(), &["commit", "-q", "-m", "add image"]);
    let out = accord()
        .args(["diff", "HEAD:image.png", &format!("HEAD:{PATH}"), "--repo"])
        .arg(repo.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HEAD:image.png: binary"));
}

#[test]
fn a_path_on_disk_wins_over_a_spec() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("v1:draft.txt"), "1. Text.\n").unwrap();
    accord()
        .current_dir(dir.path())
        .args(["diff", "v1:draft.txt", "v1:draft.txt"])
        .assert()
        .code(0);
}

#[test]
fn works_in_bare_clones_and_marks_shallow_boundaries() {
    let repo = history();
    let bare = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    git(bare.path(), &["clone", "-q", "--bare", &url, "bare.git"]);
    let log: Log = json(
        &["log", PATH, "--format", "json"],
        &bare.path().join("bare.git"),
    );
    assert_eq!(log.commits.len(), 5);

    git(
        repo.path(),
        &["worktree", "add", "-q", "../worktree-of-history"],
    );
    let worktree = repo.path().parent().unwrap().join("worktree-of-history");
    let log: Log = json(&["log", PATH, "--format", "json"], &worktree);
    assert_eq!(log.commits.len(), 5, "works from a linked worktree");
    std::fs::remove_dir_all(&worktree).ok();

    let shallow = tempfile::tempdir().unwrap();
    git(shallow.path(), &["clone", "-q", "--depth", "2", &url, "s"]);
    let log: Log = json(
        &["log", PATH, "--format", "json"],
        &shallow.path().join("s"),
    );
    assert_eq!(log.commits.len(), 2);
    assert!(log.commits[1].truncated, "the boundary commit is marked");
    assert!(!log.commits[0].truncated);
}

#[test]
fn timeline_of_three_versions() {
    let files = versions();
    let out = accord()
        .args(["diff", "--format", "json"])
        .args([&files[0], &files[3], &files[4]])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let t: accord::history::Timeline = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(t.schema, "accord.timeline/1");
    assert_eq!(t.versions.len(), 3);
    let item = |section: &str, label: &str| {
        t.blocks
            .iter()
            .find(|b| {
                b.block.label == label
                    && b.block.section.last().map(String::as_str) == Some(section)
            })
            .unwrap()
    };
    assert_eq!(
        (
            item("93", "4c.").appeared,
            item("93", "4c.").changed.clone()
        ),
        (1, vec![])
    );
    assert_eq!(
        (item("1", "(1)").appeared, item("1", "(1)").changed.clone()),
        (0, vec![])
    );
    assert_eq!(
        item("21", "(2)").changed,
        vec![2],
        "Article 21 (2) changed in 2017"
    );
    let text = accord()
        .args(["diff", "--color", "never"])
        .args([&files[0], &files[3], &files[4]])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("since v2"));
    let html = accord()
        .args(["diff", "--format", "html"])
        .args([&files[0], &files[3], &files[4]])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&html.stdout).contains("Timeline of 3 versions"));
}

#[test]
fn versions_manifest_lists_the_shipped_texts() {
    let out = accord()
        .args(["versions", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let manifest: accord::source::manifest::Manifest = serde_json::from_slice(&out.stdout).unwrap();
    assert!(manifest.versions.len() >= 11);
    assert!(manifest.versions.iter().any(|v| v.status == "illustrative"));
    let text = accord().arg("versions").output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("udhr-zh"));
}

/// A repository whose last commit changes a text, renames one, deletes one, adds one and
/// changes an image: what `git diff` hands an external diff, file by file.
fn mixed_commit() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    git(path, &["init", "-q", "-b", "main"]);
    let udhr = |lang: &str| root().join(format!("versions/udhr/udhr.{lang}.txt"));
    std::fs::copy(udhr("en"), path.join("en.txt")).unwrap();
    std::fs::copy(udhr("fr"), path.join("fr.txt")).unwrap();
    std::fs::copy(udhr("ru"), path.join("ru.txt")).unwrap();
    std::fs::write(path.join("logo.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    git(path, &["add", "-A"]);
    git_at(path, &["commit", "-q", "-m", "one"], None);
    let en = std::fs::read_to_string(path.join("en.txt")).unwrap();
    std::fs::write(
        path.join("en.txt"),
        en.replace("life, liberty", "life, freedom"),
    )
    .unwrap();
    git(path, &["mv", "fr.txt", "fr-renamed.txt"]);
    git(path, &["rm", "-q", "ru.txt"]);
    std::fs::copy(udhr("zh"), path.join("zh.txt")).unwrap();
    std::fs::write(
        path.join("logo.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\x01",
    )
    .unwrap();
    git(path, &["add", "-A"]);
    git_at(path, &["commit", "-q", "-m", "two"], None);
    dir
}

/// What each file of [`mixed_commit`] must show, as git's external diff or difftool.
fn assert_every_file_shown(text: &str) {
    for expected in [
        "diff --git a/en.txt b/en.txt\n--- a/en.txt\n+++ b/en.txt\n",
        "[-liberty-]{+freedom+}",
        "diff --git a/fr.txt b/fr-renamed.txt\n",
        "--- a/fr.txt\n+++ b/fr-renamed.txt\n",
        "diff --git a/logo.png b/logo.png\nnot compared: a/logo.png: binary data",
        "diff --git a/ru.txt b/ru.txt\n--- a/ru.txt\n+++ /dev/null\n",
        "92 removed",
        "diff --git a/zh.txt b/zh.txt\n--- /dev/null\n+++ b/zh.txt\n",
        "92 added",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

#[test]
fn git_external_diff_and_difftool() {
    let repo = mixed_commit();
    let bin = assert_cmd::cargo::cargo_bin("accord");
    let driver = format!("{} git-diff", bin.display());
    let out = Command::new("git")
        .args(["diff", "-M", "HEAD~1", "HEAD"])
        .current_dir(repo.path())
        .env("GIT_EXTERNAL_DIFF", &driver)
        .env("GIT_CONFIG_GLOBAL", crate::util::NO_CONFIG)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "{stderr}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_every_file_shown(&text);
    assert!(text.contains("similarity index 100%\nrename from fr.txt\nrename to fr-renamed.txt\n"));

    // As a difftool that git trusts: a non-zero status would stop it at the image.
    let out = Command::new("git")
        .args([
            "difftool",
            "-y",
            "--trust-exit-code",
            "-x",
            &driver,
            "HEAD~1",
            "HEAD",
        ])
        .current_dir(repo.path())
        .env("GIT_CONFIG_GLOBAL", crate::util::NO_CONFIG)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_every_file_shown(&String::from_utf8_lossy(&out.stdout));

    // `accord diff` as a difftool still reports differences by its status, as diff(1).
    let out = Command::new("git")
        .args([
            "difftool",
            "-y",
            "-x",
            &format!("{} diff --color never", bin.display()),
            "HEAD~1",
            "HEAD",
            "--",
            "en.txt",
        ])
        .current_dir(repo.path())
        .env("GIT_CONFIG_GLOBAL", crate::util::NO_CONFIG)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 changed"));
}

/// A history with branches, the way `git log -- PATH` and `git blame` see it, as a list of
/// steps on `doc.txt` (five numbered paragraphs), each commit a day after the last:
///
/// ```text
/// Start ─ Other file ─────── Merge amend (file = Amend 2's) ─ Amend 1 ─ Merge second + Amend 4
///     └── Amend 2 ──────────┘                             └── Amend 3 ───────────┘
/// ```
///
/// The first merge takes the branch's file as it is (TREESAME to that parent); the second
/// brings paragraph 3 from its branch and makes a change of its own, to paragraph 4.
fn branches() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path();
    let paragraphs = [
        "1. The Parties shall meet once a year.",
        "2. Each Party shall name a delegate.",
        "3. The delegates shall elect a chair.",
        "4. The chair shall serve for two years.",
        "5. This Agreement enters into force on signature.",
    ];
    let write = |edits: &[(usize, &str)]| {
        let mut text = paragraphs.map(str::to_string);
        for &(k, t) in edits {
            text[k] = t.to_string();
        }
        std::fs::write(at.join("doc.txt"), text.join("\n\n") + "\n").unwrap();
    };
    let day = std::cell::Cell::new(0);
    let commit = |args: &[&str]| {
        day.set(day.get() + 1);
        let date = format!("2020-01-{:02}T10:00:00+00:00", day.get());
        git_at(
            at,
            &[&["commit", "-q", "-a"][..], args].concat(),
            Some(&date),
        );
    };
    let amend1 = (0, "1. The Parties shall meet twice a year.");
    let amend2 = (1, "2. Each Party shall name a delegate and a deputy.");
    let amend3 = (2, "3. The delegates shall elect a chair and a secretary.");
    let amend4 = (3, "4. The chair shall serve for three years.");
    git(at, &["init", "-q", "-b", "main"]);
    write(&[]);
    std::fs::write(at.join("other.txt"), "Notes.\n").unwrap();
    git(at, &["add", "-A"]);
    commit(&["-m", "Start"]);
    git(at, &["checkout", "-q", "-b", "amend"]);
    write(&[amend2]);
    commit(&["-m", "Amend 2"]);
    git(at, &["checkout", "-q", "main"]);
    std::fs::write(at.join("other.txt"), "More notes.\n").unwrap();
    commit(&["-m", "Other file"]);
    git(at, &["merge", "-q", "--no-ff", "--no-commit", "amend"]);
    commit(&["-m", "Merge amend"]);
    git(at, &["checkout", "-q", "-b", "second"]);
    write(&[amend2, amend3]);
    commit(&["-m", "Amend 3"]);
    git(at, &["checkout", "-q", "main"]);
    write(&[amend1, amend2]);
    commit(&["-m", "Amend 1"]);
    git(at, &["merge", "-q", "--no-ff", "--no-commit", "second"]);
    write(&[amend1, amend2, amend3, amend4]);
    commit(&["-m", "Merge second, Amend 4"]);
    dir
}

fn subjects(log: &Log) -> Vec<&str> {
    log.commits
        .iter()
        .map(|c| c.commit.subject.as_str())
        .collect()
}

#[test]
fn log_lists_what_git_log_lists_across_merges() {
    let repo = branches();
    let log: Log = json(&["log", "doc.txt", "--format", "json"], repo.path());
    assert_eq!(
        subjects(&log),
        [
            "Merge second, Amend 4",
            "Amend 1",
            "Amend 3",
            "Amend 2",
            "Start"
        ],
        "the merge that took its branch's file as it is is not listed"
    );
    let ids: Vec<&str> = log.commits.iter().map(|c| c.commit.id.as_str()).collect();
    let git_log = git(repo.path(), &["log", "--format=%H", "--", "doc.txt"]);
    assert_eq!(ids, git_log.lines().collect::<Vec<_>>());
    let merges: Vec<bool> = log.commits.iter().map(|c| c.merge).collect();
    assert_eq!(merges, [true, false, false, false, false]);
    // The merge is compared with its first parent: the branch's paragraph 3 and its own 4.
    let merge = &log.commits[0].summary;
    assert_eq!((merge.changed, differences(merge)), (2, 2));

    let range: Log = json(
        &["log", "doc.txt", "HEAD~2..HEAD", "--format", "json"],
        repo.path(),
    );
    assert_eq!(
        subjects(&range),
        ["Merge second, Amend 4", "Amend 1", "Amend 3"]
    );
    let text = accord()
        .args(["log", "doc.txt", "--repo"])
        .arg(repo.path())
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert_eq!(
        text.matches("merge: compared with its first parent")
            .count(),
        1
    );
}

#[test]
fn blame_credits_the_commits_that_made_the_text_not_merges() {
    let repo = branches();
    let credit = |rev: &str| -> Vec<String> {
        let blame: Blame = json(
            &["blame", "doc.txt", "--rev", rev, "--format", "json"],
            repo.path(),
        );
        blame.blocks.into_iter().map(|b| b.commit.subject).collect()
    };
    assert_eq!(
        credit("HEAD"),
        [
            "Amend 1",
            "Amend 2",
            "Amend 3",
            "Merge second, Amend 4",
            "Start"
        ]
    );
    // At the merge that took its branch's file, the change is still the branch's.
    assert_eq!(
        credit("HEAD~1~1"),
        ["Start", "Amend 2", "Start", "Start", "Start"]
    );
    // git blame names the same commit for each paragraph's line.
    let porcelain = git(
        repo.path(),
        &["blame", "--porcelain", "HEAD", "--", "doc.txt"],
    );
    let by_line: Vec<&str> = porcelain
        .lines()
        .filter(|l| l.len() > 40 && l[..40].bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|l| &l[..40])
        .collect();
    let blame: Blame = json(&["blame", "doc.txt", "--format", "json"], repo.path());
    for b in &blame.blocks {
        assert_eq!(
            b.commit.id,
            by_line[b.block.line - 1],
            "line {}",
            b.block.line
        );
    }
}

/// Word documents in history are read as Word documents: a repository where `declaration.docx`
/// was the draft and then the final text logs, blames and compares as the texts do.
#[test]
fn word_documents_in_history() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    for (i, which) in ["draft", "final"].iter().enumerate() {
        std::fs::copy(
            root().join(format!("fixtures/docx/dushanbe-2021.{which}.docx")),
            repo.join("declaration.docx"),
        )
        .unwrap();
        git(repo, &["add", "-A"]);
        let date = format!("2021-0{}-01T10:00:00+02:00", i + 8);
        git_at(repo, &["commit", "-q", "-m", which], Some(&date));
    }
    let texts: Comparison = json(
        &[
            "diff",
            "--format",
            "json",
            root()
                .join("versions/dushanbe-2021.draft.en.txt")
                .to_str()
                .unwrap(),
            root()
                .join("versions/dushanbe-2021.en.txt")
                .to_str()
                .unwrap(),
        ],
        repo,
    );
    let specs: Comparison = json(
        &[
            "diff",
            "--format",
            "json",
            "HEAD~1:declaration.docx",
            "HEAD:declaration.docx",
        ],
        repo,
    );
    assert_eq!(specs.summary, texts.summary);
    let log: Log = json(&["log", "--format", "json", "declaration.docx"], repo);
    assert_eq!(log.commits.len(), 2);
    assert_eq!(log.commits[0].summary, texts.summary);
    let blame: Blame = json(&["blame", "--format", "json", "declaration.docx"], repo);
    assert_eq!(blame.blocks.len(), 218);
}

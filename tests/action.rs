//! The GitHub Action's step (`action/run.py`, which `action.yml` runs) on a local
//! repository, with the environment the runner would set: it writes the job summary, posts
//! one pull-request comment and then updates it (through a `curl` on PATH that records what
//! it is asked and answers as the GitHub API would), and exits as configured. The pre-commit
//! hook's command runs too.

use std::path::Path;
use std::process::Command;

use crate::util::{git_as_tester as git, root};

/// A pull request's two commits: the declaration's draft becomes the final text, a note
/// that is no document changes too.
fn pull_request() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    std::fs::copy(
        root().join("versions/dushanbe-2021.draft.en.txt"),
        repo.join("decl.txt"),
    )
    .unwrap();
    std::fs::write(repo.join("notes.csv"), "a,b\n").unwrap();
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "base"]);
    std::fs::copy(
        root().join("versions/dushanbe-2021.en.txt"),
        repo.join("decl.txt"),
    )
    .unwrap();
    std::fs::write(repo.join("notes.csv"), "a,b,c\n").unwrap();
    git(repo, &["commit", "-q", "-am", "head"]);
    dir
}

/// A `curl` that logs its method and URL and answers a comment listing with `comments`.
fn fake_curl(dir: &Path, comments: &str) {
    let script = format!(
        "#!/bin/sh\nmethod=GET\nwhile [ $# -gt 0 ]; do case \"$1\" in -X) method=$2; shift;; http*) url=$1;; esac; shift; done\n\
         cat > /dev/null\necho \"$method $url\" >> \"{log}\"\n\
         case \"$method\" in GET) printf '%s\\n' '{comments}';; *) printf '%s\\n' '{{\"id\": 7}}';; esac\n",
        log = dir.join("curl.log").display()
    );
    let path = dir.join("curl");
    std::fs::write(&path, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

struct Run {
    code: i32,
    summary: String,
    calls: Vec<String>,
}

fn run_step(repo: &Path, inputs: &[(&str, &str)], comments: &str) -> Run {
    let work = tempfile::tempdir().unwrap();
    fake_curl(work.path(), comments);
    let summary = work.path().join("summary.md");
    let event = work.path().join("event.json");
    std::fs::write(&event, r#"{"number": 5, "pull_request": {"number": 5}}"#).unwrap();
    let path = format!(
        "{}:{}",
        work.path().display(),
        std::env::var("PATH").unwrap()
    );
    let out = Command::new("python3")
        .arg(root().join("action/run.py"))
        .current_dir(repo)
        .env("PATH", path)
        .env("ACCORD", assert_cmd::cargo::cargo_bin("accord"))
        .env("BASE_SHA", "HEAD~1")
        .env("HEAD_SHA", "HEAD")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_EVENT_PATH", &event)
        .env("GITHUB_REPOSITORY", "owner/texts")
        .env("GITHUB_API_URL", "https://api.example")
        .env("GITHUB_TOKEN", "secret")
        .env("GIT_CONFIG_GLOBAL", crate::util::NO_CONFIG)
        .envs(inputs.iter().copied())
        .output()
        .expect("python3 runs");
    let calls = std::fs::read_to_string(work.path().join("curl.log")).unwrap_or_default();
    Run {
        code: out.status.code().unwrap(),
        summary: std::fs::read_to_string(&summary)
            .unwrap_or_else(|_| panic!("no summary: {}", String::from_utf8_lossy(&out.stderr))),
        calls: calls.lines().map(str::to_string).collect(),
    }
}

#[test]
fn the_action_summarises_comments_once_and_exits_as_configured() {
    let repo = pull_request();
    // Report only: the summary holds the declaration's report, not the CSV's.
    let run = run_step(repo.path(), &[], "[]");
    assert_eq!(run.code, 0);
    assert!(
        run.summary
            .contains(r"### accord: HEAD\~1\:decl\.txt → HEAD\:decl\.txt"),
        "{}",
        run.summary
    );
    assert!(
        run.summary.contains("| 4 | 1 | 1 | 1 | 1 | 2 | 58 | 210 |"),
        "{}",
        run.summary
    );
    assert!(!run.summary.contains("notes.csv"));
    // The first run posts the comment, a later one updates it.
    assert_eq!(
        run.calls,
        [
            "GET https://api.example/repos/owner/texts/issues/5/comments?per_page=100",
            "POST https://api.example/repos/owner/texts/issues/5/comments",
        ]
    );
    let earlier =
        r#"[{"id": 41, "body": "other"}, {"id": 42, "body": "<!-- accord-report -->\nold"}]"#;
    let again = run_step(repo.path(), &[], earlier);
    assert_eq!(
        again.calls[1],
        "PATCH https://api.example/repos/owner/texts/issues/comments/42"
    );

    // fail-on: the kinds that fail, and those that do not occur.
    assert_eq!(
        run_step(repo.path(), &[("INPUT_FAIL_ON", "added")], "[]").code,
        1
    );
    assert_eq!(
        run_step(repo.path(), &[("INPUT_FAIL_ON", "any")], "[]").code,
        1
    );
    // allow: all but ¶ 80 (was 84) fails and says so; all passes.
    let narrow = run_step(
        repo.path(),
        &[("INPUT_ALLOW", "10,17,25,40,44-45,60-61,4.3,99-100")],
        "[]",
    );
    assert_eq!(narrow.code, 1);
    assert!(
        narrow
            .summary
            .contains("1 change outside the allowed scope")
    );
    let wide = run_step(
        repo.path(),
        &[("INPUT_ALLOW", "10,17,25,40,44-45,60-61,80,4.3,99-100")],
        "[]",
    );
    assert_eq!(wide.code, 0);
    // Only files matching the globs are compared.
    let none = run_step(repo.path(), &[("INPUT_PATHS", "*.md")], "[]");
    assert!(none.summary.contains("No file matching *.md changed"));
    assert_eq!(none.code, 0);
}

#[test]
fn the_action_definition_runs_the_tested_script() {
    let action = std::fs::read_to_string(root().join("action.yml")).unwrap();
    assert!(action.contains("using: composite"));
    assert!(action.contains("python3 \"$GITHUB_ACTION_PATH/action/run.py\""));
    for input in ["paths:", "fail-on:", "allow:", "comment:", "token:"] {
        assert!(action.contains(input), "{input}");
    }
}

#[test]
fn the_pre_commit_hook_refuses_a_numbering_gap() {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let entry = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("entry: "))
        .unwrap();
    let script = entry
        .strip_prefix("bash -c '")
        .and_then(|e| e.strip_suffix("' --"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "1. One.\n\n2. Two.\n").unwrap();
    std::fs::write(dir.path().join("gap.txt"), "1. One.\n\n3. Three.\n").unwrap();
    let bin_dir = assert_cmd::cargo::cargo_bin("accord");
    let path = format!(
        "{}:{}",
        bin_dir.parent().unwrap().display(),
        std::env::var("PATH").unwrap()
    );
    let hook = |files: &[&str]| {
        Command::new("bash")
            .args(["-c", script, "--"])
            .args(files)
            .current_dir(dir.path())
            .env("PATH", &path)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(hook(&["good.txt"]), Some(0));
    assert_eq!(hook(&["good.txt", "gap.txt"]), Some(1));
}

//! accord on a real terminal: a pseudo-terminal from `script` (util-linux, in every Debian
//! and in most Unix systems), so that standard output is a tty as it is for a user. The
//! pager runs only there, the colour rules are those of clap's own stack.

use std::process::Command;

use crate::util::root;

/// Run `accord ARGS` with its output on a pseudo-terminal and `env` set (everything else
/// about colour and paging cleared), and return what the terminal received.
fn on_a_terminal(args: &str, env: &[(&str, &str)]) -> String {
    let bin = assert_cmd::cargo::cargo_bin("accord");
    let mut command = Command::new("script");
    command
        .args(["-q", "-e", "-c"])
        .arg(format!("{} {args}", bin.display()))
        .arg("/dev/null")
        .current_dir(root());
    for name in [
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "FORCE_COLOR",
        "CI",
        "PAGER",
        "ACCORD_PAGER",
        "LESS",
        "COLUMNS",
    ] {
        command.env_remove(name);
    }
    command.env("TERM", "xterm-256color");
    command.envs(env.iter().copied());
    let out = command
        .output()
        .expect("`script` (util-linux) runs: the terminal tests need it");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n")
}

/// Text without its colour codes.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(esc) = rest.find('\u{1b}') {
        out.push_str(&rest[..esc]);
        rest = rest[esc..].split_once('m').map_or("", |(_, after)| after);
    }
    out + rest
}

const OUTLINE: &str = "outline versions/udhr/udhr.en.txt";

#[test]
fn the_pager_runs_on_a_terminal_only_and_as_configured() {
    let pager = [("PAGER", "sed s/^/PAGED:/")];
    let paged = plain(&on_a_terminal(OUTLINE, &pager));
    assert!(
        paged
            .lines()
            .next()
            .unwrap()
            .starts_with("PAGED:versions/udhr/udhr.en.txt"),
        "{paged}"
    );
    assert!(
        paged
            .lines()
            .filter(|l| !l.is_empty())
            .all(|l| l.starts_with("PAGED:"))
    );
    // ACCORD_PAGER comes before PAGER.
    let own = on_a_terminal(
        OUTLINE,
        &[
            ("PAGER", "sed s/^/PAGED:/"),
            ("ACCORD_PAGER", "sed s/^/OWN:/"),
        ],
    );
    assert!(own.starts_with("OWN:"), "{own}");
    // Refused: --no-pager, an empty pager, `cat`.
    for (args, env) in [
        (format!("{OUTLINE} --no-pager"), pager),
        (OUTLINE.to_string(), [("PAGER", "")]),
        (OUTLINE.to_string(), [("PAGER", "cat")]),
    ] {
        let direct = on_a_terminal(&args, &env);
        assert!(
            plain(&direct).starts_with("versions/udhr/udhr.en.txt"),
            "{direct}"
        );
        assert!(!direct.contains("PAGED:"), "{args}: {direct}");
    }
    // Into a pipe or a file: never paged.
    let piped = crate::util::accord()
        .args(OUTLINE.split(' '))
        .env("PAGER", "sed s/^/PAGED:/")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&piped.stdout).contains("PAGED:"));
}

#[test]
fn the_default_pager_is_less_with_git_s_options() {
    // A `less` first on PATH that says how it was started, then shows the report.
    let dir = tempfile::tempdir().unwrap();
    let less = dir.path().join("less");
    std::fs::write(&less, "#!/bin/sh\necho \"less $* LESS=$LESS\"\ncat\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&less, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        dir.path().display(),
        std::env::var("PATH").unwrap()
    );
    let text = plain(&on_a_terminal(OUTLINE, &[("PATH", &path)]));
    assert!(text.starts_with("less -FRX LESS=FRX\n"), "{text}");
    assert!(text.contains("Article 30"), "{text}");
}

#[test]
fn colour_follows_the_conventions() {
    let coloured = |env: &[(&str, &str)]| {
        on_a_terminal(&format!("{OUTLINE} --no-pager"), env).contains("\u{1b}[")
    };
    assert!(coloured(&[]), "a colour terminal gets colour");
    assert!(!coloured(&[("TERM", "dumb")]), "TERM=dumb");
    assert!(!coloured(&[("CLICOLOR", "0")]), "CLICOLOR=0");
    assert!(!coloured(&[("NO_COLOR", "1")]), "NO_COLOR");
    assert!(
        coloured(&[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")]),
        "CLICOLOR_FORCE"
    );
    assert!(
        !coloured(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
        "NO_COLOR wins"
    );
    let flag = |flag: &str, env: &[(&str, &str)]| {
        on_a_terminal(&format!("{OUTLINE} --no-pager --color {flag}"), env).contains("\u{1b}[")
    };
    assert!(flag("always", &[("NO_COLOR", "1")]), "--color always wins");
    assert!(!flag("never", &[]), "--color never");
    // Not a terminal: no colour, unless forced.
    let piped = |env: &[(&str, &str)]| {
        let mut command = crate::util::accord();
        command.args(OUTLINE.split(' ')).env_remove("CI");
        command.envs(env.iter().copied());
        String::from_utf8(command.output().unwrap().stdout)
            .unwrap()
            .contains("\u{1b}[")
    };
    assert!(!piped(&[]));
    assert!(piped(&[("CLICOLOR_FORCE", "1")]));
}

//! The shape of the source tree, as the README's "Layout" describes it: the pipeline's
//! stages in order, each importing only the stages before it; files and functions short
//! enough to read whole.

use std::path::{Path, PathBuf};

use crate::util::root;

/// The library's modules in pipeline order: each may use only those before it.
const STAGES: &[&str] = &[
    "text",
    "model",
    "source",
    "normalize",
    "align",
    "diff",
    "refs",
    "translation",
    "history",
    "report",
];

/// Lines a source file may have before it should be split.
const FILE_MAX_LINES: usize = 600;
/// Lines a function may have before it should be split into named steps, unless a comment
/// on the line before it begins `// Long:` and says why.
const FUNCTION_MAX_LINES: usize = 80;

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The stage a file of `src/` belongs to, if any (`lib.rs`, `main.rs` and the CLI are not
/// stages).
fn stage_of(path: &Path) -> Option<&'static str> {
    let relative = path.strip_prefix(root().join("src")).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    STAGES.iter().copied().find(|s| *s == name)
}

/// Every module a file names after `crate::`, one by one or in a group
/// (`crate::{history, report::View}`).
fn crate_paths(text: &str) -> Vec<String> {
    let name = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                // Nested groups are rare; their first names are what matters here.
                out.extend(group.split(',').map(name));
            }
            None => out.push(name(rest)),
        }
    }
    out
}

#[test]
fn the_library_is_the_stages_in_order() {
    let mut modules: Vec<String> = std::fs::read_dir(root().join("src"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !matches!(n.as_str(), "lib.rs" | "main.rs" | "cli"))
        .map(|n| n.trim_end_matches(".rs").to_string())
        .collect();
    modules.sort();
    let mut stages: Vec<String> = STAGES.iter().map(|s| s.to_string()).collect();
    stages.sort();
    assert_eq!(
        modules, stages,
        "src/ holds the stages, lib.rs, main.rs and cli/"
    );
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    for stage in STAGES {
        assert!(
            lib.contains(&format!("pub mod {stage};")),
            "{stage} in lib.rs"
        );
    }
    assert!(!lib.contains("mod cli"), "the CLI belongs to the binary");
}

#[test]
fn each_stage_uses_only_the_stages_before_it() {
    let mut wrong = Vec::new();
    for file in rust_files(&root().join("src")) {
        let Some(stage) = stage_of(&file) else {
            continue;
        };
        let position = STAGES.iter().position(|s| *s == stage).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        for used in crate_paths(&text) {
            let Some(used_position) = STAGES.iter().position(|s| **s == used) else {
                continue;
            };
            if used_position > position {
                wrong.push(format!("{} uses crate::{used}", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn git2_and_clap_stay_at_the_edges() {
    for file in rust_files(&root().join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(root()).unwrap().display().to_string();
        if text.contains("git2::") {
            assert_eq!(name, "src/source/git.rs", "git2 outside source::git");
        }
        if text.contains("clap::") {
            assert!(
                name.starts_with("src/cli/") || name == "src/main.rs",
                "{name}"
            );
        }
    }
}

#[test]
fn files_and_functions_are_short() {
    let mut long = Vec::new();
    for file in rust_files(&root().join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let name = file.strip_prefix(root()).unwrap().display();
        if lines.len() > FILE_MAX_LINES {
            long.push(format!("{name}: {} lines", lines.len()));
        }
        for (start, length) in functions(&lines) {
            let reason = start > 0 && lines[start - 1].trim_start().starts_with("// Long:");
            if length > FUNCTION_MAX_LINES && !reason {
                long.push(format!(
                    "{name}:{}: a function of {length} lines",
                    start + 1
                ));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}

/// Where each function outside the tests starts (0-based) and how many lines it spans, from
/// its `fn` line to the closing brace at the same indentation, as rustfmt lays code out.
fn functions(lines: &[&str]) -> Vec<(usize, usize)> {
    let test_module = lines
        .iter()
        .position(|l| l.trim() == "#[cfg(test)]")
        .unwrap_or(lines.len());
    let mut out = Vec::new();
    for (i, line) in lines[..test_module].iter().enumerate() {
        let code = line.trim_start();
        if !declares_function(code) {
            continue;
        }
        let indent = line.len() - code.len();
        let Some(open) = (i..lines.len()).find(|&k| {
            let l = lines[k].trim_end();
            l.ends_with('{') || l.ends_with(';')
        }) else {
            continue;
        };
        if lines[open].trim_end().ends_with(';') {
            continue;
        }
        let close = (open + 1..lines.len()).find(|&k| {
            let l = lines[k];
            l.len() > indent && l[indent..].starts_with('}') && l[..indent].trim().is_empty()
        });
        if let Some(close) = close {
            out.push((i, close - i + 1));
        }
    }
    out
}

/// Whether a line opens a function: `fn` after any visibility and qualifiers.
fn declares_function(code: &str) -> bool {
    let mut rest = code;
    loop {
        if rest.starts_with("fn ") {
            return true;
        }
        let word_end = if rest.starts_with("pub(") {
            rest.find(')').map(|k| k + 1)
        } else {
            rest.find(' ')
        };
        let Some(end) = word_end else {
            return false;
        };
        let word = &rest[..end];
        let qualifier = word.starts_with("pub")
            || matches!(word, "const" | "async" | "unsafe" | "extern")
            || word.starts_with('"');
        if !qualifier {
            return false;
        }
        rest = rest[end..].trim_start();
    }
}

#[test]
fn the_import_check_reads_groups() {
    assert_eq!(
        crate_paths("use crate::text;\nuse crate::{history, report::View};\n"),
        ["text", "history", "report"]
    );
}

#[test]
fn the_function_measure_finds_functions() {
    let lines = [
        "fn short() {",
        "    one();",
        "}",
        "",
        "    pub fn inner(",
        "        x: u8,",
        "    ) -> u8 {",
        "        x",
        "    }",
        "pub(in crate::a) const unsafe extern \"C\" fn qualified() {",
        "}",
        "let fn_name = 1;",
        "#[cfg(test)]",
        "fn ignored() {",
        "}",
    ];
    assert_eq!(functions(&lines), [(0, 3), (4, 5), (9, 2)]);
}

//! The command line: flags defined once with clap, turned into calls of the library. No
//! clap type leaves this module.

mod output;

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::normalize;
use crate::report::{self, term::Paint};
use crate::source::{self, Input};

/// What a run found, for the exit status: 0 nothing to report, 1 something, as diff(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Findings,
}

#[derive(Debug, Parser)]
#[command(
    name = "accord",
    version,
    about = "Compare versions and translations of numbered documents",
    long_about = "Compare versions and translations of numbered documents — declarations, treaties, \
charters, resolutions, laws — by their structure: headings, numbered paragraphs and preamble.\n\n\
Exit status: 0 when there is nothing to report, 1 when there is, 2 on trouble.",
    after_help = "Examples:\n  accord outline versions/dushanbe-2021.en.txt\n  accord outline --format json decl.txt -o outline.json\n  accord completions bash > /etc/bash_completion.d/accord"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the structure accord finds in a document: headings, numbered paragraphs,
    /// preamble, numbering problems and repairs of damaged text.
    #[command(
        after_help = "Exit status: 0 when the numbering is sound, 1 with findings, 2 on error."
    )]
    Outline(OutlineArgs),
    /// Compare two versions paragraph by paragraph: what was added, removed, changed, moved,
    /// split, merged or only renumbered, and inside each changed paragraph, which words.
    #[command(
        after_help = "Exit status: 0 when the versions do not differ, 1 when they do (or, with --fail-on, \
when they differ in those ways), 2 on trouble.\n\nExamples:\n  accord diff versions/dushanbe-2021.draft.en.txt versions/dushanbe-2021.en.txt\n  \
accord diff --format json old.txt new.txt -o diff.json\n  accord diff --fail-on removed,moved old.txt new.txt"
    )]
    Diff(DiffArgs),
    /// Print shell completions for bash, zsh, fish, elvish or powershell.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct InputOptions {
    /// Encoding of the inputs when they are not UTF-8 or UTF-16 with a byte-order mark
    /// (e.g. windows-1251, gb18030, shift_jis).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Keep PDF damage as it is: no joining of hyphenated words, no inserted spaces, no
    /// splitting of run-in paragraphs (they are still reported).
    #[arg(long)]
    pub no_repair: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct OutputOptions {
    /// When to colour terminal output; NO_COLOR and CLICOLOR_FORCE are honoured under auto.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct OutlineArgs {
    /// The document to read; `-` for standard input.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Report format.
    #[arg(long, value_enum, default_value_t = OutlineFormat::Text)]
    pub format: OutlineFormat,
    #[command(flatten)]
    pub input: InputOptions,
    #[command(flatten)]
    pub output: OutputOptions,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The earlier version; `-` for standard input.
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The later version; `-` for standard input.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Report format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Treat upper and lower case as the same.
    #[arg(long)]
    pub ignore_case: bool,
    /// Ignore punctuation differences.
    #[arg(long)]
    pub ignore_punctuation: bool,
    /// Also report differences of whitespace, quote and dash style and repaired PDF damage.
    #[arg(long)]
    pub strict: bool,
    /// Show unchanged paragraphs too.
    #[arg(long)]
    pub all: bool,
    /// Show N unchanged paragraphs around each change.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub context: usize,
    /// Exit 1 only for these kinds of difference (comma-separated): changed, added, removed,
    /// split, merged, moved, renumbered.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub fail_on: Vec<FailOn>,
    #[command(flatten)]
    pub input: InputOptions,
    #[command(flatten)]
    pub output: OutputOptions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Html,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Changed,
    Added,
    Removed,
    Split,
    Merged,
    Moved,
    Renumbered,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutlineFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl OutputOptions {
    /// Colour is decided here once: `--color`, then NO_COLOR, then CLICOLOR_FORCE, then
    /// whether the report goes to a terminal.
    pub fn paint(&self) -> Paint {
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let set =
                    |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
                if set("NO_COLOR") {
                    false
                } else if set("CLICOLOR_FORCE") {
                    true
                } else {
                    self.output.is_none() && std::io::stdout().is_terminal()
                }
            }
        };
        Paint { color }
    }
}

pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Outline(args) => outline(&args),
        Command::Diff(args) => diff(&args),
        Command::Completions { shell } => {
            // clap_complete panics on a broken pipe when writing directly: render first.
            let mut buffer = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "accord", &mut buffer);
            output::write(None, &String::from_utf8_lossy(&buffer))?;
            Ok(Outcome::Clean)
        }
    }
}

fn read(arg: &str, options: &InputOptions) -> Result<(String, crate::model::Document)> {
    read_with(arg, options, !options.no_repair)
}

fn read_with(
    arg: &str,
    options: &InputOptions,
    repair: bool,
) -> Result<(String, crate::model::Document)> {
    let input = Input::parse(arg);
    let source = source::read(&input, options.encoding.as_deref())?;
    let document = normalize::document(&source.text, &normalize::Options { repair });
    if document.is_unnumbered() {
        eprintln!(
            "accord: warning: {}: no numbered headings or paragraphs found; blocks can only be matched by content",
            source.label
        );
    }
    Ok((source.label, document))
}

fn outline(args: &OutlineArgs) -> Result<Outcome> {
    let (label, document) = read(&args.file, &args.input)?;
    let outline = report::outline::Outline::new(&label, &document);
    let text = match args.format {
        OutlineFormat::Json => report::outline::json(&outline),
        OutlineFormat::Text => report::outline::terminal(&outline, args.output.paint()),
    };
    output::write(args.output.output.as_deref(), &text)?;
    Ok(if outline.findings.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

fn diff(args: &DiffArgs) -> Result<Outcome> {
    if args.old == "-" && args.new == "-" {
        anyhow::bail!("<stdin>: only one of OLD and NEW can be standard input");
    }
    let options = crate::diff::Options {
        ignore_case: args.ignore_case,
        ignore_punctuation: args.ignore_punctuation,
        strict: args.strict,
    };
    // Strict comparison sees the damage as written, so it reads without repairs.
    let repair = !args.input.no_repair && !args.strict;
    // The two versions are read and normalized at the same time: on large documents this is
    // most of the work, and the two are independent.
    let (old_read, new_read) = std::thread::scope(|scope| {
        let old = scope.spawn(|| read_with(&args.old, &args.input, repair));
        let new = read_with(&args.new, &args.input, repair);
        (old.join().expect("reading a document does not panic"), new)
    });
    let (old_label, old) = old_read?;
    let (new_label, new) = new_read?;
    let comparison = crate::diff::compare(&old, &new, &old_label, &new_label, &options);
    let text = match args.format {
        DiffFormat::Json => report::diff::json(&comparison),
        DiffFormat::Html => report::html::render(&comparison),
        DiffFormat::Markdown => report::markdown::render(&comparison),
        DiffFormat::Text => report::diff::terminal(
            &comparison,
            report::diff::View {
                paint: args.output.paint(),
                all: args.all,
                context: args.context,
                width: terminal_width(),
            },
        ),
    };
    output::write(args.output.output.as_deref(), &text)?;
    let s = &comparison.summary;
    let fails = if args.fail_on.is_empty() {
        comparison.entries.iter().any(crate::diff::Entry::differs)
    } else {
        args.fail_on.iter().any(|kind| {
            0 < match kind {
                FailOn::Changed => s.changed,
                FailOn::Added => s.added,
                FailOn::Removed => s.removed,
                FailOn::Split => s.split,
                FailOn::Merged => s.merged,
                FailOn::Moved => s.moved,
                FailOn::Renumbered => s.renumbered,
            }
        })
    };
    Ok(if fails {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Columns to wrap terminal reports at: `COLUMNS` when set, else the terminal's width when
/// standard output is one, else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .filter(|&c: &usize| c >= 20)
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}

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
    let input = Input::parse(arg);
    let source = source::read(&input, options.encoding.as_deref())?;
    let document = normalize::document(
        &source.text,
        &normalize::Options {
            repair: !options.no_repair,
        },
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}

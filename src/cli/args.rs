//! The command line's flags, defined once with clap: help, completions and the checks of
//! `Cli::command().debug_assert()` all come from these types.

use std::io::IsTerminal;
use std::path::PathBuf;

use accord::diff::scope::AllowList;
use accord::model::FindingKind;
use accord::report::{Format, Paint, View};
use accord::source::docx::Revisions;
use accord::source::{ReadOptions, Reader};
use accord::translation::Check;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "accord",
    version,
    about = "Compare versions and translations of numbered documents",
    long_about = "Compare versions and translations of numbered documents — declarations, treaties, \
charters, resolutions, laws — by their structure: headings, numbered paragraphs and preamble.\n\n\
Exit status: 0 when there is nothing to report, 1 when there is, 2 on trouble.",
    after_help = "Examples:\n  accord diff versions/dushanbe-2021.draft.en.txt versions/dushanbe-2021.en.txt\n  accord diff --format html HEAD~1:decl.txt HEAD:decl.txt -o changes.html\n  accord align versions/udhr/udhr.en.txt versions/udhr/udhr.ru.txt versions/udhr/udhr.zh.txt\n  accord outline versions/dushanbe-2021.en.txt\n  accord log decl.txt\n  accord completions bash > /etc/bash_completion.d/accord"
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
    /// Pair the blocks of two or more language versions and check each pair: missing
    /// paragraphs, numbers and dates that differ, length outliers, untranslated text.
    #[command(
        after_help = "Exit status: 0 with no findings, 1 with findings, 2 on trouble.\n\nExamples:\n  accord align versions/udhr/udhr.en.txt versions/udhr/udhr.ru.txt versions/udhr/udhr.zh.txt\n  accord align --format tmx en.txt ru.txt -o memory.tmx"
    )]
    Align(AlignArgs),
    /// Check a revision's cross-references: those left citing a unit that was renumbered
    /// (stale, with the number to cite now) or removed (dangling). References to other
    /// instruments are left alone.
    #[command(
        after_help = "Exit status: 0 when every reference points where it should, 1 with stale or dangling ones, 2 on trouble.\n\nExamples:\n  accord refs HEAD~1:gg.md gg.md\n  accord refs --format json old.txt new.txt"
    )]
    Refs(RefsArgs),
    /// For each commit that changed a file (newest first, like git log), what it did at
    /// paragraph level: added, removed, changed, moved, split, merged, renumbered.
    #[command(
        after_help = "Examples:\n  accord log versions/dushanbe-2021.en.txt\n  accord log g/gg/index.md v1..v2 --format json"
    )]
    Log(LogArgs),
    /// For each block of a file, the commit that last changed its text; renumbering and moves
    /// are not changes.
    Blame(BlameArgs),
    /// List the versions shipped in a versions/ folder (its manifest.json).
    Versions(VersionsArgs),
    /// Git's external diff interface (GIT_EXTERNAL_DIFF, diff.<driver>.command: seven
    /// arguments, nine for a rename) and difftool's (LOCAL REMOTE [MERGED]); exits 0 for
    /// every file git can give it, so that git carries on.
    #[command(name = "git-diff", hide = true)]
    GitDiff {
        /// The arguments git gives.
        #[arg(num_args = 2..=9, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Print shell completions for bash, zsh, fish, elvish or powershell.
    Completions {
        /// The shell to complete for.
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
    /// Repository for REV:PATH inputs (default: the one around the working directory).
    #[arg(long, value_name = "DIR")]
    pub repo: Option<PathBuf>,
    /// Read every input as this format instead of telling it from the content: `html` for a
    /// page without a doctype or `<html>`, `text` to read a page's markup or Markdown's `#`
    /// lines as plain text, `markdown` for Markdown without a `#` heading.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<FromFormat>,
    /// Which text of a Word document with tracked changes to read: as if all were accepted
    /// (`final`) or all rejected (`original`).
    #[arg(long, value_enum, value_name = "WHICH", default_value_t = RevisionsArg::Final)]
    pub revisions: RevisionsArg,
}

/// The values of `--revisions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RevisionsArg {
    /// Every tracked change accepted.
    Final,
    /// Every tracked change rejected.
    Original,
}

/// The formats `--from` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FromFormat {
    /// Plain text: `#` lines are text, not headings.
    Text,
    /// Markdown: `#` headings, front matter.
    Markdown,
    /// A web page.
    Html,
    /// A Word document (.docx).
    Docx,
    /// Akoma Ntoso XML (OASIS LegalDocML).
    Akn,
    /// A PDF with a text layer.
    Pdf,
}

impl InputOptions {
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            encoding: self.encoding.clone(),
            repo: self.repo.clone(),
            from: self.from.map(|f| match f {
                FromFormat::Text => Reader::Plain,
                FromFormat::Markdown => Reader::Markdown,
                FromFormat::Html => Reader::Html,
                FromFormat::Docx => Reader::Docx,
                FromFormat::Akn => Reader::Akn,
                FromFormat::Pdf => Reader::Pdf,
            }),
            revisions: match self.revisions {
                RevisionsArg::Final => Revisions::Final,
                RevisionsArg::Original => Revisions::Original,
            },
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct OutputOptions {
    /// When to colour terminal output. Under `auto`, as clap and cargo decide: NO_COLOR
    /// turns it off, CLICOLOR_FORCE on, CLICOLOR=0 off; otherwise colour on a terminal
    /// whose TERM is not `dumb`.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Columns to fit terminal reports to (default: COLUMNS, else the terminal's width,
    /// else 100).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    /// Write to the terminal directly, without a pager. By default a report for a
    /// terminal goes through $ACCORD_PAGER, else $PAGER, else `less -FRX` (which quits
    /// at once when the report fits the screen).
    #[arg(long)]
    pub no_pager: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct OutlineArgs {
    /// The document to read; `-` for standard input.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Report format: `text` for people, `json` for the `accord.outline/1` contract.
    #[arg(long, value_enum, default_value_t = OutlineFormat::Text)]
    pub format: OutlineFormat,
    /// Exit 1 only for these kinds of finding (comma-separated); any finding fails the run
    /// when not given.
    #[arg(long, value_delimiter = ',', value_name = "KINDS", value_parser = wire_names(&FindingKind::ALL.map(FindingKind::as_str)))]
    pub fail_on: Vec<String>,
    #[command(flatten)]
    pub input: InputOptions,
    #[command(flatten)]
    pub output: OutputOptions,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The versions, oldest first: files, `-` for standard input, or git specs `REV:PATH`.
    /// Two are compared; with three or more, a timeline shows for every paragraph of the last
    /// version where it appeared and where it changed. One Word document with tracked changes
    /// is compared as it was (all rejected) against as it is (all accepted).
    #[arg(value_name = "VERSION", num_args = 1.., required = true)]
    pub versions: Vec<String>,
    /// Report format: `text` for the terminal, `json` for the `accord.diff/1` contract
    /// (`accord.timeline/1` with three versions or more), `html` for a page to share,
    /// `markdown` for a pull-request comment.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Treat upper and lower case as the same.
    #[arg(long)]
    pub ignore_case: bool,
    /// Ignore punctuation differences.
    #[arg(long)]
    pub ignore_punctuation: bool,
    /// Also report differences of whitespace, quote and dash style, full-width and half-width
    /// forms and repaired PDF damage.
    #[arg(long)]
    pub strict: bool,
    /// Show unchanged paragraphs too.
    #[arg(long)]
    pub all: bool,
    /// Show N unchanged paragraphs around each change.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub context: usize,
    /// In the terminal, show each changed paragraph in two columns, old and new, sized to
    /// the terminal (or --width).
    #[arg(long, short = 'y')]
    pub side_by_side: bool,
    /// The changes agreed on: numbers, ranges and sections, comma-separated (`12-15,4.2,Art
    /// 93`). A change outside them is listed at the end of the report, and the run exits 1
    /// only for such a change. Renumbering is never outside: the paragraphs an allowed
    /// insertion pushes down keep within it.
    #[arg(long, value_name = "SPEC", value_parser = AllowList::parse)]
    pub allow: Option<AllowList>,
    /// Also check the new version's cross-references (as `accord refs` does) and list the
    /// stale and dangling ones after the report, text or Markdown; they make the run exit 1.
    #[arg(long)]
    pub refs: bool,
    /// Exit 1 only for these kinds of difference (comma-separated): changed, added, removed,
    /// split, merged, moved, renumbered.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub fail_on: Vec<FailOn>,
    #[command(flatten)]
    pub input: InputOptions,
    #[command(flatten)]
    pub output: OutputOptions,
}

#[derive(Debug, Clone, clap::Args)]
pub struct RefsArgs {
    /// The old version and the new: files, `-` for standard input, or git specs `REV:PATH`.
    #[arg(value_name = "VERSION", num_args = 2, required = true)]
    pub versions: Vec<String>,
    /// Report format: `text` for the terminal, `json` for the `accord.refs/1` contract.
    #[arg(long, value_enum, default_value_t = DataFormat::Text)]
    pub format: DataFormat,
    /// List the references that are fine too.
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub input: InputOptions,
    #[command(flatten)]
    pub output: OutputOptions,
}

#[derive(Debug, Clone, clap::Args)]
pub struct AlignArgs {
    /// The language versions: files, `-` for standard input, or git specs `REV:PATH`. The
    /// first is the one the others are aligned to.
    #[arg(value_name = "VERSION", num_args = 2.., required = true)]
    pub versions: Vec<String>,
    /// Languages of the versions, comma-separated in argument order (e.g. `en,ru,zh`);
    /// detected from the script when not given.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub lang: Vec<String>,
    /// Report format: `text` for the terminal, `json` for the `accord.align/1` contract,
    /// `html` for a page with one column per language, `tsv` for a spreadsheet, `tmx` for a
    /// translation memory.
    #[arg(long, value_enum, default_value_t = AlignFormat::Text)]
    pub format: AlignFormat,
    /// Exit 1 only for findings of these checks (comma-separated); any finding fails the run
    /// when not given.
    #[arg(long, value_delimiter = ',', value_name = "CHECKS", value_parser = wire_names(&Check::ALL.map(Check::as_str)))]
    pub fail_on: Vec<String>,
    /// Show only the pairs with findings in the terminal table.
    #[arg(long)]
    pub only_findings: bool,
    /// Show only the pairs a reviewer should look at in the terminal table: those whose
    /// confidence is below CONFIDENCE (`--review=0.6`; 0.8 when not given). The README says how confidence
    /// is computed and what share of wrong pairs falls below 0.8.
    #[arg(
        long,
        value_name = "CONFIDENCE",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "0.8",
        value_parser = parse_confidence
    )]
    pub review: Option<f64>,
    #[command(flatten)]
    pub input: InputOptions,
    #[command(flatten)]
    pub output: OutputOptions,
}

/// A parser accepting the wire names of a library enum, which help and completions list;
/// the library's types stay free of clap.
fn wire_names(names: &[&'static str]) -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(names.iter().copied())
}

/// A confidence threshold: a number from 0 to 1.
fn parse_confidence(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{text:?} is not a confidence from 0 to 1")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    Text,
    Json,
    Html,
    Tsv,
    Tmx,
}

#[derive(Debug, Clone, clap::Args)]
pub struct LogArgs {
    /// The file, as a path in the repository.
    #[arg(value_name = "PATH")]
    pub path: String,
    /// Revision or range to walk, as git log takes it (`HEAD`, `v1..v2`).
    #[arg(value_name = "REVISION-RANGE", default_value = "HEAD")]
    pub range: String,
    #[command(flatten)]
    pub common: HistoryOptions,
}

#[derive(Debug, Clone, clap::Args)]
pub struct BlameArgs {
    /// The file, as a path in the repository.
    #[arg(value_name = "PATH")]
    pub path: String,
    /// The revision to blame.
    #[arg(long, default_value = "HEAD")]
    pub rev: String,
    #[command(flatten)]
    pub common: HistoryOptions,
}

/// What `log` and `blame` share: the format, how versions are read, where the report goes.
#[derive(Debug, Clone, clap::Args)]
pub struct HistoryOptions {
    /// Report format: `text` for people, `json` for the `accord.log/1` or `accord.blame/1`
    /// contract.
    #[arg(long, value_enum, default_value_t = DataFormat::Text)]
    pub format: DataFormat,
    #[command(flatten)]
    pub input: InputOptions,
    #[command(flatten)]
    pub output: OutputOptions,
}

#[derive(Debug, Clone, clap::Args)]
pub struct VersionsArgs {
    /// The folder holding manifest.json.
    #[arg(long, default_value = "versions", value_name = "DIR")]
    pub dir: PathBuf,
    /// Report format: `text` for people, `json` for the `accord.versions/1` contract.
    #[arg(long, value_enum, default_value_t = DataFormat::Text)]
    pub format: DataFormat,
    #[command(flatten)]
    pub output: OutputOptions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    Text,
    Json,
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
    /// The view of a report written where these options say, with the rest as given.
    pub fn view(&self) -> View {
        View {
            paint: self.paint(),
            width: self.width.map_or_else(terminal_width, usize::from),
            ..View::default()
        }
    }

    /// Colour is decided here once: `--color`, else the conventions anstream (clap's and
    /// cargo's terminal layer) implements, read with the same crate: NO_COLOR, then
    /// CLICOLOR_FORCE, then CLICOLOR=0, then a terminal that is not TERM=dumb (or CLICOLOR
    /// set, or a CI service) — and a report into a file gets none.
    pub fn paint(&self) -> Paint {
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let clicolor = anstyle_query::clicolor();
                if anstyle_query::no_color() {
                    false
                } else if anstyle_query::clicolor_force() {
                    true
                } else if clicolor == Some(false) {
                    false
                } else {
                    self.output.is_none()
                        && std::io::stdout().is_terminal()
                        && (anstyle_query::term_supports_color()
                            || clicolor == Some(true)
                            || anstyle_query::is_ci())
                }
            }
        };
        Paint { color }
    }

    /// Whether the report goes through a pager: it is for a terminal, and not refused.
    pub fn paged(&self) -> bool {
        !self.no_pager && self.output.is_none() && std::io::stdout().is_terminal()
    }
}

/// Columns to wrap terminal reports at: `COLUMNS` when set, else the terminal's width when
/// standard output is one, else 100.
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .filter(|&c: &usize| c >= 20)
        .unwrap_or(100)
}

impl From<DataFormat> for Format {
    fn from(format: DataFormat) -> Format {
        match format {
            DataFormat::Text => Format::Text,
            DataFormat::Json => Format::Json,
        }
    }
}

impl From<OutlineFormat> for Format {
    fn from(format: OutlineFormat) -> Format {
        match format {
            OutlineFormat::Text => Format::Text,
            OutlineFormat::Json => Format::Json,
        }
    }
}

impl From<DiffFormat> for Format {
    fn from(format: DiffFormat) -> Format {
        match format {
            DiffFormat::Text => Format::Text,
            DiffFormat::Json => Format::Json,
            DiffFormat::Html => Format::Html,
            DiffFormat::Markdown => Format::Markdown,
        }
    }
}

impl From<AlignFormat> for Format {
    fn from(format: AlignFormat) -> Format {
        match format {
            AlignFormat::Text => Format::Text,
            AlignFormat::Json => Format::Json,
            AlignFormat::Html => Format::Html,
            AlignFormat::Tsv => Format::Tsv,
            AlignFormat::Tmx => Format::Tmx,
        }
    }
}

impl FailOn {
    /// How many entries of this kind a comparison has.
    pub fn count(self, summary: &accord::diff::Summary) -> usize {
        match self {
            FailOn::Changed => summary.changed,
            FailOn::Added => summary.added,
            FailOn::Removed => summary.removed,
            FailOn::Split => summary.split,
            FailOn::Merged => summary.merged,
            FailOn::Moved => summary.moved,
            FailOn::Renumbered => summary.renumbered,
        }
    }
}

#[cfg(test)]
mod tests {
    use accord::diff::Comparison;
    use accord::history::{Blame, Log, Timeline};
    use accord::normalize::Outline;
    use accord::report::{Report, supports};
    use accord::source::manifest::Manifest;
    use accord::translation::Alignment;

    use super::*;

    /// Every value of `--format` a command offers is a format its result has, but those in
    /// `except`, which fail with a message naming the formats it has.
    fn offered<T: Report, V: ValueEnum + Into<Format>>(except: &[Format]) {
        for value in V::value_variants() {
            let format: Format = value.clone().into();
            assert_eq!(
                supports::<T>(format).is_ok(),
                !except.contains(&format),
                "{} as {}",
                T::NAME,
                format.as_str()
            );
        }
    }

    #[test]
    fn every_format_a_command_offers_is_one_its_result_has() {
        offered::<Outline, OutlineFormat>(&[]);
        offered::<Comparison, DiffFormat>(&[]);
        // `accord diff` with three versions or more: a timeline, which has no Markdown.
        offered::<Timeline, DiffFormat>(&[Format::Markdown]);
        offered::<Alignment, AlignFormat>(&[]);
        offered::<Log, DataFormat>(&[]);
        offered::<Blame, DataFormat>(&[]);
        offered::<Manifest, DataFormat>(&[]);
        offered::<accord::refs::References, DataFormat>(&[]);
    }
}

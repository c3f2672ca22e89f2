//! The command line: flags defined once with clap, turned into calls of the library. No
//! clap type leaves this module.

mod output;

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::model::Document;
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
    /// Git's external diff interface (GIT_EXTERNAL_DIFF, diff.<driver>.command): seven
    /// arguments, exit 0 unless something went wrong.
    #[command(name = "git-diff", hide = true)]
    GitDiff {
        #[arg(num_args = 7..=9)]
        args: Vec<String>,
    },
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
    /// Repository for REV:PATH inputs (default: the one around the working directory).
    #[arg(long, value_name = "DIR")]
    pub repo: Option<PathBuf>,
}

impl InputOptions {
    fn read_options(&self) -> source::ReadOptions {
        source::ReadOptions {
            encoding: self.encoding.clone(),
            repo: self.repo.clone(),
        }
    }
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
    /// The versions, oldest first: files, `-` for standard input, or git specs `REV:PATH`.
    /// Two are compared; with three or more, a timeline shows for every paragraph of the last
    /// version where it appeared and where it changed.
    #[arg(value_name = "VERSION", num_args = 2.., required = true)]
    pub versions: Vec<String>,
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
    #[arg(long, value_enum, default_value_t = AlignFormat::Text)]
    pub format: AlignFormat,
    /// Show only the pairs with findings in the terminal table.
    #[arg(long)]
    pub only_findings: bool,
    #[command(flatten)]
    pub input: InputOptions,
    #[command(flatten)]
    pub output: OutputOptions,
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
    #[arg(long, value_enum, default_value_t = DataFormat::Text)]
    pub format: DataFormat,
    #[command(flatten)]
    pub input: InputOptions,
    #[command(flatten)]
    pub output: OutputOptions,
}

#[derive(Debug, Clone, clap::Args)]
pub struct BlameArgs {
    /// The file, as a path in the repository.
    #[arg(value_name = "PATH")]
    pub path: String,
    /// The revision to blame.
    #[arg(long, default_value = "HEAD")]
    pub rev: String,
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
    // Every stage runs on the pool's threads, the main one only waits: memory one stage frees
    // is then reused by the next on the same threads, rather than left in the heaps of
    // threads that are gone while the next stage asks the system for more.
    match rayon::ThreadPoolBuilder::new().build() {
        Ok(pool) => pool.install(|| run_command(cli)),
        Err(_) => run_command(cli),
    }
}

fn run_command(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Outline(args) => outline(&args),
        Command::Diff(args) => diff(&args),
        Command::Align(args) => align(&args),
        Command::Log(args) => log(&args),
        Command::Blame(args) => blame(&args),
        Command::Versions(args) => versions(&args),
        Command::GitDiff { args } => git_diff(&args),
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
    let source = source::read(&input, &options.read_options())?;
    let document = normalize::document(source.text, &normalize::Options { repair });
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

fn align(args: &AlignArgs) -> Result<Outcome> {
    if !args.lang.is_empty() && args.lang.len() != args.versions.len() {
        anyhow::bail!(
            "--lang: {} codes for {} versions; give one per version, in order",
            args.lang.len(),
            args.versions.len()
        );
    }
    let documents = read_all(&args.versions, &args.input, !args.input.no_repair)?;
    let versions: Vec<crate::translation::LanguageVersion> = documents
        .into_iter()
        .enumerate()
        .map(|(k, (label, document))| {
            let language = args
                .lang
                .get(k)
                .cloned()
                .unwrap_or_else(|| crate::translation::lang::detect(&document));
            crate::translation::LanguageVersion {
                version: crate::model::Version { label, document },
                language,
            }
        })
        .collect();
    let alignment = crate::translation::align(&versions);
    let text = match args.format {
        AlignFormat::Json => report::align::json(&alignment),
        AlignFormat::Html => report::align::html(&alignment),
        AlignFormat::Tsv => report::align::tsv(&alignment),
        AlignFormat::Tmx => report::align::tmx(&alignment),
        AlignFormat::Text => report::align::terminal(
            &alignment,
            args.output.paint(),
            terminal_width(),
            args.only_findings,
        ),
    };
    output::write(args.output.output.as_deref(), &text)?;
    Ok(if alignment.summary.findings > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn diff_options(args: &DiffArgs) -> crate::diff::Options {
    crate::diff::Options {
        ignore_case: args.ignore_case,
        ignore_punctuation: args.ignore_punctuation,
        strict: args.strict,
    }
}

/// Read several inputs at once, as many at a time as there are cores: a timeline of twenty
/// versions does not start twenty threads.
fn read_all(
    args: &[String],
    input: &InputOptions,
    repair: bool,
) -> Result<Vec<(String, Document)>> {
    if args.iter().filter(|a| *a == "-").count() > 1 {
        anyhow::bail!("<stdin>: only one version can be standard input");
    }
    use rayon::prelude::*;
    let read: Vec<Result<(String, Document)>> = args
        .par_iter()
        .map(|arg| read_with(arg, input, repair))
        .collect();
    // Where several inputs are bad, the message names the first of them on the command line,
    // whichever failed first in time.
    read.into_iter().collect()
}

fn diff(args: &DiffArgs) -> Result<Outcome> {
    let options = diff_options(args);
    // Strict comparison sees the damage as written, so it reads without repairs.
    let repair = !args.input.no_repair && !args.strict;
    let documents = read_all(&args.versions, &args.input, repair)?;
    if documents.len() > 2 {
        return timeline(args, &options, documents);
    }
    let mut documents = documents.into_iter();
    let (Some((old_label, old)), Some((new_label, new))) = (documents.next(), documents.next())
    else {
        anyhow::bail!("two versions are needed to compare");
    };
    let comparison = crate::diff::compare(old, new, &old_label, &new_label, &options);
    let target = args.output.output.as_deref();
    let text = match args.format {
        DiffFormat::Json => None,
        DiffFormat::Html => Some(report::html::render(&comparison)),
        DiffFormat::Markdown => Some(report::markdown::render(&comparison)),
        DiffFormat::Text => Some(report::diff::terminal(
            &comparison,
            report::diff::View {
                paint: args.output.paint(),
                all: args.all,
                context: args.context,
                width: terminal_width(),
            },
        )),
    };
    match text {
        Some(text) => output::write(target, &text)?,
        // JSON is the format for large inputs: streamed, never held whole in memory.
        None => output::write_with(target, |out| report::diff::write_json(&comparison, out))?,
    }
    let outcome = if fails(&comparison.summary, &comparison.entries, &args.fail_on) {
        Outcome::Findings
    } else {
        Outcome::Clean
    };
    // The process exits next: freeing hundreds of thousands of strings one by one would
    // cost time for nothing; the operating system takes the memory back at once.
    std::mem::forget(comparison);
    Ok(outcome)
}

fn fails(s: &crate::diff::Summary, entries: &[crate::diff::Entry], fail_on: &[FailOn]) -> bool {
    if fail_on.is_empty() {
        return entries.iter().any(crate::diff::Entry::differs);
    }
    fail_on.iter().any(|kind| {
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
}

fn timeline(
    args: &DiffArgs,
    options: &crate::diff::Options,
    documents: Vec<(String, Document)>,
) -> Result<Outcome> {
    let (labels, docs): (Vec<String>, Vec<Document>) = documents.into_iter().unzip();
    let timeline = crate::history::timeline(&labels, &docs, options);
    let text = match args.format {
        DiffFormat::Json => report::history::json(&timeline),
        DiffFormat::Html => report::html::timeline(&timeline),
        DiffFormat::Markdown => anyhow::bail!(
            "the timeline of three or more versions has no Markdown form; use text, json or html"
        ),
        DiffFormat::Text => report::history::timeline_text(&timeline, args.output.paint()),
    };
    output::write(args.output.output.as_deref(), &text)?;
    let differs = timeline
        .blocks
        .iter()
        .any(|b| b.appeared > 0 || !b.changed.is_empty())
        || docs
            .windows(2)
            .any(|w| w[0].blocks.len() != w[1].blocks.len());
    Ok(if differs {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// A blob of history as a document; an empty or absent file is an empty document.
fn blob_document(
    repo: &git2::Repository,
    id: Option<git2::Oid>,
    label: &str,
    input: &InputOptions,
) -> Result<Document> {
    let Some(id) = id else {
        return Ok(Document::default());
    };
    bytes_document(&source::git::blob(repo, id)?, label, input)
}

fn bytes_document(bytes: &[u8], label: &str, input: &InputOptions) -> Result<Document> {
    match source::from_bytes(label.to_string(), bytes.to_vec(), input.encoding.as_deref()) {
        Ok(src) => Ok(normalize::document(
            src.text,
            &normalize::Options {
                repair: !input.no_repair,
            },
        )),
        Err(source::SourceError::Empty { .. }) => Ok(Document::default()),
        Err(e) => Err(e.into()),
    }
}

/// A progress bar on stderr for long histories; indicatif draws nothing when stderr is not
/// a terminal.
fn progress(len: usize, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len as u64);
    if len < 20 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} commits")
            .expect("valid template"),
    );
    bar.set_message(what.to_string());
    bar
}

fn log(args: &LogArgs) -> Result<Outcome> {
    use rayon::prelude::*;
    let repo = source::git::open(args.input.repo.as_deref())?;
    let path = source::git::root_path(&repo, &args.path);
    let changes = source::git::changes(&repo, &args.path, &args.range, false)?;
    let bar = progress(changes.len(), "reading history");
    // Blobs are read one by one (a repository handle is not shared across threads), then
    // each distinct version is normalized once and the comparisons run in parallel.
    let mut blobs: Vec<(git2::Oid, String, Vec<u8>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for change in &changes {
        for id in [change.before, change.after].into_iter().flatten() {
            if seen.insert(id) {
                blobs.push((
                    id,
                    format!("{}:{path}", change.commit),
                    source::git::blob(&repo, id)?,
                ));
            }
        }
    }
    let documents: std::collections::HashMap<git2::Oid, Document> = blobs
        .par_iter()
        .map(|(id, label, bytes)| Ok((*id, bytes_document(bytes, label, &args.input)?)))
        .collect::<Result<_>>()?;
    let empty = Document::default();
    let get = |id: Option<git2::Oid>| id.and_then(|id| documents.get(&id)).unwrap_or(&empty);
    let comparisons: Vec<crate::diff::Comparison> = changes
        .par_iter()
        .map(|change| {
            let id = change.commit.to_string();
            let comparison = crate::diff::compare(
                get(change.before).clone(),
                get(change.after).clone(),
                &format!("{id}^:{path}"),
                &format!("{id}:{path}"),
                &crate::diff::Options::default(),
            );
            bar.inc(1);
            comparison
        })
        .collect();
    bar.finish_and_clear();
    let mut commits = Vec::with_capacity(changes.len());
    for (change, comparison) in changes.iter().zip(comparisons) {
        let info = source::git::commit_info(&repo, change.commit)?;
        commits.push(crate::history::LogCommit::new(
            commit_ref(info),
            change.truncated,
            comparison,
        ));
    }
    let log = crate::history::Log {
        schema: "accord.log/1".to_string(),
        path,
        commits,
    };
    let text = match args.format {
        DataFormat::Json => report::history::json(&log),
        DataFormat::Text => report::history::log_text(&log, args.output.paint()),
    };
    output::write(args.output.output.as_deref(), &text)?;
    Ok(Outcome::Clean)
}

fn commit_ref(info: source::git::CommitInfo) -> crate::history::CommitRef {
    crate::history::CommitRef {
        id: info.id,
        subject: info.subject,
        author: info.author,
        time: info.time,
    }
}

fn blame(args: &BlameArgs) -> Result<Outcome> {
    let repo = source::git::open(args.input.repo.as_deref())?;
    let path = source::git::root_path(&repo, &args.path);
    let mut changes = source::git::changes(&repo, &args.path, &args.rev, true)?;
    if changes.is_empty() {
        anyhow::bail!(
            "{}:{path}: no commit up to {} has this file",
            args.rev,
            args.rev
        );
    }
    changes.reverse();
    let bar = progress(changes.len(), "reading history");
    let mut versions = Vec::with_capacity(changes.len());
    for change in &changes {
        let id = change.commit.to_string();
        let doc = blob_document(&repo, change.after, &format!("{id}:{path}"), &args.input)?;
        versions.push((
            commit_ref(source::git::commit_info(&repo, change.commit)?),
            doc,
        ));
        bar.inc(1);
    }
    bar.finish_and_clear();
    let blame = crate::history::blame(
        &path,
        &args.rev,
        &versions,
        &crate::diff::Options::default(),
    );
    let text = match args.format {
        DataFormat::Json => report::history::json(&blame),
        DataFormat::Text => report::history::blame_text(&blame, args.output.paint()),
    };
    output::write(args.output.output.as_deref(), &text)?;
    Ok(Outcome::Clean)
}

fn versions(args: &VersionsArgs) -> Result<Outcome> {
    let manifest = crate::manifest::read(&args.dir)?;
    let text = match args.format {
        DataFormat::Json => report::history::json(&manifest),
        DataFormat::Text => crate::manifest::text(&manifest),
    };
    output::write(args.output.output.as_deref(), &text)?;
    Ok(Outcome::Clean)
}

/// `GIT_EXTERNAL_DIFF`: `path old-file old-hex old-mode new-file new-hex new-mode`. Git
/// treats a non-zero status as a failure of the driver, so differences exit 0 here.
fn git_diff(args: &[String]) -> Result<Outcome> {
    let path = &args[0];
    let (old_file, new_file) = (&args[1], &args[4]);
    let read = |file: &str, label: String| -> Result<Document> {
        if file == "/dev/null" {
            return Ok(Document::default());
        }
        let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
        match source::from_bytes(label, bytes, None) {
            Ok(src) => Ok(normalize::document(
                src.text,
                &normalize::Options::default(),
            )),
            Err(source::SourceError::Empty { .. }) => Ok(Document::default()),
            Err(e) => Err(e.into()),
        }
    };
    let old = read(old_file, format!("a/{path}"))?;
    let new = read(new_file, format!("b/{path}"))?;
    let comparison = crate::diff::compare(
        old,
        new,
        &format!("a/{path}"),
        &format!("b/{path}"),
        &crate::diff::Options::default(),
    );
    let paint = OutputOptions {
        color: ColorChoice::Auto,
        output: None,
    }
    .paint();
    let text = report::diff::terminal(
        &comparison,
        report::diff::View {
            paint,
            all: false,
            context: 0,
            width: terminal_width(),
        },
    );
    output::write(None, &text)?;
    Ok(Outcome::Clean)
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

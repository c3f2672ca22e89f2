//! The command line: flags ([`args`]) turned into calls of the library, and reports written
//! where they go ([`output`]). Private to the binary: no clap type is part of the library.

mod args;
mod git_diff;
mod output;

use anyhow::Result;
use clap::CommandFactory;
use rayon::prelude::*;

use accord::diff::{self, Comparison};
use accord::history::{self, Progress};
use accord::model::Version;
use accord::normalize::{self, Outline};
use accord::report::{Format, Report, View};
use accord::source::{self, Input, git::Repo, manifest};

use accord::translation::{self, LanguageVersion};
pub use args::Cli;
use args::{
    AlignArgs, Command, DiffArgs, FailOn, HistoryOptions, InputOptions, OutlineArgs, OutputOptions,
    RefsArgs, RevisionsArg, VersionsArgs,
};
pub use output::is_broken_pipe;

/// What a run found, for the exit status: 0 nothing to report, 1 something, as diff(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Findings,
}

impl Outcome {
    fn of(found: bool) -> Outcome {
        if found {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
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
        Command::Refs(args) => refs(&args),
        Command::Log(args) => from_history(history::log, &args.path, &args.range, &args.common),
        Command::Blame(args) => from_history(history::blame, &args.path, &args.rev, &args.common),
        Command::Versions(args) => versions(&args),
        Command::GitDiff { args } => git_diff::run(&args),
        Command::Completions { shell } => {
            // clap_complete panics on a broken pipe when writing directly: render first.
            let mut buffer = Vec::new();
            clap_complete::generate(shell, &mut public_command(), "accord", &mut buffer);
            output::write_bytes(None, &buffer)?;
            Ok(Outcome::Clean)
        }
    }
}

/// The command line as users see it: without the subcommand only git calls, which
/// completions would otherwise offer (clap_complete lists hidden subcommands).
fn public_command() -> clap::Command {
    let full = Cli::command();
    let mut public = clap::Command::new("accord")
        .version(env!("CARGO_PKG_VERSION"))
        .subcommand_required(true)
        .subcommands(full.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
    if let Some(about) = full.get_about() {
        public = public.about(about.clone());
    }
    if let Some(about) = full.get_long_about() {
        public = public.long_about(about.clone());
    }
    if let Some(help) = full.get_after_help() {
        public = public.after_help(help.clone());
    }
    public
}

/// Write a result's report, in `format`, where the output options say.
fn write_report<T: Report>(
    result: &T,
    format: impl Into<Format>,
    view: &View,
    output: &OutputOptions,
) -> Result<()> {
    let format = format.into();
    accord::report::supports::<T>(format)?;
    output::write_with(output.output.as_deref(), output.paged(), |out| {
        accord::report::render(result, format, view, out)
    })
}

/// Read and normalize one input, warning when nothing in it is numbered.
fn read(arg: &str, input: &InputOptions, repair: bool) -> Result<Version> {
    let version = read_quietly(arg, input, repair)?;
    warn_unnumbered(std::slice::from_ref(&version));
    Ok(version)
}

fn read_quietly(arg: &str, input: &InputOptions, repair: bool) -> Result<Version> {
    let source = source::read(&Input::parse(arg), &input.read_options())?;
    Ok(normalize::version(source, &normalize::Options { repair }))
}

/// The two texts of one Word document with tracked changes: as it was, every change rejected,
/// and as it is, every change accepted.
fn redline(arg: &str, input: &InputOptions, repair: bool) -> Result<Vec<Version>> {
    let read = |revisions: RevisionsArg, which: &str| -> Result<Version> {
        let options = InputOptions {
            revisions,
            ..input.clone()
        }
        .read_options();
        let input = Input::parse(arg);
        let label = format!("{} ({which})", input.label());
        let source = source::read_as(&input, label, &options)?;
        if source.reader != source::Reader::Docx {
            anyhow::bail!(
                "{arg}: one version is compared with itself only when it is a Word document with tracked changes; give two versions"
            );
        }
        Ok(normalize::version(source, &normalize::Options { repair }))
    };
    Ok(vec![
        read(RevisionsArg::Original, "original")?,
        read(RevisionsArg::Final, "final")?,
    ])
}

/// One warning for each input in which nothing is numbered, in the order of the command
/// line and once however often the input is given.
fn warn_unnumbered(versions: &[Version]) {
    let mut warned: Vec<&str> = Vec::new();
    for version in versions {
        if version.document.is_unnumbered() && !warned.contains(&version.label.as_str()) {
            warned.push(&version.label);
            eprintln!(
                "accord: warning: {}: no numbered headings or paragraphs found; blocks can only be matched by content",
                version.label
            );
        }
    }
}

/// Read several inputs at once, as many at a time as there are cores: a timeline of twenty
/// versions does not start twenty threads.
fn read_all(args: &[String], input: &InputOptions, repair: bool) -> Result<Vec<Version>> {
    if args.iter().filter(|a| *a == "-").count() > 1 {
        anyhow::bail!("<stdin>: only one version can be standard input");
    }
    let read: Vec<Result<Version>> = args
        .par_iter()
        .map(|arg| read_quietly(arg, input, repair))
        .collect();
    // Where several inputs are bad, the message names the first of them on the command line,
    // whichever failed first in time.
    let versions: Vec<Version> = read.into_iter().collect::<Result<_>>()?;
    warn_unnumbered(&versions);
    Ok(versions)
}

fn outline(args: &OutlineArgs) -> Result<Outcome> {
    let version = read(&args.file, &args.input, !args.input.no_repair)?;
    let outline = Outline::of(&version);
    write_report(&outline, args.format, &args.output.view(), &args.output)?;
    let failing = |kind: &str| args.fail_on.is_empty() || args.fail_on.iter().any(|k| k == kind);
    Ok(Outcome::of(
        outline.findings.iter().any(|f| failing(f.kind.as_str())),
    ))
}

fn diff(args: &DiffArgs) -> Result<Outcome> {
    let options = diff::Options {
        ignore_case: args.ignore_case,
        ignore_punctuation: args.ignore_punctuation,
        strict: args.strict,
    };
    // Strict comparison sees the damage as written, so it reads without repairs.
    let repair = !args.input.no_repair && !args.strict;
    let versions = match args.versions.as_slice() {
        [one] => redline(one, &args.input, repair)?,
        all => read_all(all, &args.input, repair)?,
    };
    let view = View {
        all: args.all,
        context: args.context,
        side_by_side: args.side_by_side,
        ..args.output.view()
    };
    if versions.len() > 2 {
        let timeline = history::timeline(&versions, &options);
        write_report(&timeline, args.format, &view, &args.output)?;
        let changed = timeline
            .blocks
            .iter()
            .any(|b| b.appeared > 0 || !b.changed.is_empty());
        let resized = versions
            .windows(2)
            .any(|w| w[0].document.blocks.len() != w[1].document.blocks.len());
        return Ok(Outcome::of(changed || resized));
    }
    let [old, new] = <[Version; 2]>::try_from(versions)
        .map_err(|_| anyhow::anyhow!("two versions are needed to compare"))?;
    let format = Format::from(args.format);
    if args.refs && !matches!(format, Format::Text | Format::Markdown) {
        anyhow::bail!(
            "--refs: references are listed in text and Markdown reports; `accord refs --format json` gives them as JSON"
        );
    }
    let mut comparison = diff::compare(&old, &new, &options);
    comparison.scope = args.allow.as_ref().map(|allow| allow.check(&comparison));
    let references = args
        .refs
        .then(|| accord::refs::check(&old, &new, &comparison));
    drop((old, new));
    match &references {
        // One output: the report, then the references after it.
        Some(references) => {
            let output = args.output.output.as_deref();
            output::write_with(output, args.output.paged(), |out| {
                accord::report::render(&comparison, format, &view, out)?;
                out.write_all(b"\n")?;
                accord::report::render(references, format, &view, out)
            })?;
        }
        None => write_report(&comparison, args.format, &view, &args.output)?,
    }
    let broken = references.as_ref().is_some_and(|r| r.broken());
    let outcome = match &comparison.scope {
        Some(scope) => Outcome::of(!scope.outside.is_empty() || broken),
        None => Outcome::of(fails(&comparison, &args.fail_on) || broken),
    };
    // The process exits next: freeing hundreds of thousands of strings one by one would
    // cost time for nothing; the operating system takes the memory back at once.
    std::mem::forget(comparison);
    Ok(outcome)
}

/// Whether the comparison differs in the ways that fail the run: any way by default, only
/// the kinds of `--fail-on` when given.
fn fails(comparison: &Comparison, fail_on: &[FailOn]) -> bool {
    if fail_on.is_empty() {
        return comparison.entries.iter().any(diff::Entry::differs);
    }
    fail_on
        .iter()
        .any(|kind| kind.count(&comparison.summary) > 0)
}

fn refs(args: &RefsArgs) -> Result<Outcome> {
    let versions = read_all(&args.versions, &args.input, !args.input.no_repair)?;
    let [old, new] = <[Version; 2]>::try_from(versions)
        .map_err(|_| anyhow::anyhow!("two versions are needed to check references"))?;
    let comparison = diff::compare(&old, &new, &diff::Options::default());
    let references = accord::refs::check(&old, &new, &comparison);
    let view = View {
        all: args.all,
        ..args.output.view()
    };
    write_report(&references, args.format, &view, &args.output)?;
    Ok(Outcome::of(references.broken()))
}

fn align(args: &AlignArgs) -> Result<Outcome> {
    if !args.lang.is_empty() && args.lang.len() != args.versions.len() {
        anyhow::bail!(
            "--lang: {} codes for {} versions; give one per version, in order",
            args.lang.len(),
            args.versions.len()
        );
    }
    let versions = read_all(&args.versions, &args.input, !args.input.no_repair)?;
    let versions: Vec<LanguageVersion> = versions
        .into_iter()
        .enumerate()
        .map(|(k, version)| LanguageVersion {
            language: args
                .lang
                .get(k)
                .cloned()
                .unwrap_or_else(|| translation::lang::detect(&version.document)),
            version,
        })
        .collect();
    let alignment = translation::align(&versions);
    let view = View {
        only_findings: args.only_findings,
        // Confidences are given in hundredths.
        review_below: args.review.map(|t| (t * 100.0).round() as u8),
        ..args.output.view()
    };
    write_report(&alignment, args.format, &view, &args.output)?;
    let failing = match args.fail_on.as_slice() {
        [] => alignment.summary.findings,
        checks => checks
            .iter()
            .filter_map(|c| alignment.summary.checks.get(c))
            .sum(),
    };
    Ok(Outcome::of(failing > 0))
}

/// What `log` and `blame` compute: a result from a repository, a file, a revision (or range)
/// and how versions are read, reporting progress as it goes.
type HistoryRun<T> =
    fn(&Repo, &str, &str, &history::Settings, &dyn Progress) -> Result<T, source::SourceError>;

/// A history command: the repository opened, the result computed with a progress bar, and
/// its report written.
fn from_history<T: Report>(
    compute: HistoryRun<T>,
    path: &str,
    revision: &str,
    common: &HistoryOptions,
) -> Result<Outcome> {
    let repo = Repo::open(common.input.repo.as_deref())?;
    let settings = history::Settings {
        read: common.input.read_options(),
        normalize: normalize::Options {
            repair: !common.input.no_repair,
        },
        diff: diff::Options::default(),
    };
    let result = compute(&repo, path, revision, &settings, &Bar::new())?;
    write_report(
        &result,
        common.format,
        &common.output.view(),
        &common.output,
    )?;
    Ok(Outcome::Clean)
}

fn versions(args: &VersionsArgs) -> Result<Outcome> {
    let manifest = manifest::read(&args.dir)?;
    write_report(&manifest, args.format, &args.output.view(), &args.output)?;
    Ok(Outcome::Clean)
}

/// A progress bar on stderr for long histories; indicatif draws nothing when stderr is not
/// a terminal, and a short history gets no bar at all.
struct Bar(indicatif::ProgressBar);

impl Bar {
    /// Histories shorter than this are read too quickly for a bar to help.
    const SHORTEST: usize = 20;

    fn new() -> Bar {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} commits")
                .expect("valid template"),
        );
        bar.set_message("reading history");
        Bar(bar)
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.0.set_length(total as u64);
        if total >= Self::SHORTEST {
            self.0
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn advance(&self) {
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
        public_command().debug_assert();
    }

    #[test]
    fn every_option_has_help() {
        let mut missing = Vec::new();
        for command in public_command().get_subcommands() {
            for arg in command.get_arguments() {
                if arg.get_help().is_none() && arg.get_id() != "help" {
                    missing.push(format!("{} {}", command.get_name(), arg.get_id()));
                }
            }
        }
        assert!(missing.is_empty(), "no help for {missing:?}");
    }

    #[test]
    fn completions_leave_out_hidden_subcommands() {
        for shell in [clap_complete::Shell::Bash, clap_complete::Shell::Fish] {
            let mut buffer = Vec::new();
            clap_complete::generate(shell, &mut public_command(), "accord", &mut buffer);
            let text = String::from_utf8(buffer).unwrap();
            assert!(
                text.contains("align") && !text.contains("git-diff"),
                "{shell}"
            );
        }
    }

    /// The man pages in `man/` are rendered from the command line's definition;
    /// `UPDATE_MAN=1 cargo test man_pages` rewrites them after a change of flags or help.
    #[test]
    fn man_pages_match_the_definition() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
        let fresh = tempfile::tempdir().unwrap();
        clap_mangen::generate_to(public_command(), fresh.path()).unwrap();
        let mut names: Vec<_> = std::fs::read_dir(fresh.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert!(names.iter().any(|n| n == "accord-diff.1"), "{names:?}");
        if std::env::var_os("UPDATE_MAN").is_some() {
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            for name in &names {
                std::fs::copy(fresh.path().join(name), dir.join(name)).unwrap();
            }
        }
        let mut shipped: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.map(|e| e.unwrap().file_name()).collect())
            .unwrap_or_default();
        shipped.sort();
        assert_eq!(
            shipped, names,
            "man/ is out of date; run UPDATE_MAN=1 cargo test man_pages"
        );
        for name in &names {
            let generated = std::fs::read(fresh.path().join(name)).unwrap();
            let committed = std::fs::read(dir.join(name)).unwrap();
            assert!(
                generated == committed,
                "man/{} is out of date; run UPDATE_MAN=1 cargo test man_pages",
                name.to_string_lossy()
            );
        }
    }
}

//! `accord git-diff`: what git hands an external diff or a difftool, one file at a time.

use anyhow::Result;

use accord::diff;
use accord::model::Version;
use accord::normalize;
use accord::report::Format;
use accord::source::{self, Input, ReadOptions};

use super::args::{ColorChoice, OutputOptions};
use super::{Outcome, output, write_report};

/// One file as git hands it to an external diff or a difftool: its path on each side, the
/// temporary copies to read, and what git says about a rename.
struct GitDiffCall<'a> {
    old_path: &'a str,
    new_path: std::borrow::Cow<'a, str>,
    old_file: &'a str,
    new_file: &'a str,
    /// `similarity index 90%` and `rename from/to` lines, for a rename or copy.
    rename: Option<&'a str>,
}

impl<'a> GitDiffCall<'a> {
    /// `GIT_EXTERNAL_DIFF` gives `path old-file old-hex old-mode new-file new-hex new-mode`,
    /// and for a rename also `new-path` and the rename's header lines; a difftool command
    /// gives `LOCAL REMOTE`, the path being in the environment (`path`: `$MERGED`, or
    /// `$BASE` where difftool leaves that empty), or a third argument.
    fn parse(args: &'a [String], path: &'a Option<String>) -> Result<GitDiffCall<'a>> {
        match args {
            [path, old_file, _, _, new_file, _, _] => Ok(GitDiffCall {
                old_path: path,
                new_path: path.into(),
                old_file,
                new_file,
                rename: None,
            }),
            [old_path, old_file, _, _, new_file, _, _, new_path, message] => Ok(GitDiffCall {
                old_path,
                new_path: new_path.into(),
                old_file,
                new_file,
                rename: Some(message),
            }),
            [local, remote, rest @ ..] if rest.len() <= 1 => {
                let old_path = rest
                    .first()
                    .or(path.as_ref())
                    .map_or(local.as_str(), String::as_str);
                Ok(GitDiffCall {
                    old_path,
                    new_path: renamed_path(old_path, remote),
                    old_file: local,
                    new_file: remote,
                    rename: None,
                })
            }
            _ => anyhow::bail!(
                "git-diff: {} arguments; git gives 7 or 9 (GIT_EXTERNAL_DIFF), a difftool 2 or 3",
                args.len()
            ),
        }
    }

    /// `diff --git a/old b/new`, and the rename lines git gives, as git itself separates files.
    fn header(&self) -> String {
        let mut header = format!("diff --git a/{} b/{}\n", self.old_path, self.new_path);
        if let Some(rename) = self.rename {
            for line in rename.lines().filter(|l| !l.trim().is_empty()) {
                header.push_str(line.trim_end());
                header.push('\n');
            }
        }
        header
    }
}

/// The new path of a file difftool hands over: difftool gives only the old path, but names
/// its temporary copy of the new side after the new file, so a rename within a folder shows.
/// `/dev/null` (an added or deleted side) and a same-named copy keep the old path.
fn renamed_path<'a>(old_path: &'a str, new_file: &'a str) -> std::borrow::Cow<'a, str> {
    let name = |p: &'a str| std::path::Path::new(p).file_name().and_then(|n| n.to_str());
    match (name(old_path), name(new_file)) {
        (Some(old), Some(new)) if old != new && new_file != "/dev/null" => {
            let folder = &old_path[..old_path.len() - old.len()];
            std::borrow::Cow::Owned(format!("{folder}{new}"))
        }
        _ => std::borrow::Cow::Borrowed(old_path),
    }
}

/// `accord git-diff`: git's external diff and difftool interface. Git takes a non-zero status
/// for the failure of the driver and stops the whole diff, so every file it can be given
/// exits 0: differences are the report's business, and a file accord cannot read (an image,
/// a document in an unknown encoding) gets one line saying so, as git says "Binary files
/// differ", and the next file follows.
pub fn run(args: &[String]) -> Result<Outcome> {
    let path = ["MERGED", "BASE"]
        .into_iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()));
    let call = GitDiffCall::parse(args, &path)?;
    // Git names the side a file is absent from `/dev/null`, on every platform.
    let label = |file: &str, side: &str, path: &str| match file {
        "/dev/null" => "/dev/null".to_string(),
        _ => format!("{side}/{path}"),
    };
    let old_label = label(call.old_file, "a", call.old_path);
    let new_label = label(call.new_file, "b", &call.new_path);
    let read = |file: &str, label: &str| -> Result<Version> {
        let source = match file {
            "/dev/null" => None,
            _ => {
                let input = Input::Path(file.into());
                let read = source::read_as(&input, label.to_string(), &ReadOptions::default());
                source::empty_as_none(read)?
            }
        };
        Ok(normalize::version_or_empty(
            source,
            label.to_string(),
            &normalize::Options::default(),
        ))
    };
    // Git pages its own output, this included.
    let output = OutputOptions {
        color: ColorChoice::Auto,
        output: None,
        width: None,
        no_pager: true,
    };
    let view = output.view();
    let header: String = call
        .header()
        .lines()
        .map(|line| {
            view.paint
                .heading(&accord::report::terminal::sanitize(line))
                + "\n"
        })
        .collect();
    output::write_bytes(None, header.as_bytes())?;
    let versions =
        read(call.old_file, &old_label).and_then(|old| Ok((old, read(call.new_file, &new_label)?)));
    match versions {
        Ok((old, new)) => {
            let comparison = diff::compare(old, new, &diff::Options::default());
            write_report(&comparison, Format::Text, &view, &output)?;
        }
        Err(err) => {
            let reason = accord::report::terminal::sanitize(&format!("{err:#}")).into_owned();
            output::write_bytes(None, format!("not compared: {reason}\n").as_bytes())?;
        }
    }
    Ok(Outcome::Clean)
}

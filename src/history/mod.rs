//! Paragraph-level history over a sequence of versions: `accord log` (what each commit that
//! changed a file did), `accord blame` (the commit that last changed each block) and the
//! timeline of `accord diff A B C …` (where each block of the last version appeared and
//! changed). Entry points: [`log`], [`blame`], [`timeline`].
//!
//! The log and blame read their versions from git through [`source::git::Repo`], each
//! normalized once; the timeline takes versions already read, from files or git alike.
//! Consecutive versions are compared by the diff engine. Renumbering and moves are not
//! changes, so a paragraph that was only shifted keeps its origin (`lineage`).

#![warn(missing_docs)]

mod lineage;

pub use lineage::{Lineage, lineages, lineages_from};

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diff::{self, Comparison};
use crate::model::{Block, Document, Version};
use crate::normalize;
use crate::source::git::{BlobId, Change, Commit, GitError, Repo};
use crate::source::{self, SourceError};

/// The `schema` field of a [`Log`].
pub const LOG_SCHEMA: &str = "accord.log/1";
/// The `schema` field of a [`Blame`].
pub const BLAME_SCHEMA: &str = "accord.blame/1";
/// The `schema` field of a [`Timeline`].
pub const TIMELINE_SCHEMA: &str = "accord.timeline/1";

/// How versions from history are read and compared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// How each version is read: its encoding, its format, which text of a Word document.
    pub read: source::ReadOptions,
    /// How each version is normalized.
    pub normalize: normalize::Options,
    /// What counts as a difference between versions.
    pub diff: diff::Options,
}

/// Told how far a long run has come, for a progress bar; `()` tells nobody.
pub trait Progress: Sync {
    /// The run has `total` steps.
    fn start(&self, total: usize) {
        let _ = total;
    }
    /// One more step is done.
    fn advance(&self) {}
    /// The run is over.
    fn finish(&self) {}
}

impl Progress for () {}

/// `accord log PATH`: the `accord.log/1` contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Log {
    /// Always `"accord.log/1"`.
    pub schema: String,
    /// The file, relative to the repository root.
    pub path: String,
    /// The commits that changed the file, newest first.
    pub commits: Vec<LogCommit>,
}

/// One commit of a log and what it did to the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LogCommit {
    /// The commit.
    #[serde(flatten)]
    pub commit: Commit,
    /// The commit's parent is missing (a shallow clone): it is compared with nothing, and
    /// its paragraphs show as added because the history before it is not here.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    /// The commit is a merge whose file differs from every parent's (a conflict resolved,
    /// or an edit made in the merge): it is compared with its first parent, so its entries
    /// include what the merged branch brought, which that branch's own commits list too.
    /// A merge whose file is one parent's is not listed at all, as in `git log`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub merge: bool,
    /// The comparison with the commit's first parent, counted.
    pub summary: diff::Summary,
    /// The entries of `accord.diff/1` for this commit, unchanged ones left out.
    pub entries: Vec<diff::Entry>,
}

impl LogCommit {
    /// A commit with what the comparison with its parent found.
    pub fn new(commit: Commit, truncated: bool, comparison: Comparison) -> LogCommit {
        LogCommit {
            commit,
            truncated,
            merge: false,
            summary: comparison.summary,
            entries: comparison
                .entries
                .into_iter()
                .filter(diff::Entry::differs)
                .collect(),
        }
    }
}

/// `accord blame PATH`: the `accord.blame/1` contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Blame {
    /// Always `"accord.blame/1"`.
    pub schema: String,
    /// The file, relative to the repository root.
    pub path: String,
    /// The revision blamed.
    pub rev: String,
    /// Every block of the file at that revision.
    pub blocks: Vec<BlameBlock>,
}

/// A block and the commit that last changed its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BlameBlock {
    /// The block.
    #[serde(flatten)]
    pub block: Block,
    /// The commit that last changed the block's text.
    pub commit: Commit,
}

/// `accord diff A B C …`: every block of the last version with its lineage; the
/// `accord.timeline/1` contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Timeline {
    /// Always `"accord.timeline/1"`.
    pub schema: String,
    /// The versions' labels, oldest first; lineages index into this list.
    pub versions: Vec<String>,
    /// What counted as a change.
    pub options: diff::Options,
    /// Every block of the last version.
    pub blocks: Vec<TimelineBlock>,
}

/// A block of the last version and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TimelineBlock {
    /// The block.
    #[serde(flatten)]
    pub block: Block,
    /// The version in which the block first appeared.
    pub appeared: usize,
    /// The versions in which its text changed, oldest first.
    pub changed: Vec<usize>,
    /// What changed from the first version's text to this one, word by word, for a block
    /// the first version already had and whose text changed since; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<diff::Word>>,
}

/// The timeline of a sequence of versions, oldest first.
pub fn timeline(versions: &[Version], options: &diff::Options) -> Timeline {
    let lineages = lineage::lineages(versions, options);
    let mut words = words_since_first(versions, options);
    let last = versions.last().map(|v| v.document.blocks.clone());
    Timeline {
        schema: TIMELINE_SCHEMA.to_string(),
        versions: versions.iter().map(|v| v.label.clone()).collect(),
        options: *options,
        blocks: last
            .unwrap_or_default()
            .into_iter()
            .zip(lineages)
            .enumerate()
            .map(|(k, (block, l))| TimelineBlock {
                block,
                words: (l.appeared == 0 && !l.changed.is_empty())
                    .then(|| words.remove(&k))
                    .flatten(),
                appeared: l.appeared,
                changed: l.changed,
            })
            .collect(),
    }
}

/// The word diffs of the first version against the last, by the position of the last
/// version's block: what a reader of the timeline wants to see of a changed paragraph.
fn words_since_first(
    versions: &[Version],
    options: &diff::Options,
) -> std::collections::HashMap<usize, Vec<diff::Word>> {
    let mut out = std::collections::HashMap::new();
    let (Some(first), Some(last)) = (versions.first(), versions.last()) else {
        return out;
    };
    if versions.len() < 2 {
        return out;
    }
    for entry in diff::compare(first, last, options).entries {
        if let Some(words) = entry.words {
            for &position in &entry.new_positions {
                out.insert(position, words.clone());
            }
        }
    }
    out
}

/// Every commit in `range` that changed `path`, newest first, with what it did: the commits
/// `git log -- PATH` lists, in its order.
pub fn log(
    repo: &Repo,
    path: &str,
    range: &str,
    settings: &Settings,
    progress: &dyn Progress,
) -> Result<Log, SourceError> {
    let root_path = repo.root_path(path);
    let changes = repo.history(path, range)?.changes;
    progress.start(changes.len());
    // Blobs are read one by one (a repository handle is not shared across threads), then
    // each distinct version is normalized once and the comparisons run in parallel.
    let mut blobs: Vec<(BlobId, String, Vec<u8>)> = Vec::new();
    let mut seen = HashSet::new();
    for change in &changes {
        for id in [change.before, change.after].into_iter().flatten() {
            if seen.insert(id) {
                let label = format!("{}:{root_path}", change.commit);
                blobs.push((id, label, repo.blob(id)?));
            }
        }
    }
    let versions: HashMap<BlobId, Version> = blobs
        .into_par_iter()
        .map(|(id, label, bytes)| Ok((id, read_version(label, bytes, settings)?)))
        .collect::<Result<_, SourceError>>()?;
    let none = Version::default();
    let get = |id: Option<BlobId>| id.and_then(|id| versions.get(&id)).unwrap_or(&none);
    let comparisons: Vec<Comparison> = changes
        .par_iter()
        .map(|change| {
            let comparison = diff::compare(get(change.before), get(change.after), &settings.diff);
            progress.advance();
            comparison
        })
        .collect();
    progress.finish();
    let mut commits = Vec::with_capacity(changes.len());
    for (change, comparison) in changes.iter().zip(comparisons) {
        let commit = repo.commit(change.commit)?;
        let mut entry = LogCommit::new(commit, change.truncated, comparison);
        entry.merge = change.merge;
        commits.push(entry);
    }
    Ok(Log {
        schema: LOG_SCHEMA.to_string(),
        path: root_path,
        commits,
    })
}

/// For each block of `path` at `rev`, the commit that last changed its text, as `git blame`
/// finds it: along the history `git log -- PATH` walks, where a merge whose file is one
/// parent's follows that parent, and a block a merge kept from any parent is that parent's.
pub fn blame(
    repo: &Repo,
    path: &str,
    rev: &str,
    settings: &Settings,
    progress: &dyn Progress,
) -> Result<Blame, SourceError> {
    let root_path = repo.root_path(path);
    let history = repo.history(path, rev)?;
    let Some(tip) = history.tip else {
        return Err(GitError::NoHistory {
            spec: format!("{rev}:{root_path}"),
            rev: rev.to_string(),
        }
        .into());
    };
    let order = parents_first(&history.changes, tip);
    let mut at = vec![usize::MAX; history.changes.len()];
    for (k, &c) in order.iter().enumerate() {
        at[c] = k;
    }
    progress.start(order.len());
    let mut versions = Vec::with_capacity(order.len());
    let mut commits: Vec<Commit> = Vec::with_capacity(order.len());
    let mut parents = Vec::with_capacity(order.len());
    for &c in &order {
        let change = &history.changes[c];
        let label = format!("{}:{root_path}", change.commit);
        let version = match change.after {
            Some(id) => read_version(label, repo.blob(id)?, settings)?,
            None => Version::new(label, Document::default()),
        };
        versions.push(version);
        commits.push(repo.commit(change.commit)?);
        parents.push(change.parents.iter().map(|&p| at[p]).collect());
        progress.advance();
    }
    progress.finish();
    let lineages = lineage::lineages_from(&versions, &parents, &settings.diff);
    let last = versions.pop().map(|v| v.document.blocks);
    Ok(Blame {
        schema: BLAME_SCHEMA.to_string(),
        path: root_path,
        rev: rev.to_string(),
        blocks: last
            .unwrap_or_default()
            .into_iter()
            .zip(lineages)
            .map(|(block, l)| BlameBlock {
                block,
                commit: commits[l.last_changed()].clone(),
            })
            .collect(),
    })
}

/// The changes `tip` was made from, each after all it was made from and `tip` last: the
/// order lineages are carried in. Commit dates may disagree with ancestry, so the order is
/// taken from the parents themselves.
fn parents_first(changes: &[Change], tip: usize) -> Vec<usize> {
    let mut order = Vec::new();
    let mut done = vec![false; changes.len()];
    let mut stack = vec![(tip, 0)];
    done[tip] = true;
    while let Some((c, next)) = stack.pop() {
        match changes[c].parents.get(next) {
            Some(&p) => {
                stack.push((c, next + 1));
                if !done[p] {
                    done[p] = true;
                    stack.push((p, 0));
                }
            }
            None => order.push(c),
        }
    }
    order
}

/// A version of a file from history; an empty file is a document without blocks.
fn read_version(
    label: String,
    bytes: Vec<u8>,
    settings: &Settings,
) -> Result<Version, SourceError> {
    let source = source::decode_input(label.clone(), bytes, &settings.read);
    let source = source::empty_as_none(source)?;
    Ok(normalize::version_or_empty(
        source,
        label,
        &settings.normalize,
    ))
}

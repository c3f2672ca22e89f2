//! Paragraph-level history over a sequence of versions: for every block of the last version,
//! the version where it appeared and the versions where its text changed. Renumbering and
//! moves are not changes, so a paragraph that was only shifted keeps its origin. This is the
//! engine of `accord blame` and of the timeline of `accord diff A B C …`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diff::{self, Comparison, Kind};
use crate::model::{Block, Document};

/// Where a block of the last version comes from: indices into the version sequence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Lineage {
    /// The version in which the block first appeared.
    pub appeared: usize,
    /// The versions in which its text changed (or it was split or merged), oldest first.
    pub changed: Vec<usize>,
}

impl Lineage {
    /// The version that last changed the block's text: its last change, or its origin.
    pub fn last_changed(&self) -> usize {
        self.changed.last().copied().unwrap_or(self.appeared)
    }
}

/// Carry lineages from one version to the next through a comparison of the two.
pub fn step(
    previous: &[Lineage],
    comparison: &Comparison,
    next_blocks: usize,
    version: usize,
) -> Vec<Lineage> {
    let mut next: Vec<Option<Lineage>> = vec![None; next_blocks];
    // Blocks are identified by position: entries carry the blocks, in document order on
    // each side, so positions are recovered by counting.
    let old_index = index_by_line(comparison.entries.iter().flat_map(|e| e.old.iter()));
    let new_index = index_by_line(comparison.entries.iter().flat_map(|e| e.new.iter()));
    for e in &comparison.entries {
        let inherited: Option<Lineage> = e
            .old
            .iter()
            .filter_map(|b| old_index(b).and_then(|i| previous.get(i)).cloned())
            .min_by_key(|l| l.appeared);
        for b in &e.new {
            let Some(j) = new_index(b) else { continue };
            let lineage = match (&inherited, e.kind) {
                (None, _) | (_, Kind::Added) => Lineage {
                    appeared: version,
                    changed: Vec::new(),
                },
                (Some(l), Kind::Unchanged) => l.clone(),
                (Some(l), _) => {
                    let mut l = l.clone();
                    l.changed.push(version);
                    l
                }
            };
            if let Some(slot) = next.get_mut(j) {
                *slot = Some(lineage);
            }
        }
    }
    next.into_iter()
        .map(|l| {
            l.unwrap_or(Lineage {
                appeared: version,
                changed: Vec::new(),
            })
        })
        .collect()
}

/// Position of a block in its document, found by its (line, text): within one document a
/// line holds at most a few blocks (a run-in split), which the text tells apart.
fn index_by_line<'a>(blocks: impl Iterator<Item = &'a Block>) -> impl Fn(&Block) -> Option<usize> {
    let mut all: Vec<(usize, String)> = blocks.map(|b| (b.line, b.text.to_string())).collect();
    all.sort();
    move |b: &Block| all.binary_search(&(b.line, b.text.to_string())).ok()
}

/// Lineages of the last version's blocks over a whole sequence of versions, oldest first.
pub fn lineages(versions: &[Document], options: &diff::Options) -> Vec<Lineage> {
    let Some(first) = versions.first() else {
        return Vec::new();
    };
    let mut current: Vec<Lineage> = (0..first.blocks.len())
        .map(|_| Lineage {
            appeared: 0,
            changed: Vec::new(),
        })
        .collect();
    for (k, pair) in versions.windows(2).enumerate() {
        let comparison = diff::compare(pair[0].clone(), pair[1].clone(), "", "", options);
        current = step(&current, &comparison, pair[1].blocks.len(), k + 1);
    }
    current
}

/// `accord diff A B C …`: every block of the last version with its lineage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Timeline {
    /// Always `"accord.timeline/1"`.
    pub schema: String,
    /// The versions' labels, oldest first; lineages index into this list.
    pub versions: Vec<String>,
    pub options: diff::Options,
    pub blocks: Vec<TimelineBlock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TimelineBlock {
    #[serde(flatten)]
    pub block: Block,
    pub appeared: usize,
    pub changed: Vec<usize>,
}

pub fn timeline(labels: &[String], versions: &[Document], options: &diff::Options) -> Timeline {
    let lineages = lineages(versions, options);
    let last = versions
        .last()
        .map(|d| d.blocks.clone())
        .unwrap_or_default();
    Timeline {
        schema: "accord.timeline/1".to_string(),
        versions: labels.to_vec(),
        options: *options,
        blocks: last
            .into_iter()
            .zip(lineages)
            .map(|(block, l)| TimelineBlock {
                block,
                appeared: l.appeared,
                changed: l.changed,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{self, Options};

    fn doc(text: &str) -> Document {
        normalize::document(text, &Options::default())
    }

    #[test]
    fn shifted_paragraphs_keep_their_origin() {
        let v0 = doc("1. First text here.\n\n2. Second text here.\n");
        let v1 = doc("1. Inserted text now.\n\n2. First text here.\n\n3. Second text here.\n");
        let v2 = doc("1. Inserted text now.\n\n2. First text here.\n\n3. Second text changed.\n");
        let l = lineages(&[v0, v1, v2], &diff::Options::default());
        assert_eq!(
            l[0],
            Lineage {
                appeared: 1,
                changed: vec![]
            }
        );
        assert_eq!(
            l[1],
            Lineage {
                appeared: 0,
                changed: vec![]
            }
        );
        assert_eq!(
            l[2],
            Lineage {
                appeared: 0,
                changed: vec![2]
            }
        );
        assert_eq!(l[2].last_changed(), 2);
    }
}

/// A commit as reports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CommitRef {
    pub id: String,
    pub subject: String,
    pub author: String,
    /// RFC 3339.
    pub time: String,
}

/// `accord log PATH`: the `accord.log/1` contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Log {
    /// Always `"accord.log/1"`.
    pub schema: String,
    pub path: String,
    pub commits: Vec<LogCommit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LogCommit {
    #[serde(flatten)]
    pub commit: CommitRef,
    /// The commit's parent is missing (a shallow clone): it is compared with nothing, and
    /// its paragraphs show as added because the history before it is not here.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    pub summary: diff::Summary,
    /// The entries of `accord.diff/1` for this commit, unchanged ones left out.
    pub entries: Vec<diff::Entry>,
}

impl LogCommit {
    pub fn new(commit: CommitRef, truncated: bool, comparison: Comparison) -> LogCommit {
        LogCommit {
            commit,
            truncated,
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
    pub path: String,
    pub rev: String,
    pub blocks: Vec<BlameBlock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BlameBlock {
    #[serde(flatten)]
    pub block: Block,
    /// The commit that last changed the block's text.
    pub commit: CommitRef,
}

pub fn blame(
    path: &str,
    rev: &str,
    versions: &[(CommitRef, Document)],
    options: &diff::Options,
) -> Blame {
    let documents: Vec<Document> = versions.iter().map(|(_, d)| d.clone()).collect();
    let lineages = lineages(&documents, options);
    let last = documents
        .last()
        .map(|d| d.blocks.clone())
        .unwrap_or_default();
    Blame {
        schema: "accord.blame/1".to_string(),
        path: path.to_string(),
        rev: rev.to_string(),
        blocks: last
            .into_iter()
            .zip(lineages)
            .map(|(block, l)| BlameBlock {
                block,
                commit: versions[l.last_changed()].0.clone(),
            })
            .collect(),
    }
}

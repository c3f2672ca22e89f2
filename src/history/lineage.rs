//! Lineages: for every block of the last of a sequence of versions, the version where it
//! appeared and those where its text changed, carried from each version to the next through
//! their comparison. Renumbering and moves are not changes.

use rayon::prelude::*;

use crate::diff::{self, Comparison, Kind};
use crate::model::Version;

/// Where a block of the last version comes from: indices into the version sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    /// The version in which the block first appeared.
    pub appeared: usize,
    /// The versions in which its text changed (or it was split or merged), oldest first.
    pub changed: Vec<usize>,
}

impl Lineage {
    fn new(appeared: usize) -> Lineage {
        Lineage {
            appeared,
            changed: Vec::new(),
        }
    }

    /// The version that last changed the block's text: its last change, or its origin.
    pub fn last_changed(&self) -> usize {
        self.changed.last().copied().unwrap_or(self.appeared)
    }
}

/// Where a comparison put each entry's blocks, all lineages need of it.
struct Pairing {
    kind: Kind,
    old: Vec<usize>,
    new: Vec<usize>,
}

fn pairings(comparison: Comparison) -> Vec<Pairing> {
    comparison
        .entries
        .into_iter()
        .map(|e| Pairing {
            kind: e.kind,
            old: e.old_positions,
            new: e.new_positions,
        })
        .collect()
}

/// How strongly a pairing ties a block to a parent: a block kept unchanged from any parent
/// comes from that parent, as `git blame` passes a merge's lines to the parent that has
/// them; then one changed from a parent; an added block comes from none.
fn rank(kind: Kind) -> u8 {
    match kind {
        Kind::Unchanged => 0,
        Kind::Added => 2,
        _ => 1,
    }
}

/// Carry lineages into a version from the versions it was made from, each with its
/// comparison, first parent first: a block inherits the oldest lineage of the blocks it was
/// paired with, from the first parent that kept it unchanged, else the first that has it,
/// plus this version where its text changed. Entries say where their blocks are.
fn step(parents: &[(&[Lineage], &[Pairing])], next_blocks: usize, version: usize) -> Vec<Lineage> {
    let mut next: Vec<Option<Lineage>> = vec![None; next_blocks];
    for strength in 0..=2 {
        for (previous, pairings) in parents {
            for e in pairings.iter().filter(|e| rank(e.kind) == strength) {
                let inherited: Option<&Lineage> = e
                    .old
                    .iter()
                    .filter_map(|&i| previous.get(i))
                    .min_by_key(|l| l.appeared);
                for &j in &e.new {
                    let lineage = match (inherited, e.kind) {
                        (None, _) | (_, Kind::Added) => Lineage::new(version),
                        (Some(l), Kind::Unchanged) => l.clone(),
                        (Some(l), _) => {
                            let mut l = l.clone();
                            l.changed.push(version);
                            l
                        }
                    };
                    if let Some(slot @ None) = next.get_mut(j) {
                        *slot = Some(lineage);
                    }
                }
            }
        }
    }
    next.into_iter()
        .map(|l| l.unwrap_or_else(|| Lineage::new(version)))
        .collect()
}

/// Lineages of the last version's blocks over a whole sequence of versions, oldest first.
pub fn lineages(versions: &[Version], options: &diff::Options) -> Vec<Lineage> {
    let parents: Vec<Vec<usize>> = (0..versions.len())
        .map(|k| k.checked_sub(1).into_iter().collect())
        .collect();
    lineages_from(versions, &parents, options)
}

/// Lineages of the last version's blocks where each version was made from earlier ones:
/// `parents[k]` are those of version `k`, first parent first, all before `k` (a merge has
/// several, a first version none). Every comparison is independent, so they run in
/// parallel; a version's lineages are dropped once the versions made from it have theirs.
pub fn lineages_from(
    versions: &[Version],
    parents: &[Vec<usize>],
    options: &diff::Options,
) -> Vec<Lineage> {
    let edges: Vec<(usize, usize)> = parents
        .iter()
        .enumerate()
        .flat_map(|(k, ps)| ps.iter().map(move |&p| (p, k)))
        .collect();
    let mut compared: Vec<Option<Vec<Pairing>>> = edges
        .par_iter()
        .map(|&(p, k)| Some(pairings(diff::compare(&versions[p], &versions[k], options))))
        .collect();
    let mut waiting = vec![0usize; versions.len()];
    for &(p, _) in &edges {
        waiting[p] += 1;
    }
    let mut carried: Vec<Option<Vec<Lineage>>> = vec![None; versions.len()];
    let mut edge = 0;
    for (k, version) in versions.iter().enumerate() {
        let blocks = version.document.blocks.len();
        let inputs: Vec<(Vec<Lineage>, Vec<Pairing>)> = parents[k]
            .iter()
            .map(|&p| {
                let pairings = compared[edge].take().unwrap_or_default();
                edge += 1;
                waiting[p] -= 1;
                let lineages = match waiting[p] {
                    0 => carried[p].take(),
                    _ => carried[p].clone(),
                };
                (lineages.unwrap_or_default(), pairings)
            })
            .collect();
        let views: Vec<(&[Lineage], &[Pairing])> = inputs
            .iter()
            .map(|(l, e)| (l.as_slice(), e.as_slice()))
            .collect();
        carried[k] = Some(step(&views, blocks, k));
    }
    carried.pop().flatten().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{self, Options};

    fn version(text: &str) -> Version {
        Version::new("", normalize::document(text, &Options::default()))
    }

    #[test]
    fn shifted_paragraphs_keep_their_origin() {
        let v0 = version("1. First text here.\n\n2. Second text here.\n");
        let v1 = version("1. Inserted text now.\n\n2. First text here.\n\n3. Second text here.\n");
        let v2 =
            version("1. Inserted text now.\n\n2. First text here.\n\n3. Second text changed.\n");
        let l = lineages(&[v0, v1, v2], &diff::Options::default());
        assert_eq!(l[0], Lineage::new(1));
        assert_eq!(l[1], Lineage::new(0));
        assert_eq!(
            l[2],
            Lineage {
                appeared: 0,
                changed: vec![2]
            }
        );
        assert_eq!(l[2].last_changed(), 2);
    }

    #[test]
    fn blocks_split_from_one_line_keep_their_own_lineage() {
        // A run-in paragraph split off puts two blocks on one source line: they are told
        // apart by position, not by line.
        let v0 = version("1. Zeta first.2. Alpha second.\n");
        let v1 = version("1. Zeta first.2. Alpha second changed.\n");
        let l = lineages(&[v0, v1], &diff::Options::default());
        assert_eq!(l.len(), 2);
        assert_eq!(l[0], Lineage::new(0));
        assert_eq!(
            l[1],
            Lineage {
                appeared: 0,
                changed: vec![1]
            }
        );
    }
}

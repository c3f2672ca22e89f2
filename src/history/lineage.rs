//! Lineages: for every block of the last of a sequence of versions, the version where it
//! appeared and those where its text changed, carried from each version to the next through
//! their comparison. Renumbering and moves are not changes.

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

/// Carry lineages from one version to the next through a comparison of the two: a block
/// inherits the oldest lineage of the blocks it was paired with, plus this version where its
/// text changed. Entries say where their blocks are in each version.
fn step(
    previous: &[Lineage],
    comparison: &Comparison,
    next_blocks: usize,
    version: usize,
) -> Vec<Lineage> {
    let mut next: Vec<Option<Lineage>> = vec![None; next_blocks];
    for e in &comparison.entries {
        let inherited: Option<&Lineage> = e
            .old_positions
            .iter()
            .filter_map(|&i| previous.get(i))
            .min_by_key(|l| l.appeared);
        for &j in &e.new_positions {
            let lineage = match (inherited, e.kind) {
                (None, _) | (_, Kind::Added) => Lineage::new(version),
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
        .map(|l| l.unwrap_or_else(|| Lineage::new(version)))
        .collect()
}

/// Lineages of the last version's blocks over a whole sequence of versions, oldest first.
pub fn lineages(versions: &[Version], options: &diff::Options) -> Vec<Lineage> {
    let Some(first) = versions.first() else {
        return Vec::new();
    };
    let mut current: Vec<Lineage> = (0..first.document.blocks.len())
        .map(|_| Lineage::new(0))
        .collect();
    for (k, pair) in versions.windows(2).enumerate() {
        let comparison = diff::compare(&pair[0], &pair[1], options);
        current = step(&current, &comparison, pair[1].document.blocks.len(), k + 1);
    }
    current
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

//! Rows across all versions: the pivot's links to each other version, joined on the pivot's
//! blocks. Blocks only another version has get rows of their own at their place.

use super::pairwise::Link;
use super::{Evidence, LanguageVersion, Row};

/// A row being built: block positions per version, and where it sits in the pivot's order.
struct Draft {
    members: Vec<Vec<usize>>,
    by: Option<Evidence>,
    confidence: f64,
    /// The pivot position of the row; a row without pivot blocks sits half-way after the
    /// pivot block before it.
    position: f64,
    /// Versions whose pairing in this row leaves undecided which block they lack.
    undecided: Vec<usize>,
}

/// The rows of an alignment, in the pivot's order; every block of every version in exactly
/// one row.
pub(super) fn join(versions: &[LanguageVersion], links: &[Vec<Link>]) -> Vec<Row> {
    let pivot_len = versions
        .first()
        .map_or(0, |v| v.version.document.blocks.len());
    let mut builder = Builder {
        width: versions.len(),
        row_of_pivot: vec![None; pivot_len],
        rows: Vec::new(),
    };
    for (k, version_links) in links.iter().enumerate() {
        builder.place(k + 1, version_links);
    }
    builder.add_unlinked_pivot_blocks();
    let mut rows = builder.rows;
    rows.retain(|r| r.members.iter().any(|m| !m.is_empty()));
    rows.sort_by(|x, y| x.position.total_cmp(&y.position));
    let rows = join_pivotless(rows);
    rows.into_iter().map(|r| finish(r, versions)).collect()
}

struct Builder {
    /// Number of versions.
    width: usize,
    /// For each pivot block, the row it belongs to.
    row_of_pivot: Vec<Option<usize>>,
    rows: Vec<Draft>,
}

impl Builder {
    fn empty_members(&self) -> Vec<Vec<usize>> {
        vec![Vec::new(); self.width]
    }

    /// The links of version `version` to the pivot, each into the row of its pivot blocks.
    fn place(&mut self, version: usize, links: &[Link]) {
        let mut last_pivot: f64 = -1.0;
        for (order, link) in links.iter().enumerate() {
            if link.a.is_empty() {
                let mut members = self.empty_members();
                members[version] = link.b.clone();
                self.rows.push(Draft {
                    members,
                    by: None,
                    confidence: 0.0,
                    position: last_pivot + 0.5 + order as f64 * 1e-6,
                    undecided: Vec::new(),
                });
                continue;
            }
            last_pivot = link.a[0] as f64;
            let id = self.row_for(link);
            let row = &mut self.rows[id];
            for &i in &link.a {
                if !row.members[0].contains(&i) {
                    row.members[0].push(i);
                }
                self.row_of_pivot[i] = Some(id);
            }
            row.members[version].extend(&link.b);
            if link.undecided {
                row.undecided.push(version);
            }
            if link.by.is_some() {
                // The weakest pairing in the row describes it.
                if row.by.is_none() || link.confidence < row.confidence {
                    row.by = link.by;
                    row.confidence = link.confidence;
                }
            }
        }
    }

    /// The row a link goes into. The link may join pivot blocks that links to other versions
    /// put in different rows (one translation merged two paragraphs another kept apart):
    /// those rows become one, so every block stays in exactly one row.
    fn row_for(&mut self, link: &Link) -> usize {
        let mut existing: Vec<usize> = link
            .a
            .iter()
            .filter_map(|&i| self.row_of_pivot[i])
            .collect();
        existing.sort_unstable();
        existing.dedup();
        let Some(&id) = existing.first() else {
            self.rows.push(Draft {
                members: self.empty_members(),
                by: link.by,
                confidence: link.confidence,
                position: link.a[0] as f64,
                undecided: Vec::new(),
            });
            return self.rows.len() - 1;
        };
        for &other in existing.iter().skip(1) {
            let empty = self.empty_members();
            let moved = std::mem::replace(&mut self.rows[other].members, empty);
            for (d, ids) in moved.into_iter().enumerate() {
                for i in ids {
                    if d == 0 {
                        self.row_of_pivot[i] = Some(id);
                    }
                    if !self.rows[id].members[d].contains(&i) {
                        self.rows[id].members[d].push(i);
                    }
                }
            }
            self.rows[id].position = self.rows[id].position.min(self.rows[other].position);
            let undecided = std::mem::take(&mut self.rows[other].undecided);
            self.rows[id].undecided.extend(undecided);
        }
        id
    }

    /// Pivot blocks no link mentioned (only possible with one version).
    fn add_unlinked_pivot_blocks(&mut self) {
        for i in 0..self.row_of_pivot.len() {
            if self.row_of_pivot[i].is_none() {
                let mut members = self.empty_members();
                members[0].push(i);
                self.rows.push(Draft {
                    members,
                    by: None,
                    confidence: 0.0,
                    position: i as f64,
                    undecided: Vec::new(),
                });
            }
        }
    }
}

/// Blocks the pivot lacks, found at the same place in several versions, are one another's
/// counterparts (the adoption notes of the Russian and Chinese texts that the English one
/// lacks): zip them in order into shared rows.
fn join_pivotless(rows: Vec<Draft>) -> Vec<Draft> {
    let mut merged: Vec<Draft> = Vec::new();
    for row in rows {
        let joins = row.members[0].is_empty()
            && merged.last().is_some_and(|last| {
                last.members[0].is_empty()
                    && last.position.floor() == row.position.floor()
                    && row
                        .members
                        .iter()
                        .zip(&last.members)
                        .all(|(a, b)| a.is_empty() || b.is_empty())
            });
        match merged.last_mut() {
            Some(last) if joins => {
                for (slot, ids) in last.members.iter_mut().zip(row.members) {
                    slot.extend(ids);
                }
                last.by = Some(Evidence::Position);
                last.confidence = 0.5;
            }
            _ => merged.push(row),
        }
    }
    merged
}

/// The row with its blocks, in each version's order.
fn finish(draft: Draft, versions: &[LanguageVersion]) -> Row {
    let any_pair = draft.members.iter().filter(|m| !m.is_empty()).count() > 1;
    Row {
        blocks: draft
            .members
            .iter()
            .enumerate()
            .map(|(d, ids)| {
                let mut ids = ids.clone();
                ids.sort_unstable();
                let blocks = &versions[d].version.document.blocks;
                ids.iter().map(|&i| blocks[i].clone()).collect()
            })
            .collect(),
        matched_by: if any_pair { draft.by } else { None },
        confidence: if any_pair { draft.confidence } else { 0.0 },
        findings: Vec::new(),
        undecided: draft.undecided,
    }
}

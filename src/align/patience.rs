//! The first pass's diff: a patience diff of two sequences of block hashes, reduced to its
//! equal runs.

/// The equal runs of a diff, `(old start, new start, length)`, in order.
#[derive(Default)]
pub(super) struct EqualRuns(pub(super) Vec<(usize, usize, usize)>);

impl similar::algorithms::DiffHook for EqualRuns {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        match self.0.last_mut() {
            Some((o, n, l)) if *o + *l == old && *n + *l == new => *l += len,
            _ => self.0.push((old, new, len)),
        }
        Ok(())
    }
}

/// The equal runs of a patience diff of two hash sequences, as
/// `similar::algorithms::patience` finds them: items that occur once on each side are
/// matched by a Myers diff of those items alone, and the gaps between the matches by Myers
/// diffs of their own. Written for hashes: the once-only items are found by sorting rather
/// than by a map per item, which for a document of many blocks would be most of the
/// aligner's memory.
pub(super) fn patience_runs(
    old: &[u64],
    new: &[u64],
    deadline: Option<std::time::Instant>,
) -> EqualRuns {
    let old_unique = unique_positions(old);
    let new_unique = unique_positions(new);
    let old_keys: Vec<u64> = old_unique.iter().map(|&i| old[i]).collect();
    let new_keys: Vec<u64> = new_unique.iter().map(|&j| new[j]).collect();
    let mut anchors = Anchors {
        old,
        new,
        old_unique: &old_unique,
        new_unique: &new_unique,
        old_current: 0,
        new_current: 0,
        deadline,
        runs: EqualRuns::default(),
    };
    let _ = similar::algorithms::myers::diff_deadline(
        &mut anchors,
        &old_keys,
        0..old_keys.len(),
        &new_keys,
        0..new_keys.len(),
        deadline,
    );
    anchors.runs
}

/// Positions of the items that occur exactly once, in order.
fn unique_positions(items: &[u64]) -> Vec<usize> {
    let mut sorted: Vec<(u64, usize)> = items.iter().copied().zip(0..).collect();
    sorted.sort_unstable();
    let mut unique: Vec<usize> = sorted
        .iter()
        .enumerate()
        .filter(|&(k, &(hash, _))| {
            (k == 0 || sorted[k - 1].0 != hash) && sorted.get(k + 1).is_none_or(|n| n.0 != hash)
        })
        .map(|(_, &(_, position))| position)
        .collect();
    unique.sort_unstable();
    unique
}

/// The hook that turns matched once-only items into equal runs, diffing the gaps before
/// them (and after the last) as it goes.
struct Anchors<'a> {
    old: &'a [u64],
    new: &'a [u64],
    old_unique: &'a [usize],
    new_unique: &'a [usize],
    old_current: usize,
    new_current: usize,
    deadline: Option<std::time::Instant>,
    runs: EqualRuns,
}

impl similar::algorithms::DiffHook for Anchors<'_> {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        for (old, new) in (old..old + len).zip(new..new + len) {
            let (old_anchor, new_anchor) = (self.old_unique[old], self.new_unique[new]);
            // Myers strips the gap's common prefix itself, and the runs merge, so the
            // anchor's own equal item is found as part of the next gap's diff.
            similar::algorithms::myers::diff_deadline(
                &mut self.runs,
                self.old,
                self.old_current..old_anchor,
                self.new,
                self.new_current..new_anchor,
                self.deadline,
            )?;
            self.old_current = old_anchor;
            self.new_current = new_anchor;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Self::Error> {
        similar::algorithms::myers::diff_deadline(
            &mut self.runs,
            self.old,
            self.old_current..self.old.len(),
            self.new,
            self.new_current..self.new.len(),
            self.deadline,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The hash-specialised patience diff finds the equal runs similar's does (below the
        /// size where similar first checks for nearly disjoint inputs).
        #[test]
        fn patience_runs_are_similars(
            alphabet in proptest::sample::select(vec![3u64, 12, 60, 1000]),
            old in proptest::collection::vec(0u64..1000, 0..200),
            new in proptest::collection::vec(0u64..1000, 0..200),
        ) {
            let old: Vec<u64> = old.into_iter().map(|x| x % alphabet).collect();
            let new: Vec<u64> = new.into_iter().map(|x| x % alphabet).collect();
            let mut theirs = EqualRuns::default();
            let _ = similar::algorithms::patience::diff_deadline(
                &mut theirs, &old, 0..old.len(), &new, 0..new.len(), None,
            );
            proptest::prop_assert_eq!(patience_runs(&old, &new, None).0, theirs.0);
        }
    }
}

//! Which pairs moved: those off the longest run of pairs that keep their order.

use crate::align;

/// A pair is moved when it breaks the order of the pairs around it: it is not on the
/// longest run of pairs whose old positions increase along the new order.
pub(super) fn moved_flags(pairs: &[align::Pair], order: &[usize]) -> Vec<bool> {
    let sequence: Vec<(usize, usize)> = order
        .iter()
        .filter_map(|&k| {
            let p = &pairs[k];
            (!p.old.is_empty() && !p.new.is_empty()).then(|| (k, p.old[0]))
        })
        .collect();
    // Longest increasing subsequence of old positions, O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; sequence.len()];
    for (idx, &(_, o)) in sequence.iter().enumerate() {
        let at = tails.partition_point(|&t| sequence[t].1 < o);
        if at > 0 {
            previous[idx] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(idx);
        } else {
            tails[at] = idx;
        }
    }
    let mut in_order = vec![false; pairs.len()];
    let mut cursor = tails.last().copied();
    while let Some(idx) = cursor {
        in_order[sequence[idx].0] = true;
        cursor = previous[idx];
    }
    let mut moved = vec![false; pairs.len()];
    for &(k, _) in &sequence {
        moved[k] = !in_order[k];
    }
    moved
}

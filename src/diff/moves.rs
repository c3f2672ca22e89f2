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
    let olds: Vec<usize> = sequence.iter().map(|&(_, o)| o).collect();
    let mut in_order = vec![false; pairs.len()];
    for (&(k, _), kept) in sequence.iter().zip(align::order::longest_increasing(&olds)) {
        in_order[k] = kept;
    }
    let mut moved = vec![false; pairs.len()];
    for &(k, _) in &sequence {
        moved[k] = !in_order[k];
    }
    moved
}

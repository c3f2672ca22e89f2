//! Which members of a sequence keep their order: the longest increasing subsequence.

/// Flags the members of one longest strictly increasing subsequence of `values`, in
/// O(n log n): the items that kept their order, the rest being the ones that moved.
pub fn longest_increasing(values: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (idx, &value) in values.iter().enumerate() {
        let at = tails.partition_point(|&t| values[t] < value);
        if at > 0 {
            previous[idx] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(idx);
        } else {
            tails[at] = idx;
        }
    }
    let mut member = vec![false; values.len()];
    let mut cursor = tails.last().copied();
    while let Some(idx) = cursor {
        member[idx] = true;
        cursor = previous[idx];
    }
    member
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn flags_one_longest_run() {
        assert_eq!(
            longest_increasing(&[0, 5, 1, 2, 3]),
            [true, false, true, true, true]
        );
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
        assert_eq!(longest_increasing(&[2, 2]), [false, true]);
    }
}

//! Pass 7: blocks rewritten in place. Once nothing similar, no split and no merge claimed
//! them, a block is the same block rewritten, however much its words changed, when it is the
//! only block left on each side between two pairs that keep their order, or when it keeps its
//! number or letter (`b)`) there.

use rustc_hash::FxHashMap as HashMap;

use super::MatchedBy;
use super::order::longest_increasing;
use super::passes::{Sides, State, owners};

/// Pair what was rewritten in place: every gap between consecutive pairs that keep their
/// order is looked at on its own.
pub(super) fn rewritten_in_place(sides: &Sides<'_, '_>, state: &mut State) {
    let anchors = in_order_pairs(state);
    let parents = (owners(sides.old), owners(sides.new));
    let ends = [(
        sides.old.len(),
        sides.old.len(),
        sides.new.len(),
        sides.new.len(),
    )];
    let (mut old_at, mut new_at) = (0, 0);
    for &(old_first, old_last, new_first, new_last) in anchors.iter().chain(&ends) {
        let olds = state.unpaired_old(old_at..old_first);
        let news = state.unpaired_new(new_at..new_first);
        if let ([i], [j]) = (olds.as_slice(), news.as_slice()) {
            if sides.alike_in_kind(*i, *j) {
                state.link_one(*i, *j, MatchedBy::Position);
            }
        } else if !olds.is_empty() && !news.is_empty() {
            by_number_in_gap(sides, &parents, (&olds, &news), state);
        }
        (old_at, new_at) = (old_last + 1, new_last + 1);
    }
}

/// The pairs on the longest run that keeps its order, as (first old, last old, first new,
/// last new) in document order.
fn in_order_pairs(state: &State) -> Vec<(usize, usize, usize, usize)> {
    let mut spans: Vec<(usize, usize, usize, usize)> = state
        .pairs
        .iter()
        .filter_map(|p| {
            let (old, new) = (p.old.first()?, p.new.first()?);
            Some((*old, *p.old.last()?, *new, *p.new.last()?))
        })
        .collect();
    spans.sort_unstable();
    let keep = longest_increasing(&spans.iter().map(|s| s.2).collect::<Vec<_>>());
    let mut kept = keep.iter();
    spans.retain(|_| kept.next() == Some(&true));
    spans
}

/// Blocks of a gap that keep a number found once on each side of it, of the same kind, under
/// headings that are one pair, in the order they stand: an item `b)` rewritten between
/// untouched `a)` and `c)`, not the `b)` of another article.
fn by_number_in_gap(
    sides: &Sides<'_, '_>,
    (old_parent, new_parent): &(Vec<Option<usize>>, Vec<Option<usize>>),
    (olds, news): (&[usize], &[usize]),
    state: &mut State,
) {
    let same_parent = |i: usize, j: usize| match (old_parent[i], new_parent[j]) {
        (None, None) => true,
        (Some(p), Some(q)) => state.old_pair[p].is_some() && state.old_pair[p] == state.new_pair[q],
        _ => false,
    };
    let old_counts = count_numbers(olds.iter().map(|&i| sides.old[i].number));
    let new_at: HashMap<&str, usize> = news
        .iter()
        .filter_map(|&j| Some((sides.new[j].number?, j)))
        .collect();
    let new_counts = count_numbers(news.iter().map(|&j| sides.new[j].number));
    let candidates: Vec<(usize, usize)> = olds
        .iter()
        .filter_map(|&i| {
            let number = sides.old[i].number?;
            let unique = old_counts[number] == 1 && new_counts.get(number) == Some(&1);
            let j = *new_at.get(number)?;
            (unique && same_parent(i, j) && sides.alike_in_kind(i, j)).then_some((i, j))
        })
        .collect();
    let keep = longest_increasing(&candidates.iter().map(|c| c.1).collect::<Vec<_>>());
    for (&(i, j), keep) in candidates.iter().zip(keep) {
        if keep {
            state.link_one(i, j, MatchedBy::Number);
        }
    }
}

/// How often each number occurs.
fn count_numbers<'a>(numbers: impl Iterator<Item = Option<&'a str>>) -> HashMap<&'a str, usize> {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for number in numbers.flatten() {
        *counts.entry(number).or_default() += 1;
    }
    counts
}

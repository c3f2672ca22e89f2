//! Pass 6 of the aligner: splits and merges, a leftover block that joins the pair next to
//! it because together they say what the other side's block says.

use super::Keys;
use super::bags::{Bag, Bags, dice, merged_bag};
use super::passes::State;

/// A split's parts (or a merge's sources) together must say nearly what the whole says.
const SPLIT_WHOLE: f64 = 0.8;
/// Adding a part to a split (or a source to a merge) must bring its words this much closer
/// to the whole.
const SPLIT_GAIN: f64 = 0.05;
/// Bags for the blocks the split and merge pass compares: every leftover block and the
/// blocks of the pairs next to it, which may have been paired exactly and have none yet.
pub(super) fn fill_neighbour_bags(
    (old_key, new_key): (Keys<'_, '_>, Keys<'_, '_>),
    old_bags: &mut Bags,
    new_bags: &mut Bags,
    state: &State,
) {
    let mut want_old = Vec::new();
    let mut want_new = Vec::new();
    let mut visit = |k: usize, pair_of: &[Option<usize>], new_side: bool| {
        for neighbour in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
            let Some(id) = pair_of.get(neighbour).copied().flatten() else {
                continue;
            };
            want_old.extend(&state.pairs[id].old);
            want_new.extend(&state.pairs[id].new);
        }
        if new_side {
            want_new.push(k)
        } else {
            want_old.push(k)
        }
    };
    for (k, p) in state.new_pair.iter().enumerate() {
        if p.is_none() {
            visit(k, &state.new_pair, true);
        }
    }
    for (k, p) in state.old_pair.iter().enumerate() {
        if p.is_none() {
            visit(k, &state.old_pair, false);
        }
    }
    for i in want_old {
        old_bags.ensure(i, old_key);
    }
    for j in want_new {
        new_bags.ensure(j, new_key);
    }
}

#[derive(Clone, Copy)]
enum Side {
    Old,
    New,
}

/// Pass 6: a leftover block next to a 1:1 pair, whose text together with its neighbour's
/// matches the other side's block better than the neighbour alone: a split (new side) or a
/// merge (old side).
pub(super) fn splits_and_merges(old_bags: &Bags, new_bags: &Bags, state: &mut State) {
    for side in [Side::New, Side::Old] {
        let (same_bags, other_bags) = match side {
            Side::New => (new_bags, old_bags),
            Side::Old => (old_bags, new_bags),
        };
        // Leftovers are tried in order, and the neighbours of one that joins a group once
        // more: a part that said too little next to one piece (the first third of a split
        // in three) may complete the group its other neighbour made.
        let mut pending: Vec<usize> = (0..same_bags.len())
            .rev()
            .filter(|&k| pair_of(state, side)[k].is_none())
            .collect();
        while let Some(k) = pending.pop() {
            if pair_of(state, side)[k].is_some() {
                continue;
            }
            let Some((id, run)) = best_group(state, side, k, same_bags, other_bags) else {
                continue;
            };
            for &x in &run {
                let (group, slot) = match side {
                    Side::New => (&mut state.pairs[id].new, &mut state.new_pair[x]),
                    Side::Old => (&mut state.pairs[id].old, &mut state.old_pair[x]),
                };
                group.push(x);
                *slot = Some(id);
            }
            let group = match side {
                Side::New => &mut state.pairs[id].new,
                Side::Old => &mut state.pairs[id].old,
            };
            group.sort_unstable();
            let first = run.iter().min().copied().unwrap_or(k);
            let before = first
                .checked_sub(1)
                .filter(|&b| pair_of(state, side)[b].is_none());
            pending.extend(before);
        }
    }
}

fn pair_of(state: &State, side: Side) -> &[Option<usize>] {
    match side {
        Side::New => &state.new_pair,
        Side::Old => &state.old_pair,
    }
}

/// Leftover blocks that may join a group together: a split in three or more can need two
/// parts before the group says nearly what the whole says.
const RUN_PARTS: usize = 8;

/// The neighbouring pair whose group leftover block `k` completes best, if any completes
/// it well enough, and the blocks that join it: `k`, or `k` and the leftovers beyond it
/// that the group needs, the fewest that do. The group's words with theirs must say nearly
/// what the whole says, and clearly more so than without.
fn best_group(
    state: &State,
    side: Side,
    k: usize,
    same_bags: &Bags,
    other_bags: &Bags,
) -> Option<(usize, Vec<usize>)> {
    let free = |x: usize| x < same_bags.len() && pair_of(state, side)[x].is_none();
    let mut best: Option<(f64, usize, Vec<usize>)> = None;
    for neighbour in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
        let Some(id) = pair_of(state, side).get(neighbour).copied().flatten() else {
            continue;
        };
        let pair = &state.pairs[id];
        let (same_side, other_side) = match side {
            Side::New => (&pair.new, &pair.old),
            Side::Old => (&pair.old, &pair.new),
        };
        if other_side.len() != 1 || same_side.contains(&k) {
            continue;
        }
        // Only parts adjacent to the group already formed, and the leftovers beyond them.
        let lo = *same_side.iter().min().unwrap_or(&neighbour);
        let hi = *same_side.iter().max().unwrap_or(&neighbour);
        let run: Vec<usize> = if k == hi + 1 {
            (k..).take(RUN_PARTS).take_while(|&x| free(x)).collect()
        } else if k + 1 == lo {
            (0..=k)
                .rev()
                .take(RUN_PARTS)
                .take_while(|&x| free(x))
                .collect()
        } else {
            continue;
        };
        let whole = &other_bags[other_side[0]];
        let mut parts: Vec<&Bag> = same_side.iter().map(|&x| &same_bags[x]).collect();
        let before = dice(whole, &merged_bag(&parts));
        for (taken, &x) in run.iter().enumerate() {
            parts.push(&same_bags[x]);
            let after = dice(whole, &merged_bag(&parts));
            if after >= SPLIT_WHOLE && after > before + SPLIT_GAIN {
                if best.as_ref().is_none_or(|(s, _, _)| after > *s) {
                    best = Some((after, id, run[..=taken].to_vec()));
                }
                break;
            }
        }
    }
    best.map(|(_, id, run)| (id, run))
}

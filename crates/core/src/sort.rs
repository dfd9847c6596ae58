//! One sort for the whole map: every list the core sorts is sorted through
//! [`sort_indices`], a single, non-generic sort of positions with the comparison passed in.
//!
//! Each `sort_by` with its own closure or element type is compiled into its own copy of the
//! standard library's sort, several kilobytes of WebAssembly each; sorting positions with a
//! `dyn` comparison keeps one copy. The cost, one indirect call per comparison, is a few
//! milliseconds for 100,000 elements.

use std::cmp::Ordering;

/// Sorts `positions` by `compare`; equal elements keep their order (ties are broken by
/// position), so the result does not depend on the sort's algorithm.
#[inline(never)]
pub fn sort_indices(positions: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    positions.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
}

/// The positions `0..len` in the order `compare` gives them, ties in position order.
///
/// # Examples
/// ```
/// use flowmap_core::sort::order_of;
/// let widths = [2.0_f64, 9.0, 2.0, 5.0];
/// assert_eq!(order_of(widths.len(), |a, b| widths[b].total_cmp(&widths[a])), [1, 3, 0, 2]);
/// ```
pub fn order_of(len: usize, mut compare: impl FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    positions_by(len, &mut compare)
}

/// [`order_of`] with the comparison passed in (one copy, whatever the comparison).
#[inline(never)]
fn positions_by(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    sort_indices(&mut positions, compare);
    positions
}

/// Sorts `items` by `compare`, stably, through [`sort_indices`].
///
/// # Examples
/// ```
/// use flowmap_core::sort::sort_by;
/// let mut v = vec![(1, 'b'), (0, 'z'), (1, 'a')];
/// sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(0, 'z'), (1, 'b'), (1, 'a')]);
/// ```
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = order_of(items.len(), |a, b| compare(&items[a], &items[b]));
    put_in_order(items, &order);
}

/// Puts each element `order[i]` of `items` at position `i` (`order` a permutation of the
/// positions, as [`order_of`] gives).
///
/// # Examples
/// ```
/// use flowmap_core::sort::put_in_order;
/// let mut v = vec!['a', 'b', 'c'];
/// put_in_order(&mut v, &[2, 0, 1]);
/// assert_eq!(v, ['c', 'a', 'b']);
/// ```
pub fn put_in_order<T>(items: &mut [T], order: &[usize]) {
    // Only the swaps are generic: one small loop per element type.
    for (a, b) in swaps(order) {
        items.swap(a, b);
    }
}

/// The swaps, in turn, that put each slice's element `order[i]` at position `i`.
#[inline(never)]
fn swaps(order: &[usize]) -> Vec<(usize, usize)> {
    // `at[p]`: the element now at position p; `pos[e]`: where element e is now.
    let mut at: Vec<usize> = (0..order.len()).collect();
    let mut pos = at.clone();
    let mut swaps = Vec::new();
    for (i, &e) in order.iter().enumerate() {
        let j = pos[e];
        if j != i {
            swaps.push((i, j));
            let moved = at[i];
            (at[i], at[j]) = (e, moved);
            (pos[e], pos[moved]) = (i, j);
        }
    }
    swaps
}

/// [`sort_by`] in the elements' own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, Ord::cmp);
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn swaps_put_every_element_where_the_order_says() {
        // Every permutation of five elements.
        let mut order: Vec<usize> = (0..5).collect();
        let mut count = 0;
        loop {
            let mut items: Vec<char> = "abcde".chars().collect();
            let old = items.clone();
            put_in_order(&mut items, &order);
            assert!(order.iter().enumerate().all(|(i, &e)| items[i] == old[e]), "{order:?}");
            count += 1;
            // The next permutation, in lexicographic order.
            let Some(i) = (0..4).rev().find(|&i| order[i] < order[i + 1]) else { break };
            let j = (i + 1..5).rev().find(|&j| order[j] > order[i]).unwrap_or(i + 1);
            order.swap(i, j);
            order[i + 1..].reverse();
        }
        assert_eq!(count, 120);
    }
}
